// Share links: a whole session in the URL fragment as `#s=<format>.<codec>.<payload>`.
// The payload is the session as JSON, deflate-compressed with the platform's CompressionStream
// ('deflate-raw', a well-kept native codec) and written in base64url. Reading is defensive: every
// kind of bad link (truncated, corrupted, oversized, a decompression bomb, a future format, not
// JSON, the wrong shape) comes back as a sentence for the user, never as an exception, and nothing
// in a link is ever treated as HTML or code: it is parsed as JSON and validated.
// valibot, not zod: the scenario inside is validated by the engine's zod schema in the worker;
// the page only checks the envelope, and valibot's modular build keeps that to a few hundred bytes
// of the page's entry script.
import * as v from 'valibot';
import { LIMITS } from '../engine/public';
import { type Session, SIDE_TABS } from './session-types';

/** The session format this build writes. Older ones are read through SESSION_MIGRATIONS. */
export const SESSION_FORMAT = 1;
/** The fragment key: `#s=…`. */
const FRAGMENT_KEY = 's';
/** The one codec so far: deflate-raw, base64url. A new codec gets a new letter; old ones stay readable. */
export const CODEC_DEFLATE = 'd';

/** Links longer than this are refused before any work (a URL is not a file; the file export is). */
export const MAX_LINK_CHARS = 64 * 1024;
/** Decompressed sessions larger than this are refused while decompressing (a bomb stops here). */
export const MAX_SESSION_BYTES = 2 * 1024 * 1024;
/** Beyond this length the Share button offers the file export instead of a link. */
export const LONG_LINK_CHARS = 8000;

const selectionSchema = v.object({
  kind: v.picklist(
    ['worker', 'master', 'zookeeper', 'client', 'executor', 'driver', 'application'],
    'expected what was selected (worker, master, executor…)',
  ),
  id: v.pipe(v.string('expected an id'), v.maxLength(200, 'expected an id of at most 200 characters')),
});

const sessionSchema = v.object({
  format: v.literal(SESSION_FORMAT),
  engine: v.pipe(
    v.number('expected the engine version, a whole number'),
    v.integer('expected the engine version, a whole number'),
    v.minValue(0, 'expected the engine version, a whole number'),
  ),
  scenario: v.record(v.string(), v.unknown(), 'expected a scenario document'),
  playhead: v.pipe(
    v.number('expected the playhead in simulated ms'),
    v.minValue(0, 'expected the playhead, at least 0'),
    // The engine refuses anything later than LIMITS.simulatedMs; a link must not ask the page to
    // seek further than any run may go.
    v.maxValue(
      LIMITS.simulatedMs,
      `expected the playhead within ${LIMITS.simulatedMs / 86_400_000} simulated days (${LIMITS.simulatedMs.toLocaleString('en')} ms), the longest run the playground simulates`,
    ),
  ),
  builtin: v.optional(v.pipe(v.string(), v.maxLength(100))),
  view: v.optional(
    v.object({
      tab: v.optional(v.picklist(SIDE_TABS)),
      selection: v.optional(selectionSchema),
      speed: v.optional(v.pipe(v.number(), v.minValue(0.01), v.maxValue(10_000))),
    }),
  ),
});

/** A read-side migration: a document of format N in, one of format N+1 out. */
export type SessionMigration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** Format N → N+1. Empty while format 1 is the only one; a new format adds its step here. */
const SESSION_MIGRATIONS: Readonly<Record<number, SessionMigration>> = {};

/** Why a session document (from a link or the browser's storage) cannot be used. */
export type SessionProblem =
  | { kind: 'newer'; format: number }
  | { kind: 'unreadable-format'; format: number }
  | { kind: 'shape'; where: string; message: string };

/**
 * Checks a session document of any format: migrated to this build's format, then validated. The
 * callers phrase the problem for where the document came from (a link, the autosave).
 */
