// Models deploy/ClientArguments.scala: the legacy cluster-mode gateway's (ClientApp's) check of
// the "launch" arguments, with its usage text and its exit status.
import { SubmitAbort, toFailure } from './failures';
import { isParsableUri } from './uris';
import type { SubmitFailure, SubmitSpec } from './types';

/** The legacy cluster client's usage (ClientArguments.printUsageAndExit), leading newline included. */
const DRIVER_CLIENT_USAGE = `
Usage: DriverClient [options] launch <active-master> <jar-url> <main-class> [driver options]
Usage: DriverClient kill <active-master> <driver-id>

Options:
   -c CORES, --cores CORES        Number of cores to request (default: 1)
   -m MEMORY, --memory MEMORY     Megabytes of memory to request (default: 1024)
   -s, --supervise                Whether to restart the driver on failure
                                  (default: false)
   -v, --verbose                  Print more debugging output`;

/**
 * ClientArguments ("launch" … <jarUrl> …): the legacy gateway wants a URL with a scheme whose
 * path ends in .jar. It prints two lines and its usage, then exits -1.
 */
export function checkLegacyJarUrl(jarUrl: string): void {
  // An opaque URI (scheme: not followed by '/') has no path.
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:(\/\/[^/?#]*)?(\/[^?#]*)/.exec(jarUrl);
  const valid = isParsableUri(jarUrl) && m !== null && (m[2] ?? '').endsWith('.jar');
  if (!valid) {
    const message = `Jar url '${jarUrl}' is not in valid format.`;
    const console = `${message}\nMust be a jar file path in URL format (e.g. hdfs://host:port/XX.jar, file:///XX.jar)\n${DRIVER_CLIENT_USAGE}`;
    throw new SubmitAbort('error', 'ClientApp', message, undefined, console, 255);
  }
}

/**
 * The legacy gateway's jar-URL check, for the engine to apply when a REST submission falls back
 * to it. Returns the failure, or undefined when ClientArguments accepts the URL.
 */
export function legacyClientJarUrlError(spec: SubmitSpec): SubmitFailure | undefined {
  try {
    checkLegacyJarUrl(spec.primaryResource ?? '');
    return undefined;
  } catch (e) {
    if (e instanceof SubmitAbort) return toFailure(e, [], spec.commandLine);
    throw e;
  }
}
