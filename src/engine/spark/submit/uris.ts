// Models the URI and master-URL helpers of util/Utils.scala (resolveURI, resolveURIs,
// stringToSeq, parseStandaloneMasterUrls, extractHostPortFromSparkUrl) with the java.io.File and
// java.net.URI behaviour they rely on, and RestSubmissionClient's base URL for a master.
import { parseJavaInteger } from '../conf';
import { JvmException } from '../memory';
import { SPARK_EXCEPTION } from './failures';
import type { MasterAddress } from './types';

/** The simulator's assumption for $SPARK_HOME (and the working directory) when none is given. */
export const DEFAULT_SPARK_HOME = '/opt/spark';

const URI_WITH_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/** Characters java.net.URI leaves unescaped in a path: ASCII path characters and the "other"
 *  category (non-ASCII that is neither a control nor a space character). */
function isUriPathChar(ch: string): boolean {
  if (/^[A-Za-z0-9\-_.!~*'();:&=+$,/@]$/.test(ch)) return true;
  return (ch.codePointAt(0) ?? 0) > 0x7f && !/^[\p{Cc}\p{Z}]$/u.test(ch);
}

/** Whether `new URI(s)` would parse (approximately: no characters URIs forbid). */
export function isParsableUri(s: string): boolean {
  return !/[\s"<>\\^`{|}]/.test(s) && !/%(?![0-9A-Fa-f]{2})/.test(s);
}

/** java.io.File(path).getAbsoluteFile against `cwd`: absolute, repeated '/' collapsed. */
function absolutePath(path: string, cwd: string): string {
  const absolute = path.startsWith('/') ? path : `${cwd.replace(/\/+$/, '')}/${path}`;
  return absolute.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
}

/** java.io.File(path).getCanonicalFile against `cwd`: absolute, '.' and '..' resolved. */
function canonicalPath(path: string, cwd: string): string {
  const absolute = path.startsWith('/') ? path : `${cwd.replace(/\/+$/, '')}/${path}`;
  const out: string[] = [];
  for (const seg of absolute.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

/** File.toURI: `file:` + the path with characters URIs do not allow percent-encoded. */
function fileUri(path: string): string {
  let encoded = '';
  for (const ch of path) {
    if (isUriPathChar(ch)) encoded += ch;
    else for (const b of new TextEncoder().encode(ch)) encoded += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `file:${encoded}`;
}

/** Utils.resolveURI: URIs with a scheme stay as they are; local paths become file: URIs. */
export function resolveURI(path: string, cwd: string = DEFAULT_SPARK_HOME): string {
  if (isParsableUri(path)) {
    if (URI_WITH_SCHEME.test(path)) return path;
    // With a fragment (file.zip#dir), Spark uses File.getAbsoluteFile, which keeps '.' and '..'.
    const hash = path.indexOf('#');
    if (hash >= 0) return `${fileUri(absolutePath(path.slice(0, hash), cwd))}#${path.slice(hash + 1)}`;
  }
  return fileUri(canonicalPath(path, cwd));
}

/** Java's String.split(","): trailing empty strings are dropped. */
export function javaSplitComma(s: string): string[] {
  const parts = s.split(',');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Utils.resolveURIs: each non-blank comma-separated path through resolveURI. */
export function resolveURIs(paths: string, cwd: string = DEFAULT_SPARK_HOME): string {
  if (paths.trim() === '') return '';
  return javaSplitComma(paths)
    .filter((p) => p.trim() !== '')
    .map((p) => resolveURI(p, cwd))
    .join(',');
}

/** Utils.stringToSeq: comma-separated, trimmed, empties dropped. */
export function stringToSeq(s: string | undefined): string[] {
  return s === undefined
    ? []
    : javaSplitComma(s)
        .map((x) => x.trim())
        .filter((x) => x !== '');
}

/** new File(path).getName(). */
export function fileName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

// =============================================================================================
// Master URLs

/** Utils.parseStandaloneMasterUrls: spark://a:1,b:2 → [spark://a:1, spark://b:2]. */
export function parseStandaloneMasterUrls(masterUrls: string): string[] {
  const rest = masterUrls.startsWith('spark://') ? masterUrls.slice('spark://'.length) : masterUrls;
  return javaSplitComma(rest).map((m) => `spark://${m}`);
}

/** java.net.URI's server-based hostname rule (RFC 2396), including the IPv4 and IPv6 forms. */
function isUriHost(host: string): boolean {
  if (/^\[[0-9A-Fa-f:.]+\]$/.test(host)) return true;
  const ipv4 = /^([0-9]+)\.([0-9]+)\.([0-9]+)\.([0-9]+)$/.exec(host);
  if (ipv4 && ipv4.slice(1).every((p) => Number(p) <= 255)) return true;
  const labels = host.endsWith('.') ? host.slice(0, -1).split('.') : host.split('.');
  if (labels.some((l) => !/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/.test(l))) return false;
  // A multi-label name must end with a label that starts with a letter.
  return labels.length === 1 || /^[A-Za-z]/.test(labels[labels.length - 1] ?? '');
}

/**
 * RpcAddress.fromSparkURL → Utils.extractHostPortFromSparkUrl: `spark://host:port` and nothing
 * else. There is no default port: `spark://host` is an invalid master URL for the RPC clients.
 */
export function rpcAddressFromSparkUrl(url: string): MasterAddress {
  const invalid = () => new JvmException(SPARK_EXCEPTION, `Invalid master URL: ${url}`);
  if (!url.startsWith('spark://') || !isParsableUri(url)) throw invalid();
  const m = /^spark:\/\/([^/?#]*)$/.exec(url);
  if (!m) throw invalid(); // a path, query or fragment
  const authority = m[1] ?? '';
  if (authority.includes('@')) throw invalid();
  const hp = /^(\[[^\]]*\]|[^:]*):([0-9]+)$/.exec(authority);
  if (!hp) throw invalid();
  const host = hp[1] ?? '';
  const port = parseJavaInteger(hp[2] ?? '', 32);
  if (!isUriHost(host) || port === undefined) throw invalid();
  return { host, port };
}

/**
 * RestSubmissionClient's base URL for a master: `http://` + host[:port] with any trailing '/'
 * dropped; without a port, HTTP's default (80) applies. Returns undefined when that is no URL.
 */
export function restAddressFromSparkUrl(url: string): MasterAddress | undefined {
  const authority = url.replace(/^spark:\/\//, '').replace(/\/$/, '');
  const m = /^(\[[^\]]*\]|[^:/?#@]+)(?::([0-9]+))?$/.exec(authority);
  if (!m) return undefined;
  const host = m[1] ?? '';
  if (!isUriHost(host)) return undefined;
  return { host, port: m[2] !== undefined ? Number(m[2]) : 80 };
}
