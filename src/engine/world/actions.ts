// The world outside Spark: what the scenario's user does (sbin/start-master.sh, start-worker.sh,
// spark-submit, kill -9, pulling a plug, a firewall rule...). Simulation applies each scenario
// action at its time, after the events of that instant, and this module turns it into processes
// starting, dying or being cut off. It reads the scenario's Action types (the world is where a
// scenario meets the Spark model) and drives spark/; nothing in spark/ imports it.
import type { Action, SubmitAction } from '../scenario/types';
import type { Process } from '../sim/kernel';
import type { SparkCluster, Topology } from '../spark/cluster';
import { startClientDriver } from '../spark/driver';
import type { MasterState } from '../spark/master-state';
import { startMaster } from '../spark/master';
import { memoryStringToMb } from '../spark/memory';
import type { AppBehaviour, DriverDescription } from '../spark/messages';
import type { SubmitSpec } from '../spark/submit';
import { parseSparkSubmit } from '../spark/submit';
import { startSubmitClient } from '../spark/submit-client';
import { registeredAppName, SPARK_PI_DEFAULT_SLICES, sparkPiSlices } from '../spark/examples';
import { DEFAULT_TASK_MS, MASTER_JVM_STARTUP_MS, WORKER_JVM_STARTUP_MS } from '../spark/timings';
import type { WorkerState } from '../spark/worker-state';
import { startWorker } from '../spark/worker';

export interface ClusterLayout {
  clientHost: string;
  masters: { host: string; port: number }[];
  workers: { host: string; cores: number; memory: string; port?: number }[];
}

export function topology(c: SparkCluster): Topology {
  return c.world.topology;
}

export function masterAddresses(c: SparkCluster): string[] {
  return topology(c).masters.map((m) => `${m.host}:${m.port}`);
}

/** Starts the masters and workers of the scenario at t = 0. */
export function bootCluster(c: SparkCluster, layout: ClusterLayout): void {
  const topo = topology(c);
  topo.clientHost = layout.clientHost;
  c.k.addHost(layout.clientHost);
  for (const m of layout.masters) {
    const p = startMaster(c, m.host, m.port);
    topo.masters.push({ host: m.host, port: m.port, pid: p.pid });
  }
  for (const w of layout.workers) addWorker(c, w.host, w.cores, w.memory, w.port, 0);
}

function addWorker(
  c: SparkCluster,
  host: string,
  cores: number,
  memory: string,
  port: number | undefined,
  startupMs: number,
): void {
  const memoryMb = memoryStringToMb(memory);
  const p = startWorker(c, { host, cores, memoryMb, port, masterAddresses: masterAddresses(c), startupMs });
  topology(c).workers.set(host, { cores, memoryMb, port, pid: p.pid });
}

function workerProc(c: SparkCluster, host: string): Process<WorkerState> | null {
  const w = topology(c).workers.get(host);
  if (!w) return null;
  return c.k.proc<WorkerState>(w.pid);
}

function activeMaster(c: SparkCluster): Process<MasterState> | null {
  for (const m of topology(c).masters) {
    const p = c.k.proc<MasterState>(m.pid);
    if (p.alive && p.state.state !== 'STANDBY') return p;
  }
  return null;
}

export function applyAction(c: SparkCluster, a: Action): void {
  c.acting = a;
  try {
    runAction(c, a);
  } finally {
    c.acting = null;
  }
}

