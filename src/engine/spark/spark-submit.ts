// Models launcher/{Main,SparkSubmitCommandBuilder,SparkSubmitOptionParser}.java, deploy/SparkSubmitArguments.scala,
// deploy/SparkSubmit.scala (prepareSubmitEnvironment), deploy/ClientArguments.scala and util/Utils.scala
// (resolveURI, parseStandaloneMasterUrls, extractHostPortFromSparkUrl): what `bin/spark-submit …`
// does with its command line when the master is a spark:// URL, with Spark's own messages.
//
// A command line goes through the same two parsers as in Spark 4.0:
//  1. the launcher (a small Java program run by bin/spark-class) parses the options first; its
//     errors print `Error: <message>`, a blank line and the usage, and exit 1;
//  2. the SparkSubmit JVM parses the launcher's rebuilt argument list with SparkSubmitArguments,
//     then prepareSubmitEnvironment decides what to run; their errors are uncaught
//     SparkExceptions: `Exception in thread "main" org.apache.spark.SparkException: <message>`.
// `viaLauncher: false` models calling SparkSubmit.main directly (as SparkSubmitSuite does).
import type { SparkConfMap } from './conf';
import { getBoolean, getOptionalInt, getSizeMb, parseJavaInteger } from './conf';
import {
  attempt,
  byteStringAsBytes,
  ILLEGAL_ARGUMENT_EXCEPTION,
  JvmException,
  memoryStringToMb,
} from './memory';

// =============================================================================================
// Public types

export type SparkSubmitAction = 'SUBMIT' | 'KILL' | 'REQUEST_STATUS';
export type DeployMode = 'client' | 'cluster';

/** A Master address as the submitting side will contact it. */
export interface MasterAddress {
  readonly host: string;
  readonly port: number;
}

/**
 * The command line as the user wrote it, one field per spark-submit option (the last occurrence
 * wins, as in Spark). The UI edits this; renderSparkSubmit turns it back into a line.
 */
export interface SubmitCommandLine {
  /** The program word as typed (`spark-submit`, `./bin/spark-submit`…); '' if the line had none. */
  program: string;
  /** Leading `NAME=value` words (environment for spark-submit only). */
  env: Record<string, string>;
  master?: string;
  remote?: string;
  deployMode?: string;
  mainClass?: string;
  name?: string;
  supervise: boolean;
  driverMemory?: string;
  driverCores?: string;
  driverJavaOptions?: string;
  driverLibraryPath?: string;
  driverClassPath?: string;
  driverDefaultClassPath?: string;
  executorMemory?: string;
  executorCores?: string;
  totalExecutorCores?: string;
  numExecutors?: string;
  queue?: string;
  /** --conf / -c pairs in the order given; a later pair for the same key replaces the earlier. */
  conf: Record<string, string>;
  propertiesFile?: string;
  loadSparkDefaults: boolean;
  jars?: string;
  packages?: string;
  excludePackages?: string;
  repositories?: string;
  pyFiles?: string;
  files?: string;
  archives?: string;
  proxyUser?: string;
  principal?: string;
  keytab?: string;
  kill?: string;
  status?: string;
  verbose: boolean;
  help: boolean;
  version: boolean;
  usageError: boolean;
  primaryResource?: string;
  appArgs: string[];
}

/** Everything the engine needs to carry out a parsed spark-submit. */
export interface SubmitSpec {
  action: SparkSubmitAction;
  /** args.master: the --master value (or spark.master / MASTER), e.g. spark://h1:7077,h2:7077. */
  masterUrl: string;
  /** One entry per Master in the URL, as the chosen client will contact it (see masterAddresses). */
  masters: MasterAddress[];
  deployMode: DeployMode;
  /** The --supervise flag; Spark only uses it in cluster mode (spark.driver.supervise). */
  supervise: boolean;
  /** The user's main class (PythonRunner / RRunner for client-mode .py / .R apps). */
  mainClass: string | undefined;
  /** spark.app.name as spark-submit sets it: --name, spark.app.name, the main class, the file name. */
  appName: string;
  /** The primary resource as Spark resolved it (a local path becomes a file: URI). */
  primaryResource: string | undefined;
  appArgs: string[];
  /** The application's SparkConf after prepareSubmitEnvironment (spark.* keys only). */
  conf: Record<string, string>;
  /** Cluster mode: the DriverDescription memory (memoryStringToMb: a bare number is bytes).
   *  Client mode: spark.driver.memory read as the conf does (a bare number is MiB). */
  driverMemoryMb: number;
  driverCores: number;
  /** spark.executor.memory (bytesConf MiB: a bare number is MiB); 1024 when unset. */
  executorMemoryMb: number;
  /** spark.executor.cores, undefined when set nowhere (standalone: all free cores of a worker). */
  executorCores: number | undefined;
  /** spark.cores.max, undefined when unset (the Master then uses spark.deploy.defaultCores). */
  coresMax: number | undefined;
  /** spark.master.rest.enabled as spark-submit read it: cluster mode goes through the REST client. */
  useRest: boolean;
  /** spark.standalone.submit.waitAppCompletion (legacy cluster-mode client only). */
  waitAppCompletion: boolean;
  killSubmissionId: string | undefined;
  statusSubmissionId: string | undefined;
  isPython: boolean;
  isR: boolean;
  verbose: boolean;
  jars: string[];
  files: string[];
  archives: string[];
  pyFiles: string[];
  packages: string[];
  /** The class spark-submit runs: the user's main class (client mode), ClientApp or RestSubmissionClientApp. */
  childMainClass: string;
  /** Its arguments (for ClientApp: [--supervise] [--memory m] [--cores c] launch <master> <jar> <class> args…). */
  childArgs: string[];
  /** The command line as written (for the form). */
  commandLine: SubmitCommandLine;
}

/** Where a failure happens, in the order a real submission goes through. */
export type SubmitStage =
  | 'shell' // the command line could not be split into words
  | 'launcher' // launcher/SparkSubmitCommandBuilder
  | 'SparkSubmitArguments'
  | 'prepareSubmitEnvironment'
  | 'ClientApp' // legacy cluster-mode client (ClientArguments, ClientApp.start)
  | 'driver' // client mode: the driver's SparkContext, in the spark-submit JVM
  | 'simulator'; // valid for Spark, but outside what the simulator models

export interface SubmitSuccess {
  ok: true;
  submit: SubmitSpec;
  /** Spark's warnings, without the `Warning: ` prefix spark-submit prints before them. */
  warnings: string[];
  /** Simulator remarks (not Spark output): what the simulation does not model about this line. */
  notes: string[];
}

export interface SubmitFailure {
  ok: false;
  /** error: refused; usage / version: spark-submit printed that and submitted nothing (see exitCode). */
  kind: 'error' | 'usage' | 'version';
  stage: SubmitStage;
  /** Spark's message (for stages 'shell' and 'simulator', ours); '' for usage and version output. */
  error: string;
  /** The JVM exception class when Spark throws one (e.g. org.apache.spark.SparkException). */
  exception: string | undefined;
  /** What the terminal shows: warnings, then the error (JVM stack frames omitted). */
  console: string;
  /** The process exit status (Spark's System.exit(-1) shows as 255). Stages 'shell' and
   *  'simulator' use 2, which is not a Spark exit status. */
  exitCode: number;
  warnings: string[];
  /** The parsed command line, when the options could at least be read. */
  commandLine: SubmitCommandLine | undefined;
}

export type SubmitResult = SubmitSuccess | SubmitFailure;

export interface ParseSubmitOptions {
  /** Environment of the submitting shell: MASTER, DEPLOY_MODE, SPARK_EXECUTOR_MEMORY… and $VARs. */
  env?: Readonly<Record<string, string>>;
  /** Working directory used to turn relative paths into file: URIs. Default: SPARK_HOME. */
  cwd?: string;
  /** true (default): bin/spark-submit, launcher first. false: SparkSubmit.main called directly. */
  viaLauncher?: boolean;
  /** Shown by --version. */
  sparkVersion?: string;
}

/** The simulator's assumption for $SPARK_HOME (and the working directory) when none is given. */
export const DEFAULT_SPARK_HOME = '/opt/spark';
export const DEFAULT_SPARK_VERSION = '4.0.0';

