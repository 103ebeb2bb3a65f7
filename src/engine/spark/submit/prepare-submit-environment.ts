// Models deploy/SparkSubmit.scala (4.0) for a spark:// master: main's dispatch on the action
// (submit, kill, status, version) and prepareSubmitEnvironment, which decides the child class
// (the user's main class, ClientApp or RestSubmissionClientApp), its arguments and the app's conf.
//
// A command line goes through the same two parsers as in Spark 4.0:
//  1. the launcher (launcher.ts, a small Java program run by bin/spark-class) parses the options
//     first; its errors print `Error: <message>`, a blank line and the usage, and exit 1;
//  2. the SparkSubmit JVM parses the launcher's rebuilt argument list with SparkSubmitArguments
//     (spark-submit-arguments.ts), then prepareSubmitEnvironment decides what to run; their errors
//     are uncaught SparkExceptions: `Exception in thread "main" org.apache.spark.SparkException: <message>`.
// `viaLauncher: false` models calling SparkSubmit.main directly (as SparkSubmitSuite does).
import type { SparkConfMap } from '../conf';
import { getBoolean, getOptionalInt, getSizeMb, parseJavaInteger } from '../conf';
import { attempt, ILLEGAL_ARGUMENT_EXCEPTION, JvmException, memoryStringToMb } from '../memory';
import { checkLegacyJarUrl } from './client-arguments';
import { emptyCommandLine, recordCommandLine, splitInvocation } from './command-line';
import { SubmitAbort, sparkError, toFailure, uncaught, unsupported } from './failures';
import { runLauncher } from './launcher';
import type { SubmitArguments } from './spark-submit-arguments';
import { isInternal, isShell, isUserJar, masterOf, parseSubmitArguments } from './spark-submit-arguments';
import type { DeployMode, ParseSubmitOptions, SubmitCommandLine, SubmitResult, SubmitSpec, SubmitStage } from './types';
import type { MasterAddress } from './types';
import {
  DEFAULT_SPARK_HOME,
  javaSplitComma,
  parseStandaloneMasterUrls,
  resolveURIs,
  restAddressFromSparkUrl,
  rpcAddressFromSparkUrl,
  stringToSeq,
} from './uris';
import { DEFAULT_SPARK_VERSION, sparkVersionBanner } from './usage';

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
  const formatted = cluster
    ? pyFiles
    : pyFiles.map((p) => (p.startsWith('file:') ? decodeURIComponent(p.slice('file:'.length)) : p));
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
    if (master.startsWith('k8s'))
      throw unsupported('The simulator models Spark Standalone only: --kill / --status need a spark:// master.');
    throw uncaught(
      'prepareSubmitEnvironment',
      new JvmException(
        ILLEGAL_ARGUMENT_EXCEPTION,
        `No external SparkSubmitOperations clients found for master url: '${master}'`,
      ),
    );
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
    jars: [],
    files: [],
    archives: [],
    pyFiles: [],
    packages: [],
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
    throw unsupported(
      `The simulator models Spark Standalone only: --master must be a spark:// URL (got '${masterOf(a)}').`,
    );
  }
  failFast(a, cm, deployMode);
  if (a.maybeRemote !== undefined)
    throw unsupported('The simulator does not model Spark Connect (--remote / spark.remote).');
  if (cm === 'LOCAL') {
    throw unsupported(
      `The simulator models Spark Standalone only: --master must be a spark:// URL (got '${masterOf(a)}').`,
    );
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
    throw new SubmitAbort(
      'error',
      'prepareSubmitEnvironment',
      'Failed to load class .',
      undefined,
      'Error: Failed to load class .',
      101,
    );
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
    notes.push(
      '--packages: the simulator does not resolve Maven coordinates (a real client-mode submit downloads them first).',
    );
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
function driverMemoryOf(
  a: SubmitArguments,
  conf: Record<string, string>,
  deployMode: DeployMode,
  notes: string[],
): number {
  if (deployMode === 'cluster') return a.driverMemory !== undefined ? memoryStringToMb(a.driverMemory) : 1024;
  const raw = conf['spark.driver.memory'];
  if (raw !== undefined && /^\s*[0-9]+\s*$/.test(raw)) {
    notes.push(
      `Client mode: the launcher starts the driver JVM with -Xmx${raw.trim()}, and the JVM reads a number without a unit as bytes.`,
    );
  }
  return getSizeMb(conf, 'spark.driver.memory');
}

/** SparkSubmit.mergeFileLists: the non-blank lists, split and joined with commas. */
function mergeFileLists(...lists: (string | undefined)[]): string | undefined {
  const merged = lists.filter((l): l is string => l !== undefined && l.trim() !== '').flatMap(stringToSeq);
  return merged.length > 0 ? merged.join(',') : undefined;
}

/**
 * Parses and validates a spark-submit line for a spark:// master as Spark 4.0 does.
 * `defaults` is the cluster's spark-defaults.conf; `--conf` beats it, and dedicated flags beat
 * both (except --driver-memory and the other driver flags, which share a slot with their --conf
 * key in the launcher, so the later one on the line wins).
 */
export function parseSparkSubmit(
  command: string,
  defaults: SparkConfMap = {},
  options: ParseSubmitOptions = {},
): SubmitResult {
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
