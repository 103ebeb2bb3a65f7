// The shapes spark-submit's model hands the rest of the engine and the page: what a parsed command
// line asks for (SubmitSpec), and how a parse ends (SubmitResult). Types only, so every stage of
// the pipeline (launcher.ts, spark-submit-arguments.ts, prepare-submit-environment.ts,
// client-arguments.ts) can name them without importing another stage; and the command line as
// the user wrote it (SubmitCommandLine), which command-line.ts reads and writes.
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

/** A Master address as the submitting side will contact it. */
export interface MasterAddress {
  readonly host: string;
  readonly port: number;
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
