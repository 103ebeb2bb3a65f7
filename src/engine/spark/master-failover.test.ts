// Master failure with recoveryMode NONE, FILESYSTEM and ZOOKEEPER (Master.scala's electedLeader,
// beginRecovery and completeRecovery; RecoveryState.scala's STANDBY → RECOVERING → ALIVE): what the workers, the applications and the new leader do, and when.
import { describe, expect, it } from 'vitest';
import { restoreScenario } from '../scenario/restore';
import type { MessageRecord } from '../sim/kernel';
import type { Simulation } from '../simulation';
import { simulate } from '../test-support/run';
import type { StateChange } from './cluster';
import type { WorkerState } from './worker-state';
import { MASTER_JVM_STARTUP_MS } from './timings';
import { ZK_TICK_TIME_MS } from './zookeeper-server';

// ---------------------------------------------------------------- helpers

function messages(sim: Simulation, type: string, from?: string, to?: string): MessageRecord[] {
  return sim.cluster.k.messages.filter(
    (m) =>
      m.type === type &&
      (!from || `${m.fromEp}@${m.fromAddr}`.startsWith(from)) &&
      (!to || `${m.toEp}@${m.toAddr}`.startsWith(to)),
  );
}

function logTime(sim: Simulation, source: string, text: string | RegExp): number | undefined {
  return sim.cluster.k.logs.find(
    (l) => l.source === source && (typeof text === 'string' ? l.text.includes(text) : text.test(l.text)),
  )?.t;
}

function changesOf(sim: Simulation, subject: string): StateChange[] {
  return sim.cluster.world.changes.filter((c) => c.subject === subject);
}

function path(sim: Simulation, subject: string): string[] {
  const cs = changesOf(sim, subject);
  return cs.length === 0 ? [] : [cs[0]?.from ?? 'null', ...cs.map((c) => c.to)];
}

function workerState(sim: Simulation, host: string): WorkerState {
  const w = sim.cluster.world.topology.workers.get(host);
  if (!w) throw new Error(`no worker ${host}`);
  return sim.cluster.k.proc<WorkerState>(w.pid).state;
}

/** Worker.scala: INITIAL_REGISTRATION_RETRY_INTERVAL_SECONDS = round(10 × fuzz). */
function retryIntervalMs(sim: Simulation, host: string): number {
  return Math.round(10 * workerState(sim, host).fuzz) * 1000;
}

/** ZooKeeper's ExpiryQueue.roundToNextInterval with tickTime 2 s. */
function nextTick(t: number): number {
  return (Math.floor(t / ZK_TICK_TIME_MS) + 1) * ZK_TICK_TIME_MS;
}

const SUBMIT = 'spark-submit --master spark://master:7077';
const HA_SUBMIT = 'spark-submit --master spark://m1:7077,m2:7077';
const TWO_WORKERS = [
  { host: 'w1', cores: 4, memory: '8g' },
  { host: 'w2', cores: 4, memory: '8g' },
];
const LONG_CLIENT_APP = {
  type: 'submit',
  command: `${SUBMIT} --class org.apache.spark.examples.SparkPi examples.jar 300`,
  workload: { tasks: 300, taskMs: 1000 },
};

/** The Masters below are restarted at 30 s; each runs once its JVM has started. */
const UP = 30_000 + MASTER_JVM_STARTUP_MS;

// ---------------------------------------------------------------- NONE

