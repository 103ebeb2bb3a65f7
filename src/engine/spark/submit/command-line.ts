// The command line as the user wrote it, for the submit form: read (recordCommandLine,
// parseSubmitCommandLine) without judging it, and written back (renderSparkSubmit) as a canonical
// line. Not a Spark file: Spark never keeps the line; the form edits it.
import { ILLEGAL_ARGUMENT_EXCEPTION, JvmException } from '../memory';
import { SubmitAbort, unsupported } from './failures';
import { LAUNCHER_CONF_FLAGS } from './launcher';
import { parseOptions, splitConfPair } from './option-parser';
import { shellQuote, splitShellWords } from './shell-words';
import type { SubmitCommandLine } from './types';
import { DEFAULT_SPARK_HOME } from './uris';

/**
 * `record[key] = value` that also works for a key such as "__proto__" (a user can type
 * `--conf __proto__=x`): plain assignment would set the object's prototype instead.
 */
function setOwn(record: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

export function emptyCommandLine(program: string, env: Record<string, string>): SubmitCommandLine {
  return {
    program,
    env,
    supervise: false,
    conf: {},
    loadSparkDefaults: false,
    verbose: false,
    help: false,
    version: false,
    usageError: false,
    appArgs: [],
  };
}

const VALUE_FIELDS: Readonly<Record<string, keyof SubmitCommandLine>> = {
  '--master': 'master',
  '--remote': 'remote',
  '--deploy-mode': 'deployMode',
  '--class': 'mainClass',
  '--name': 'name',
  '--driver-cores': 'driverCores',
  '--executor-memory': 'executorMemory',
  '--executor-cores': 'executorCores',
  '--total-executor-cores': 'totalExecutorCores',
  '--num-executors': 'numExecutors',
  '--queue': 'queue',
  '--properties-file': 'propertiesFile',
  '--jars': 'jars',
  '--packages': 'packages',
  '--exclude-packages': 'excludePackages',
  '--repositories': 'repositories',
  '--py-files': 'pyFiles',
  '--files': 'files',
  '--archives': 'archives',
  '--proxy-user': 'proxyUser',
  '--principal': 'principal',
  '--keytab': 'keytab',
  '--kill': 'kill',
  '--status': 'status',
};

const SWITCH_FIELDS: Readonly<Record<string, keyof SubmitCommandLine>> = {
  '--supervise': 'supervise',
  '--verbose': 'verbose',
  '--help': 'help',
  '--version': 'version',
  '--usage-error': 'usageError',
  '--load-spark-defaults': 'loadSparkDefaults',
};

/**
 * Records the options of an argument list without judging them (the first non-option word is the
 * primary resource, the rest are app args). Throws the launcher's errors for what it cannot read.
 * The driver flags and their --conf keys overwrite each other in order, as in the launcher's conf map.
 */
export function recordCommandLine(
  program: string,
  env: Record<string, string>,
  args: readonly string[],
): SubmitCommandLine {
  const cl = emptyCommandLine(program, env);
  const fields = cl as unknown as Record<string, unknown>;
  parseOptions(args, {
    handle(opt, value) {
      const launcherConf = LAUNCHER_CONF_FLAGS[opt];
      if (opt === '--conf') {
        const [k, v] = splitConfPair(value ?? '');
        if (v === undefined)
          throw new JvmException(ILLEGAL_ARGUMENT_EXCEPTION, `Invalid argument to --conf: ${value ?? ''}`);
        delete cl.conf[k];
        setOwn(cl.conf, k, v);
        for (const flag of Object.values(LAUNCHER_CONF_FLAGS)) if (flag.key === k) delete fields[flag.field];
      } else if (launcherConf) {
        fields[launcherConf.field] = value;
        delete cl.conf[launcherConf.key];
      } else if (VALUE_FIELDS[opt]) {
        fields[VALUE_FIELDS[opt]] = value;
      } else if (SWITCH_FIELDS[opt]) {
        fields[SWITCH_FIELDS[opt]] = true;
      }
      return true;
    },
    handleUnknown(arg) {
      if (arg.startsWith('-')) throw new JvmException(ILLEGAL_ARGUMENT_EXCEPTION, `Unrecognized option: ${arg}`);
      cl.primaryResource = arg;
      return false;
    },
    handleExtraArgs(extra) {
      cl.appArgs.push(...extra);
    },
  });
  return cl;
}

/** The options of a command line in the order renderSparkSubmit writes them. */
const RENDER_ORDER: readonly (readonly [string, keyof SubmitCommandLine])[] = [
  ['--master', 'master'],
  ['--remote', 'remote'],
  ['--deploy-mode', 'deployMode'],
  ['--name', 'name'],
  ['--class', 'mainClass'],
  ['--supervise', 'supervise'],
  ['--driver-memory', 'driverMemory'],
  ['--driver-cores', 'driverCores'],
  ['--driver-java-options', 'driverJavaOptions'],
  ['--driver-library-path', 'driverLibraryPath'],
  ['--driver-class-path', 'driverClassPath'],
  ['--driver-default-class-path', 'driverDefaultClassPath'],
  ['--executor-memory', 'executorMemory'],
  ['--executor-cores', 'executorCores'],
  ['--total-executor-cores', 'totalExecutorCores'],
  ['--num-executors', 'numExecutors'],
  ['--queue', 'queue'],
  ['--conf', 'conf'],
  ['--properties-file', 'propertiesFile'],
  ['--load-spark-defaults', 'loadSparkDefaults'],
  ['--jars', 'jars'],
  ['--packages', 'packages'],
  ['--exclude-packages', 'excludePackages'],
  ['--repositories', 'repositories'],
  ['--py-files', 'pyFiles'],
  ['--files', 'files'],
  ['--archives', 'archives'],
  ['--proxy-user', 'proxyUser'],
  ['--principal', 'principal'],
  ['--keytab', 'keytab'],
  ['--kill', 'kill'],
  ['--status', 'status'],
  ['--verbose', 'verbose'],
  ['--usage-error', 'usageError'],
  ['--version', 'version'],
  ['--help', 'help'],
];

export interface RenderOptions {
  /** Put each option on its own line, joined with a backslash-newline continuation. */
  multiline?: boolean;
}

/**
 * Writes a command line back as a canonical spark-submit line: program, options in a fixed order,
 * primary resource, app args; every word quoted for sh when needed. Parsing the result gives the
 * same SubmitCommandLine back.
 */
export function renderSparkSubmit(cl: SubmitCommandLine, options: RenderOptions = {}): string {
  const groups: string[][] = [];
  const head = Object.entries(cl.env).map(([k, v]) => `${k}=${shellQuote(v)}`);
  head.push(shellQuote(cl.program === '' ? 'spark-submit' : cl.program));
  groups.push(head);
  const fields = cl as unknown as Record<string, unknown>;
  for (const [flag, field] of RENDER_ORDER) {
    const v = fields[field];
    if (field === 'conf') {
      for (const [k, val] of Object.entries(cl.conf)) groups.push(['--conf', shellQuote(`${k}=${val}`)]);
    } else if (v === true) {
      groups.push([flag]);
    } else if (typeof v === 'string') {
      groups.push([flag, shellQuote(v)]);
    }
  }
  if (cl.primaryResource !== undefined) groups.push([shellQuote(cl.primaryResource), ...cl.appArgs.map(shellQuote)]);
  else if (cl.appArgs.length > 0) groups.push(cl.appArgs.map(shellQuote));
  return groups.map((g) => g.join(' ')).join(options.multiline ? ' \\\n  ' : ' ');
}

/** Reads the command line of a spark-submit line for the form, without validating it. */
export function parseSubmitCommandLine(
  line: string,
  env: Readonly<Record<string, string>> = {},
): { ok: true; commandLine: SubmitCommandLine } | { ok: false; error: string } {
  try {
    const { program, env: prefixEnv, args } = splitInvocation(line, { SPARK_HOME: DEFAULT_SPARK_HOME, ...env });
    return { ok: true, commandLine: recordCommandLine(program, prefixEnv, args) };
  } catch (e) {
    if (e instanceof SubmitAbort) return { ok: false, error: e.sparkMessage };
    if (e instanceof JvmException) return { ok: false, error: e.message };
    throw e;
  }
}

/** The program word, leading `NAME=value` words and the arguments of a command line. */
export function splitInvocation(
  line: string,
  env: Readonly<Record<string, string>>,
): { program: string; env: Record<string, string>; args: string[] } {
  const split = splitShellWords(line, env);
  if (!split.ok) throw new SubmitAbort('error', 'shell', split.error, undefined, split.error, 2);
  const words = split.words;
  const prefixEnv: Record<string, string> = {};
  let i = 0;
  for (; i < words.length; i++) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(words[i] ?? '');
    if (!m) break;
    setOwn(prefixEnv, m[1] ?? '', m[2] ?? '');
  }
  const first = words[i];
  if (first === undefined || first.startsWith('-')) return { program: '', env: prefixEnv, args: words.slice(i) };
  const base = first.slice(first.lastIndexOf('/') + 1);
  if (base !== 'spark-submit') {
    throw unsupported(`The simulator runs spark-submit command lines; '${first}' is not spark-submit.`);
  }
  return { program: first, env: prefixEnv, args: words.slice(i + 1) };
}
