// The built-in scenarios' documents (JSON, so each reads like an exported file) and explanations,
// all but the first-visit one (catalogue.ts has it). A chunk of its own: catalogue.ts imports it
// when the page needs a built-in, never at start.
import type { BuiltinDetails } from './builtin-types';
import clusterMode from './cluster-mode.json';
import spreadOut from './spread-out.json';
import consolidate from './consolidate.json';
import driversRoundRobin from './drivers-round-robin.json';
import driversNestedLoop from './drivers-nested-loop.json';
import restGateway from './rest-gateway.json';
import executorCoresSetVsUnset from './executor-cores-set-vs-unset.json';
import appWaitingForMemory from './app-waiting-for-memory.json';
import workerPowerOff from './worker-power-off.json';
import workerKillVsPowerOff from './worker-kill-vs-power-off.json';
import networkPartitionHeal from './network-partition-heal.json';
import workerDecommission from './worker-decommission.json';
import executorLaunchFailure from './executor-launch-failure.json';
import driverSupervisedRelaunch from './driver-supervised-relaunch.json';
import driverUnsupervisedLost from './driver-unsupervised-lost.json';
import driverSuperviseCrashLoop from './driver-supervise-crash-loop.json';
import masterRestartNoRecovery from './master-restart-no-recovery.json';
import masterRecoveryFilesystem from './master-recovery-filesystem.json';
import masterFailoverZookeeper from './master-failover-zookeeper.json';
import sandbox from './sandbox.json';
import appHeldByFirstApp from './app-held-by-first-app.json';
import executorCoresTooLarge from './executor-cores-too-large.json';
import allWorkersLost from './all-workers-lost.json';
import driverTooBig from './driver-too-big.json';
import maxDrivers from './max-drivers.json';

