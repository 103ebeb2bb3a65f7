// Models deploy/SparkSubmitArguments.scala (4.0): the SparkSubmit JVM's parse of the launcher's
// argument list, the merge of spark-defaults.conf, loadEnvironmentArguments and
// validateArguments. Its errors are uncaught SparkExceptions.
import type { SparkConfMap } from '../conf';
import { parseJavaInteger } from '../conf';
import { attempt, byteStringAsBytes, ILLEGAL_ARGUMENT_EXCEPTION, JvmException } from '../memory';
import { SubmitAbort, sparkError, uncaught, unsupported } from './failures';
import { parseOptions, splitConfPair } from './option-parser';
import type { SparkSubmitAction, SubmitStage } from './types';
import { SPARK_SUBMIT_USAGE } from './usage';
import { fileName, resolveURI, resolveURIs } from './uris';

/**
 * printUsageAndExit(exitCode): prints the usage, then SparkUserAppException(exitCode) is caught by
 * SparkSubmit.main and becomes the exit status (-1 shows as 255).
 */
function usageExit(stage: SubmitStage, exitCode: number): SubmitAbort {
  return new SubmitAbort('usage', stage, '', undefined, SPARK_SUBMIT_USAGE, exitCode < 0 ? exitCode + 256 : exitCode);
}

type Action = SparkSubmitAction | 'PRINT_VERSION';

/** The fields of SparkSubmitArguments the standalone path uses (null in Spark = undefined here). */
export interface SubmitArguments {
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
export function masterOf(args: SubmitArguments): string {
  return args.maybeMaster ?? 'local[*]';
}

const SPARK_SHELL_RESOURCES = new Set(['spark-shell', 'pyspark-shell', 'sparkr-shell', 'connect-shell']);
export const isShell = (res: string | undefined) => res !== undefined && SPARK_SHELL_RESOURCES.has(res);
export const isInternal = (res: string | undefined) => res === 'spark-internal';
const isPythonResource = (res: string) => res.endsWith('.py') || res === 'pyspark-shell';
const isRResource = (res: string) => res.endsWith('.R') || res.endsWith('.r') || res === 'sparkr-shell';
export const isUserJar = (res: string) =>
  !isShell(res) && !isPythonResource(res) && !isInternal(res) && !isRResource(res);

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
export function parseSubmitArguments(
  argv: readonly string[],
  defaults: SparkConfMap,
  env: Readonly<Record<string, string>>,
  cwd: string,
  warnings: string[],
): SubmitArguments {
  const a: SubmitArguments = {
    childArgs: [],
    verbose: false,
    isPython: false,
    isR: false,
    sparkProperties: new Map(),
    supervise: false,
    useRest: false,
    dynamicAllocationEnabled: false,
    loadSparkDefaults: false,
    warnings,
  };
  const stage: SubmitStage = 'SparkSubmitArguments';
  const error = (msg: string) => sparkError(stage, msg);

  try {
    parseOptions(argv, {
      handle(opt, value) {
        const v = value ?? '';
        switch (opt) {
          case '--name':
            a.name = v;
            break;
          case '--master':
            a.maybeMaster = v;
            break;
          case '--remote':
            a.maybeRemote = v;
            break;
          case '--class':
            a.mainClass = v;
            break;
          case '--deploy-mode':
            if (v !== 'client' && v !== 'cluster') throw error('--deploy-mode must be either "client" or "cluster"');
            a.deployMode = v;
            break;
          case '--num-executors':
            a.numExecutors = v;
            break;
          case '--total-executor-cores':
            a.totalExecutorCores = v;
            break;
          case '--executor-cores':
            a.executorCores = v;
            break;
          case '--executor-memory':
            a.executorMemory = v;
            break;
          case '--driver-memory':
            a.driverMemory = v;
            break;
          case '--driver-cores':
            a.driverCores = v;
            break;
          case '--driver-class-path':
            a.driverExtraClassPath = v;
            break;
          case '--driver-java-options':
            a.driverExtraJavaOptions = v;
            break;
          case '--driver-library-path':
            a.driverExtraLibraryPath = v;
            break;
          case '--properties-file':
            throw unsupported(
              `--properties-file is not supported by the simulator: put the properties in the scenario's cluster conf (spark-defaults.conf) or pass them with --conf (file: ${v}).`,
            );
          case '--load-spark-defaults':
            a.loadSparkDefaults = true;
            break;
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
          case '--supervise':
            a.supervise = true;
            break;
          case '--queue':
            a.queue = v;
            break;
          case '--files':
            a.files = resolveURIs(v, cwd);
            break;
          case '--py-files':
            a.pyFiles = resolveURIs(v, cwd);
            break;
          case '--archives':
            a.archives = resolveURIs(v, cwd);
            break;
          case '--jars':
            a.jars = resolveURIs(v, cwd);
            break;
          case '--packages':
            a.packages = v;
            break;
          case '--exclude-packages':
            a.packagesExclusions = v;
            break;
          case '--repositories':
            a.repositories = v;
            break;
          case '--conf': {
            // SparkSubmitUtils.parseSparkConfProperty
            const [k, val] = splitConfPair(v);
            if (val === undefined) throw error(`Spark config without '=': ${v}`);
            a.sparkProperties.set(k, val);
            break;
          }
          case '--proxy-user':
            a.proxyUser = v;
            break;
          case '--principal':
            a.principal = v;
            break;
          case '--keytab':
            a.keytab = v;
            break;
          case '--help':
            throw usageExit(stage, 0);
          case '--verbose':
            a.verbose = true;
            break;
          case '--version':
            a.action = 'PRINT_VERSION';
            break;
          case '--usage-error':
            throw usageExit(stage, 1);
          default:
            throw error(`Unexpected argument '${opt}'.`);
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
  if (a.driverMemory !== undefined && notPositiveBytes(a.driverMemory))
    throw error('Driver memory must be a positive number');
  if (a.executorMemory !== undefined && notPositiveBytes(a.executorMemory))
    throw error('Executor memory must be a positive number');
  if (a.driverCores !== undefined && notPositiveInt(a.driverCores))
    throw error('Driver cores must be a positive number');
  if (a.executorCores !== undefined && notPositiveInt(a.executorCores))
    throw error('Executor cores must be a positive number');
  if (a.totalExecutorCores !== undefined && notPositiveInt(a.totalExecutorCores)) {
    throw error('Total executor cores must be a positive number');
  }
  if (!a.dynamicAllocationEnabled && a.numExecutors !== undefined && notPositiveInt(a.numExecutors)) {
    throw error('Number of executors must be a positive number');
  }
  const master = masterOf(a);
  if (master.startsWith('yarn') && env.HADOOP_CONF_DIR === undefined && env.YARN_CONF_DIR === undefined) {
    throw error(
      `When running with master '${master}' either HADOOP_CONF_DIR or YARN_CONF_DIR must be set in the environment.`,
    );
  }
  if (a.proxyUser !== undefined && a.principal !== undefined)
    throw error('Only one of --proxy-user or --principal can be provided.');
}
