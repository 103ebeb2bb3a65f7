// One scenario on a real Spark cluster (docs/conformance-lab.md): hosts (hosts.ts), daemons
// (daemons.ts), the scenario's actions (faults.ts), and an observer that polls every Master's and
// Worker's /json at a fixed interval and reads the daemons' logs. The result carries the same
// document `npm run sim` prints, built from what the real daemons answered, a timeline of the
// polled snapshots and the log lines of interest.
//
// Time: t = 0 is when the Masters are started (startedAtEpochMs). The Workers start once every
// Master listens (a Worker that finds no Master waits 5 to 15 s before it retries, which would
// only measure that back-off), and the scenario's clock starts once every Worker is registered:
// an action `at` ms runs at t = actionsAtMs + at. untilMs is on the scenario's clock too.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario, WorkerSpec } from '../../src/engine/scenario/types';
import { CLIENT_HOST } from '../../src/engine/scenario/types';
import { Daemons, MASTER_UI_PORT, parseDaemonLine, WORKER_UI_PORT, type DaemonLine } from './daemons';
import { LabCommandFailed } from './errors';
import {
  applyAction,
  leader,
  workFolders,
  type LabContext,
  type MasterJson,
  type Snapshot,
  type WorkerJson,
} from './faults';
import { describeGate, GATE_TIMEOUT_MS, gateOpen, type FaultGate } from '../compare/fault-gates';
import { LabNetwork } from './hosts';
import { ensureSpark } from './spark-dist';

export interface RealRun {
  /** As the daemons report it (spark-submit --version of the distribution they run, and their logs). */
  sparkVersion: string;
  /** Wall clock at the lab's t = 0 (when the Masters were started). */
  startedAtEpochMs: number;
  /** The `npm run sim` document (time, master, masters, workers, apps, drivers) from the real run. */
  doc: unknown;
  /** Polled snapshots; t = ms since t = 0; null when a daemon did not answer. */
  timeline: Array<{ t: number; masters: Record<string, unknown | null>; workers: Record<string, unknown | null> }>;
  /** The daemons' log lines of interest. */
  logs: Array<{ t: number; host: string; daemon: string; line: string }>;
  /** t of the scenario's time 0: an action `at` ran at actionsAtMs + at. */
  actionsAtMs: number;
  /** Each lab host's address. */
  hosts: Record<string, string>;
  /** What the lab did differently from the scenario, and why. */
  notes: string[];
  submits: Array<{
    at: number;
    command: string;
    args: string[];
    exitCode: number | null;
    driverId: string | null;
    output: string[];
  }>;
  /**
   * When each action was done: t (ms since t = 0) it started and ended, and how long it waited
   * for its gate (the schedule after it is shifted by the waits so far).
   */
  actions: Array<{ at: number; type: string; t: number; doneT: number; waitedMs: number }>;
  /** Start-up and round-trip times read from the logs (calibration of the engine's timings). */
  measurements: Array<{ what: string; ms: number }>;
  endedBecause: 'finished' | 'until' | 'aborted';
}

export interface RealRunOptions {
  pollMs?: number;
  untilMs?: number;
  log?: (line: string) => void;
  signal?: AbortSignal;
  /** Keep the run's folder in /tmp (logs, work folders) instead of removing it. */
  keepRunDir?: boolean;
  /**
   * Actions that wait until the real cluster shows what the simulated one did at their instant
   * (conformance/compare/fault-gates.ts); each wait shifts the rest of the schedule.
   */
  gates?: readonly FaultGate[];
}

/** How long the cluster may take to come up before the lab gives up. */
const READY_TIMEOUT_MS = 120_000;
/** After the last action, how long the lab waits at least before it may call the run finished. */
const SETTLE_MS = 3000;
/** A run without untilMs stops this long after its last action at the latest. */
const DEFAULT_TAIL_MS = 120_000;

/** Log lines kept in RealRun.logs: what the Master, Workers and application clients say about the cluster. */
const INTERESTING =
  /regist|remov|lost|launch|state|kill|exit|finish|decommission|leader|elect|recover|alive|dead|timed? ?out|heartbeat|disconnect|disassociat|connect|granted|executor updated|driver|standby|shutting|fail|unknown|started daemon|starting spark|spark context|sparkcontext|stopped/i;

