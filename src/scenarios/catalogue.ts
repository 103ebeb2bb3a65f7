// What the page needs of the built-in scenarios at start: the catalogue the picker lists (id, title,
// summary) and the first-visit scenario whole (client mode: its document and its explanation).
// Every other built-in's document and explanation is in library.ts, a chunk of its own that the
// page imports only when it needs one (a pick, a session or a link naming it, its explanation on
// screen): the page's initial JavaScript is budgeted (README, "Performance"), and those texts and
// documents weigh about 10 KB gzip. index.ts puts both together for tests and tools.
import type { BuiltinDetails, BuiltinEntry, BuiltinScenario } from './builtin-types';
import clientMode from './client-mode.json';

export type { BuiltinDetails, BuiltinEntry, BuiltinScenario } from './builtin-types';

/** Every built-in, in the picker's order: the first-visit scenario first, the sandbox last. */
export const builtinCatalogue: readonly BuiltinEntry[] = [
  {
    id: 'client-mode',
    title: 'Client mode: SparkPi on two workers',
    summary:
      'spark-submit runs the SparkPi driver on the client machine and the Master starts one executor on each of the two workers.',
  },
  {
    id: 'cluster-mode',
    title: 'Cluster mode with --supervise (legacy gateway)',
    summary:
      'spark-submit asks the Master to run the driver on a worker through the legacy RPC gateway, and that driver then registers SparkPi like any application.',
  },
  {
    id: 'spread-out',
    title: 'Spread out vs consolidate (1 of 2): spreadOut = true',
    summary: 'With spark.deploy.spreadOut=true the Master spreads an application’s 12 cores over all four workers.',
  },
  {
    id: 'consolidate',
    title: 'Spread out vs consolidate (2 of 2): spreadOut = false',
    summary: 'With spark.deploy.spreadOut=false the Master packs the same 12 cores onto as few workers as possible.',
  },
  {
    id: 'drivers-round-robin',
    title: 'Waiting drivers (1 of 2): placed round-robin',
    summary:
      'Four cluster-mode drivers wait while a first application holds every core, then land on four different workers when its cores come back at once.',
  },
  {
    id: 'drivers-nested-loop',
    title: 'Waiting drivers (2 of 2): nested loops in Spark 1.6.0',
    summary:
      'On Spark 1.6.0 the same four waiting drivers pile up two by two on two workers, because each worker in turn takes every waiting driver that fits.',
  },
  {
    id: 'rest-gateway',
    title: 'Cluster mode through the REST gateway (port 6066)',
    summary:
      'With spark.master.rest.enabled=true, spark-submit sends the driver to the Master’s REST server on port 6066 instead of the legacy RPC client.',
  },
  {
    id: 'executor-cores-set-vs-unset',
    title: '--executor-cores set vs unset',
    summary:
      'Two applications ask for 8 cores each: without --executor-cores each worker gets one big executor, with --executor-cores 2 each worker gets several small ones.',
  },
  {
    id: 'app-waiting-for-memory',
    title: 'An application stuck WAITING for memory',
    summary:
      'Each executor asks for 20 GiB on 16 GiB workers, so the application waits with no executor until a bigger worker joins at 60 s.',
  },
  {
    id: 'app-held-by-first-app',
    title: 'Why is it waiting? (1 of 5): held by the first app',
    summary:
      'The first application sets no spark.cores.max and takes every core, so the second waits with no executor until it finishes (HELD_BY_OTHER_APPS).',
  },
  {
    id: 'executor-cores-too-large',
    title: 'Why is it waiting? (2 of 5): --executor-cores too large',
    summary:
      'Each executor asks for 16 cores on 8-core workers, so none can ever be placed (INSUFFICIENT_CORES) until a 16-core worker joins at 60 s.',
  },
  {
    id: 'all-workers-lost',
    title: 'Why is it waiting? (3 of 5): every worker lost',
    summary:
      'Both workers are killed at 20 s and the application is left with nowhere to run (NO_ALIVE_WORKERS) until a Worker is restarted at 40 s.',
  },
  {
    id: 'driver-too-big',
    title: 'Why is it waiting? (4 of 5): a driver too big for any worker',
    summary:
      'A cluster-mode driver asks for 12 GiB on 8 GiB workers and stays SUBMITTED (INSUFFICIENT_MEMORY) until a 16 GiB worker joins at 60 s.',
  },
  {
    id: 'max-drivers',
    title: 'Why is it waiting? (5 of 5): spark.deploy.maxDrivers',
    summary:
      'With spark.deploy.maxDrivers=1 the second cluster-mode driver waits (MAX_DRIVERS_REACHED) although the workers have room, until the first finishes.',
  },
  {
    id: 'worker-power-off',
    title: 'A worker loses power: only the heartbeat timeout notices',
    summary:
      'A powered-off worker closes no connections, so the Master only removes it after its heartbeats have been missing for spark.worker.timeout.',
  },
  {
    id: 'worker-kill-vs-power-off',
    title: 'Worker process killed vs machine powered off',
    summary:
      'At 20 s one worker process is killed and another machine loses power: the Master drops the first at once and the second only 100 s later.',
  },
  {
    id: 'network-partition-heal',
    title: 'A network partition that heals',
    summary:
      'w3 is cut off from the Master from 20 s to 150 s: the Master times it out, then tells it to reconnect and kills the executor it no longer knows.',
  },
  {
    id: 'worker-decommission',
    title: 'Decommissioning a worker',
    summary:
      'With spark.decommission.enabled=true, w2 is decommissioned at 25 s: its executors finish their tasks and leave, and the Master sends no new work there.',
  },
  {
    id: 'executor-launch-failure',
    title: 'Executors that never start: spark.deploy.maxExecutorRetries',
    summary:
      'Every executor of the application fails to launch, and after ten back-to-back failures the Master removes the application as FAILED.',
  },
  {
    id: 'driver-supervised-relaunch',
    title: 'Drivers and worker loss (1 of 2): --supervise relaunches',
    summary:
      'The Worker running a --supervise driver dies at 20 s, and the Master relaunches the driver on another worker under a new driver id.',
  },
  {
    id: 'driver-unsupervised-lost',
    title: 'Drivers and worker loss (2 of 2): no --supervise',
    summary:
      'Without --supervise, the driver whose worker dies at 20 s ends in state ERROR and its application ends with it.',
  },
  {
    id: 'driver-supervise-crash-loop',
    title: 'A supervised driver that keeps crashing',
    summary:
      'A driver whose main() fails as soon as it runs is restarted by its worker with a doubling back-off, until it is killed at 60 s.',
  },
  {
    id: 'master-restart-no-recovery',
    title: 'Master restart (1 of 2): recoveryMode NONE',
    summary:
      'The Master is killed at 20 s and restarted at 45 s without recovery: it kills the executors the workers report, and the running application is orphaned.',
  },
  {
    id: 'master-recovery-filesystem',
    title: 'Master restart (2 of 2): FILESYSTEM recovery',
    summary:
      'The Master is killed at 20 s and restarted at 45 s, reads its workers and application back from its recovery directory, and the application keeps its executors.',
  },
  {
    id: 'master-failover-zookeeper',
    title: 'Master failover with ZooKeeper',
    summary:
      'Two Masters elect a leader through ZooKeeper, and when the leader is killed at 40 s the standby takes over once ZooKeeper expires the dead leader’s session.',
  },
  {
    id: 'sandbox',
    title: 'Sandbox: an idle cluster to build on',
    summary: 'A Master and three 4-core workers with nothing running: submit, add workers and break things yourself.',
  },
];