describe('recoveryMode NONE: a restarted Master knows nothing', () => {
  const sim = simulate(
    {
      workers: TWO_WORKERS,
      actions: [
        { at: 1000, ...LONG_CLIENT_APP },
        {
          // Submitted (after the gateway's JVM start) before the client app registers and takes the cores.
          at: 500,
          type: 'submit',
          command: `${SUBMIT} --deploy-mode cluster --executor-cores 1 --total-executor-cores 2 --class org.apache.spark.examples.SparkPi examples.jar 100`,
          workload: { tasks: 100, taskMs: 1000 },
        },
        { at: 20_000, type: 'kill-master' },
        { at: 30_000, type: 'restart-master' },
      ],
    },
    19_999,
  );
  const before = sim.output();
  sim.run(100_000);
  const after = sim.output();

  it('is elected at once with empty state: ALIVE, not RECOVERING', () => {
    expect(logTime(sim, 'Master@master', 'I have been elected leader! New state: ALIVE')).toBe(0);
    const elected = sim.cluster.k.logs
      .filter((l) => l.text === 'I have been elected leader! New state: ALIVE')
      .map((l) => l.t);
    expect(elected).toEqual([0, UP]);
    expect(sim.cluster.world.changes.filter((c) => c.kind === 'master').map((c) => [c.t, c.from, c.to])).toEqual([
      [0, 'STANDBY', 'ALIVE'],
      [UP, 'STANDBY', 'ALIVE'],
    ]);
    expect(messages(sim, 'MasterChanged')).toEqual([]);
  });

  it('workers re-register on their own retry schedule, only with the master address they knew', () => {
    for (const host of ['w1', 'w2']) {
      const w = workerState(sim, host);
      const regs = messages(sim, 'RegisterWorker', `Worker@${w.address}`).filter((m) => m.t > 20_000);
      // The disconnect makes the worker register again at once (lost: nothing listens on 7077)...
      const disconnectedAt = regs[0]?.t ?? NaN;
      expect(disconnectedAt).toBeGreaterThan(20_000);
      expect(disconnectedAt).toBeLessThan(20_010);
      expect(regs[0]?.delivered).toBe(false);
      // ...then retries every round(10 × fuzz) s; the first retry after the restart gets through.
      const interval = retryIntervalMs(sim, host);
      const k = Math.ceil((UP - disconnectedAt) / interval);
      const delivered = regs.filter((m) => m.delivered);
      expect(delivered[0]?.t).toBe(disconnectedAt + k * interval);
      expect(regs.filter((m) => !m.delivered).map((m) => m.t)).toEqual(
        Array.from({ length: k }, (_v, i) => disconnectedAt + i * interval),
      );
      expect(regs.every((m) => m.toAddr === 'master:7077')).toBe(true);
      expect(sim.logLines(0).join('\n')).toContain(
        `[t=${((disconnectedAt + interval) / 1000).toFixed(3)}s] Worker@${host}: Retrying connection to master (attempt # 1)`,
      );
    }
    expect(after.master?.aliveworkers).toBe(2);
  });

  it('kills every executor and driver the workers report (WorkerLatestState)', () => {
    const appBefore = before.apps.find((a) => a.driver === null);
    const clusterAppBefore = before.apps.find((a) => a.driver !== null);
    expect(appBefore?.state).toBe('RUNNING');
    const running = before.apps.flatMap((a) => a.executors.map((e) => `${a.id}/${e.id}`)).sort();
    // The client app holds every core (one executor per worker); the cluster app waits for cores.
    expect(running).toHaveLength(2);
    const latest = messages(sim, 'WorkerLatestState').filter((m) => m.t > 30_000);
    expect(latest).toHaveLength(2);
    const kills = messages(sim, 'KillExecutor', 'Master@master:7077').filter((m) => m.t > 30_000);
    expect(
      kills
        .map((m) => {
          const k = m.msg as unknown as { appId: string; execId: number };
          return `${k.appId}/${k.execId}`;
        })
        .sort(),
    ).toEqual(running);
    // Each kill answers that worker's WorkerLatestState at once.
    for (const kill of kills)
      expect(latest.some((l) => l.fromAddr === kill.toAddr && l.tDeliver === kill.t)).toBe(true);
    const driverKills = messages(sim, 'KillDriver', 'Master@master:7077');
    expect(driverKills.map((m) => (m.msg as unknown as { driverId: string }).driverId)).toEqual(
      before.drivers.map((d) => d.id),
    );
    // The runners report KILLED to a Master that never heard of them.
    expect(sim.logLines(0).filter((l) => l.includes('Got status update for unknown executor')).length).toBe(
      running.length,
    );
    expect(sim.logLines(0).join('\n')).toContain(`Asked to remove unknown driver: ${before.drivers[0]?.id ?? ''}`);
    expect(after.workers.w1?.executors).toEqual([]);
    expect(after.workers.w2?.executors).toEqual([]);
    expect(clusterAppBefore).toBeDefined();
  });

  it('leaves running applications without a cluster: they only log the disconnect and never re-register', () => {
    expect(after.apps).toEqual([]);
    expect(after.master?.activeapps).toEqual([]);
    expect(after.drivers).toEqual([]);
    expect(messages(sim, 'RegisterApplication').filter((m) => m.t > 20_000)).toEqual([]);
    const disconnects = sim
      .logLines(0)
      .filter((l) =>
        l.includes('SparkSubmit (driver)@client: WARN Disconnected from Spark cluster! Waiting for reconnection...'),
      );
    expect(disconnects).toHaveLength(1);
    // The client-mode driver is still there, stalled with tasks left and no executor.
    const driver = sim.cluster.k.state.procs.find((p) => p.kind === 'driver' && p.host === 'client');
    expect(driver?.alive).toBe(true);
  });
});

// ---------------------------------------------------------------- FILESYSTEM