function runAction(c: SparkCluster, a: Action): void {
  const log = (text: string) => c.k.log(c.worldPid, text);
  switch (a.type) {
    case 'submit':
      submit(c, a);
      return;
    case 'add-worker':
      log(`start-worker.sh on ${a.host} (${a.cores} cores, ${a.memory})`);
      addWorker(c, a.host, a.cores, a.memory, a.port, WORKER_JVM_STARTUP_MS);
      return;
    case 'kill-worker': {
      const w = workerProc(c, a.target);
      log(`kill -9 the Worker on ${a.target}`);
      if (!w?.alive) return;
      c.exitProcess(w.pid, 137);
      return;
    }
    case 'remove-worker': {
      // stop-worker.sh: spark-daemon.sh sends SIGTERM (exit 143); the Master learns of it from
      // the dropped connection, exactly as for a kill. The machine then leaves the cluster.
      const w = workerProc(c, a.target);
      log(`stop-worker.sh on ${a.target}`);
      topology(c).workers.delete(a.target);
      if (w?.alive) c.exitProcess(w.pid, 143);
      return;
    }
    case 'power-off': {
      log(`${a.target} loses power`);
      c.k.powerOff(a.target);
      for (const p of c.k.state.procs) if (p.host === a.target) c.unbindAll(p.pid);
      return;
    }
    case 'restart-worker': {
      const spec = topology(c).workers.get(a.target);
      if (!spec) return;
      log(`start-worker.sh on ${a.target}`);
      const old = c.k.proc(spec.pid);
      if (old.alive) c.exitProcess(old.pid, 143);
      c.k.powerOn(a.target);
      const p = startWorker(c, {
        host: a.target,
        cores: spec.cores,
        memoryMb: spec.memoryMb,
        port: spec.port,
        masterAddresses: masterAddresses(c),
        startupMs: WORKER_JVM_STARTUP_MS,
      });
      spec.pid = p.pid;
      return;
    }
    case 'partition':
      log(`network partition ${a.between[0]} ${a.oneWay ? '→' : '⇹'} ${a.between[1]}`);
      c.k.partition(a.between[0], a.between[1], a.oneWay ?? false);
      return;
    case 'heal':
      log(a.between ? `network between ${a.between[0]} and ${a.between[1]} healed` : 'every network partition healed');
      c.k.heal(a.between?.[0], a.between?.[1]);
      return;
    case 'kill-executor': {
      const [appId, execId] = splitExecutorTarget(a.target);
      log(`kill -9 executor ${a.target}`);
      for (const p of c.k.state.procs) {
        if (p.kind !== 'executor' || !p.alive) continue;
        const s = p.state as { appId: string; executorId: string };
        if (s.appId === appId && s.executorId === execId) c.exitProcess(p.pid, 137);
      }
      return;
    }
    case 'crash-driver': {
      log(`driver ${a.target} crashes`);
      for (const p of c.k.state.procs) {
        if (p.kind === 'driver' && p.alive && (p.state as { driverId: string | null }).driverId === a.target)
          c.exitProcess(p.pid, 1);
      }
      return;
    }
    case 'kill-driver': {
      const m = activeMaster(c);
      log(`spark-submit --kill ${a.target}`);
      if (!m) return;
      // The Master's RequestKillDriver path, as `spark-class org.apache.spark.deploy.Client kill` asks it.
      c.k.ask(
        c.worldPid,
        'world',
        m.pid,
        'Master',
        { type: 'RequestKillDriver', driverId: a.target },
        c.settings.askTimeoutMs,
      );
      return;
    }
    case 'kill-app': {
      const m = activeMaster(c);
      log(`Master UI: kill application ${a.target}`);
      if (m) c.k.send(c.worldPid, 'world', m.pid, 'Master', { type: 'KillApplication', appId: a.target });
      return;
    }
    case 'kill-master': {
      // Without a target: the leading Master (with ZooKeeper the first live one may be a standby).
      const leader = activeMaster(c);
      const m = a.target
        ? topology(c).masters.find((x) => x.host === a.target)
        : (topology(c).masters.find((x) => x.pid === leader?.pid) ??
          topology(c).masters.find((x) => c.k.proc(x.pid).alive));
      log(`kill -9 the Master${m ? ` on ${m.host}` : ''}`);
      if (m?.startingUntil !== undefined)
        delete m.startingUntil; // the JVM still starting dies
      else if (m) c.exitProcess(m.pid, 137);
      return;
    }
    case 'restart-master': {
      const m = a.target
        ? topology(c).masters.find((x) => x.host === a.target)
        : topology(c).masters.find((x) => !c.k.proc(x.pid).alive);
      if (!m || c.k.proc(m.pid).alive || m.startingUntil !== undefined) return;
      log(`start-master.sh on ${m.host}`);
      c.k.powerOn(m.host);
      // The JVM takes MASTER_JVM_STARTUP_MS to come up; until then nothing listens on its port
      // (daemon-start.ts starts the Master then, unless its machine lost power meanwhile).
      m.startingUntil = c.k.now + MASTER_JVM_STARTUP_MS;
      c.k.timer(c.worldPid, 'world', MASTER_JVM_STARTUP_MS, { type: 'MasterJvmStarted', host: m.host });
      return;
    }
    case 'set-conf':
      log(`set ${a.key}=${a.value}`);
      if (a.key === 'network.latencyMs' || a.key === 'network.jitterMs') {
        c.k.setNetwork({ [a.key === 'network.latencyMs' ? 'latencyMs' : 'jitterMs']: Number(a.value) });
      } else {
        c.setConf(a.key, a.value);
      }
      return;
    case 'decommission-worker': {
      const w = workerProc(c, a.target);
      log(`decommission the Worker on ${a.target} (SIGPWR)`);
      if (w?.alive) c.k.timer(w.pid, 'Worker', 0, { type: 'WorkerDecommissionSigReceived' });
      return;
    }
  }
}