/** Loggers whose lines are start-up chatter, not the cluster's story. */
const CHATTER = new Set([
  'SignalUtils',
  'NativeCodeLoader',
  'SecurityManager',
  'SparkEnv',
  'BlockManagerMaster',
  'BlockManagerMasterEndpoint',
  'BlockManager',
  'MemoryStore',
  'DiskBlockManager',
  'ResourceUtils',
  'ResourceProfile',
  'ResourceProfileManager',
  'SparkUI',
  'JettyUtils',
  'log',
]);

/** Per-task lines (a run has thousands): the timeline and the Master's lines tell the cluster's story. */
const TASK_LINE =
  /^(Finished|Starting|Running) task |^Got assigned task |^Fetching spark:\/\/|^Added .* to class loader/;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function zooKeeperHost(conf: Record<string, string>): { host: string; port: number } | null {
  if (conf['spark.deploy.recoveryMode'] !== 'ZOOKEEPER') return null;
  const first = (conf['spark.deploy.zookeeper.url'] ?? 'zookeeper').split(',')[0]?.trim() ?? 'zookeeper';
  const [host, port] = first.split(':');
  return { host: host || 'zookeeper', port: port ? Number(port) : 2181 };
}

async function getJson(url: string, timeoutMs: number): Promise<unknown> {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!r.ok) return null;
    return (await r.json()) as unknown;
  } catch {
    return null;
  }
}

/** The hosts the lab builds: every Master, every Worker the scenario ever has, the client, ZooKeeper. */
function labHosts(s: Scenario): string[] {
  const names = new Set<string>([...s.masters.map((m) => m.host), ...s.workers.map((w) => w.host), CLIENT_HOST]);
  for (const a of s.actions) if (a.type === 'add-worker') names.add(a.host);
  const zk = zooKeeperHost(s.conf);
  if (zk) names.add(zk.host);
  return [...names];
}