/** The scenario a first visit opens (session-keeper.ts), whole: it never waits for a chunk. */
export const firstBuiltin: BuiltinScenario = {
  ...(builtinCatalogue[0] as BuiltinEntry),
  explanation: `One submission from \`spark-submit\` to \`sc.stop()\`, message by message: about 30 simulated seconds, under a minute at 1×. First the workers join (**RegisterWorker**, answered by **RegisteredWorker**).

- **spark-submit starts the driver.** In client mode the driver runs *inside* spark-submit on **client**, so no worker runs one. SparkPi creates its \`SparkContext\` and the AppClient sends **RegisterApplication** (at 3.25 s, the JVM's start and the SparkContext's); the Master answers **RegisteredApplication** with the new app id (WAITING).
- **The Master schedules in the same step:** **LaunchExecutor** to each worker, **ExecutorAdded** to the driver. \`--executor-cores\` is not set, so each worker gets *one* executor holding all 8 of its cores.
- **The executors start.** Each worker forks the executor JVM and reports **ExecutorStateChanged** (RUNNING); the Master acknowledges it (the \`true\` reply to that ask) and tells the driver with **ExecutorUpdated**.
- **They join the driver** once their JVMs are up, at 16.8 s (an executor JVM takes 13.4 s here, the median measured on real Spark). Each executor asks for the app's configuration (**RetrieveSparkAppConfig**, answered by **SparkAppConfig**), then sends **RegisterExecutor**; the driver accepts (\`true\`) and the executor reports **LaunchedExecutor**. The app is RUNNING.
- **The job runs:** SparkPi's 200 tasks of 0.8 s, 16 at a time (**LaunchTask** out, **StatusUpdate** back), about 10 seconds of work.
- **\`sc.stop()\`.** The driver sends **StopExecutor** to each executor and **UnregisterApplication** to the Master; the Master sends **KillExecutor** and **ApplicationFinished** to the workers, the executors exit, and the app moves to *Completed Applications* as FINISHED. Only heartbeats are left, so the run pauses itself.`,
  scenario: clientMode,
};

let library: Promise<Readonly<Record<string, BuiltinDetails>>> | null = null;

/** The other built-ins' details, loaded once; a failed load (offline) is tried again next time. */
function loadLibrary(): Promise<Readonly<Record<string, BuiltinDetails>>> {
  library ??= import('./library').then(
    (m) => m.builtinDetails,
    (err: unknown) => {
      library = null;
      throw err;
    },
  );
  return library;
}

const loaded = new Map<string, BuiltinScenario>([[firstBuiltin.id, firstBuiltin]]);

/** A built-in already at hand (the first, or one whose chunk has arrived), else undefined. */
export function builtinAtHand(id: string): BuiltinScenario | undefined {
  return loaded.get(id);
}

/**
 * A built-in whole, loading the library chunk when it is not at hand; undefined for an id that
 * names no built-in. Rejects when the chunk cannot be fetched (offline): callers say so in words.
 */
export async function loadBuiltin(id: string): Promise<BuiltinScenario | undefined> {
  const atHand = loaded.get(id);
  if (atHand) return atHand;
  const entry = builtinCatalogue.find((b) => b.id === id);
  if (!entry) return undefined;
  const details = (await loadLibrary())[id];
  if (!details) return undefined;
  const whole = { ...entry, ...details };
  loaded.set(id, whole);
  return whole;
}

/** Starts fetching the library chunk (the picker opening): a pick then finds it at hand. */
export function prefetchBuiltins(): void {
  loadLibrary().catch(() => undefined);
}