export function checkSessionDocument(
  doc: unknown,
  opts: DecodeOptions = {},
): { ok: true; session: Session } | { ok: false; problem: SessionProblem } {
  const migrations = opts.migrations ?? SESSION_MIGRATIONS;
  const newest = opts.current ?? SESSION_FORMAT;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    return { ok: false, problem: { kind: 'shape', where: '', message: 'expected a session, an object' } };
  let current = doc as Record<string, unknown>;
  const format = current.format;
  if (typeof format !== 'number' || !Number.isInteger(format))
    return {
      ok: false,
      problem: { kind: 'shape', where: 'format', message: 'expected the session format, a whole number' },
    };
  if (format !== newest) {
    if (format > newest) return { ok: false, problem: { kind: 'newer', format } };
    if (format < 1 || !hasMigrationPath(format, newest, migrations))
      return { ok: false, problem: { kind: 'unreadable-format', format } };
    for (let f = format; f < newest; f++) current = { ...(migrations[f] as SessionMigration)(current), format: f + 1 };
  }
  const parsed = v.safeParse(sessionSchema, { ...current, format: SESSION_FORMAT });
  if (parsed.success) return { ok: true, session: parsed.output as Session };
  const first = parsed.issues[0];
  return {
    ok: false,
    problem: {
      kind: 'shape',
      where: first?.path?.map((p) => String(p.key)).join('.') ?? '',
      message: first?.message ?? 'unexpected content',
    },
  };
}

export type DecodeResult = { ok: true; session: Session } | { ok: false; error: string };

// ---------------------------------------------------------------- base64url

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64[a >> 2];
    out += B64[((a & 3) << 4) | ((b ?? 0) >> 4)];
    if (b !== undefined) out += B64[((b & 15) << 2) | ((c ?? 0) >> 6)];
    if (c !== undefined) out += B64[c & 63];
  }
  return out;
}

/** null when the text is not base64url (a character outside the alphabet, or an impossible length). */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const v = [0, 1, 2, 3].map((k) => (i + k < text.length ? (B64_INDEX[text.charCodeAt(i + k)] ?? -1) : 0));
    if (v.some((x, k) => i + k < text.length && (x < 0 || text.charCodeAt(i + k) >= 128))) return null;
    const [a, b, c, d] = v as [number, number, number, number];
    out[o++] = (a << 2) | (b >> 4);
    if (i + 2 < text.length) out[o++] = ((b & 15) << 4) | (c >> 2);
    if (i + 3 < text.length) out[o++] = ((c & 3) << 6) | d;
  }
  return out.subarray(0, o);
}

// ---------------------------------------------------------------- deflate with limits

async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | 'too-big'> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      // Stop the decompressor at once: a bomb never gets to expand further.
      await reader.cancel().catch(() => undefined);
      return 'too-big';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

// The DOM typings give the (de)compression streams a BufferSource writable side; bytes in are fine.
type ByteTransform = ReadableWritablePair<Uint8Array, Uint8Array>;
const compressor = () => new CompressionStream('deflate-raw') as unknown as ByteTransform;
const decompressor = () => new DecompressionStream('deflate-raw') as unknown as ByteTransform;

export async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const out = await collect(streamOf(bytes).pipeThrough(compressor()), Number.MAX_SAFE_INTEGER);
  if (out === 'too-big') throw new Error('unreachable');
  return out;
}

/** Inflates at most `limit` bytes; 'too-big' beyond, 'corrupt' when the data is not deflate. */
async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array | 'too-big' | 'corrupt'> {
  try {
    return await collect(streamOf(bytes).pipeThrough(decompressor()), limit);
  } catch {
    return 'corrupt';
  }
}

// ---------------------------------------------------------------- encode / decode

export async function encodeSession(session: Session): Promise<string> {
  const json = JSON.stringify(session);
  const packed = await deflate(new TextEncoder().encode(json));
  return `${FRAGMENT_KEY}=${SESSION_FORMAT}.${CODEC_DEFLATE}.${toBase64Url(packed)}`;
}