export async function runRealScenario(scenario: Scenario, opts: RealRunOptions = {}): Promise<RealRun> {
  const log = opts.log ?? (() => {});
  const pollMs = opts.pollMs ?? 500;
  const dist = ensureSpark({ log });
  log(`Spark ${dist.version} ready in ${dist.ms} ms${dist.downloaded ? ' (downloaded)' : ' (cached)'}`);
  const net = LabNetwork.create(labHosts(scenario));
  const offExit = net.teardownOnExit();
  const runDir = mkdtempSync('/tmp/sslab-run-');
  const lines: DaemonLine[] = [];
  const conf = { ...scenario.conf };
  const daemons = new Daemons(net, dist, conf, runDir, (l) => lines.push(l));
  const timeline: Snapshot[] = [];
  const workers = new Map<string, WorkerSpec>(scenario.workers.map((w) => [w.host, w]));
  const masterUrl = `spark://${scenario.masters.map((m) => `${m.host}:${m.port}`).join(',')}`;
  const ctx: LabContext = {
    scenario,
    net,
    daemons,
    jobJar: dist.jobJar,
    conf,
    latest: () => timeline.at(-1) ?? null,
    masterUrl,
    workers,
    submits: [],
    notes: [],
    log,
  };
  if (scenario.network.latencyMs > 1 || scenario.network.jitterMs > 1)
    ctx.notes.push(
      `network latency ${scenario.network.latencyMs} ms and jitter ${scenario.network.jitterMs} ms are not reproduced: ` +
        "the lab's bridge delivers in well under a millisecond",
    );
  let t0 = Date.now();
  let actionsAtMs = 0;
  let endedBecause: RealRun['endedBecause'] = 'finished';
  const snapshot = async (): Promise<Snapshot> => {
    const t = Date.now() - t0;
    const timeout = Math.max(300, Math.min(1000, pollMs * 2));
    const masters: Snapshot['masters'] = {};
    const ws: Snapshot['workers'] = {};
    await Promise.all([
      ...scenario.masters.map(async (m) => {
        masters[m.host] = (await getJson(
          `http://${net.host(m.host).ip}:${MASTER_UI_PORT}/json/`,
          timeout,
        )) as MasterJson | null;
      }),
      ...[...workers.keys()].map(async (h) => {
        ws[h] = (await getJson(`http://${net.host(h).ip}:${WORKER_UI_PORT}/json/`, timeout)) as WorkerJson | null;
      }),
    ]);
    return {
      t,
      masters: sortKeys(
        masters,
        scenario.masters.map((m) => m.host),
      ),
      workers: sortKeys(ws, [...workers.keys()]),
    };
  };
  try {
    const zk = zooKeeperHost(scenario.conf);
    if (zk) {
      daemons.startZooKeeper(zk.host, zk.port);
      await waitFor(() => tcpOpen(net, zk.host, zk.port), 60_000, 'ZooKeeper did not start listening', lines);
    }
    t0 = Date.now();
    for (const m of scenario.masters) daemons.startMaster(m);
    // The web UI, not the RPC port: a connection to the RPC port is logged as a client that went away.
    await waitFor(
      async () => {
        const s = await snapshot();
        return scenario.masters.every((m) => s.masters[m.host] !== null);
      },
      READY_TIMEOUT_MS,
      'a Master did not start its web UI',
      lines,
    );
    log(`Masters listening at t=${Date.now() - t0} ms`);
    for (const w of scenario.workers) daemons.startWorker(w, masterUrl);
    await waitFor(
      async () => {
        const s = await snapshot();
        timeline.push(s);
        const lead = leader(ctx);
        if (!lead || lead.json.status !== 'ALIVE') return false;
        const alive = new Set(lead.json.workers.filter((w) => w.state === 'ALIVE').map((w) => w.host));
        return scenario.workers.every((w) => alive.has(w.host));
      },
      READY_TIMEOUT_MS,
      'the Workers did not all register with the Master',
      lines,
      pollMs,
    );
    actionsAtMs = Date.now() - t0;
    log(`cluster up at t=${actionsAtMs} ms; the scenario's time 0 is now`);
    const actions = [...scenario.actions];
    const lastAt = actions.at(-1)?.at ?? 0;
    const untilMs = opts.untilMs ?? lastAt + DEFAULT_TAIL_MS;
    let quietPolls = 0;
    const done: RealRun['actions'] = [];
    let stopped = false;
    // The waits for gates so far: every later action, and the run's end, move by this much.
    let shiftMs = 0;
    let gating = false;
    const gates = new Map((opts.gates ?? []).map((g) => [g.index, g]));
    // Each action at its own instant, in order: a timer per action, not the polling loop's beat.
    const actionsDone = (async () => {
      for (const [i, a] of actions.entries()) {
        const wait = t0 + actionsAtMs + a.at + shiftMs - Date.now();
        if (wait > 0) await sleep(wait);
        if (stopped) return;
        const gate = gates.get(i);
        let waitedMs = 0;
        if (gate) {
          gating = true;
          const from = Date.now();
          const latest = () => timeline.at(-1);
          while (!stopped && !gateOpenNow(gate, latest()) && Date.now() - from < GATE_TIMEOUT_MS)
            await sleep(Math.min(100, pollMs));
          if (stopped) return;
          waitedMs = Date.now() - from;
          shiftMs += waitedMs;
          gating = false;
          if (!gateOpenNow(gate, latest()))
            ctx.notes.push(
              `actions at ${a.at}: ${a.type} was applied after ${GATE_TIMEOUT_MS / 1000} s without the real cluster showing what the simulated one showed at that instant (${describeGate(gate)})`,
            );
          else if (waitedMs >= pollMs)
            ctx.notes.push(
              `actions at ${a.at}: ${a.type} waited ${waitedMs} ms for the real cluster to show what the simulated one showed at that instant (${describeGate(gate)}); the actions after it moved as much`,
            );
        }
        const t = Date.now() - t0;
        log(
          `t=${t} ms: ${a.type} (scenario at ${a.at} ms${waitedMs > 0 ? `, after ${waitedMs} ms for its gate` : ''})`,
        );
        try {
          await applyAction(ctx, a);
        } catch (e) {
          ctx.notes.push(
            `actions at ${a.at}: ${a.type} failed in the lab: ${e instanceof Error ? e.message : String(e)}`,
          );
        }
        done.push({ at: a.at, type: a.type, t, doneT: Date.now() - t0, waitedMs });
      }
    })();
    for (;;) {
      if (opts.signal?.aborted) {
        endedBecause = 'aborted';
        break;
      }
      const now = Date.now() - t0 - actionsAtMs;
      const started = Date.now();
      const s = await snapshot();
      timeline.push(s);
      const allApplied = done.length === actions.length;
      if (allApplied && now >= lastAt + shiftMs + SETTLE_MS && quiet(ctx, s)) quietPolls++;
      else quietPolls = 0;
      if (quietPolls >= 2) break;
      if (now >= untilMs + shiftMs && !gating) {
        endedBecause = 'until';
        break;
      }
      await sleep(Math.max(0, pollMs - (Date.now() - started)));
    }
    stopped = true;
    await Promise.race([actionsDone, sleep(10_000)]);
    readWorkFolders(daemons, workers, lines);
    return { ...buildRun(scenario, ctx, dist.version, t0, actionsAtMs, timeline, lines, endedBecause), actions: done };
  } finally {
    net.teardown();
    offExit();
    if (!opts.keepRunDir) rmSync(runDir, { recursive: true, force: true });
    else log(`run folder kept: ${runDir}`);
  }
}

