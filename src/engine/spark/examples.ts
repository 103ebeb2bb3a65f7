// Models what the bundled example programs (examples/src/main/scala/org/apache/spark/examples/*)
// do that the cluster can see: the app name their code sets, which wins over spark-submit's
// --name (SparkSession.builder().appName(...) overrides spark.app.name), and SparkPi's slices.

const NAMES_SET_BY_CODE: Record<string, string> = {
  'org.apache.spark.examples.SparkPi': 'Spark Pi',
  'org.apache.spark.examples.JavaSparkPi': 'JavaSparkPi',
  'org.apache.spark.examples.SparkLR': 'SparkLR',
  'org.apache.spark.examples.GroupByTest': 'GroupBy Test',
  'org.apache.spark.examples.SparkTC': 'SparkTC',
};

/** The name the application registers with: the one its code sets, else spark.app.name. */
export function registeredAppName(mainClass: string, sparkAppName: string): string {
  return NAMES_SET_BY_CODE[mainClass] ?? sparkAppName;
}

/** SparkPi(slices): `val slices = if (args.length > 0) args(0).toInt else 2`. */
export const SPARK_PI_DEFAULT_SLICES = 2;

export function isSparkPi(mainClass: string): boolean {
  return mainClass === 'org.apache.spark.examples.SparkPi' || mainClass === 'org.apache.spark.examples.JavaSparkPi';
}

/**
 * The slices a SparkPi submit asks for, as the simulation reads its first argument (one task per
 * slice), or undefined when the program is not SparkPi or the argument gives no positive count
 * (then the simulation uses SPARK_PI_DEFAULT_SLICES).
 */
export function sparkPiSlices(mainClass: string, appArgs: readonly string[]): number | undefined {
  const arg = appArgs[0];
  if (!isSparkPi(mainClass) || arg === undefined) return undefined;
  const slices = Number.parseInt(arg, 10);
  return Number.isFinite(slices) && slices > 0 ? slices : undefined;
}