describe('recoveryMode FILESYSTEM: a restarted Master recovers from its recovery directory (FileSystemPersistenceEngine)', () => {
  const conf = { 'spark.deploy.recoveryMode': 'FILESYSTEM', 'spark.deploy.recoveryDirectory': '/var/spark/recovery' };
  const sim = simulate(
    {
      conf,
      workers: TWO_WORKERS,
      actions: [
        { at: 1000, ...LONG_CLIENT_APP },
        {
          // Submitted (after the gateway's JVM start) before the client app registers and takes the cores.
          at: 500,
          type: 'submit',
          command: `${SUBMIT} --deploy-mode cluster --supervise --executor-cores 1 --total-executor-cores 2 --class org.apache.spark.examples.SparkPi examples.jar 100`,
          workload: { tasks: 100, taskMs: 1000 },
        },
        { at: 20_000, type: 'kill-master' },
        { at: 30_000, type: 'restart-master' },
      ],
    },
    19_999,
  );
  const before = sim.output();
  const filesBefore = [...(sim.cluster.world.disks.get('master')?.keys() ?? [])].sort();
  sim.run();
  const after = sim.output();

  it('wrote one file per worker, app and driver on the master host', () => {
    const apps = before.apps.map((a) => `/var/spark/recovery/app_${a.id}`);
    const drivers = before.drivers.map((d) => `/var/spark/recovery/driver_${d.id}`);
    const workers = (before.master?.workers ?? []).map((w) => `/var/spark/recovery/worker_${w.id}`);
    expect(filesBefore).toEqual([...apps, ...drivers, ...workers].sort());
    expect(apps).toHaveLength(2);
    expect(drivers).toHaveLength(1);
    expect(workers).toHaveLength(2);
  });

  it('recovers: RECOVERING at election, ALIVE as soon as every app and worker answered', () => {
    expect(logTime(sim, 'Master@master', 'I have been elected leader! New state: RECOVERING')).toBe(UP);
    const changed = messages(sim, 'MasterChanged', 'Master@master:7077');
    expect(changed.map((m) => m.t)).toEqual([UP, UP, UP, UP]);
    expect(changed.filter((m) => m.toEp === 'AppClient')).toHaveLength(2);
    expect(changed.filter((m) => m.toEp === 'Worker')).toHaveLength(2);
    const answers = [...messages(sim, 'WorkerSchedulerStateResponse'), ...messages(sim, 'MasterChangeAcknowledged')];
    expect(answers).toHaveLength(4);
    const lastAnswer = Math.max(...answers.map((m) => m.tDeliver));
    const masterPath = sim.cluster.world.changes
      .filter((c) => c.kind === 'master' && c.t >= 30_000)
      .map((c) => [c.t, c.to, c.cause.type]);
    expect(masterPath).toEqual([
      [UP, 'RECOVERING', 'ElectedLeader'],
      [lastAnswer, 'COMPLETING_RECOVERY', masterPath[1]?.[2]],
      [lastAnswer, 'ALIVE', masterPath[1]?.[2]],
    ]);
    expect(['WorkerSchedulerStateResponse', 'MasterChangeAcknowledged']).toContain(masterPath[1]?.[2]);
    // Well before spark.deploy.recoveryTimeout (= spark.worker.timeout, 60 s) would have fired.
    expect(lastAnswer - UP).toBeLessThan(20);
    expect(sim.logLines(0).join('\n')).toMatch(/Master@master: Recovery complete in \d+ ms - resuming operations!/);
  });

  it('keeps every executor under its original id: none is launched again', () => {
    const [running, waiting] = before.apps;
    expect(running?.executors).toHaveLength(2);
    const again = after.apps.find((a) => a.id === running?.id);
    expect(again?.state).toBe('FINISHED');
    expect(
      [...(again?.executors ?? []), ...(again?.removedExecutors ?? [])].map((e) => [e.id, e.worker]).sort(),
    ).toEqual(running?.executors.map((e) => [e.id, e.worker]).sort());
    expect(path(sim, running?.id ?? '')).toEqual([
      'null',
      'WAITING',
      'RUNNING',
      'UNKNOWN',
      'WAITING',
      'RUNNING',
      'FINISHED',
    ]);
    for (const e of running?.executors ?? []) {
      // Re-attached as the worker reported it, by WorkerSchedulerStateResponse.
      const reattached = changesOf(sim, `${running?.id ?? ''}/${e.id}`).find((c) => c.t >= 30_000);
      expect(reattached).toMatchObject({
        from: null,
        to: 'RUNNING',
        cause: { kind: 'message', type: 'WorkerSchedulerStateResponse' },
      });
    }
    // The app that had no executor was WAITING; completeRecovery promotes it to RUNNING all the
    // same, and it gets its first executors only when the first app frees the cores.
    expect(waiting?.executors).toEqual([]);
    expect(path(sim, waiting?.id ?? '')).toEqual(['null', 'WAITING', 'UNKNOWN', 'WAITING', 'RUNNING', 'FINISHED']);
    const unregistered = messages(sim, 'UnregisterApplication').find(
      (m) => (m.msg as unknown as { appId: string }).appId === running?.id,
    );
    const launches = messages(sim, 'LaunchExecutor').filter((m) => m.t > 20_000);
    expect(launches.length).toBeGreaterThan(0);
    expect(
      launches.every(
        (m) => m.t === unregistered?.tDeliver && (m.msg as unknown as { appId: string }).appId === waiting?.id,
      ),
    ).toBe(true);
  });

  it('re-attaches the running driver as RUNNING on its worker, with its id', () => {
    const d = before.drivers[0];
    expect(d?.state).toBe('RUNNING');
    expect(after.drivers).toEqual([{ ...d, state: 'FINISHED' }]);
    expect(path(sim, d?.id ?? '')).toEqual(['null', 'SUBMITTED', 'RUNNING', 'SUBMITTED', 'RUNNING', 'FINISHED']);
    expect(changesOf(sim, d?.id ?? '').find((c) => c.t >= 30_000 && c.to === 'RUNNING')?.cause.type).toBe(
      'WorkerSchedulerStateResponse',
    );
  });

  it('workers and apps follow the new master: UNKNOWN until they answer, then ALIVE / WAITING', () => {
    for (const w of before.master?.workers ?? [])
      expect(path(sim, w.id)).toEqual(['null', 'ALIVE', 'UNKNOWN', 'ALIVE']);
    const log = sim.logLines(0).join('\n');
    expect(log).toContain('Worker@w1: Master has changed, new master is at spark://master:7077');
    expect(log).toContain('SparkSubmit (driver)@client: Master has changed, new master is at spark://master:7077');
    expect(after.master?.status).toBe('ALIVE');
    expect(after.masters.map((m) => m?.status)).toEqual(['ALIVE']);
  });

  it('removes finished apps and drivers from the disk; the workers stay', () => {
    const files = [...(sim.cluster.world.disks.get('master')?.keys() ?? [])].sort();
    expect(files).toEqual((before.master?.workers ?? []).map((w) => `/var/spark/recovery/worker_${w.id}`).sort());
  });
});