function gateOpenNow(gate: FaultGate, snap: Snapshot | undefined): boolean {
  return snap !== undefined && gateOpen(gate, snap);
}

function sortKeys<T>(o: Record<string, T>, order: readonly string[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of order) if (k in o) out[k] = o[k] as T;
  return out;
}

/** Nothing runs or waits: every spark-submit ended, no active app or driver, no executor on any Worker. */
function quiet(ctx: LabContext, s: Snapshot): boolean {
  if (ctx.daemons.all.some((d) => d.kind === 'spark-submit' && d.exitCode === null)) return false;
  // A STANDBY Master knows no apps: only a leading one can say that nothing is left.
  const lead = leader(ctx);
  if (!lead || lead.json.status !== 'ALIVE') return false;
  if (lead.json.activeapps.length > 0 || lead.json.activedrivers.length > 0) return false;
  return Object.values(s.workers).every((w) => !w || (w.executors.length === 0 && (w.drivers?.length ?? 0) === 0));
}

async function tcpOpen(net: LabNetwork, host: string, port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const sock = connect({ host: net.host(host).ip, port, timeout: 1000 });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
    sock.once('timeout', () => {
      sock.destroy();
      resolve(false);
    });
  });
}

async function waitFor(
  cond: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
  lines: readonly DaemonLine[],
  everyMs = 200,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await cond()) return;
    await sleep(everyMs);
  }
  const tail = lines
    .filter((l) => l.level === 'ERROR' || l.level === 'WARN' || l.epochMs === null)
    .slice(-5)
    .map((l) => `${l.host}: ${l.raw}`)
    .join(' / ');
  throw new LabCommandFailed(`The lab's cluster did not come up: ${what} within ${timeoutMs / 1000} s. ${tail}`);
}

/** The log files of the drivers and executors the Workers ran (they write to their work folders, not to the Worker's output). */
function readWorkFolders(daemons: Daemons, workers: Map<string, WorkerSpec>, lines: DaemonLine[]): void {
  for (const host of workers.keys()) {
    for (const f of workFolders(join(daemons.hostDir(host), 'work'))) {
      let text = '';
      try {
        text = readFileSync(join(f.dir, 'stderr'), 'utf8');
      } catch {
        continue;
      }
      for (const raw of text.split('\n'))
        if (raw) lines.push({ ...parseDaemonLine(host, f.kind, raw), source: f.id } as DaemonLine);
    }
  }
}

interface ExecRecord {
  id: number;
  worker: string | null;
  cores: number | null;
  memory: number | null;
  state: string;
  removed: boolean;
}

/** ExecutorState.isFinished: KILLED, FAILED, LOST, EXITED (and DECOMMISSIONED, which the Master also removes). */
const FINAL = new Set(['KILLED', 'FAILED', 'LOST', 'EXITED', 'DECOMMISSIONED']);

const MEM_UNITS: Record<string, number> = { KiB: 1 / 1024, MiB: 1, GiB: 1024, TiB: 1024 * 1024 };

