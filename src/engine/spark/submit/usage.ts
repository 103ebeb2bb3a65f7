// Models the text spark-submit prints for --help (deploy/SparkSubmitArguments.scala's
// printUsageAndExit) and for --version (deploy/SparkSubmit.scala's printVersion), as in Spark 4.0.

export const DEFAULT_SPARK_VERSION = '4.0.0';

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