const SPARK_EXCEPTION = 'org.apache.spark.SparkException';

// =============================================================================================
// Usage and version text (SparkSubmitArguments.printUsageAndExit, SparkSubmit.printVersion, 4.0)

const USAGE_COMMAND = [
  'Usage: spark-submit [options] <app jar | python file | R file> [app arguments]',
  'Usage: spark-submit --kill [submission ID] --master [spark://...]',
  'Usage: spark-submit --status [submission ID] --master [spark://...]',
  'Usage: spark-submit run-example [options] example-class [example args]',
].join('\n');

const USAGE_OPTIONS = `
Options:
  --master MASTER_URL         spark://host:port, yarn,
                              k8s://https://host:port, or local (Default: local[*]).
  --deploy-mode DEPLOY_MODE   Whether to launch the driver program locally ("client") or
                              on one of the worker machines inside the cluster ("cluster")
                              (Default: client).
  --class CLASS_NAME          Your application's main class (for Java / Scala apps).
  --name NAME                 A name of your application.
  --jars JARS                 Comma-separated list of jars to include on the driver
                              and executor classpaths.
  --packages                  Comma-separated list of maven coordinates of jars to include
                              on the driver and executor classpaths. Will search the local
                              maven repo, then maven central and any additional remote
                              repositories given by --repositories. The format for the
                              coordinates should be groupId:artifactId:version.
  --exclude-packages          Comma-separated list of groupId:artifactId, to exclude while
                              resolving the dependencies provided in --packages to avoid
                              dependency conflicts.
  --repositories              Comma-separated list of additional remote repositories to
                              search for the maven coordinates given with --packages.
  --py-files PY_FILES         Comma-separated list of .zip, .egg, or .py files to place
                              on the PYTHONPATH for Python apps.
  --files FILES               Comma-separated list of files to be placed in the working
                              directory of each executor. File paths of these files
                              in executors can be accessed via SparkFiles.get(fileName).
  --archives ARCHIVES         Comma-separated list of archives to be extracted into the
                              working directory of each executor.

  --conf, -c PROP=VALUE       Arbitrary Spark configuration property.
  --properties-file FILE      Path to a file from which to load extra properties. If not
                              specified, this will look for conf/spark-defaults.conf.
  --load-spark-defaults       Whether to load properties from conf/spark-defaults.conf,
                              even if --properties-file is specified. Configurations
                              specified in --properties-file will take precedence over
                              those in conf/spark-defaults.conf.

  --driver-memory MEM         Memory for driver (e.g. 1000M, 2G) (Default: 1024M).
  --driver-java-options       Extra Java options to pass to the driver.
  --driver-library-path       Extra library path entries to pass to the driver.
  --driver-class-path         Extra class path entries to pass to the driver. Note that
                              jars added with --jars are automatically included in the
                              classpath.

  --executor-memory MEM       Memory per executor (e.g. 1000M, 2G) (Default: 1G).

  --proxy-user NAME           User to impersonate when submitting the application.
                              This argument does not work with --principal / --keytab.

  --help, -h                  Show this help message and exit.
  --verbose, -v               Print additional debug output.
  --version,                  Print the version of current Spark.

 Spark Connect only:
   --remote CONNECT_URL       URL to connect to the server for Spark Connect, e.g.,
                              sc://host:port. --master and --deploy-mode cannot be set
                              together with this option.

 Cluster deploy mode only:
  --driver-cores NUM          Number of cores used by the driver, only in cluster mode
                              (Default: 1).

 Spark standalone with cluster deploy mode only:
  --supervise                 If given, restarts the driver on failure.

 Spark standalone or K8s with cluster deploy mode only:
  --kill SUBMISSION_ID        If given, kills the driver specified.
  --status SUBMISSION_ID      If given, requests the status of the driver specified.

 Spark standalone only:
  --total-executor-cores NUM  Total cores for all executors.

 Spark standalone, YARN and Kubernetes only:
  --executor-cores NUM        Number of cores used by each executor. (Default: 1 in
                              YARN and K8S modes, or all available cores on the worker
                              in standalone mode).

 Spark on YARN and Kubernetes only:
  --num-executors NUM         Number of executors to launch (Default: 2).
                              If dynamic allocation is enabled, the initial number of
                              executors will be at least NUM.
  --principal PRINCIPAL       Principal to be used to login to KDC.
  --keytab KEYTAB             The full path to the file that contains the keytab for the
                              principal specified above.

 Spark on YARN only:
  --queue QUEUE_NAME          The YARN queue to submit to (Default: "default").`;

/** What spark-submit prints for --help and after a launcher error (two logInfo calls). */
export const SPARK_SUBMIT_USAGE = `${USAGE_COMMAND}\n${USAGE_OPTIONS}`;

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
 * SparkSubmit.printVersion's banner. The lines after it (Scala/JVM version, branch, build user,
 * revision, repository URL) describe a particular build and are not reproduced.
 */
export function sparkVersionBanner(version: string): string {
  return [
    'Welcome to',
    '      ____              __',
    '     / __/__  ___ _____/ /__',
    "    _\\ \\/ _ \\/ _ `/ __/  '_/",
    `   /___/ .__/\\_,_/_/ /_/\\_\\   version ${version}`,
    '      /_/',
    '',
    'Type --help for more information.',
  ].join('\n');
}

// =============================================================================================
// Failures are thrown inside the model (like Spark's exceptions) and turned into results at the edge.

class SubmitAbort extends Error {
  constructor(
    readonly kind: SubmitFailure['kind'],
    readonly stage: SubmitStage,
    readonly sparkMessage: string,
    readonly exception: string | undefined,
    readonly consoleBody: string,
    readonly exitCode: number,
  ) {
    super(sparkMessage);
  }
}

/** SparkSubmitArguments.error / SparkSubmit.error: an uncaught SparkException. */
function sparkError(stage: SubmitStage, message: string): SubmitAbort {
  return uncaught(stage, new JvmException(SPARK_EXCEPTION, message));
}

/** Any exception escaping SparkSubmit.main: the JVM prints it and exits 1. */
function uncaught(stage: SubmitStage, e: JvmException): SubmitAbort {
  return new SubmitAbort('error', stage, e.message, e.javaClass, `Exception in thread "main" ${e.javaClass}: ${e.message}`, 1);
}

/** launcher/Main: an IllegalArgumentException from the launcher prints the error and the usage. */
function launcherError(message: string): SubmitAbort {
  return new SubmitAbort('error', 'launcher', message, ILLEGAL_ARGUMENT_EXCEPTION, `Error: ${message}\n\n${SPARK_SUBMIT_USAGE}`, 1);
}

/** Something Spark would accept (or do) that the simulator does not model. */
function unsupported(message: string): SubmitAbort {
  return new SubmitAbort('error', 'simulator', message, undefined, message, 2);
}

/**
 * printUsageAndExit(exitCode): prints the usage, then SparkUserAppException(exitCode) is caught by
 * SparkSubmit.main and becomes the exit status (-1 shows as 255).
 */
function usageExit(stage: SubmitStage, exitCode: number): SubmitAbort {
  return new SubmitAbort('usage', stage, '', undefined, SPARK_SUBMIT_USAGE, exitCode < 0 ? exitCode + 256 : exitCode);
}

// =============================================================================================
// Shell words (a POSIX-shell subset: quotes, backslashes, line continuations, $VAR expansion)

export type ShellWordsResult = { ok: true; words: string[] } | { ok: false; error: string };

