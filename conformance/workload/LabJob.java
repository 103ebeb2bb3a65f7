// The lab's workload (docs/conformance-lab.md): the same work a scenario's `workload` gives the
// simulator, N tasks of T ms, one core each, then sc.stop(). Java rather than Python because
// Spark's standalone cluster deploy mode runs only JVM drivers (SparkSubmit refuses "Cluster deploy
// mode is currently not supported for python applications on standalone clusters.").
//
// Arguments: <tasks> <taskMs> <appName> [<driverCrashAfterMs> <driverExitCode>]
// The app name is set by the code, as SparkPi's `appName("Spark Pi")` does, so it wins over --name.
// A driver fault: the driver process exits with that code that long after it started.
// An executor fault: spark.plugins=LabJob$CrashPlugin with spark.lab.executorCrash.afterMs and
// spark.lab.executorCrash.exitCode makes every executor exit so that long after it started.
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;

public final class LabJob {
  private LabJob() {}

  public static void main(String[] args) throws Exception {
    final int tasks = Integer.parseInt(args[0]);
    final long taskMs = Long.parseLong(args[1]);
    final String name = args.length > 2 ? args[2] : "LabJob";
    if (args.length > 4) exitLater(Long.parseLong(args[3]), Integer.parseInt(args[4]));
    SparkConf conf = new SparkConf().setAppName(name);
    JavaSparkContext sc = new JavaSparkContext(conf);
    List<Integer> items = new ArrayList<>(tasks);
    for (int i = 0; i < tasks; i++) items.add(i);
    sc.parallelize(items, tasks).foreach(i -> Thread.sleep(taskMs));
    sc.stop();
  }

  /** Halts this JVM with `code` `afterMs` after now (a daemon thread, so a normal end is not held). */
  static void exitLater(long afterMs, int code) {
    Thread t =
        new Thread(
            () -> {
              try {
                Thread.sleep(afterMs);
              } catch (InterruptedException e) {
                return;
              }
              Runtime.getRuntime().halt(code);
            },
            "lab-fault");
    t.setDaemon(true);
    t.start();
  }

  /** spark.plugins entry: each executor halts with the configured code after the configured time. */
  public static final class CrashPlugin implements SparkPlugin {
    @Override
    public DriverPlugin driverPlugin() {
      return null;
    }

    @Override
    public ExecutorPlugin executorPlugin() {
      return new ExecutorPlugin() {
        @Override
        public void init(PluginContext ctx, Map<String, String> extraConf) {
          SparkConf c = ctx.conf();
          exitLater(c.getLong("spark.lab.executorCrash.afterMs", 0), c.getInt("spark.lab.executorCrash.exitCode", 1));
        }
      };
    }
  }
}