function buildRun(
  scenario: Scenario,
  ctx: LabContext,
  sparkVersion: string,
  t0: number,
  actionsAtMs: number,
  timeline: Snapshot[],
  lines: DaemonLine[],
  endedBecause: RealRun['endedBecause'],
): Omit<RealRun, 'actions'> {
  const last = timeline.at(-1) ?? { t: 0, masters: {}, workers: {} };
  const lead = leader(ctx);
  const stamped = lines.filter((l) => l.epochMs !== null).sort((a, b) => (a.epochMs ?? 0) - (b.epochMs ?? 0));
  const workerHost = new Map<string, string>();
  for (const s of timeline)
    for (const m of Object.values(s.masters)) for (const w of m?.workers ?? []) workerHost.set(w.id, w.host);

  const execs = new Map<string, Map<number, ExecRecord>>();
  const exec = (app: string, id: number): ExecRecord => {
    let m = execs.get(app);
    if (!m) execs.set(app, (m = new Map()));
    let e = m.get(id);
    if (!e) m.set(id, (e = { id, worker: null, cores: null, memory: null, state: 'LAUNCHING', removed: false }));
    return e;
  };
  const appDriver = new Map<string, string>();
  const launches = new Map<string, number>();
  const workerDriver = new Map<string, string>();
  const runnerRelaunches = new Map<string, number>();
  /** Master.removeWorker / decommissionWorker name the worker, then its executors by number only. */
  let lostWorker: string | null = null;
  const onWorker = (host: string) =>
    [...execs.values()]
      .flatMap((m) => [...m.values()])
      .filter((e) => e.worker === host && !e.removed && !FINAL.has(e.state));
  for (const l of stamped) {
    const msg = l.message;
    let m: RegExpExecArray | null;
    if (l.daemon === 'Master' && (m = /^Launching executor (\S+)\/(\d+) on worker (\S+)/.exec(msg)))
      exec(m[1]!, Number(m[2])).worker = workerHost.get(m[3]!) ?? m[3]!;
    else if (l.daemon === 'Master' && (m = /^Removing worker (\S+) on /.exec(msg)))
      lostWorker = workerHost.get(m[1]!) ?? m[1]!;
    else if (l.daemon === 'Master' && lostWorker && (m = /^Telling app of lost executor: (\d+)$/.exec(msg))) {
      const e = onWorker(lostWorker).find((x) => x.id === Number(m![1]));
      if (e) [e.removed, e.state] = [true, 'LOST'];
    } else if (l.daemon === 'Master' && (m = /^Decommissioning worker (\S+) on /.exec(msg)))
      lostWorker = workerHost.get(m[1]!) ?? m[1]!;
    else if (l.daemon === 'Master' && lostWorker && /^Telling app of decommission executors/.test(msg)) {
      for (const e of onWorker(lostWorker)) [e.removed, e.state] = [true, 'DECOMMISSIONED'];
    } else if (l.daemon === 'Master' && (m = /^Removing app (\S+)$/.exec(msg))) {
      // Master.removeApplication kills what the app still holds (killExecutor sets KILLED): an
      // executor whose own end the Master had not yet heard of stays KILLED at the Master, as
      // the simulator reports it, even if its Worker reports EXITED a moment later ("Got status
      // update for unknown executor").
      for (const e of execs.get(m[1]!)?.values() ?? []) if (!e.removed) [e.removed, e.state] = [true, 'KILLED'];
    } else if (l.daemon === 'Master' && (m = /^Removing executor (\S+)\/(\d+) because it is (\w+)/.exec(msg))) {
      const e = exec(m[1]!, Number(m[2]));
      e.removed = true;
      e.state = m[3]!;
    } else if (
      (m = /^Granted executor ID (\S+)\/(\d+) on hostPort \S+ with (\d+) core\(s\), ([\d.]+) (\w+) RAM/.exec(msg))
    ) {
      const e = exec(m[1]!, Number(m[2]));
      e.cores = Number(m[3]);
      e.memory = Math.round(Number(m[4]) * (MEM_UNITS[m[5]!] ?? 1));
    } else if ((m = /^Executor updated: (\S+)\/(\d+) is now (\w+)/.exec(msg))) {
      const e = exec(m[1]!, Number(m[2]));
      if (!e.removed) e.state = m[3]!;
    } else if (
      l.daemon === 'Worker' &&
      (m = /^Launch command: .*"--executor-id" "(\d+)" .*"--app-id" "([^"]+)"/.exec(msg))
    ) {
      // ExecutorRunner.fetchAndRunExecutor logs the command, starts the process and at once sends
      // ExecutorStateChanged(RUNNING): the executor is RUNNING at the Master from here, even when
      // no driver is left to log "Executor updated ... RUNNING" (its machine powered off).
      const e = exec(m[2]!, Number(m[1]));
      if (!e.removed && e.state === 'LAUNCHING') e.state = 'RUNNING';
    } else if (l.daemon === 'Worker' && (m = /^Executor (\S+)\/(\d+) finished with state (\w+)/.exec(msg))) {
      const e = exec(m[1]!, Number(m[2]));
      if (!e.removed) e.state = m[3]!;
    } else if (l.daemon === 'Driver' && (m = /Connected to Spark cluster with app ID (\S+)/.exec(msg))) {
      const src = (l as DaemonLine & { source?: string }).source;
      if (src) appDriver.set(m[1]!, src);
    } else if (l.daemon === 'Master' && (m = /^Launching driver (driver-\S+) on worker/.exec(msg)))
      launches.set(m[1]!, (launches.get(m[1]!) ?? 0) + 1);
    else if (l.daemon === 'Worker' && (m = /^Asked to launch driver (driver-\S+)/.exec(msg)))
      workerDriver.set(l.host, m[1]!);
    else if (l.daemon === 'Worker' && /re-launching after/.test(msg) && l.logger === 'DriverRunner') {
      // A --supervise driver that exits non-zero is relaunched by its Worker's DriverRunner, not by the Master.
      const id = workerDriver.get(l.host);
      if (id) runnerRelaunches.set(id, (runnerRelaunches.get(id) ?? 0) + 1);
    }
  }

  const apps = lead
    ? [...lead.json.completedapps, ...lead.json.activeapps]
        .sort((a, b) => a.starttime - b.starttime || (a.id < b.id ? -1 : 1))
        .map((a) => {
          const all = [...(execs.get(a.id)?.values() ?? [])].sort((x, y) => x.id - y.id);
          const view = (e: ExecRecord) => ({
            id: e.id,
            worker: e.worker,
            cores: e.cores,
            memory: e.memory,
            state: e.state,
          });
          return {
            id: a.id,
            name: a.name,
            state: a.state,
            driver: appDriver.get(a.id) ?? null,
            executors: all.filter((e) => !e.removed).map(view),
            removedExecutors: all.filter((e) => e.removed).map(view),
          };
        })
    : [];
  const drivers = lead
    ? [...lead.json.completeddrivers, ...lead.json.activedrivers]
        .sort((a, b) => Number(a.starttime) - Number(b.starttime) || (a.id < b.id ? -1 : 1))
        .map((d) => ({
          id: d.id,
          state: d.state,
          worker: d.worker === 'None' ? null : (workerHost.get(d.worker) ?? d.worker),
          supervise: ctx.submits.find((s) => s.driverId === d.id)?.lab.supervise ?? false,
          restarts: Math.max(0, (launches.get(d.id) ?? 1) - 1) + (runnerRelaunches.get(d.id) ?? 0),
        }))
    : [];
  const doc = {
    time: last.t,
    master: lead?.json ?? null,
    masters: scenario.masters.map((m) => last.masters[m.host] ?? null),
    workers: last.workers,
    apps,
    drivers,
  };
  const logs = stamped
    .filter(
      (l) =>
        !CHATTER.has(l.logger) &&
        !TASK_LINE.test(l.message) &&
        l.level !== 'DEBUG' &&
        l.level !== 'TRACE' &&
        (l.level === 'WARN' || l.level === 'ERROR' || INTERESTING.test(l.message)),
    )
    .map((l) => ({
      t: (l.epochMs ?? t0) - t0,
      host: l.host,
      daemon: l.daemon,
      line: `${l.level} ${l.logger}: ${l.message}`,
    }));
  return {
    sparkVersion: reportedVersion(lines) ?? sparkVersion,
    startedAtEpochMs: t0,
    doc,
    timeline,
    logs,
    actionsAtMs,
    hosts: Object.fromEntries([...ctx.net.hosts.values()].map((h) => [h.name, h.ip])),
    notes: [...ctx.daemons.confNotes.map((n) => `conf: ${n}`), ...ctx.notes],
    submits: ctx.submits.map((s) => ({
      at: s.at,
      command: s.command,
      args: s.lab.args,
      exitCode: s.daemon.exitCode,
      driverId: s.driverId,
      output: s.daemon.output.filter((l) => !/^\d{13} (DEBUG|TRACE)/.test(l)).slice(-40),
    })),
    measurements: measure(ctx, stamped, t0),
    endedBecause,
  };
}