const SHELL_OPERATORS = new Set(['|', '&', ';', '<', '>', '(', ')']);
const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Splits a command line into words the way sh would before running it. Supported: single and
 * double quotes, backslash escapes, backslash-newline continuations, comments, $NAME and ${NAME}
 * (unset → empty; unquoted values are split on blanks). Refused with a message: pipes, lists,
 * redirections, subshells, command substitution. Globs (*, ?, [) and ~ are left as written,
 * since there is no file system to match them against.
 */
export function splitShellWords(line: string, env: Readonly<Record<string, string>> = {}): ShellWordsResult {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(cur);
    cur = '';
    inWord = false;
  };
  const lookup = (name: string) => (Object.prototype.hasOwnProperty.call(env, name) ? (env[name] ?? '') : '');
  /** $… at line[i]; returns the expansion (undefined: a literal '$') and the index after it. */
  const expand = (i: number): { value: string | undefined; next: number; error?: string } => {
    const rest = line.slice(i + 1);
    if (rest.startsWith('(')) return { value: undefined, next: i, error: 'command substitution $(…) is not supported' };
    if (rest.startsWith('{')) {
      const close = rest.indexOf('}');
      const name = close > 0 ? rest.slice(1, close) : '';
      if (close < 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        return { value: undefined, next: i, error: 'only ${NAME} parameter expansion is supported' };
      }
      return { value: lookup(name), next: i + 2 + close };
    }
    const m = VAR_NAME.exec(rest);
    if (m) return { value: lookup(m[0]), next: i + 1 + m[0].length };
    if (/^[0-9@*#?$!-]/.test(rest)) return { value: undefined, next: i, error: `special parameter $${rest.charAt(0)} is not supported` };
    return { value: undefined, next: i + 1 };
  };

  let i = 0;
  while (i < line.length) {
    const c = line.charAt(i);
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      endWord();
      i++;
    } else if (c === '\\') {
      const next = line.charAt(i + 1);
      if (next === '\n') i += 2; // line continuation
      else if (next === '\r' && line.charAt(i + 2) === '\n') i += 3;
      else if (next === '') { cur += '\\'; inWord = true; i++; }
      else { cur += next; inWord = true; i += 2; }
    } else if (c === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) return { ok: false, error: "unexpected EOF while looking for matching `''" };
      cur += line.slice(i + 1, close);
      inWord = true;
      i = close + 1;
    } else if (c === '"') {
      inWord = true;
      i++;
      let closed = false;
      while (i < line.length) {
        const d = line.charAt(i);
        if (d === '"') { closed = true; i++; break; }
        if (d === '\\') {
          const next = line.charAt(i + 1);
          if (next === '\n') { i += 2; continue; }
          if (next === '$' || next === '`' || next === '"' || next === '\\') { cur += next; i += 2; continue; }
          cur += '\\';
          i++;
          continue;
        }
        if (d === '`') return { ok: false, error: 'command substitution `…` is not supported' };
        if (d === '$') {
          const x = expand(i);
          if (x.error) return { ok: false, error: x.error };
          cur += x.value ?? '$';
          i = x.next;
          continue;
        }
        cur += d;
        i++;
      }
      if (!closed) return { ok: false, error: 'unexpected EOF while looking for matching `"\'' };
    } else if (c === '$') {
      const x = expand(i);
      if (x.error) return { ok: false, error: x.error };
      if (x.value === undefined) { cur += '$'; inWord = true; }
      else {
        // Unquoted expansion undergoes field splitting on blanks.
        const parts = x.value.split(/[ \t\n]+/);
        parts.forEach((part, k) => {
          if (k > 0) endWord();
          if (part !== '') { cur += part; inWord = true; }
        });
      }
      i = x.next;
    } else if (c === '#' && !inWord) {
      const nl = line.indexOf('\n', i);
      i = nl < 0 ? line.length : nl;
    } else if (c === '`') {
      return { ok: false, error: 'command substitution `…` is not supported' };
    } else if (SHELL_OPERATORS.has(c)) {
      return { ok: false, error: `shell operator '${c}' is not supported: give a single spark-submit command` };
    } else {
      cur += c;
      inWord = true;
      i++;
    }
  }
  endWord();
  return { ok: true, words };
}

/** Quotes a word for sh so that splitShellWords gives it back unchanged. */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

// =============================================================================================
// SparkSubmitOptionParser (4.0): the option tables and the parse loop shared by both parsers

/** Options with a value; the first name of each entry is the one handle() receives. */
export const SPARK_SUBMIT_OPTS: readonly (readonly string[])[] = [
  ['--archives'], ['--class'], ['--conf', '-c'], ['--deploy-mode'], ['--driver-class-path'],
  ['--driver-cores'], ['--driver-default-class-path'], ['--driver-java-options'],
  ['--driver-library-path'], ['--driver-memory'], ['--executor-cores'], ['--executor-memory'],
  ['--files'], ['--jars'], ['--keytab'], ['--kill'], ['--master'], ['--remote'], ['--name'],
  ['--num-executors'], ['--packages'], ['--exclude-packages'], ['--principal'],
  ['--properties-file'], ['--proxy-user'], ['--py-files'], ['--queue'], ['--repositories'],
  ['--status'], ['--total-executor-cores'],
];