/** By built-in id: what to watch, and the document. */
export const builtinDetails: Readonly<Record<string, BuiltinDetails>> = {
  'cluster-mode': {
    explanation: `Cluster mode has two registrations: first the driver, then the application.

- The short-lived ClientApp on **client** sends **RequestSubmitDriver**; the Master answers **SubmitDriverResponse** ("Driver successfully submitted as driver-…").
- The Master picks a worker for the driver (1 core, 1 GiB) and sends **LaunchDriver**; the DriverRunner starts the DriverWrapper JVM and the driver is RUNNING.
- The driver's SparkContext sends **RegisterApplication**, and executors follow as in client mode: \`--executor-cores 2\` makes 2-core executors, five of them in the 11 cores left next to the driver, and one core stays free.
- The client polls with **RequestDriverStatus**, logs the state and exits: spark-submit does not wait for the application.
- When SparkPi ends, the worker reports **DriverStateChanged** (FINISHED). \`--supervise\` only matters when something goes wrong: a driver exiting non-zero is restarted by its worker, and a driver whose worker is lost is relaunched elsewhere by the Master (see the driver scenarios further down).`,
    scenario: clusterMode,
  },
  'spread-out': {
    explanation: `Compare with **Consolidate (2 of 2)**: same cluster, same \`spark-submit\`, only \`spark.deploy.spreadOut\` differs.

- \`--total-executor-cores 12\` asks for fewer cores than the cluster's 32.
- Without \`--executor-cores\`, the Master hands out one core per worker per pass, round-robin over the workers with the most free cores, until 12 are given.
- Watch the four **LaunchExecutor** messages: one executor of 3 cores on each worker.`,
    scenario: spreadOut,
  },
  consolidate: {
    explanation: `Compare with **Spread out (1 of 2)**: same cluster, same \`spark-submit\`, only \`spark.deploy.spreadOut\` differs.

- The Master fills the first worker in its order (most free cores, ties by the highest worker id) before it moves on.
- Watch only two **LaunchExecutor** messages: an executor of 8 cores on one worker, one of 4 cores on the next, and two workers left idle.
- Fewer, bigger executors: less network between them, but less spread of I/O and memory.`,
    scenario: consolidate,
  },
  'drivers-round-robin': {
    explanation: `Drivers take strict precedence over executors, and in Spark 2.0 and later waiting drivers are placed round-robin. Compare with **Waiting drivers (2 of 2)**: the same run on Spark 1.6.0.

- The first application (client mode, no core limit) takes all 16 cores.
- Four **RequestSubmitDriver** arrive; each driver is accepted (**SubmitDriverResponse**) but stays SUBMITTED in the Master's waiting drivers: no worker has a free core.
- At 28.8 s SparkPi finishes and its **UnregisterApplication** frees every core in one go. In that one schedule() the Master walks the (shuffled) alive workers, starting each driver's search just after the worker that took the previous one: four **LaunchDriver** messages, one per worker.
- Then the four applications register (**RegisterApplication**) and share the remaining 12 cores: three 1-core executors each.`,
    scenario: driversRoundRobin,
  },
  'drivers-nested-loop': {
    explanation: `Same cluster and same five submissions as **Waiting drivers (1 of 2)**; only \`sparkVersion\` is 1.6.0 (with that release's examples jar).

- Spark 1.4.0–1.6.1 placed drivers with two nested loops: for each worker in shuffled order, launch *every* waiting driver that fits. SPARK-13803 restored round-robin in 2.0 (and in the 1.6 line after 1.6.1).
- At 28.8 s, when the first app's **UnregisterApplication** frees the cores, w2 gets two **LaunchDriver** messages at once (drivers …-0000 and …-0002).
- That loop removes each launched driver from \`waitingDrivers\` while iterating over it: the driver behind it (…-0001) is skipped, and the loop then reads the emptied last slot. The Master logs \`ERROR Ignoring error: java.lang.NullPointerException\`, and the rest of that schedule(), the executor placement, never runs.
- The next schedule() (the first **RegisterApplication**, at 32.2 s) puts …-0001 on w1 and fails the same way, so that app gets its executors only at the next call, which puts …-0003 on w1 too. Two drivers on w2 and two on w1, none on w3 or w4.`,
    scenario: driversNestedLoop,
  },
  'rest-gateway': {
    explanation: `Same result as the legacy gateway, different door.

- \`spark.master.rest.enabled=true\` makes the Master also listen on 6066, and \`--master spark://master:6066\` points spark-submit there.
- spark-submit posts a **CreateSubmissionRequest** to \`/v1/submissions/create\`; the REST server turns it into **RequestSubmitDriver** for the Master and answers with a **CreateSubmissionResponse** holding the driver id.
- The client then asks \`/v1/submissions/status/<id>\`, logs the driver's state and exits: it does not wait for the application.
- From **LaunchDriver** on, everything is as in cluster mode: the driver registers SparkPi (**RegisterApplication**) and its executors start with **LaunchExecutor**.`,
    scenario: restGateway,
  },
  'executor-cores-set-vs-unset': {
    explanation: `Both applications have \`--total-executor-cores 8\` on two 8-core workers.

- The first has no \`--executor-cores\`: the Master adds cores one by one to a *single* executor per worker, so its **LaunchExecutor** messages ask for two executors of 4 cores.
- The second has \`--executor-cores 2\`: the Master hands out 2 cores at a time, each a new executor, so it gets four 2-core executors, two per worker.
- Memory is per executor (\`--executor-memory 2g\`): the second app uses twice the memory of the first for the same cores.`,
    scenario: executorCoresSetVsUnset,
  },
  'app-waiting-for-memory': {
    explanation: `\`--executor-memory 20g\` is more than any worker has (\`SPARK_WORKER_MEMORY\` 16g), and the Master never splits an executor across workers.

- The app registers as usual (**RegisterApplication**, **RegisteredApplication**) and stays WAITING: schedule() finds no worker that can hold even one executor, so no **LaunchExecutor** is sent.
- At registration (3.25 s) the Master logs \`WARN App app-… requires more resource than any of Workers could have.\` It only checks this when the app is the only one waiting and has no executor yet.
- The driver's job gets no executor. Every 15 s (\`spark.starvation.timeout\`) it warns \`Initial job has not accepted any resources; check your cluster UI…\`: at 18, 33 and 48 s, and on until an executor registers. Nothing fails. Spark waits for ever, and spark-submit never compared the size with the workers.
- At 60 s w3 starts with 32 GiB. Once its JVM is up (at 66.9 s) its **RegisterWorker** runs schedule(), which sends **LaunchExecutor** for one 8-core, 20 GiB executor. The app turns RUNNING, the executor's JVM registers with the driver at 80.4 s, and the app finishes at about 93 s.`,
    scenario: appWaitingForMemory,
  },
  'app-held-by-first-app': {
    explanation: `Nothing is wrong with the second application: the first one holds every core, because nothing told the Master to stop giving it more.

- The first app registers at 3.25 s without \`spark.cores.max\` (\`--total-executor-cores\`), so it may take \`spark.deploy.defaultCores\` cores, which is unlimited by default. schedule() gives it one 4-core executor on each worker: 8 of 8 cores.
- The second app registers at 8.25 s and gets nothing. Select it (its id in the **Master UI**) and open **Why?**: \`HELD_BY_OTHER_APPS\`, naming the first app, with both workers at 0 free cores in red, and the fix: set \`spark.cores.max\` on the first app. Its driver warns \`Initial job has not accepted any resources\` at 23.25 s, 15 s after its job started.
- The first app's **Why?** says \`SERVED\`: every worker that could take one of its executors is full of its own.
- When the first app finishes (36.9 s), **Removing app** frees both workers and the same schedule() launches the second app's two executors; it finishes at about 55 s.`,
    scenario: appHeldByFirstApp,
  },
  'executor-cores-too-large': {
    explanation: `\`--executor-cores 16\` asks for executors bigger than any worker (8 cores), and the Master never splits an executor across workers.

- At registration (3.25 s) the Master logs \`WARN App app-… requires more resource than any of Workers could have.\` and launches nothing; the app stays WAITING.
- Select the app and open **Why?**: \`INSUFFICIENT_CORES\`, with both workers' free cores in red (8 against 16 needed), and the fixes: add a worker with ≥ 16 cores, or lower \`--executor-cores\` to ≤ 8.
- The driver warns \`Initial job has not accepted any resources\` every 15 s (\`spark.starvation.timeout\`) from 18.25 s.
- At 60 s w3 starts with 16 cores; its **RegisterWorker** (66.9 s) runs schedule(), which launches one 16-core executor there, and the app finishes at about 88 s.`,
    scenario: executorCoresTooLarge,
  },
  'all-workers-lost': {
    explanation: `An application outlives its workers: nothing in Standalone ends it when they go.

- The app runs with one 4-core executor on each worker. At 20 s both Worker processes are killed; the Master sees both disconnects at once, removes the workers and tells the driver its executors are LOST (\`worker lost: w1:… got disassociated\`).
- The app stays RUNNING with no executor. Select it and open **Why?**: \`NO_ALIVE_WORKERS\`, both rows DEAD in red. Select a worker: **Why did this happen?** walks its DEAD back to the disconnect, the Worker's exit with code 137 and the kill at 20 s.
- At 40 s w1's Worker is started again. It registers at 46.9 s under a new worker id, and schedule() launches executor 2 there; the job's lost tasks run again and the app finishes at about 130 s.`,
    scenario: allWorkersLost,
  },
  'driver-too-big': {
    explanation: `\`--driver-memory 12g\` in cluster mode: the driver must run on a worker, and none has 12 GiB.

- The Master accepts the submission (**RequestSubmitDriver**, 2.35 s), logs \`WARN Driver driver-… requires more resource than any of Workers could have.\` and leaves the driver SUBMITTED in its waiting list. spark-submit has no idea: it reports the driver submitted.
- Select the driver (its id in the **Master UI**) and open **Why?**: \`INSUFFICIENT_MEMORY\`, both workers' 8 GiB in red, and the fix: add a worker with ≥ 12 GiB, or lower \`--driver-memory\`.
- At 60 s w3 starts with 16 GiB; its **RegisterWorker** (66.9 s) runs schedule(), which launches the driver there. Its application registers at 70.3 s and, without \`spark.cores.max\`, gets an executor on each of the three workers.`,
    scenario: driverTooBig,
  },
  'max-drivers': {
    explanation: `\`spark.deploy.maxDrivers\` (Spark 4.0) caps how many cluster-mode drivers the Master runs at once; here it is 1.

- The first driver is placed on w1 at 2.35 s and its app takes 2 cores (\`--total-executor-cores 2\`). The second driver, submitted at 7.35 s, stays SUBMITTED although both workers have room.
- Select it and open **Why?**: \`MAX_DRIVERS_REACHED\`: one driver is placed already, the most \`spark.deploy.maxDrivers\` allows. Its per-worker table is green: room is not the problem.
- When the first driver finishes (39.8 s, **Removing driver**), the same schedule() launches the second one on w2; its app runs and finishes at about 77 s.`,
    scenario: maxDrivers,
  },
  'worker-power-off': {
    explanation: `A process that dies closes its TCP connections and the Master reacts at once; a machine that loses power does not. **Worker process killed vs machine powered off** shows both side by side.

- Before the failure, watch each worker's **Heartbeat** every 15 s (\`spark.worker.timeout\` / 4).
- At 20 s, while its executor runs tasks (the executors' JVMs registered at 16.8 s), w2 is powered off. Its executor's tasks simply stop and nothing tells the Master. Once the other executors have run every remaining task, the application just waits for w2's four.
- The Master's **CheckForWorkerTimeOut** runs every 60 s and removes a worker that has been silent for more than 60 s. w2's last heartbeat was at 15 s, so the check at 60 s keeps it (silent for 45 s) and the one at 120 s removes it (\`… because we got no heartbeat in 60 seconds\`), 100 s after the power cut.
- The driver gets **ExecutorUpdated** (LOST) and **WorkerRemoved**, runs the four lost tasks again on the other executors, and finishes at 121 s.`,
    scenario: workerPowerOff,
  },
  'worker-kill-vs-power-off': {
    explanation: `Three workers each run one 4-core executor of SparkPi. At 20 s the Worker process on **w2** is killed and the machine **w3** is powered off.

- **w2, process killed**: its TCP connections close. At 20.0 s the Master logs \`w2:… got disassociated, removing it.\`, marks the worker DEAD and sends the driver **ExecutorUpdated** (LOST) and **WorkerRemoved**. The executor on w2 exits too, because its WorkerWatcher lost the worker.
- **w3, power off**: no connection closes and no message says anything. The Master still lists w3 as ALIVE, and the tasks on its executor simply stop.
- w1 alone runs every other task, w2's lost ones included, well before 120 s. After that the app just waits for the four tasks that were on w3.
- The Master runs **CheckForWorkerTimeOut** every 60 s and removes workers that have been silent for more than \`spark.worker.timeout\` (60 s). w3's last **Heartbeat** was at 15 s: the check at 60 s keeps it and the one at 120 s removes it. Detection takes 60–120 s after the last heartbeat, here 100 s after the power cut.
- Then the four tasks run again on w1 and the app finishes at 121 s. No replacement executor starts anywhere: w1 has no free core.`,
    scenario: workerKillVsPowerOff,
  },
  'network-partition-heal': {
    explanation: `From 20 s to 150 s every packet between **w3** and the Master is dropped. No connection closes (TCP keeps retransmitting what it could not deliver), and w3's executor can still reach the driver on **client**.

- At first the app does not slow down, because w3's executor keeps running tasks for the driver. Only w3's **Heartbeat** messages stop reaching the Master, one every 15 s.
- The last heartbeat from w3 got through at 15 s. **CheckForWorkerTimeOut** keeps w3 at 60 s and removes it at 120 s (no heartbeat in 60 seconds). The driver gets **ExecutorUpdated** (LOST) and **WorkerRemoved** and stops using an executor that is in fact still alive.
- At 150 s the network heals. TCP had kept every **Heartbeat** the partition held back and delivers them all at once, to a Master that lists w3 as DEAD: it answers each with **ReconnectWorker** (\`Got heartbeat from unregistered worker … Asking it to re-register.\`).
- w3 sends **RegisterWorker** again and gets **RegisteredWorker**. The app has no core limit, so schedule() gives it a new executor on w3 at once. w3's **WorkerLatestState** still lists the old executor, which the Master does not know any more, so it sends **KillExecutor** for it. The app finishes at about 199 s.`,
    scenario: networkPartitionHeal,
  },
  'worker-decommission': {
    explanation: `Decommissioning takes a worker out gracefully (SIGPWR to the Worker, or the Master UI's \`/workers/kill\`). It needs \`spark.decommission.enabled=true\`.

- At 25 s, with every executor running tasks, w2 gets the signal. It refuses any further executor and sends **WorkerDecommissioning**. The Master marks it DECOMMISSIONED: it stays listed, neither ALIVE nor DEAD.
- For each of w2's two executors the Master sends the driver **ExecutorUpdated** (DECOMMISSIONED, "worker decommissioned") and drops the executor from the app. The driver answers with **DecommissionExecutor** to each executor and sends them no new task.
- At 26 s, with their running tasks done, the executors log \`No running tasks, no block migration configured, stopping.\` and exit with code 0. Their **ExecutorStateChanged** (EXITED) concerns executors the Master no longer counts (\`Got status update for unknown executor\`), so nothing counts towards \`spark.deploy.maxExecutorRetries\`.
- No replacement is launched. Decommissioning does not call schedule(), only ALIVE workers get executors or drivers, and w1 and w3 are full. The app finishes on its remaining 8 cores at about 73 s.`,
    scenario: workerDecommission,
  },
  'executor-launch-failure': {
    explanation: `A broken application can keep a cluster busy replacing executors. Spark stops it after \`spark.deploy.maxExecutorRetries\` (10) failures in a row.

- Each **LaunchExecutor** is answered by **ExecutorStateChanged** (FAILED) without ever reaching RUNNING.
- The Master forwards **ExecutorUpdated**, counts the failure, schedules again and sends a new **LaunchExecutor**: watch the executor ids climb. All of it happens within 30 ms of the registration at 3.25 s.
- At the tenth failure in a row, with no executor RUNNING, the Master logs \`Application Spark Pi with ID … failed 10 times; removing it\`. **ApplicationRemoved** (FAILED) goes to the driver, which stops its SparkContext.
- Only failures in a row count: an executor that reaches RUNNING resets the count, so executors that crash *after* starting are replaced for ever.`,
    scenario: executorLaunchFailure,
  },
  'driver-supervised-relaunch': {
    explanation: `The cluster-mode driver (\`--supervise\`) is placed on **w3** at 2.35 s and registers SparkPi at 5.7 s; its executors' JVMs register with it at 19.2 s. At 20 s the Worker process on w3 is killed.

- The Master sees w3 disconnect and removes it: its executors are LOST, and for the supervised driver it logs \`Re-launching driver-…-0000\`.
- The old driver id ends as RELAUNCHING. A **new** id (\`driver-20260101000020-0001\`) is queued and in the same step sent to w1 with **LaunchDriver**. Since Spark 2.2 a relaunch gets a new id; before that, the old id was reused.
- The old driver process died with its worker (through its WorkerWatcher). The Master only sees the old app's driver disconnect, so it ends that app as FINISHED, not FAILED. The two replacement executors it had just launched for that app are killed at once.
- The relaunched driver starts SparkPi from scratch: a new **RegisterApplication** at 23.4 s, a new app id and new executors. It finishes at about 87 s.`,
    scenario: driverSupervisedRelaunch,
  },
  'driver-unsupervised-lost': {
    explanation: `Same cluster and same kill as **Drivers and worker loss (1 of 2)**. Only \`--supervise\` is missing.

- At 20 s the Worker process on w3 dies, and the Master removes w3 at once (disconnect). For the driver it logs \`Not re-launching driver-…-0000 because it was not supervised\` and removes it as ERROR.
- The driver process died with its worker, so its AppClient connection drops. The Master finishes the app as FINISHED (a disconnect is all it sees) and kills its executors. The executors on w1 and w2 exit on their own as well (\`Driver … disassociated! Shutting down.\`).
- Nothing starts again: SparkPi never completes, and from 20 s on the cluster is idle. A driver that loses its worker comes back only with \`--supervise\` or if it is submitted again.`,
    scenario: driverUnsupervisedLost,
  },
  'driver-supervise-crash-loop': {
    explanation: `\`--supervise\` restarts a driver that exits non-zero, and it never gives up.

- The driver is launched on w1 at 2.35 s. Each time its JVM reaches main() (3 s after it starts) it fails with exit code 1, before it has registered an application.
- The Worker's DriverRunner restarts it without asking anyone: \`Command exited with status 1, re-launching after 1 s.\`, then after 2, 4, 8, 16 and 32 s. The wait doubles after every run shorter than 5 s and has no upper bound (a driver whose main() ran longer than 5 s before failing would be restarted after 1 s every time).
- The Master is never told. It shows the driver RUNNING on w1 under the same id the whole time, with no **DriverStateChanged**. spark-submit left at 7.4 s, after its one status poll said RUNNING.
- At 60 s a kill request (**RequestKillDriver**, as \`spark-class org.apache.spark.deploy.Client kill\` sends it) makes the Master send **KillDriver**. The runner gives up its 32 s wait and the worker reports **DriverStateChanged** (KILLED).`,
    scenario: driverSuperviseCrashLoop,
  },
  'master-restart-no-recovery': {
    explanation: `Compare with **Master restart (2 of 2)**: the same cluster and application. Only \`spark.deploy.recoveryMode\` differs.

- At 20 s the Master process dies. The workers log \`Connection to master failed! Waiting for master to reconnect...\` and retry **RegisterWorker** on their own schedule (w2 every 6 s, w1 every 15 s: the interval is random per worker, 5–15 s). The driver logs \`Disconnected from Spark cluster! Waiting for reconnection...\`, while its executors keep running tasks.
- At 45 s the Master is started again. Once its JVM is up (47.4 s) it has nothing to recover and is ALIVE at once (\`I have been elected leader! New state: ALIVE\`).
- At 50 s the workers' retries reach it (**RegisteredWorker**). Each then sends **WorkerLatestState** listing its executor. The Master has never heard of these executors and answers **KillExecutor**.
- The driver never registers again: an AppClient only follows a **MasterChanged**, and nobody sends one. It loses its executors and hangs with tasks left, while the new Master lists no application at all.`,
    scenario: masterRestartNoRecovery,
  },
  'master-recovery-filesystem': {
    explanation: `With \`spark.deploy.recoveryMode=FILESYSTEM\` the Master writes each worker, application and driver to \`spark.deploy.recoveryDirectory\` on its own disk as they register, and deletes them when they go.

- From 20 s to 45 s it goes as without recovery: the workers retry **RegisterWorker**, the driver is disconnected, and the executors keep running tasks.
- At 45 s the Master is started again. Once its JVM is up (47.4 s) it finds one application and two workers on disk: \`I have been elected leader! New state: RECOVERING\`. It marks each UNKNOWN and sends it **MasterChanged**.
- The workers answer **WorkerSchedulerStateResponse** with their executors, and the driver answers **MasterChangeAcknowledged**. Once nothing is UNKNOWN the Master completes the recovery (\`Recovery complete in 5 ms - resuming operations!\`) and is ALIVE again, without waiting for \`spark.deploy.recoveryTimeout\` (by default \`spark.worker.timeout\`, 60 s).
- The app keeps executors 0 and 1 under their old ids (no **LaunchExecutor** after 20 s) and finishes normally at about 93 s. The unneeded recovery timer still fires at 107.4 s and does nothing; that is when the run ends.`,
    scenario: masterRecoveryFilesystem,
  },
  'master-failover-zookeeper': {
    explanation: `\`spark.deploy.recoveryMode=ZOOKEEPER\` with two Masters, **m1** and **m2**, and ZooKeeper on **zk**. Every client lists both Masters (\`spark://m1:7077,m2:7077\`).

- Both Masters open a ZooKeeper session (Spark asks for 60 s and the server grants at most 20 × tickTime = 40 s) and race for the leader latch. m1 wins and m2 stays STANDBY, answering workers with **MasterInStandby**. The workers register with m1 on their first retry (9 and 12 s), the app at 23.25 s; its executors' JVMs join it at 36.7 s.
- At 40 s m1 is killed. The workers and the driver see the disconnect; the workers' **RegisterWorker** to m2 gets **MasterInStandby**. No Master leads, yet the executors keep running tasks.
- m1's session ends only when ZooKeeper expires it. Its last ping was at 26.7 s (one every 13.3 s), so that happens at 68 s (\`Expiring session …, timeout of 40000ms exceeded\`). With these defaults a failover takes 27–42 s after a kill.
- m2 then holds the latch (\`We have gained leadership\`), reads what m1 persisted in ZooKeeper and is RECOVERING. It sends **MasterChanged** to both workers and the app; **WorkerSchedulerStateResponse** and **MasterChangeAcknowledged** come back and recovery completes in 5 ms. The app keeps its executors and finishes under m2 at about 137 s.
- m1, started again at 100 s, is up at 102.4 s, queues behind m2 in the latch and stays STANDBY.`,
    scenario: masterFailoverZookeeper,
  },
  sandbox: {
    explanation: `Nothing happens here until you act.

- **Submit app** (or press **s**) opens spark-submit: paste a line or fill the form; Spark's own validation shows as you type.
- Drag a worker from the palette onto the canvas to start one; it sends **RegisterWorker** and the Master answers **RegisteredWorker**.
- Right-click a worker, executor, driver or the Master (or focus it and press **m**) for faults: kill the process, power the machine off, partition it from the Master, decommission it.
- Every action is recorded at its simulated time, so seeking back and playing again replays it exactly.`,
    scenario: sandbox,
  },
};
