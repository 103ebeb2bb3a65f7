// The built-in scenarios: each is a scenario document (DESIGN.md §2, kept as JSON so it reads like
// an exported file) plus what the page shows beside it. They are loaded like any other scenario,
// through restoreScenario({ source: 'builtin' }); index.test.ts proves each restores cleanly.
import clientMode from './client-mode.json';
import clusterMode from './cluster-mode.json';
import consolidate from './consolidate.json';
import driversRoundRobin from './drivers-round-robin.json';
import executorCoresSetVsUnset from './executor-cores-set-vs-unset.json';
import executorLaunchFailure from './executor-launch-failure.json';
import restGateway from './rest-gateway.json';
import sandbox from './sandbox.json';
import spreadOut from './spread-out.json';
import workerPowerOff from './worker-power-off.json';

export interface BuiltinScenario {
  /** Stable, URL-safe: share links and the picker refer to it. */
  id: string;
  title: string;
  /** One sentence. */
  summary: string;
  /** Short markdown: what to watch, with Spark's message names. */
  explanation: string;
  /** The raw scenario document, as a file would hold it. */
  scenario: Readonly<Record<string, unknown>>;
}

export const builtinScenarios: readonly BuiltinScenario[] = [
  {
    id: 'client-mode',
    title: 'Client mode: SparkPi on two workers',
    summary: 'spark-submit runs the SparkPi driver on the client machine and the Master starts one executor on each of the two workers.',
    explanation: `The driver lives inside spark-submit on **client**, so no worker runs a driver.

- The AppClient sends **RegisterApplication**; the Master answers **RegisteredApplication** with the new app id (state WAITING).
- In the same step the Master schedules: **LaunchExecutor** goes to each worker and **ExecutorAdded** to the driver. \`--executor-cores\` is not set, so each worker gets *one* executor holding all 8 of its cores.
- Each worker forks the executor JVM and reports **ExecutorStateChanged** (RUNNING); the Master forwards **ExecutorUpdated**.
- The executors register with the driver (**RegisterExecutor**) and run the 200 tasks, 16 at a time.
- At the end the driver sends **StopExecutor** and **UnregisterApplication**; the app moves to *Completed Applications* as FINISHED and every worker gets **ApplicationFinished**.`,
    scenario: clientMode,
  },
  {
    id: 'cluster-mode',
    title: 'Cluster mode with --supervise (legacy gateway)',
    summary: 'spark-submit asks the Master to run the driver on a worker through the legacy RPC gateway, and that driver then registers SparkPi like any application.',
    explanation: `Cluster mode has two registrations: first the driver, then the application.

- The short-lived ClientApp on **client** sends **RequestSubmitDriver**; the Master answers **SubmitDriverResponse** ("Driver successfully submitted as driver-…").
- The Master picks a worker for the driver (1 core, 1 GiB) and sends **LaunchDriver**; the DriverRunner starts the DriverWrapper JVM and the driver is RUNNING.
- The driver's SparkContext sends **RegisterApplication**, and executors follow as in client mode: \`--executor-cores 2\` makes 2-core executors, five of them in the 11 cores left next to the driver, and one core stays free.
- The client polls with **RequestDriverStatus**, logs the state and exits: spark-submit does not wait for the application.
- When SparkPi ends, the worker reports **DriverStateChanged** (FINISHED). \`--supervise\` only matters if the driver exits non-zero: the worker would then restart it.`,
    scenario: clusterMode,
  },
  {
    id: 'spread-out',
    title: 'Spread out vs consolidate (1 of 2): spreadOut = true',
    summary: 'With spark.deploy.spreadOut=true the Master spreads an application’s 12 cores over all four workers.',
    explanation: `Compare with **Consolidate (2 of 2)**: same cluster, same \`spark-submit\`, only \`spark.deploy.spreadOut\` differs.

- \`--total-executor-cores 12\` asks for fewer cores than the cluster's 32.
- Without \`--executor-cores\`, the Master hands out one core per worker per pass, round-robin over the workers with the most free cores, until 12 are given.
- Watch the four **LaunchExecutor** messages: one executor of 3 cores on each worker.`,
    scenario: spreadOut,
  },
  {
    id: 'consolidate',
    title: 'Spread out vs consolidate (2 of 2): spreadOut = false',
    summary: 'With spark.deploy.spreadOut=false the Master packs the same 12 cores onto as few workers as possible.',
    explanation: `Compare with **Spread out (1 of 2)**: same cluster, same \`spark-submit\`, only \`spark.deploy.spreadOut\` differs.

- The Master fills the first worker in its order (most free cores, ties by the highest worker id) before it moves on.
- Watch only two **LaunchExecutor** messages: an executor of 8 cores on one worker, one of 4 cores on the next, and two workers left idle.
- Fewer, bigger executors: less network between them, but less spread of I/O and memory.`,
    scenario: consolidate,
  },
  {
    id: 'drivers-round-robin',
    title: 'Waiting drivers placed round-robin',
    summary: 'Four cluster-mode drivers wait while a first application holds every core, then land on four different workers when its cores come back at once.',
    explanation: `Drivers take strict precedence over executors, and waiting drivers are placed round-robin.

- The first application (client mode, no core limit) takes all 16 cores.
- Four **RequestSubmitDriver** arrive; each driver is accepted (**SubmitDriverResponse**) but stays SUBMITTED in the Master's waiting drivers: no worker has a free core.
- When SparkPi finishes, its **UnregisterApplication** frees every core in one go. In that one schedule() the Master walks the (shuffled) alive workers, starting each driver's search just after the worker that took the previous one: four **LaunchDriver** messages, one per worker.
- Then the four applications register (**RegisterApplication**) and share the remaining 12 cores: three 1-core executors each.`,
    scenario: driversRoundRobin,
  },
  {
    id: 'rest-gateway',
    title: 'Cluster mode through the REST gateway (port 6066)',
    summary: 'With spark.master.rest.enabled=true, spark-submit sends the driver to the Master’s REST server on port 6066 instead of the legacy RPC client.',
    explanation: `Same result as the legacy gateway, different door.

- \`spark.master.rest.enabled=true\` makes the Master also listen on 6066, and \`--master spark://master:6066\` points spark-submit there.
- spark-submit posts a **CreateSubmissionRequest** to \`/v1/submissions/create\`; the REST server turns it into **RequestSubmitDriver** for the Master and answers with a **CreateSubmissionResponse** holding the driver id.
- The client then asks \`/v1/submissions/status/<id>\`, logs the driver's state and exits: it does not wait for the application.
- From **LaunchDriver** on, everything is as in cluster mode: the driver registers SparkPi (**RegisterApplication**) and its executors start with **LaunchExecutor**.`,
    scenario: restGateway,
  },
  {
    id: 'executor-cores-set-vs-unset',
    title: '--executor-cores set vs unset',
    summary: 'Two applications ask for 8 cores each: without --executor-cores each worker gets one big executor, with --executor-cores 2 each worker gets several small ones.',
    explanation: `Both applications have \`--total-executor-cores 8\` on two 8-core workers.

- The first has no \`--executor-cores\`: the Master adds cores one by one to a *single* executor per worker, so its **LaunchExecutor** messages ask for two executors of 4 cores.
- The second has \`--executor-cores 2\`: the Master hands out 2 cores at a time, each a new executor, so it gets four 2-core executors, two per worker.
- Memory is per executor (\`--executor-memory 2g\`): the second app uses twice the memory of the first for the same cores.`,
    scenario: executorCoresSetVsUnset,
  },
  {
    id: 'worker-power-off',
    title: 'A worker loses power: only the heartbeat timeout notices',
    summary: 'A powered-off worker closes no connections, so the Master only removes it after its heartbeats have been missing for spark.worker.timeout.',
    explanation: `A process that dies closes its TCP connections and the Master reacts at once; a machine that loses power does not.

- Before the failure, watch each worker's **Heartbeat** every 15 s (\`spark.worker.timeout\` / 4).
- At 15 s, w2 is powered off: its executor's tasks simply stop, nothing tells the Master, and the application stalls waiting for them.
- The Master's **CheckForWorkerTimeOut** runs every 60 s; the first check that finds w2 silent for more than 60 s removes it ("… because we got no heartbeat"), the driver gets **ExecutorUpdated** (LOST) and **WorkerRemoved**, and its lost tasks run again on the other executors.`,
    scenario: workerPowerOff,
  },
  {
    id: 'executor-launch-failure',
    title: 'Executors that never start: spark.deploy.maxExecutorRetries',
    summary: 'Every executor of the application fails to launch, and after ten back-to-back failures the Master removes the application as FAILED.',
    explanation: `A broken application can keep a cluster busy replacing executors; Spark stops it after \`spark.deploy.maxExecutorRetries\` (10) failures in a row.

- Each **LaunchExecutor** is answered by **ExecutorStateChanged** (FAILED) without ever reaching RUNNING.
- The Master forwards **ExecutorUpdated**, counts the failure, schedules again and sends a new **LaunchExecutor**: watch the executor ids climb.
- At the tenth failure in a row, with no executor RUNNING, the Master removes the application: **ApplicationRemoved** (FAILED) goes to the driver, which stops its SparkContext.`,
    scenario: executorLaunchFailure,
  },
  {
    id: 'sandbox',
    title: 'Sandbox: an idle cluster to build on',
    summary: 'A Master and three 4-core workers with nothing running: submit, add workers and break things yourself.',
    explanation: `Nothing happens here until you act.

- **Submit app** (or press **s**) opens spark-submit: paste a line or fill the form; Spark's own validation shows as you type.
- Drag a worker from the palette onto the canvas to start one; it sends **RegisterWorker** and the Master answers **RegisteredWorker**.
- Right-click a worker, executor, driver or the Master (or focus it and press **m**) for faults: kill the process, power the machine off, partition it from the Master, decommission it.
- Every action is recorded at its simulated time, so seeking back and playing again replays it exactly.`,
    scenario: sandbox,
  },
];