function splitExecutorTarget(target: string): [string, string] {
  const i = target.lastIndexOf('/');
  return [target.slice(0, i), target.slice(i + 1)];
}

// ---------------------------------------------------------------- spark-submit

/** The user's code: `workload` if given; SparkPi's argument is its number of slices (tasks). */
export function behaviourOf(a: SubmitAction, spec: SubmitSpec): AppBehaviour {
  return {
    tasks: a.workload?.tasks ?? sparkPiSlices(spec.mainClass ?? '', spec.appArgs) ?? SPARK_PI_DEFAULT_SLICES,
    taskMs: a.workload?.taskMs ?? DEFAULT_TASK_MS,
    executorFault: a.executorFault ?? null,
    driverFault: a.driverFault ?? null,
    maxTaskFailures: maxTaskFailuresOf(spec.conf),
  };
}

/** spark.task.maxFailures: an int conf, 4 by default (config/package.scala TASK_MAX_FAILURES). */
const DEFAULT_MAX_TASK_FAILURES = 4;

function maxTaskFailuresOf(conf: Record<string, string>): number {
  const v = conf['spark.task.maxFailures']?.trim();
  // A value SparkConf cannot read as an int fails the driver's SparkContext in Spark; the
  // simulator keeps the default for it rather than model that start-up failure.
  return v !== undefined && /^\d+$/.test(v) && Number(v) >= 1 ? Number(v) : DEFAULT_MAX_TASK_FAILURES;
}

function submit(c: SparkCluster, a: SubmitAction): void {
  const topo = topology(c);
  const parsed = parseSparkSubmit(a.command, c.world.conf);
  if (!parsed.ok) {
    c.k.log(c.worldPid, `spark-submit failed: ${parsed.error}`, 'ERROR');
    return;
  }
  const spec = parsed.submit;
  if (spec.action === 'KILL' && spec.killSubmissionId) {
    applyAction(c, { at: a.at, type: 'kill-driver', target: spec.killSubmissionId });
    return;
  }
  if (spec.action !== 'SUBMIT') {
    c.k.log(c.worldPid, `$ ${a.command}`);
    return;
  }
  const mainClass = spec.mainClass ?? '';
  const primaryResource = spec.primaryResource ?? '';
  topo.submissions += 1;
  const behaviour = behaviourOf(a, spec);
  const masters = spec.masters.map((m) => `${m.host}:${m.port}`);
  const host = topo.clientHost;
  c.k.log(c.worldPid, `$ ${a.command}`);
  if (spec.deployMode === 'client') {
    startClientDriver(c, host, masters, {
      name: registeredAppName(mainClass, spec.appName),
      maxCores: spec.coresMax ?? null,
      memoryPerExecutorMB: spec.executorMemoryMb,
      coresPerExecutor: spec.executorCores ?? null,
      user: 'spark',
      initialExecutorLimit: null,
      behaviour,
    });
    return;
  }
  // Cluster mode: ClientApp (or RestSubmissionClientApp) with the app's conf as -D java options,
  // as Client.scala puts Utils.sparkJavaOpts(conf) into the DriverWrapper command.
  const conf: Record<string, string> = { ...spec.conf, 'spark.app.name': spec.appName, 'spark.master': spec.masterUrl };
  // ClientApp.start (deploy/Client.scala) sets spark.rpc.askTimeout=10s in its conf when the user did
  // not, and that conf is what it puts into the DriverWrapper command: the driver, and through its
  // executor command its executors, ask with a 10 s timeout. The REST client sets nothing.
  if (!spec.useRest && conf['spark.rpc.askTimeout'] === undefined) conf['spark.rpc.askTimeout'] = '10s';
  const driverDescription: DriverDescription = {
    jarUrl: primaryResource.includes(':') ? primaryResource : `file:${primaryResource}`,
    mem: spec.driverMemoryMb,
    cores: spec.driverCores,
    supervise: spec.supervise,
    command: {
      mainClass: 'org.apache.spark.deploy.worker.DriverWrapper',
      arguments: ['{{WORKER_URL}}', '{{USER_JAR}}', mainClass, ...spec.appArgs],
      javaOpts: Object.entries(conf).map(([k, v]) => `-D${k}=${v}`),
    },
    behaviour,
  };
  startSubmitClient(c, host, {
    gateway: spec.useRest ? 'rest' : 'legacy',
    masters,
    driverDescription,
    appResource: driverDescription.jarUrl,
    mainClass,
    appArgs: spec.appArgs,
    sparkProperties: conf,
    waitAppCompletion: spec.waitAppCompletion,
  });
}
