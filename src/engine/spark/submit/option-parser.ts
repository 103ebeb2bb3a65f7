// Models launcher/SparkSubmitOptionParser.java (4.0): the option tables and the parse loop that
// both the launcher (launcher.ts) and SparkSubmitArguments (spark-submit-arguments.ts) run.
import { ILLEGAL_ARGUMENT_EXCEPTION, JvmException } from '../memory';

/** Options with a value; the first name of each entry is the one handle() receives. */
export const SPARK_SUBMIT_OPTS: readonly (readonly string[])[] = [
  ['--archives'],
  ['--class'],
  ['--conf', '-c'],
  ['--deploy-mode'],
  ['--driver-class-path'],
  ['--driver-cores'],
  ['--driver-default-class-path'],
  ['--driver-java-options'],
  ['--driver-library-path'],
  ['--driver-memory'],
  ['--executor-cores'],
  ['--executor-memory'],
  ['--files'],
  ['--jars'],
  ['--keytab'],
  ['--kill'],
  ['--master'],
  ['--remote'],
  ['--name'],
  ['--num-executors'],
  ['--packages'],
  ['--exclude-packages'],
  ['--principal'],
  ['--properties-file'],
  ['--proxy-user'],
  ['--py-files'],
  ['--queue'],
  ['--repositories'],
  ['--status'],
  ['--total-executor-cores'],
];

/** Options without a value. */
export const SPARK_SUBMIT_SWITCHES: readonly (readonly string[])[] = [
  ['--help', '-h'],
  ['--supervise'],
  ['--usage-error'],
  ['--verbose', '-v'],
  ['--version'],
  ['--load-spark-defaults'],
];

function findCliOption(name: string, available: readonly (readonly string[])[]): string | undefined {
  for (const candidates of available) if (candidates.includes(name)) return candidates[0];
  return undefined;
}

interface OptionHandler {
  /** Returns whether to keep parsing. */
  handle(opt: string, value: string | null): boolean;
  /** Called for a word that is not an option; returns whether to keep parsing. */
  handleUnknown(arg: string): boolean;
  handleExtraArgs(extra: string[]): void;
}

/** `--opt=value` is accepted for options with a value (and anything starting with --). */
const EQ_SEPARATED_OPT = /^(--[^=]+)=(.+)$/;

/** SparkSubmitOptionParser.parse. Throws IllegalArgumentException for a missing value. */
export function parseOptions(args: readonly string[], handler: OptionHandler): void {
  let idx = 0;
  for (idx = 0; idx < args.length; idx++) {
    let arg = args[idx] ?? '';
    let value: string | null = null;
    const m = EQ_SEPARATED_OPT.exec(arg);
    if (m) {
      arg = m[1] ?? arg;
      value = m[2] ?? null;
    }
    let name = findCliOption(arg, SPARK_SUBMIT_OPTS);
    if (name !== undefined) {
      if (value === null) {
        if (idx === args.length - 1) {
          throw new JvmException(ILLEGAL_ARGUMENT_EXCEPTION, `Missing argument for option '${arg}'.`);
        }
        idx++;
        value = args[idx] ?? '';
      }
      if (!handler.handle(name, value)) break;
      continue;
    }
    name = findCliOption(arg, SPARK_SUBMIT_SWITCHES);
    if (name !== undefined) {
      if (!handler.handle(name, null)) break;
      continue;
    }
    if (!handler.handleUnknown(arg)) break;
  }
  if (idx < args.length) idx++;
  handler.handleExtraArgs(args.slice(idx));
}

/** Java's `value.split("=", 2)`: the key, and the value when there was an '='. */
export function splitConfPair(pair: string): [string, string | undefined] {
  const eq = pair.indexOf('=');
  return eq < 0 ? [pair, undefined] : [pair.slice(0, eq), pair.slice(eq + 1)];
}
