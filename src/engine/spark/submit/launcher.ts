// Models launcher/Main.java and launcher/SparkSubmitCommandBuilder.java (4.0): the small Java
// program bin/spark-class runs first, which parses the options (OptionParser with
// errorOnUnknownArgs = true), checks the driver's Java options and rebuilds the argument list it
// hands to SparkSubmit. Its errors print `Error: <message>`, a blank line and the usage, and exit 1.
import type { SparkConfMap } from '../conf';
import { ILLEGAL_ARGUMENT_EXCEPTION, JvmException } from '../memory';
import { SubmitAbort, unsupported } from './failures';
import { parseOptions, splitConfPair } from './option-parser';
import { splitShellWords } from './shell-words';
import type { SubmitCommandLine } from './types';
import { SPARK_SUBMIT_USAGE } from './usage';

/** Driver flags the launcher turns into conf entries: the flag and the --conf key share one slot. */
export const LAUNCHER_CONF_FLAGS: Readonly<Record<string, { field: keyof SubmitCommandLine; key: string }>> = {
  '--driver-memory': { field: 'driverMemory', key: 'spark.driver.memory' },
  '--driver-java-options': { field: 'driverJavaOptions', key: 'spark.driver.extraJavaOptions' },
  '--driver-library-path': { field: 'driverLibraryPath', key: 'spark.driver.extraLibraryPath' },
  '--driver-class-path': { field: 'driverClassPath', key: 'spark.driver.extraClassPath' },
  '--driver-default-class-path': { field: 'driverDefaultClassPath', key: 'spark.driver.defaultExtraClassPath' },
};

/** launcher/Main: an IllegalArgumentException from the launcher prints the error and the usage. */
function launcherError(message: string): SubmitAbort {
  return new SubmitAbort(
    'error',
    'launcher',
    message,
    ILLEGAL_ARGUMENT_EXCEPTION,
    `Error: ${message}\n\n${SPARK_SUBMIT_USAGE}`,
    1,
  );
}

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
export function runLauncher(args: readonly string[], defaults: SparkConfMap): string[] {
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