describe('recoveryMode FILESYSTEM: a worker that does not answer', () => {
  it('is removed when spark.deploy.recoveryTimeout ends recovery ("Not responding for recovery")', () => {
    const sim = simulate(
      {
        conf: {
          'spark.deploy.recoveryMode': 'FILESYSTEM',
          'spark.deploy.recoveryDirectory': '/recovery',
          'spark.deploy.recoveryTimeout': '20',
        },
        workers: TWO_WORKERS,
        actions: [
          { at: 1000, ...LONG_CLIENT_APP },
          { at: 20_000, type: 'kill-master' },
          { at: 25_000, type: 'kill-worker', target: 'w2' },
          { at: 30_000, type: 'restart-master' },
        ],
      },
      60_000,
    );
    const out = sim.output();
    const w2 = out.master?.workers.find((w) => w.host === 'w2');
    expect(path(sim, w2?.id ?? '')).toEqual(['null', 'ALIVE', 'UNKNOWN', 'DEAD']);
    const dead = changesOf(sim, w2?.id ?? '').at(-1);
    expect(dead).toMatchObject({ t: UP + 20_000, to: 'DEAD', cause: { kind: 'timer', type: 'CompleteRecovery' } });
    expect(
      sim.cluster.world.changes.filter((c) => c.kind === 'master' && c.t >= 30_000).map((c) => [c.t, c.to]),
    ).toEqual([
      [UP, 'RECOVERING'],
      [UP + 20_000, 'COMPLETING_RECOVERY'],
      [UP + 20_000, 'ALIVE'],
    ]);
    const removed = messages(sim, 'WorkerRemoved').find((m) => m.t === UP + 20_000);
    expect(removed?.msg).toMatchObject({ host: 'w2', message: 'Not responding for recovery' });
    // The app keeps only the executor its live worker reported, and runs on.
    const app = out.apps[0];
    expect(app?.state).toBe('RUNNING');
    expect(app?.executors.map((e) => e.worker)).toEqual(['w1']);
    expect(out.master?.status).toBe('ALIVE');
  });
});

// ---------------------------------------------------------------- ZOOKEEPER

const ZK_CONF = { 'spark.deploy.recoveryMode': 'ZOOKEEPER', 'spark.deploy.zookeeper.url': 'zk:2181' };
const TWO_MASTERS = [{ host: 'm1' }, { host: 'm2' }];