/** Options without a value. */
export const SPARK_SUBMIT_SWITCHES: readonly (readonly string[])[] = [
  ['--help', '-h'], ['--supervise'], ['--usage-error'], ['--verbose', '-v'], ['--version'], ['--load-spark-defaults'],
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
function parseOptions(args: readonly string[], handler: OptionHandler): void {
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

// =============================================================================================
// The command line as written (for the form, and for rendering back)

/**
 * `record[key] = value` that also works for a key such as "__proto__" (a user can type
 * `--conf __proto__=x`): plain assignment would set the object's prototype instead.
 */
function setOwn(record: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

function emptyCommandLine(program: string, env: Record<string, string>): SubmitCommandLine {
  return { program, env, supervise: false, conf: {}, loadSparkDefaults: false, verbose: false, help: false, version: false, usageError: false, appArgs: [] };
}

/** Driver flags the launcher turns into conf entries: the flag and the --conf key share one slot. */
const LAUNCHER_CONF_FLAGS: Readonly<Record<string, { field: keyof SubmitCommandLine; key: string }>> = {
  '--driver-memory': { field: 'driverMemory', key: 'spark.driver.memory' },
  '--driver-java-options': { field: 'driverJavaOptions', key: 'spark.driver.extraJavaOptions' },
  '--driver-library-path': { field: 'driverLibraryPath', key: 'spark.driver.extraLibraryPath' },
  '--driver-class-path': { field: 'driverClassPath', key: 'spark.driver.extraClassPath' },
  '--driver-default-class-path': { field: 'driverDefaultClassPath', key: 'spark.driver.defaultExtraClassPath' },
};

const VALUE_FIELDS: Readonly<Record<string, keyof SubmitCommandLine>> = {
  '--master': 'master', '--remote': 'remote', '--deploy-mode': 'deployMode', '--class': 'mainClass',
  '--name': 'name', '--driver-cores': 'driverCores', '--executor-memory': 'executorMemory',
  '--executor-cores': 'executorCores', '--total-executor-cores': 'totalExecutorCores',
  '--num-executors': 'numExecutors', '--queue': 'queue', '--properties-file': 'propertiesFile',
  '--jars': 'jars', '--packages': 'packages', '--exclude-packages': 'excludePackages',
  '--repositories': 'repositories', '--py-files': 'pyFiles', '--files': 'files',
  '--archives': 'archives', '--proxy-user': 'proxyUser', '--principal': 'principal',
  '--keytab': 'keytab', '--kill': 'kill', '--status': 'status',
};

const SWITCH_FIELDS: Readonly<Record<string, keyof SubmitCommandLine>> = {
  '--supervise': 'supervise', '--verbose': 'verbose', '--help': 'help', '--version': 'version',
  '--usage-error': 'usageError', '--load-spark-defaults': 'loadSparkDefaults',
};

/**
 * Records the options of an argument list without judging them (the first non-option word is the
 * primary resource, the rest are app args). Throws the launcher's errors for what it cannot read.
 * The driver flags and their --conf keys overwrite each other in order, as in the launcher's conf map.
 */
function recordCommandLine(program: string, env: Record<string, string>, args: readonly string[]): SubmitCommandLine {
  const cl = emptyCommandLine(program, env);
  const fields = cl as unknown as Record<string, unknown>;
  parseOptions(args, {
    handle(opt, value) {
      const launcherConf = LAUNCHER_CONF_FLAGS[opt];
      if (opt === '--conf') {
        const [k, v] = splitConfPair(value ?? '');
        if (v === undefined) throw new JvmException(ILLEGAL_ARGUMENT_EXCEPTION, `Invalid argument to --conf: ${value ?? ''}`);
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

/** Java's `value.split("=", 2)`: the key, and the value when there was an '='. */
function splitConfPair(pair: string): [string, string | undefined] {
  const eq = pair.indexOf('=');
  return eq < 0 ? [pair, undefined] : [pair.slice(0, eq), pair.slice(eq + 1)];
}

/** The options of a command line in the order renderSparkSubmit writes them. */
const RENDER_ORDER: readonly (readonly [string, keyof SubmitCommandLine])[] = [
  ['--master', 'master'], ['--remote', 'remote'], ['--deploy-mode', 'deployMode'], ['--name', 'name'],
  ['--class', 'mainClass'], ['--supervise', 'supervise'], ['--driver-memory', 'driverMemory'],
  ['--driver-cores', 'driverCores'], ['--driver-java-options', 'driverJavaOptions'],
  ['--driver-library-path', 'driverLibraryPath'], ['--driver-class-path', 'driverClassPath'],
  ['--driver-default-class-path', 'driverDefaultClassPath'], ['--executor-memory', 'executorMemory'],
  ['--executor-cores', 'executorCores'], ['--total-executor-cores', 'totalExecutorCores'],
  ['--num-executors', 'numExecutors'], ['--queue', 'queue'], ['--conf', 'conf'],
  ['--properties-file', 'propertiesFile'], ['--load-spark-defaults', 'loadSparkDefaults'],
  ['--jars', 'jars'], ['--packages', 'packages'], ['--exclude-packages', 'excludePackages'],
  ['--repositories', 'repositories'], ['--py-files', 'pyFiles'], ['--files', 'files'],
  ['--archives', 'archives'], ['--proxy-user', 'proxyUser'], ['--principal', 'principal'],
  ['--keytab', 'keytab'], ['--kill', 'kill'], ['--status', 'status'], ['--verbose', 'verbose'],
  ['--usage-error', 'usageError'], ['--version', 'version'], ['--help', 'help'],
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
function splitInvocation(line: string, env: Readonly<Record<string, string>>): { program: string; env: Record<string, string>; args: string[] } {
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

// =============================================================================================
// Paths: Utils.resolveURI / resolveURIs and java.io.File

const URI_WITH_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/** Characters java.net.URI leaves unescaped in a path: ASCII path characters and the "other"
 *  category (non-ASCII that is neither a control nor a space character). */
function isUriPathChar(ch: string): boolean {
  if (/^[A-Za-z0-9\-_.!~*'();:&=+$,/@]$/.test(ch)) return true;
  return (ch.codePointAt(0) ?? 0) > 0x7f && !/^[\p{Cc}\p{Z}]$/u.test(ch);
}

/** Whether `new URI(s)` would parse (approximately: no characters URIs forbid). */
function isParsableUri(s: string): boolean {
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
function javaSplitComma(s: string): string[] {
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
function stringToSeq(s: string | undefined): string[] {
  return s === undefined ? [] : javaSplitComma(s).map((x) => x.trim()).filter((x) => x !== '');
}

/** SparkSubmit.mergeFileLists: the non-blank lists, split and joined with commas. */
function mergeFileLists(...lists: (string | undefined)[]): string | undefined {
  const merged = lists.filter((l): l is string => l !== undefined && l.trim() !== '').flatMap(stringToSeq);
  return merged.length > 0 ? merged.join(',') : undefined;
}

/** new File(path).getName(). */
function fileName(path: string): string {
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

// =============================================================================================
// Stage 1: the launcher (SparkSubmitCommandBuilder with OptionParser(errorOnUnknownArgs = true))

/** --class values that make the launcher treat the command as a shell or server. */
const SPECIAL_CLASSES: Readonly<Record<string, string>> = {
  'org.apache.spark.repl.Main': 'spark-shell',
  'org.apache.spark.sql.application.ConnectRepl': 'connect-shell',
  'org.apache.spark.sql.hive.thriftserver.SparkSQLCLIDriver': 'spark-internal',
  'org.apache.spark.sql.hive.thriftserver.HiveThriftServer2': 'spark-internal',
  'org.apache.spark.sql.connect.service.SparkConnectServer': 'spark-internal',
};

/** AbstractCommandBuilder.loadPropertiesFile trims the values it reads. */
function launcherDefaults(defaults: SparkConfMap): Map<string, string> {
  return new Map(Object.entries(defaults).map(([k, v]) => [k, v.trim()]));
}

/** SparkSubmitCommandBuilder.checkJavaOptions: no -Xmx in driver Java options. */
function checkJavaOptions(javaOptions: string | undefined): void {
  if (javaOptions === undefined || javaOptions === '') return;
  const split = splitShellWords(javaOptions);
  const words = split.ok ? split.words : javaOptions.split(/\s+/);
  if (words.some((w) => w.startsWith('-Xmx'))) {
    throw launcherError(
      `Not allowed to specify max heap(Xmx) memory settings through java options (was ${javaOptions}). ` +
        'Use the corresponding --driver-memory or spark.driver.memory configuration instead.',
    );
  }
}

/**
 * SparkSubmitCommandBuilder(args) then buildCommand: parses the options, checks what the launcher
 * checks, and returns the argument list it hands to SparkSubmit (conf entries, --class and the
 * other options moved into its own order; the driver flags turned into --conf entries).
 */
function runLauncher(args: readonly string[], defaults: SparkConfMap): string[] {
  let master: string | undefined;
  let remote: string | undefined;
  let deployMode: string | undefined;
  let propertiesFile: string | undefined;
  let mainClass: string | undefined;
  let appResource: string | undefined;
  let allowsMixedArguments = false;
  let isSpecialCommand = args.length === 0;
  const conf = new Map<string, string>();
  const parsedArgs: string[] = [];
  const appArgs: string[] = [];

  try {
    parseOptions(args, {
      handle(opt, value) {
        const v = value ?? '';
        const launcherConf = LAUNCHER_CONF_FLAGS[opt];
        if (opt === '--master') master = v;
        else if (opt === '--remote') remote = v;
        else if (opt === '--deploy-mode') deployMode = v;
        else if (opt === '--properties-file') propertiesFile = v;
        else if (launcherConf) conf.set(launcherConf.key, v);
        else if (opt === '--conf') {
          const [k, val] = splitConfPair(v);
          if (val === undefined) throw new JvmException(ILLEGAL_ARGUMENT_EXCEPTION, `Invalid argument to --conf: ${v}`);
          conf.set(k, val);
        } else if (opt === '--class') {
          mainClass = v;
          const special = SPECIAL_CLASSES[v];
          if (special !== undefined) {
            allowsMixedArguments = true;
            appResource = special;
          }
        } else if (opt === '--kill' || opt === '--status') {
          isSpecialCommand = true;
          parsedArgs.push(opt, v);
        } else if (opt === '--help' || opt === '--usage-error' || opt === '--version') {
          isSpecialCommand = true;
          parsedArgs.push(opt);
        } else {
          parsedArgs.push(opt);
          if (value !== null) parsedArgs.push(value);
        }
        return true;
      },
      handleUnknown(arg) {
        if (allowsMixedArguments) {
          appArgs.push(arg);
          return true;
        }
        if (arg.startsWith('-')) throw new JvmException(ILLEGAL_ARGUMENT_EXCEPTION, `Unrecognized option: ${arg}`);
        appResource = arg;
        return false;
      },
      handleExtraArgs(extra) {
        appArgs.push(...extra);
      },
    });
  } catch (e) {
    if (e instanceof JvmException) throw launcherError(e.message);
    throw e;
  }

  // buildSparkSubmitCommand: load the properties file, check the driver's Java options…
  if (propertiesFile !== undefined) {
    throw unsupported(
      `--properties-file is not supported by the simulator: put the properties in the scenario's cluster conf (spark-defaults.conf) or pass them with --conf (file: ${propertiesFile}).`,
    );
  }
  const effectiveConfig = new Map(conf);
  for (const [k, v] of launcherDefaults(defaults)) if (!effectiveConfig.has(k)) effectiveConfig.set(k, v);
  checkJavaOptions(effectiveConfig.get('spark.driver.defaultJavaOptions'));
  checkJavaOptions(effectiveConfig.get('spark.driver.extraJavaOptions'));
  // …then buildSparkSubmitArgs.
  if (!allowsMixedArguments && !isSpecialCommand && appResource === undefined) {
    throw launcherError('Missing application resource.');
  }
  const rebuilt: string[] = [];
  if (master !== undefined) rebuilt.push('--master', master);
  if (remote !== undefined) rebuilt.push('--remote', remote);
  if (deployMode !== undefined) rebuilt.push('--deploy-mode', deployMode);
  for (const [k, v] of conf) rebuilt.push('--conf', `${k}=${v}`);
  if (mainClass !== undefined) rebuilt.push('--class', mainClass);
  rebuilt.push(...parsedArgs);
  if (appResource !== undefined) rebuilt.push(appResource);
  rebuilt.push(...appArgs);
  return rebuilt;
}

// =============================================================================================
// Stage 2: SparkSubmitArguments (4.0)

type Action = SparkSubmitAction | 'PRINT_VERSION';

/** The fields of SparkSubmitArguments the standalone path uses (null in Spark = undefined here). */
interface SubmitArguments {
  maybeMaster?: string;
  maybeRemote?: string;
  deployMode?: string;
  executorMemory?: string;
  executorCores?: string;
  totalExecutorCores?: string;
  driverMemory?: string;
  driverCores?: string;
  driverExtraClassPath?: string;
  driverExtraLibraryPath?: string;
  driverExtraJavaOptions?: string;
  numExecutors?: string;
  queue?: string;
  files?: string;
  archives?: string;
  pyFiles?: string;
  jars?: string;
  packages?: string;
  packagesExclusions?: string;
  repositories?: string;
  ivyRepoPath?: string;
  mainClass?: string;
  primaryResource?: string;
  name?: string;
  childArgs: string[];
  verbose: boolean;
  isPython: boolean;
  isR: boolean;
  action?: Action;
  /** Insertion-ordered, like the --conf order (Spark's HashMap order is not reproduced). */
  sparkProperties: Map<string, string>;
  proxyUser?: string;
  principal?: string;
  keytab?: string;
  supervise: boolean;
  submissionToKill?: string;
  submissionToRequestStatusFor?: string;
  useRest: boolean;
  dynamicAllocationEnabled: boolean;
  loadSparkDefaults: boolean;
  warnings: string[];
}

/** SparkSubmitArguments.master: the global default. */
function masterOf(args: SubmitArguments): string {
  return args.maybeMaster ?? 'local[*]';
}

const SPARK_SHELL_RESOURCES = new Set(['spark-shell', 'pyspark-shell', 'sparkr-shell', 'connect-shell']);
const isShell = (res: string | undefined) => res !== undefined && SPARK_SHELL_RESOURCES.has(res);
const isInternal = (res: string | undefined) => res === 'spark-internal';
const isPythonResource = (res: string) => res.endsWith('.py') || res === 'pyspark-shell';
const isRResource = (res: string) => res.endsWith('.R') || res.endsWith('.r') || res === 'sparkr-shell';
const isUserJar = (res: string) => !isShell(res) && !isPythonResource(res) && !isInternal(res) && !isRResource(res);

/** Scala's StringOps.toBoolean: exactly "true"/"false" ignoring case, no trimming. */
function scalaToBoolean(s: string): boolean {
  if (s.toLowerCase() === 'true') return true;
  if (s.toLowerCase() === 'false') return false;
  throw new JvmException(ILLEGAL_ARGUMENT_EXCEPTION, `For input string: "${s}"`);
}

/** Scala's `Try(s.toInt).getOrElse(-1) <= 0`. */
function notPositiveInt(s: string): boolean {
  return (parseJavaInteger(s, 32) ?? -1) <= 0;
}

/** `Try(JavaUtils.byteStringAsBytes(s)).getOrElse(-1L) <= 0`. */
function notPositiveBytes(s: string): boolean {
  const r = attempt(() => byteStringAsBytes(s));
  return !r.ok || r.value <= 0n;
}

/** Utils.getPropertiesFromFile trims each value (trimExceptCRLF). */
function trimExceptCRLF(s: string): string {
  const keep = (ch: string) => ch > ' ' || ch === '\r' || ch === '\n';
  let start = 0;
  let end = s.length;
  while (start < end && !keep(s.charAt(start))) start++;
  while (end > start && !keep(s.charAt(end - 1))) end--;
  return s.slice(start, end);
}

/**
 * new SparkSubmitArguments(argv): parse, merge spark-defaults.conf, drop non-spark keys, fill in
 * from properties and the environment, read spark.master.rest.enabled, validate. `warnings` is
 * filled as Spark prints them, so a later failure can show them first.
 */
function parseSubmitArguments(
  argv: readonly string[],
  defaults: SparkConfMap,
  env: Readonly<Record<string, string>>,
  cwd: string,
  warnings: string[],
): SubmitArguments {
  const a: SubmitArguments = {
    childArgs: [], verbose: false, isPython: false, isR: false, sparkProperties: new Map(), supervise: false,
    useRest: false, dynamicAllocationEnabled: false, loadSparkDefaults: false, warnings,
  };
  const stage: SubmitStage = 'SparkSubmitArguments';
  const error = (msg: string) => sparkError(stage, msg);

  try {
    parseOptions(argv, {
      handle(opt, value) {
        const v = value ?? '';
        switch (opt) {
          case '--name': a.name = v; break;
          case '--master': a.maybeMaster = v; break;
          case '--remote': a.maybeRemote = v; break;
          case '--class': a.mainClass = v; break;
          case '--deploy-mode':
            if (v !== 'client' && v !== 'cluster') throw error('--deploy-mode must be either "client" or "cluster"');
            a.deployMode = v;
            break;
          case '--num-executors': a.numExecutors = v; break;
          case '--total-executor-cores': a.totalExecutorCores = v; break;
          case '--executor-cores': a.executorCores = v; break;
          case '--executor-memory': a.executorMemory = v; break;
          case '--driver-memory': a.driverMemory = v; break;
          case '--driver-cores': a.driverCores = v; break;
          case '--driver-class-path': a.driverExtraClassPath = v; break;
          case '--driver-java-options': a.driverExtraJavaOptions = v; break;
          case '--driver-library-path': a.driverExtraLibraryPath = v; break;
          case '--properties-file':
            throw unsupported(`--properties-file is not supported by the simulator: put the properties in the scenario's cluster conf (spark-defaults.conf) or pass them with --conf (file: ${v}).`);
          case '--load-spark-defaults': a.loadSparkDefaults = true; break;
          case '--kill':
            a.submissionToKill = v;
            if (a.action !== undefined) throw error(`Action cannot be both ${a.action} and KILL.`);
            a.action = 'KILL';
            break;
          case '--status':
            a.submissionToRequestStatusFor = v;
            if (a.action !== undefined) throw error(`Action cannot be both ${a.action} and REQUEST_STATUS.`);
            a.action = 'REQUEST_STATUS';
            break;
          case '--supervise': a.supervise = true; break;
          case '--queue': a.queue = v; break;
          case '--files': a.files = resolveURIs(v, cwd); break;
          case '--py-files': a.pyFiles = resolveURIs(v, cwd); break;
          case '--archives': a.archives = resolveURIs(v, cwd); break;
          case '--jars': a.jars = resolveURIs(v, cwd); break;
          case '--packages': a.packages = v; break;
          case '--exclude-packages': a.packagesExclusions = v; break;
          case '--repositories': a.repositories = v; break;
          case '--conf': {
            // SparkSubmitUtils.parseSparkConfProperty
            const [k, val] = splitConfPair(v);
            if (val === undefined) throw error(`Spark config without '=': ${v}`);
            a.sparkProperties.set(k, val);
            break;
          }
          case '--proxy-user': a.proxyUser = v; break;
          case '--principal': a.principal = v; break;
          case '--keytab': a.keytab = v; break;
          case '--help': throw usageExit(stage, 0);
          case '--verbose': a.verbose = true; break;
          case '--version': a.action = 'PRINT_VERSION'; break;
          case '--usage-error': throw usageExit(stage, 1);
          default: throw error(`Unexpected argument '${opt}'.`);
        }
        return a.action !== 'PRINT_VERSION';
      },
      handleUnknown(opt) {
        if (opt.startsWith('-')) throw error(`Unrecognized option '${opt}'.`);
        a.primaryResource = !isShell(opt) && !isInternal(opt) ? resolveURI(opt, cwd) : opt;
        a.isPython = isPythonResource(opt);
        a.isR = isRResource(opt);
        return false;
      },
      handleExtraArgs(extra) {
        a.childArgs.push(...extra);
      },
    });
  } catch (e) {
    if (e instanceof JvmException) throw uncaught(stage, e); // Missing argument for option
    throw e;
  }

  // mergeDefaultSparkProperties: --conf wins over spark-defaults.conf.
  for (const [k, v] of Object.entries(defaults)) {
    if (!a.sparkProperties.has(k)) a.sparkProperties.set(k, trimExceptCRLF(v));
  }
  // ignoreNonSparkProperties
  for (const k of [...a.sparkProperties.keys()]) {
    if (!k.startsWith('spark.')) {
      a.sparkProperties.delete(k);
      a.warnings.push(`Ignoring non-Spark config property: ${k}`);
    }
  }
  loadEnvironmentArguments(a, env);
  try {
    a.useRest = scalaToBoolean(a.sparkProperties.get('spark.master.rest.enabled') ?? 'false');
  } catch (e) {
    if (e instanceof JvmException) throw uncaught(stage, e);
    throw e;
  }
  validateArguments(a, argv.length, env);
  return a;
}

/** SparkSubmitArguments.loadEnvironmentArguments: flags, then spark.* properties, then env vars. */
function loadEnvironmentArguments(a: SubmitArguments, env: Readonly<Record<string, string>>): void {
  const p = (k: string) => a.sparkProperties.get(k);
  const e = (k: string) => (Object.prototype.hasOwnProperty.call(env, k) ? env[k] : undefined);
  a.maybeMaster = a.maybeMaster ?? p('spark.master') ?? e('MASTER');
  a.maybeRemote = a.maybeRemote ?? p('spark.remote') ?? e('SPARK_REMOTE');
  a.driverExtraClassPath = a.driverExtraClassPath ?? p('spark.driver.extraClassPath');
  a.driverExtraJavaOptions = a.driverExtraJavaOptions ?? p('spark.driver.extraJavaOptions');
  a.driverExtraLibraryPath = a.driverExtraLibraryPath ?? p('spark.driver.extraLibraryPath');
  a.driverMemory = a.driverMemory ?? p('spark.driver.memory') ?? e('SPARK_DRIVER_MEMORY');
  a.driverCores = a.driverCores ?? p('spark.driver.cores');
  a.executorMemory = a.executorMemory ?? p('spark.executor.memory') ?? e('SPARK_EXECUTOR_MEMORY');
  a.executorCores = a.executorCores ?? p('spark.executor.cores') ?? e('SPARK_EXECUTOR_CORES');
  a.totalExecutorCores = a.totalExecutorCores ?? p('spark.cores.max');
  a.name = a.name ?? p('spark.app.name');
  a.jars = a.jars ?? p('spark.jars');
  a.files = a.files ?? p('spark.files');
  a.archives = a.archives ?? p('spark.archives');
  a.pyFiles = a.pyFiles ?? p('spark.submit.pyFiles');
  a.ivyRepoPath = p('spark.jars.ivy');
  a.packages = a.packages ?? p('spark.jars.packages');
  a.packagesExclusions = a.packagesExclusions ?? p('spark.jars.excludes');
  a.repositories = a.repositories ?? p('spark.jars.repositories');
  a.deployMode = a.deployMode ?? p('spark.submit.deployMode') ?? e('DEPLOY_MODE');
  a.numExecutors = a.numExecutors ?? p('spark.executor.instances');
  a.queue = a.queue ?? p('spark.yarn.queue');
  a.keytab = a.keytab ?? p('spark.kerberos.keytab') ?? p('spark.yarn.keytab');
  a.principal = a.principal ?? p('spark.kerberos.principal') ?? p('spark.yarn.principal');
  a.dynamicAllocationEnabled = (p('spark.dynamicAllocation.enabled') ?? '').toLowerCase() === 'true';
  if (masterOf(a).startsWith('yarn')) a.name = a.name ?? e('SPARK_YARN_APP_NAME');
  // Set name from main class if not given, else from the primary resource's file name.
  a.name = a.name ?? a.mainClass;
  if (a.name === undefined && a.primaryResource !== undefined) a.name = fileName(a.primaryResource);
  a.action = a.action ?? 'SUBMIT';
}

/** SparkSubmitArguments.validateArguments. */
function validateArguments(a: SubmitArguments, argCount: number, env: Readonly<Record<string, string>>): void {
  const stage: SubmitStage = 'SparkSubmitArguments';
  const error = (msg: string) => sparkError(stage, msg);
  if (a.action === 'KILL') {
    if (a.submissionToKill === undefined) throw error('Please specify a submission to kill.');
    return;
  }
  if (a.action === 'REQUEST_STATUS') {
    if (a.submissionToRequestStatusFor === undefined) throw error('Please specify a submission to request status for.');
    return;
  }
  if (a.action !== 'SUBMIT') return;
  // An empty command line (the launcher passes it through as a special command) prints the usage.
  if (argCount === 0) throw usageExit(stage, -1);
  if (a.maybeRemote !== undefined && (a.maybeMaster !== undefined || a.deployMode !== undefined)) {
    throw error('Remote cannot be specified with master and/or deploy mode.');
  }
  if (a.primaryResource === undefined) throw error('Must specify a primary resource (JAR or Python or R file)');
  if (a.driverMemory !== undefined && notPositiveBytes(a.driverMemory)) throw error('Driver memory must be a positive number');
  if (a.executorMemory !== undefined && notPositiveBytes(a.executorMemory)) throw error('Executor memory must be a positive number');
  if (a.driverCores !== undefined && notPositiveInt(a.driverCores)) throw error('Driver cores must be a positive number');
  if (a.executorCores !== undefined && notPositiveInt(a.executorCores)) throw error('Executor cores must be a positive number');
  if (a.totalExecutorCores !== undefined && notPositiveInt(a.totalExecutorCores)) {
    throw error('Total executor cores must be a positive number');
  }
  if (!a.dynamicAllocationEnabled && a.numExecutors !== undefined && notPositiveInt(a.numExecutors)) {
    throw error('Number of executors must be a positive number');
  }
  const master = masterOf(a);
  if (master.startsWith('yarn') && env.HADOOP_CONF_DIR === undefined && env.YARN_CONF_DIR === undefined) {
    throw error(`When running with master '${master}' either HADOOP_CONF_DIR or YARN_CONF_DIR must be set in the environment.`);
  }
  if (a.proxyUser !== undefined && a.principal !== undefined) throw error('Only one of --proxy-user or --principal can be provided.');
}

// =============================================================================================
// Stage 3: SparkSubmit.prepareSubmitEnvironment (standalone parts)

type ClusterManager = 'YARN' | 'STANDALONE' | 'KUBERNETES' | 'LOCAL';

const PYTHON_RUNNER = 'org.apache.spark.deploy.PythonRunner';
const R_RUNNER = 'org.apache.spark.deploy.RRunner';
const STANDALONE_CLUSTER_SUBMIT_CLASS = 'org.apache.spark.deploy.ClientApp';
const REST_CLUSTER_SUBMIT_CLASS = 'org.apache.spark.deploy.rest.RestSubmissionClientApp';

function clusterManagerOf(a: SubmitArguments): ClusterManager {
  const v = a.maybeMaster;
  if (v === undefined) return 'LOCAL'; // default master or remote mode
  if (v === 'yarn') return 'YARN';
  if (v.startsWith('spark')) return 'STANDALONE';
  if (v.startsWith('k8s')) return 'KUBERNETES';
  if (v.startsWith('local')) return 'LOCAL';
  throw sparkError('prepareSubmitEnvironment', 'Master must either be yarn or start with spark, k8s, or local');
}

/** The fail-fast checks of prepareSubmitEnvironment, in Spark's order. */
function failFast(a: SubmitArguments, cm: ClusterManager, deployMode: DeployMode): void {
  const error = (msg: string) => sparkError('prepareSubmitEnvironment', msg);
  if (deployMode !== 'cluster') return;
  if (cm === 'STANDALONE' && a.isPython) {
    throw error('Cluster deploy mode is currently not supported for python applications on standalone clusters.');
  }
  if (cm === 'STANDALONE' && a.isR) {
    throw error('Cluster deploy mode is currently not supported for R applications on standalone clusters.');
  }
  if (cm === 'LOCAL') throw error('Cluster deploy mode is not compatible with master "local"');
  if (isShell(a.primaryResource)) throw error('Cluster deploy mode is not applicable to Spark shells.');
  if (a.mainClass === 'org.apache.spark.sql.hive.thriftserver.SparkSQLCLIDriver') {
    throw error('Cluster deploy mode is not applicable to Spark SQL shell.');
  }
  if (a.mainClass === 'org.apache.spark.sql.hive.thriftserver.HiveThriftServer2') {
    throw error('Cluster deploy mode is not applicable to Spark Thrift server.');
  }
  if (a.mainClass === 'org.apache.spark.sql.connect.service.SparkConnectServer') {
    throw error('Cluster deploy mode is not applicable to Spark Connect server.');
  }
}

/** The OptionAssigner table and the conf rewrites after it, for a spark:// master. */
function buildStandaloneConf(a: SubmitArguments, deployMode: DeployMode, cwd: string): Record<string, string> {
  const conf = new Map(a.sparkProperties);
  const cluster = deployMode === 'cluster';
  const assign = (value: string | undefined, key: string, when = true) => {
    if (value !== undefined && when) conf.set(key, value);
  };
  assign(masterOf(a), 'spark.master');
  assign(a.deployMode, 'spark.submit.deployMode');
  assign(a.name, 'spark.app.name');
  assign(a.ivyRepoPath, 'spark.jars.ivy', !cluster);
  assign(a.driverMemory, 'spark.driver.memory', !cluster);
  assign(a.driverExtraClassPath, 'spark.driver.extraClassPath');
  assign(a.driverExtraJavaOptions, 'spark.driver.extraJavaOptions');
  assign(a.driverExtraLibraryPath, 'spark.driver.extraLibraryPath');
  assign(a.principal, 'spark.kerberos.principal');
  assign(a.keytab, 'spark.kerberos.keytab');
  assign(a.pyFiles, 'spark.submit.pyFiles', cluster);
  assign(a.packages, 'spark.jars.packages', cluster);
  assign(a.repositories, 'spark.jars.repositories', cluster);
  assign(a.ivyRepoPath, 'spark.jars.ivy', cluster);
  assign(a.packagesExclusions, 'spark.jars.excludes', cluster);
  assign(a.executorCores, 'spark.executor.cores');
  assign(a.executorMemory, 'spark.executor.memory');
  assign(a.totalExecutorCores, 'spark.cores.max');
  assign(a.files, 'spark.files');
  assign(a.archives, 'spark.archives');
  assign(a.jars, 'spark.jars');
  assign(a.driverMemory, 'spark.driver.memory', cluster);
  assign(a.driverCores, 'spark.driver.cores', cluster);
  assign(String(a.supervise), 'spark.driver.supervise', cluster);
  assign(a.ivyRepoPath, 'spark.jars.ivy', cluster);
  if (!cluster && a.jars !== undefined) conf.set('spark.repl.local.jars', a.jars);
  // Client mode: the (downloaded) --py-files become spark.submit.pyFiles.
  if (!cluster && a.pyFiles !== undefined) conf.set('spark.submit.pyFiles', a.pyFiles);
  // The application jar goes on spark.jars so that users need not call sc.addJar.
  if (!a.isPython && !a.isR) {
    const jars = stringToSeq(conf.get('spark.jars'));
    if (a.primaryResource !== undefined && isUserJar(a.primaryResource)) jars.push(a.primaryResource);
    conf.set('spark.jars', jars.join(','));
  }
  if (cluster) conf.delete('spark.driver.host');
  for (const key of ['spark.jars', 'spark.files', 'spark.archives']) {
    const v = conf.get(key);
    if (v !== undefined) conf.set(key, resolveURIs(v, cwd));
  }
  // spark.submit.pyFiles is always rewritten, '' when unused. In client mode PythonRunner.formatPaths
  // turns file: URIs into local paths (its errors for remote Python files are not modelled).
  const pyFiles = javaSplitComma(resolveURIs(stringToSeq(conf.get('spark.submit.pyFiles')).join(','), cwd));
  const formatted = cluster ? pyFiles : pyFiles.map((p) => (p.startsWith('file:') ? decodeURIComponent(p.slice('file:'.length)) : p));
  conf.set('spark.submit.pyFiles', formatted.join(','));
  return Object.fromEntries(conf);
}

function masterAddresses(master: string, rest: boolean, stage: SubmitStage): MasterAddress[] {
  const urls = parseStandaloneMasterUrls(master);
  if (rest) {
    return urls.map((u) => {
      const addr = restAddressFromSparkUrl(u);
      if (!addr) throw unsupported(`The simulator cannot read the REST server address in master URL '${u}'.`);
      return addr;
    });
  }
  return urls.map((u) => {
    const r = attempt(() => rpcAddressFromSparkUrl(u));
    if (!r.ok) throw uncaught(stage, r.error);
    return r.value;
  });
}

function toInt(s: string | undefined): number | undefined {
  return s === undefined ? undefined : parseJavaInteger(s, 32);
}

/** KILL / REQUEST_STATUS: with a spark:// master, always the REST client. */
function prepareKillOrStatus(a: SubmitArguments, cl: SubmitCommandLine): SubmitSpec {
  const master = masterOf(a);
  if (!master.startsWith('spark://')) {
    if (master.startsWith('k8s')) throw unsupported('The simulator models Spark Standalone only: --kill / --status need a spark:// master.');
    throw uncaught('prepareSubmitEnvironment', new JvmException(ILLEGAL_ARGUMENT_EXCEPTION, `No external SparkSubmitOperations clients found for master url: '${master}'`));
  }
  return {
    action: a.action === 'KILL' ? 'KILL' : 'REQUEST_STATUS',
    masterUrl: master,
    masters: masterAddresses(master, true, 'prepareSubmitEnvironment'),
    deployMode: a.deployMode === 'cluster' ? 'cluster' : 'client',
    supervise: a.supervise,
    mainClass: undefined,
    appName: a.name ?? '',
    primaryResource: a.primaryResource,
    appArgs: a.childArgs,
    conf: Object.fromEntries(a.sparkProperties),
    driverMemoryMb: 1024,
    driverCores: 1,
    executorMemoryMb: 1024,
    executorCores: undefined,
    coresMax: undefined,
    useRest: a.useRest,
    waitAppCompletion: false,
    killSubmissionId: a.submissionToKill,
    statusSubmissionId: a.submissionToRequestStatusFor,
    isPython: a.isPython,
    isR: a.isR,
    verbose: a.verbose,
    jars: [], files: [], archives: [], pyFiles: [], packages: [],
    childMainClass: 'org.apache.spark.deploy.rest.RestSubmissionClient',
    childArgs: [],
    commandLine: cl,
  };
}

/** SUBMIT to a spark:// master: prepareSubmitEnvironment, then what the chosen client checks first. */
function prepareSubmit(a: SubmitArguments, cl: SubmitCommandLine, cwd: string, notes: string[]): SubmitSpec {
  const cm = clusterManagerOf(a);
  let deployMode: DeployMode;
  if (a.deployMode === undefined || a.deployMode === 'client') deployMode = 'client';
  else if (a.deployMode === 'cluster') deployMode = 'cluster';
  else throw sparkError('prepareSubmitEnvironment', 'Deploy mode must be either client or cluster');

  if (cm === 'YARN' || cm === 'KUBERNETES') {
    throw unsupported(`The simulator models Spark Standalone only: --master must be a spark:// URL (got '${masterOf(a)}').`);
  }
  failFast(a, cm, deployMode);
  if (a.maybeRemote !== undefined) throw unsupported('The simulator does not model Spark Connect (--remote / spark.remote).');
  if (cm === 'LOCAL') {
    throw unsupported(`The simulator models Spark Standalone only: --master must be a spark:// URL (got '${masterOf(a)}').`);
  }
  a.deployMode = deployMode;

  // Main class resolution for JARs: the simulator cannot open the jar to read its manifest.
  if (a.mainClass === undefined && !a.isPython && !a.isR) {
    throw sparkError('prepareSubmitEnvironment', 'No main class set in JAR; please specify one with --class.');
  }
  if (deployMode === 'client' && (isShell(a.primaryResource) || isInternal(a.primaryResource))) {
    throw unsupported('The simulator does not model interactive shells or SQL / Thrift / Connect servers.');
  }
  let mainClass = a.mainClass;
  if (deployMode === 'client' && a.isPython) mainClass = PYTHON_RUNNER;
  if (deployMode === 'client' && a.isR) mainClass = R_RUNNER;
  // Client mode (not YARN): Python dependencies are shipped as files; an R script is one too.
  if (deployMode === 'client') a.files = mergeFileLists(a.files, a.pyFiles);
  if (deployMode === 'client' && a.isR) a.files = mergeFileLists(a.files, a.primaryResource);

  const conf = buildStandaloneConf(a, deployMode, cwd);
  const master = masterOf(a);
  const primaryResource = a.primaryResource ?? '';
  const userClass = mainClass ?? '';
  let childMainClass = userClass;
  const childArgs: string[] = [];
  let masters: MasterAddress[];
  let waitAppCompletion = false;

  if (deployMode === 'cluster' && a.useRest) {
    childMainClass = REST_CLUSTER_SUBMIT_CLASS;
    childArgs.push(primaryResource, userClass, ...a.childArgs);
    masters = masterAddresses(master, true, 'ClientApp');
  } else if (deployMode === 'cluster' && !master.startsWith('spark://')) {
    // args.isStandaloneCluster needs "spark://": no child class is chosen, and loading "" fails.
    throw new SubmitAbort('error', 'prepareSubmitEnvironment', 'Failed to load class .', undefined, 'Error: Failed to load class .', 101);
  } else if (deployMode === 'cluster') {
    childMainClass = STANDALONE_CLUSTER_SUBMIT_CLASS;
    if (a.supervise) childArgs.push('--supervise');
    if (a.driverMemory !== undefined) childArgs.push('--memory', a.driverMemory);
    if (a.driverCores !== undefined) childArgs.push('--cores', a.driverCores);
    childArgs.push('launch', master, primaryResource, userClass, ...a.childArgs);
    checkLegacyJarUrl(primaryResource);
    masters = masterAddresses(master, false, 'ClientApp');
    const wait = attempt(() => getBoolean(conf, 'spark.standalone.submit.waitAppCompletion'));
    if (!wait.ok) throw uncaught('ClientApp', wait.error);
    waitAppCompletion = wait.value;
  } else {
    childArgs.push(...a.childArgs);
    // SparkContext.createTaskScheduler: only spark://… reaches the standalone backend.
    if (!master.startsWith('spark://')) throw sparkError('driver', `Could not parse Master URL: '${master}'`);
    masters = masterAddresses(master, false, 'driver');
  }

  const driverMemoryMb = driverMemoryOf(a, conf, deployMode, notes);
  if (a.packages !== undefined && deployMode === 'client') {
    notes.push('--packages: the simulator does not resolve Maven coordinates (a real client-mode submit downloads them first).');
  }
  return {
    action: 'SUBMIT',
    masterUrl: master,
    masters,
    deployMode,
    supervise: a.supervise,
    mainClass,
    appName: a.name ?? '',
    primaryResource: a.primaryResource,
    appArgs: a.childArgs,
    conf,
    driverMemoryMb,
    driverCores: toInt(deployMode === 'cluster' ? a.driverCores : conf['spark.driver.cores']) ?? 1,
    executorMemoryMb: getSizeMb(conf, 'spark.executor.memory'),
    executorCores: getOptionalInt(conf, 'spark.executor.cores'),
    coresMax: getOptionalInt(conf, 'spark.cores.max'),
    useRest: a.useRest,
    waitAppCompletion,
    killSubmissionId: undefined,
    statusSubmissionId: undefined,
    isPython: a.isPython,
    isR: a.isR,
    verbose: a.verbose,
    jars: stringToSeq(conf['spark.jars']),
    files: stringToSeq(conf['spark.files']),
    archives: stringToSeq(conf['spark.archives']),
    pyFiles: stringToSeq(a.pyFiles),
    packages: stringToSeq(a.packages),
    childMainClass,
    childArgs,
    commandLine: cl,
  };
}

/**
 * Cluster mode: both gateways build the DriverDescription with Utils.memoryStringToMb, where a
 * bare number is bytes ("--driver-memory 512" asks for 0 MiB). Client mode: the conf's reading.
 */
function driverMemoryOf(a: SubmitArguments, conf: Record<string, string>, deployMode: DeployMode, notes: string[]): number {
  if (deployMode === 'cluster') return a.driverMemory !== undefined ? memoryStringToMb(a.driverMemory) : 1024;
  const raw = conf['spark.driver.memory'];
  if (raw !== undefined && /^\s*[0-9]+\s*$/.test(raw)) {
    notes.push(
      `Client mode: the launcher starts the driver JVM with -Xmx${raw.trim()}, and the JVM reads a number without a unit as bytes.`,
    );
  }
  return getSizeMb(conf, 'spark.driver.memory');
}

/**
 * ClientArguments ("launch" … <jarUrl> …): the legacy gateway wants a URL with a scheme whose
 * path ends in .jar. It prints two lines and its usage, then exits -1.
 */
function checkLegacyJarUrl(jarUrl: string): void {
  // An opaque URI (scheme: not followed by '/') has no path.
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:(\/\/[^/?#]*)?(\/[^?#]*)/.exec(jarUrl);
  const valid = isParsableUri(jarUrl) && m !== null && (m[2] ?? '').endsWith('.jar');
  if (!valid) {
    const message = `Jar url '${jarUrl}' is not in valid format.`;
    const console =
      `${message}\nMust be a jar file path in URL format (e.g. hdfs://host:port/XX.jar, file:///XX.jar)\n${DRIVER_CLIENT_USAGE}`;
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

// =============================================================================================
// Entry point

function toFailure(e: SubmitAbort, warnings: string[], commandLine: SubmitCommandLine | undefined): SubmitFailure {
  // Warnings were printed (as `Warning: …`) before the failure when they came first.
  const printed = e.stage === 'shell' || e.stage === 'launcher' ? [] : warnings.map((w) => `Warning: ${w}`);
  return {
    ok: false,
    kind: e.kind,
    stage: e.stage,
    error: e.sparkMessage,
    exception: e.exception,
    console: [...printed, e.consoleBody].join('\n'),
    exitCode: e.exitCode,
    warnings,
    commandLine,
  };
}

/**
 * Parses and validates a spark-submit line for a spark:// master as Spark 4.0 does.
 * `defaults` is the cluster's spark-defaults.conf; `--conf` beats it, and dedicated flags beat
 * both (except --driver-memory and the other driver flags, which share a slot with their --conf
 * key in the launcher, so the later one on the line wins).
 */
export function parseSparkSubmit(command: string, defaults: SparkConfMap = {}, options: ParseSubmitOptions = {}): SubmitResult {
  const sparkHome = options.env?.SPARK_HOME ?? DEFAULT_SPARK_HOME;
  const shellEnv: Record<string, string> = { SPARK_HOME: sparkHome, ...options.env };
  const cwd = options.cwd ?? sparkHome;
  const viaLauncher = options.viaLauncher ?? true;
  const warnings: string[] = [];
  let commandLine: SubmitCommandLine | undefined;
  try {
    const inv = splitInvocation(command, shellEnv);
    const env = { ...shellEnv, ...inv.env };
    const recorded = attempt(() => recordCommandLine(inv.program, inv.env, inv.args));
    if (recorded.ok) commandLine = recorded.value;

    const argv = viaLauncher ? runLauncher(inv.args, defaults) : inv.args;
    const a = parseSubmitArguments(argv, defaults, env, cwd, warnings);
    const cl = commandLine ?? emptyCommandLine(inv.program, inv.env);

    if (a.action === 'PRINT_VERSION') {
      const banner = sparkVersionBanner(options.sparkVersion ?? DEFAULT_SPARK_VERSION);
      throw new SubmitAbort('version', 'SparkSubmitArguments', '', undefined, banner, 0);
    }
    const notes: string[] = [];
    const spec = a.action === 'SUBMIT' ? prepareSubmit(a, cl, cwd, notes) : prepareKillOrStatus(a, cl);
    return { ok: true, submit: spec, warnings, notes };
  } catch (e) {
    if (e instanceof SubmitAbort) return toFailure(e, warnings, commandLine);
    throw e;
  }
}