/** "Running Spark version 4.0.5" (SparkContext) or the Master's "Running Spark version". */
function reportedVersion(lines: readonly DaemonLine[]): string | null {
  for (const l of lines) {
    const m = /Running Spark version (\S+)/.exec(l.message);
    if (m) return m[1] ?? null;
  }
  return null;
}

/** Start-up times and round trips, from the stamped log lines and the lab's own spawn times. */
function measure(ctx: LabContext, stamped: readonly DaemonLine[], t0: number): RealRun['measurements'] {
  const out: RealRun['measurements'] = [];
  const first = (pred: (l: DaemonLine) => boolean, after = 0) =>
    stamped.find((l) => (l.epochMs ?? 0) >= after && pred(l));
  for (const d of ctx.daemons.all) {
    if (d.kind !== 'Master' && d.kind !== 'Worker') continue;
    const up = first(
      (l) =>
        l.host === d.host && l.daemon === d.kind && /Started daemon|Starting Spark (master|worker)/.test(l.message),
      d.startedAtEpochMs,
    );
    if (up)
      out.push({ what: `${d.kind} ${d.host}: process start to first log line`, ms: up.epochMs! - d.startedAtEpochMs });
    if (d.kind === 'Master') {
      const alive = first(
        (l) => l.host === d.host && l.daemon === 'Master' && /New state: ALIVE|elected leader/.test(l.message),
        d.startedAtEpochMs,
      );
      if (alive)
        out.push({ what: `Master ${d.host}: process start to ALIVE`, ms: alive.epochMs! - d.startedAtEpochMs });
    } else {
      const conn = first(
        (l) => l.host === d.host && l.daemon === 'Worker' && /Connecting to master/.test(l.message),
        d.startedAtEpochMs,
      );
      const reg = first(
        (l) => l.host === d.host && l.daemon === 'Worker' && /Successfully registered with master/.test(l.message),
        d.startedAtEpochMs,
      );
      if (reg)
        out.push({ what: `Worker ${d.host}: process start to registered`, ms: reg.epochMs! - d.startedAtEpochMs });
      if (conn && reg)
        out.push({
          what: `Worker ${d.host}: registration round trip (connecting to registered)`,
          ms: reg.epochMs! - conn.epochMs!,
        });
    }
  }
  for (const l of stamped) {
    let m: RegExpExecArray | null;
    if (l.daemon === 'Worker' && (m = /^Asked to launch executor (\S+)\/(\d+)/.exec(l.message))) {
      const [app, id] = [m[1]!, m[2]!];
      const own = first(
        (x) => x.daemon === 'Executor' && (x as DaemonLine & { source?: string }).source === `${app}/${id}`,
        l.epochMs!,
      );
      if (own)
        out.push({
          what: `executor ${app}/${id}: launch asked to its JVM's first log line`,
          ms: own.epochMs! - l.epochMs!,
        });
      const reg = first(
        (x) => new RegExp(`Registered executor .* with ID ${id},`).test(x.message) && x.daemon !== 'Executor',
        l.epochMs!,
      );
      if (reg)
        out.push({
          what: `executor ${app}/${id}: launch asked to registered with the driver`,
          ms: reg.epochMs! - l.epochMs!,
        });
    } else if (l.daemon === 'Worker' && (m = /^Asked to launch driver (driver-\S+)/.exec(l.message))) {
      const id = m[1]!;
      const own = first(
        (x) => x.daemon === 'Driver' && (x as DaemonLine & { source?: string }).source === id,
        l.epochMs!,
      );
      if (own)
        out.push({ what: `driver ${id}: launch asked to its JVM's first log line`, ms: own.epochMs! - l.epochMs! });
      const reg = first(
        (x) => x.daemon === 'Driver' && /Connected to Spark cluster with app ID/.test(x.message),
        l.epochMs!,
      );
      if (reg)
        out.push({ what: `driver ${id}: launch asked to its application registered`, ms: reg.epochMs! - l.epochMs! });
    }
  }
  for (const s of ctx.submits) {
    const start = s.daemon.startedAtEpochMs;
    const reg = first((l) => l.daemon === 'Master' && /^Registering app /.test(l.message), start);
    if (reg && s.lab.deployMode === 'client')
      out.push({
        what: `submit at ${s.at}: spark-submit start to app registered (client mode)`,
        ms: reg.epochMs! - start,
      });
    const drv = first((l) => l.daemon === 'Master' && /^Driver submitted /.test(l.message), start);
    if (drv && s.lab.deployMode === 'cluster')
      out.push({
        what: `submit at ${s.at}: spark-submit start to driver submitted (cluster mode)`,
        ms: drv.epochMs! - start,
      });
    const end = first((l) => l.daemon === 'Master' && /^Removing app /.test(l.message), start);
    if (end)
      out.push({ what: `submit at ${s.at}: spark-submit start to app removed (end to end)`, ms: end.epochMs! - start });
  }
  void t0;
  return out;
}