/** The share fragment of a URL hash ("#s=1.d.…"), or null when the hash holds none. */
export function shareFragment(hash: string): string | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  return h.startsWith(`${FRAGMENT_KEY}=`) ? h : null;
}

const INCOMPLETE =
  'This link is incomplete or damaged (it may have been cut off when it was copied). Ask for the link again, or for the session file.';

export interface DecodeOptions {
  /** Read-side migrations (the page uses SESSION_MIGRATIONS; tests bring their own). */
  migrations?: Readonly<Record<number, SessionMigration>>;
  /** The newest format understood (SESSION_FORMAT; tests pretend to be a later build). */
  current?: number;
}

/** Reads a share fragment ("s=1.d.…"). Never throws; every failure is a sentence for the user. */
export async function decodeSession(fragment: string, opts: DecodeOptions = {}): Promise<DecodeResult> {
  const migrations = opts.migrations ?? SESSION_MIGRATIONS;
  const newest = opts.current ?? SESSION_FORMAT;
  try {
    if (fragment.length > MAX_LINK_CHARS) {
      return {
        ok: false,
        error: `This link is too long to be a playground session (${fragment.length.toLocaleString('en')} characters; at most ${MAX_LINK_CHARS.toLocaleString('en')}).`,
      };
    }
    const m = /^s=(\d{1,6})\.([a-z])\.([A-Za-z0-9_-]*)$/.exec(fragment);
    if (!m)
      return {
        ok: false,
        error: 'This link does not hold a playground session: its address part after "#" is not in the expected form.',
      };
    const format = Number(m[1]);
    const codec = m[2] as string;
    const payload = m[3] as string;
    if (format > newest) {
      return {
        ok: false,
        error: `This link was made by a newer version of the playground (session format ${format}; this version reads formats up to ${newest}). Open it with the newer version.`,
      };
    }
    if (format < 1 || !hasMigrationPath(format, newest, migrations)) {
      return { ok: false, error: `This link uses session format ${format}, which this version cannot read.` };
    }
    if (codec !== CODEC_DEFLATE)
      return {
        ok: false,
        error: `This link is packed with an unknown method ("${codec}"); it may come from a newer version.`,
      };
    if (payload.length === 0) return { ok: false, error: INCOMPLETE };
    const packed = fromBase64Url(payload);
    if (!packed) return { ok: false, error: INCOMPLETE };
    const raw = await inflate(packed, MAX_SESSION_BYTES);
    if (raw === 'too-big')
      return {
        ok: false,
        error: `This link unpacks to more than ${MAX_SESSION_BYTES / 1024 / 1024} MB, far more than any session; it was refused.`,
      };
    if (raw === 'corrupt') return { ok: false, error: INCOMPLETE };
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      return { ok: false, error: INCOMPLETE };
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      return { ok: false, error: INCOMPLETE };
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
      return { ok: false, error: 'This link holds something that is not a playground session.' };
    // The link's own format (from its prefix) wins over whatever the document claims.
    const checked = checkSessionDocument({ ...(doc as Record<string, unknown>), format }, opts);
    if (checked.ok) return checked;
    const problem = checked.problem;
    if (problem.kind !== 'shape')
      return { ok: false, error: `This link uses session format ${format}, which this version cannot read.` };
    const where = problem.where ? ` (at ${problem.where})` : '';
    return { ok: false, error: `This link holds a session this version cannot use${where}: ${problem.message}.` };
  } catch (err) {
    // Defence in depth: nothing above should throw, but a bad link must never break the page.
    return { ok: false, error: `This link could not be read (${err instanceof Error ? err.message : String(err)}).` };
  }
}

function hasMigrationPath(from: number, to: number, migrations: Readonly<Record<number, SessionMigration>>): boolean {
  for (let f = from; f < to; f++) if (!migrations[f]) return false;
  return true;
}