/** Which master won the latch race (whose ConnectRequest reached ZooKeeper first), and the other. */
function roles(sim: Simulation): { leader: string; standby: string } {
  const url = sim.output().master?.url ?? '';
  const leader = url.replace(/^spark:\/\//, '').replace(/:\d+$/, '');
  expect(['m1', 'm2']).toContain(leader);
  return { leader, standby: leader === 'm1' ? 'm2' : 'm1' };
}

/** The leader's election session id, as the ZooKeeper server logged it. */
function sessionOf(sim: Simulation, master: string): string {
  const line = sim.cluster.k.logs.find(
    (l) => l.source === 'ZooKeeper@zk' && l.text.endsWith(`for client /${master}:7077`),
  );
  return /session (0x[0-9a-f]+)/.exec(line?.text ?? '')?.[1] ?? '';
}

/** When the server expires a master's session: its last packet, plus the negotiated 40 s, rounded up to a tick. */
function sessionExpiry(sim: Simulation, master: string, cutAt: number): { lastPacket: number; expiry: number } {
  const from = sim.cluster.k.messages.filter(
    (m) =>
      m.fromEp === 'ZooKeeperLeaderElectionAgent' &&
      m.fromAddr === `${master}:7077` &&
      m.delivered &&
      m.tDeliver <= cutAt,
  );
  const lastPacket = Math.max(...from.map((m) => m.tDeliver));
  return { lastPacket, expiry: nextTick(lastPacket + 40_000) };
}

function electedAt(sim: Simulation, master: string): number[] {
  return messages(sim, 'ElectedLeader', `ZooKeeperLeaderElectionAgent@${master}`, `Master@${master}`).map((m) => m.t);
}

describe('recoveryMode ZOOKEEPER: the standby takes over when the leader dies', () => {
  const sim = simulate(
    {
      conf: ZK_CONF,
      masters: TWO_MASTERS,
      workers: TWO_WORKERS,
      actions: [
        {
          at: 20_000,
          type: 'submit',
          command: `${HA_SUBMIT} --class org.apache.spark.examples.SparkPi examples.jar 600`,
          workload: { tasks: 600, taskMs: 2000 },
        },
        // No target: the leading master. Then start it again (no target: the master that is down).
        { at: 40_000, type: 'kill-master' },
        { at: 120_000, type: 'restart-master' },
      ],
    },
    39_999,
  );
  const before = sim.output();
  const { leader, standby } = roles(sim);
  sim.run();
  const after = sim.output();
  const takeover = electedAt(sim, standby)[0] ?? NaN;

  it("elects one master through the LeaderLatch; the other stays STANDBY, watching the leader's node", () => {
    expect(before.masters.map((m) => m?.status).sort()).toEqual(['ALIVE', 'STANDBY']);
    const log = sim.logLines(0).join('\n');
    for (const m of ['m1', 'm2']) {
      expect(log).toContain(
        `ZooKeeper@zk: Established session ${sessionOf(sim, m)} with negotiated timeout 40000 for client /${m}:7077`,
      );
    }
    expect(log).toContain(`Master@${leader}: We have gained leadership`);
    // Connect, create the latch node, list the children: leader a few round trips after start.
    expect(electedAt(sim, leader)).toHaveLength(1);
    expect(electedAt(sim, leader)[0]).toBeLessThan(50);
    expect(messages(sim, 'GetDataRequest', `ZooKeeperLeaderElectionAgent@${standby}`)[0]?.msg).toMatchObject({
      path: '/spark/leader_election/latch-0000000000',
      watch: true,
    });
  });

  it('answers workers with MasterInStandby while STANDBY; they register with the leader on their first retry', () => {
    for (const host of ['w1', 'w2']) {
      const w = workerState(sim, host);
      // Both masters are still STANDBY when the workers' first RegisterWorker arrives.
      const standbyAnswers = messages(sim, 'MasterInStandby', 'Master@', `Worker@${w.address}`).filter(
        (m) => m.t < 1000,
      );
      expect(standbyAnswers.map((m) => m.fromAddr).sort()).toEqual(['m1:7077', 'm2:7077']);
      const toLeader = messages(sim, 'RegisterWorker', `Worker@${w.address}`, `Master@${leader}`);
      expect(toLeader[1]?.t).toBe(retryIntervalMs(sim, host));
      const registered = messages(sim, 'RegisteredWorker', `Master@${leader}`, `Worker@${w.address}`);
      expect(registered.map((m) => m.t)).toEqual([toLeader[1]?.tDeliver]);
    }
  });

  it("elects the standby when the dead leader's session expires (40 s negotiated, on a 2 s tick)", () => {
    const { lastPacket, expiry } = sessionExpiry(sim, leader, 40_000);
    // The client pings every 13.333 s, so its last packet is at most that old.
    expect(40_000 - lastPacket).toBeLessThanOrEqual(13_334);
    expect(
      logTime(sim, 'ZooKeeper@zk', `Expiring session ${sessionOf(sim, leader)}, timeout of 40000ms exceeded`),
    ).toBe(expiry);
    const watch = messages(sim, 'WatcherEvent', 'ZooKeeper@zk', `ZooKeeperLeaderElectionAgent@${standby}`);
    expect(watch.map((m) => m.t)).toEqual([expiry]);
    expect(electedAt(sim, standby)).toHaveLength(1);
    expect(takeover).toBeGreaterThan(expiry);
    expect(takeover - expiry).toBeLessThan(20); // the notification, then a getChildren round trip
    // So failover takes 26.7–42 s after a kill -9 with these defaults.
    expect(takeover - 40_000).toBeGreaterThan(26_000);
    expect(takeover - 40_000).toBeLessThan(42_100);
    expect(logTime(sim, `Master@${standby}`, 'I have been elected leader! New state: RECOVERING')).toBe(takeover);
  });

  it('workers retry only the dead leader until the new one sends MasterChanged', () => {
    for (const host of ['w1', 'w2']) {
      const w = workerState(sim, host);
      const regs = messages(sim, 'RegisterWorker', `Worker@${w.address}`).filter((m) => m.t > 40_000 && m.t < takeover);
      // At the disconnect, to every master (the standby answers MasterInStandby)...
      expect(
        regs
          .slice(0, 2)
          .map((m) => m.toAddr)
          .sort(),
      ).toEqual(['m1:7077', 'm2:7077']);
      // ...then each retry only to the address it was registered with.
      expect(regs.slice(2).length).toBeGreaterThanOrEqual(2);
      expect(regs.slice(2).every((m) => m.toAddr === `${leader}:7077`)).toBe(true);
      const changed = messages(sim, 'MasterChanged', `Master@${standby}`, `Worker@${w.address}`);
      expect(changed.map((m) => m.t)).toEqual([takeover]);
      const response = messages(sim, 'WorkerSchedulerStateResponse', `Worker@${w.address}`, `Master@${standby}`);
      expect(response.map((m) => m.t)).toEqual([changed[0]?.tDeliver]);
      expect(messages(sim, 'RegisterWorker', `Worker@${w.address}`).filter((m) => m.t > takeover)).toEqual([]);
    }
  });

  it('recovers the app: MasterChangeAcknowledged, executors kept, and it finishes under the new leader', () => {
    const ack = messages(sim, 'MasterChangeAcknowledged', 'AppClient@client', `Master@${standby}`);
    expect(ack).toHaveLength(1);
    const answers = [...ack, ...messages(sim, 'WorkerSchedulerStateResponse', 'Worker@', `Master@${standby}`)];
    const alive = sim.cluster.world.changes.find(
      (c) => c.kind === 'master' && c.subject === `${standby}:7077` && c.to === 'ALIVE',
    );
    expect(alive?.t).toBe(Math.max(...answers.map((m) => m.tDeliver)));
    expect(alive?.t).toBeLessThan(takeover + 20);
    const app = before.apps[0];
    expect(app?.state).toBe('RUNNING');
    const again = after.apps.find((a) => a.id === app?.id);
    expect(again?.state).toBe('FINISHED');
    expect([...(again?.executors ?? []), ...(again?.removedExecutors ?? [])].map((e) => e.id).sort()).toEqual(
      app?.executors.map((e) => e.id).sort(),
    );
    expect(messages(sim, 'LaunchExecutor').filter((m) => m.t > 40_000)).toEqual([]);
    expect(messages(sim, 'UnregisterApplication', 'AppClient@client')[0]?.toAddr).toBe(`${standby}:7077`);
    const log = sim.logLines(0).join('\n');
    expect(log).toContain(
      'SparkSubmit (driver)@client: WARN Disconnected from Spark cluster! Waiting for reconnection...',
    );
    expect(log).toContain(`SparkSubmit (driver)@client: Master has changed, new master is at spark://${standby}:7077`);
  });

  it('reports the leading master as `master` and every master in `masters`; a restarted one is a standby', () => {
    expect(after.master?.url).toBe(`spark://${standby}:7077`);
    const status = (out: typeof after, host: string) => out.masters[host === 'm1' ? 0 : 1]?.status ?? null;
    expect([status(after, leader), status(after, standby)]).toEqual(['STANDBY', 'ALIVE']);
    // The restarted master queued behind the new leader in the latch.
    expect(sim.logLines(0).filter((l) => l.includes(`Master@${leader}: We have gained leadership`))).toHaveLength(1);
    // Between the kill and the election nobody leads: `master` is the standby, the old leader is null.
    const mid = simulate(
      { conf: ZK_CONF, masters: TWO_MASTERS, workers: TWO_WORKERS, actions: [{ at: 40_000, type: 'kill-master' }] },
      60_000,
    ).output();
    expect([status(mid, leader), status(mid, standby)]).toEqual([null, 'STANDBY']);
    expect(mid.master?.status).toBe('STANDBY');
  });
});

describe('recoveryMode ZOOKEEPER: what the new leader cannot reach', () => {
  // w3 is the only worker with room for the 6 GiB drivers, and it is cut off from the standby
  // before the failover: its MasterChanged, and that of the apps its drivers run, are lost.
  const drivers =
    '--deploy-mode cluster --driver-memory 6g --executor-memory 512m --executor-cores 1 --total-executor-cores 2 --class org.apache.spark.examples.SparkPi examples.jar 400';
  const sim = simulate(
    {
      conf: ZK_CONF,
      masters: TWO_MASTERS,
      workers: [
        { host: 'w1', cores: 4, memory: '4g' },
        { host: 'w2', cores: 4, memory: '4g' },
        { host: 'w3', cores: 4, memory: '16g' },
      ],
      actions: [
        {
          at: 20_000,
          type: 'submit',
          command: `${HA_SUBMIT} --supervise ${drivers}`,
          workload: { tasks: 400, taskMs: 1000 },
        },
        { at: 21_000, type: 'submit', command: `${HA_SUBMIT} ${drivers}`, workload: { tasks: 400, taskMs: 1000 } },
        { at: 40_000, type: 'kill-master' },
      ],
    },
    30_000,
  );
  const { standby } = roles(sim);
  sim.apply({ type: 'partition', between: ['w3', standby] });
  const before = sim.output();
  sim.run(200_000);
  const after = sim.output();
  const takeover = electedAt(sim, standby)[0] ?? NaN;
  const timeoutAt = takeover + 60_000;

  it('waits spark.deploy.recoveryTimeout (default spark.worker.timeout, 60 s) for the silent worker and apps', () => {
    expect(before.drivers.map((d) => [d.state, d.worker, d.supervise])).toEqual([
      ['RUNNING', 'w3', true],
      ['RUNNING', 'w3', false],
    ]);
    expect(Number.isFinite(takeover)).toBe(true);
    // To w3 and to the two AppClients of the drivers on w3.
    const lost = messages(sim, 'MasterChanged', `Master@${standby}`).filter((m) => !m.delivered);
    expect(lost.map((m) => [m.toAddr.split(':')[0], m.dropReason])).toEqual([
      ['w3', 'partition'],
      ['w3', 'partition'],
      ['w3', 'partition'],
    ]);
    expect(
      sim.cluster.world.changes.filter((c) => c.subject === `${standby}:7077`).map((c) => [c.t, c.to, c.cause.type]),
    ).toEqual([
      [takeover, 'RECOVERING', 'ElectedLeader'],
      [timeoutAt, 'COMPLETING_RECOVERY', 'CompleteRecovery'],
      [timeoutAt, 'ALIVE', 'CompleteRecovery'],
    ]);
    const w3 = before.master?.workers.find((w) => w.host === 'w3');
    expect(changesOf(sim, w3?.id ?? '').at(-1)).toMatchObject({
      t: timeoutAt,
      from: 'UNKNOWN',
      to: 'DEAD',
      cause: { kind: 'timer', type: 'CompleteRecovery' },
    });
    expect(sim.logLines(0).join('\n')).toContain(`Master@${standby}: Removing worker ${w3?.id ?? ''} on w3:`);
    for (const app of before.apps)
      expect(changesOf(sim, app.id).at(-1)).toMatchObject({ t: timeoutAt, from: 'UNKNOWN', to: 'FINISHED' });
  });

  it('relaunches the supervised orphan driver under a new id and drops the unsupervised one (ERROR)', () => {
    const [supervised, unsupervised] = before.drivers;
    const log = sim.logLines(0).join('\n');
    expect(changesOf(sim, supervised?.id ?? '').at(-1)).toMatchObject({
      t: timeoutAt,
      from: 'SUBMITTED',
      to: 'RELAUNCHING',
    });
    expect(changesOf(sim, unsupervised?.id ?? '').at(-1)).toMatchObject({
      t: timeoutAt,
      from: 'SUBMITTED',
      to: 'ERROR',
    });
    expect(log).toContain(`Master@${standby}: WARN Driver ${supervised?.id ?? ''} was not found after master recovery`);
    expect(log).toContain(
      `Master@${standby}: WARN Did not re-launch ${unsupervised?.id ?? ''} because it was not supervised`,
    );
    const relaunched = after.drivers.filter((d) => d.id !== supervised?.id && d.id !== unsupervised?.id);
    expect(relaunched).toHaveLength(1);
    // A new id from the new leader's own counter; it waits, as no live worker has 6 GiB free.
    expect(relaunched[0]).toMatchObject({ state: 'SUBMITTED', worker: null, supervise: true });
    expect(relaunched[0]?.id).toMatch(/^driver-\d{14}-0000$/);
    expect(
      after.drivers.filter((d) => d.id === supervised?.id || d.id === unsupervised?.id).map((d) => d.state),
    ).toEqual(['RELAUNCHING', 'ERROR']);
    // The new driver is persisted for the next leader; the old ones are removed.
    const paths = (type: string) =>
      messages(sim, type, `ZooKeeperPersistenceEngine@${standby}`).map(
        (m) => (m.msg as unknown as { path: string }).path,
      );
    expect(paths('CreateRequest')).toEqual([`/spark/master_status/driver_${relaunched[0]?.id ?? ''}`]);
    expect(paths('DeleteRequest')).toEqual(
      expect.arrayContaining([
        `/spark/master_status/driver_${supervised?.id ?? ''}`,
        `/spark/master_status/driver_${unsupervised?.id ?? ''}`,
      ]),
    );
  });

  it('keeps the workers that answered, and is ALIVE under the new leader', () => {
    expect(after.master?.url).toBe(`spark://${standby}:7077`);
    expect(after.master?.status).toBe('ALIVE');
    expect(after.master?.workers.map((w) => [w.host, w.state]).sort()).toEqual([
      ['w1', 'ALIVE'],
      ['w2', 'ALIVE'],
      ['w3', 'DEAD'],
    ]);
  });
});

describe('recoveryMode ZOOKEEPER: a leader cut off from ZooKeeper', () => {
  it('gives up leadership after the read timeout and exits; the standby leads once the session expires', () => {
    const sim = simulate({ conf: ZK_CONF, masters: TWO_MASTERS, workers: TWO_WORKERS }, 30_000);
    const { leader, standby } = roles(sim);
    sim.apply({ type: 'partition', between: [leader, 'zk'] });
    sim.run(120_000);
    const heard = sim.cluster.k.messages.filter(
      (m) =>
        m.toAddr === `${leader}:7077` &&
        m.toEp === 'ZooKeeperLeaderElectionAgent' &&
        m.delivered &&
        m.tDeliver <= 30_000,
    );
    const lastHeard = Math.max(...heard.map((m) => m.tDeliver));
    const revoked = messages(sim, 'RevokedLeadership', `ZooKeeperLeaderElectionAgent@${leader}`);
    expect(revoked).toHaveLength(1);
    const revokedAt = revoked[0]?.t ?? NaN;
    // ClientCnxn's read timeout: 2/3 of the negotiated 40 s (Curator then reports SUSPENDED),
    // noticed at the SendThread's next wakeup.
    expect(revokedAt).toBeGreaterThanOrEqual(lastHeard + 26_666);
    expect(revokedAt).toBeLessThan(lastHeard + 26_666 + 13_334);
    expect(logTime(sim, `Master@${leader}`, 'State change: SUSPENDED')).toBe(revokedAt);
    expect(logTime(sim, `Master@${leader}`, 'Leadership has been revoked -- master shutting down.')).toBe(revokedAt);
    const pid = sim.cluster.world.topology.masters.find((m) => m.host === leader)?.pid ?? 0;
    const p = sim.cluster.k.proc(pid);
    expect([p.alive, p.exitCode]).toEqual([false, 0]);
    // The server still expires the session on its own schedule; only then does the standby lead.
    const { expiry } = sessionExpiry(sim, leader, 30_000);
    expect(expiry).toBeGreaterThan(revokedAt);
    const takeover = electedAt(sim, standby)[0] ?? NaN;
    expect(takeover - expiry).toBeGreaterThan(0);
    expect(takeover - expiry).toBeLessThan(20);
    const out = sim.output();
    expect(out.master?.url).toBe(`spark://${standby}:7077`);
    expect(out.master?.status).toBe('ALIVE');
    expect(out.master?.aliveworkers).toBe(2);
  });
});

describe('scenario checks for ZooKeeper recovery', () => {
  const base = { version: 1, masters: TWO_MASTERS, workers: TWO_WORKERS };

  it('lets a partition name the ZooKeeper host of spark.deploy.zookeeper.url', () => {
    const r = restoreScenario({
      ...base,
      conf: ZK_CONF,
      actions: [{ at: 1000, type: 'partition', between: ['m1', 'zk'] }],
    });
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([]);
    const without = restoreScenario({
      ...base,
      actions: [{ at: 1000, type: 'partition', between: ['m1', 'zk'] }],
      masters: [{ host: 'm1' }],
    });
    expect(without.ok).toBe(false);
  });

  it('warns that Spark needs spark.deploy.zookeeper.url, and that one server is simulated', () => {
    const unset = restoreScenario({
      ...base,
      conf: { 'spark.deploy.recoveryMode': 'ZOOKEEPER' },
      actions: [{ at: 1000, type: 'partition', between: ['m1', 'zookeeper'] }],
    });
    expect(unset.ok).toBe(true);
    expect(unset.warnings.map((w) => w.message)).toEqual([
      'spark.deploy.zookeeper.url is not set: Spark\'s Master would not start without it (SparkCuratorUtil reads it with conf.get). The simulation runs ZooKeeper on the host "zookeeper", port 2181.',
    ]);
    const several = restoreScenario({
      ...base,
      conf: { 'spark.deploy.recoveryMode': 'ZOOKEEPER', 'spark.deploy.zookeeper.url': 'zk1:2181,zk2:2182/spark' },
    });
    expect(several.warnings.map((w) => w.message)).toEqual([
      'The simulation runs one ZooKeeper server, the first of the list: zk1:2181.',
    ]);
  });
});
