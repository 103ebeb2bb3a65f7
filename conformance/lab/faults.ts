// A scenario's actions done to the real cluster (docs/conformance-lab.md, "Faults"). Each action
// type of src/engine/scenario/types.ts maps to what a person would do to a real cluster:
//   submit               bin/spark-submit on the client (submit.ts maps the line)
//   add-worker           a Worker JVM started on a host that was idle until then
//   kill-worker          SIGKILL of the Worker JVM
//   power-off            the host's traffic dropped (nft, in its namespace), then SIGKILL of everything on it
//   restart-worker       power on if off; a running Worker is stopped (SIGTERM) first; a new Worker started
//   decommission-worker  SIGPWR to the Worker JVM
//   remove-worker        SIGTERM to the Worker JVM (what stop-worker.sh does)
//   partition / heal     packet drops between two addresses (one-way too), in both hosts' namespaces
//   kill-executor        SIGKILL of the executor's JVM (found by its working folder, work/<app>/<exec>)
//   kill-driver          spark-submit --kill through the REST gateway when it is enabled, else the Master
//                        UI's driver kill (Spark 4.0's --kill only speaks REST to a spark:// master)
//   crash-driver         SIGKILL of the driver's JVM (exit 137, where the simulator says 1: both are a
//                        non-zero exit, so the driver is FAILED and --supervise relaunches it)
//   kill-app             the Master UI's kill request (POST /app/kill/, terminate=true)
//   kill-master          SIGKILL of the Master JVM; restart-master starts it again with the same conf
//   set-conf             spark.* keys: written to every host's spark-defaults.conf, read by what starts
//                        later (a running daemon, as in Spark, does not read it again); network.* keys
//                        cannot be reproduced (no delay qdisc in the lab's kernel)
// Ids in targets are the simulator's (driver-20260101000001-0000): the lab takes the real one with
// the same counter (the last number), which the Master hands out in the same order.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import type { Action, MasterSpec, Scenario, WorkerSpec } from '../../src/engine/scenario/types';
import type { Daemon, Daemons } from './daemons';
import { MASTER_UI_PORT } from './daemons';
import type { LabNetwork } from './hosts';
import { labSubmit, type LabSubmit } from './submit';

export interface Snapshot {
  t: number;
  masters: Record<string, MasterJson | null>;
  workers: Record<string, WorkerJson | null>;
}

/** The fields of the Master's /json the lab reads. */
export interface MasterJson {
  status: string;
  workers: { id: string; host: string; state: string }[];
  activeapps: { id: string; state: string; name: string; starttime: number }[];
  completedapps: { id: string; state: string; name: string; starttime: number }[];
  activedrivers: { id: string; state: string; worker: string; starttime: string }[];
  completeddrivers: { id: string; state: string; worker: string; starttime: string }[];
  [k: string]: unknown;
}

export interface WorkerJson {
  id: string;
  executors: { id: number; appid: string }[];
  drivers?: { id: string }[];
  [k: string]: unknown;
}

export interface SubmitRecord {
  at: number;
  command: string;
  lab: LabSubmit;
  daemon: Daemon;
  /** The driver id spark-submit printed (cluster mode). */
  driverId: string | null;
}

export interface LabContext {
  scenario: Scenario;
  net: LabNetwork;
  daemons: Daemons;
  jobJar: string;
  /** The conf as it stands (set-conf changes it). */
  conf: Record<string, string>;
  latest(): Snapshot | null;
  /** The URL every Worker and application is given: spark://m1:7077,m2:7077. */
  masterUrl: string;
  workers: Map<string, WorkerSpec>;
  submits: SubmitRecord[];
  /** What the lab could not do as the scenario says, with the reason. */
  notes: string[];
  log(line: string): void;
}

function counter(id: string): string | undefined {
  return /-(\d+)$/.exec(id)?.[1];
}

/** The leading Master in the latest snapshot (ALIVE), else any that answers. */
export function leader(ctx: LabContext): { host: string; json: MasterJson } | null {
  const s = ctx.latest();
  if (!s) return null;
  let fallback: { host: string; json: MasterJson } | null = null;
  for (const [host, json] of Object.entries(s.masters)) {
    if (!json) continue;
    if (json.status === 'ALIVE') return { host, json };
    fallback ??= { host, json };
  }
  return fallback;
}

/** The real app or driver id with the same counter as the simulator's id. */
function realId(ctx: LabContext, simId: string, kind: 'app' | 'driver'): string | null {
  const m = leader(ctx)?.json;
  if (!m) return null;
  const ids = kind === 'app' ? [...m.activeapps, ...m.completedapps] : [...m.activedrivers, ...m.completeddrivers];
  const n = counter(simId);
  return ids.find((x) => counter(x.id) === n)?.id ?? null;
}

/** The pid of a JVM on `host` whose working folder ends with `suffix` (work/<driverId>, work/<app>/<exec>). */
function pidByCwd(ctx: LabContext, host: string, suffix: string): number | null {
  for (const pid of ctx.net.pids(host)) {
    try {
      if (
        readlinkSync(`/proc/${pid}/cwd`).endsWith(suffix) &&
        readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('java')
      )
        return pid;
    } catch {
      // gone
    }
  }
  return null;
}

function killPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/**
 * The Master UI's kill links, as a browser sends them: Spark 4.0.5's UI refuses a state-changing
 * POST without the page's CSRF token ("Missing or invalid CSRF token on a state-changing
 * endpoint.", JettyUtils), which every kill form of the Master's page carries as a hidden
 * `csrfToken` field; so the page is read first.
 */
async function post(ctx: LabContext, host: string, path: string, form: Record<string, string>): Promise<number | null> {
  const base = `http://${ctx.net.host(host).ip}:${MASTER_UI_PORT}`;
  try {
    const page = await (await fetch(`${base}/`, { signal: AbortSignal.timeout(5000) })).text();
    const token = /name="csrfToken" value="([^"]*)"/.exec(page)?.[1];
    const r = await fetch(`${base}${path}`, {
      method: 'POST',
      body: new URLSearchParams(token === undefined ? form : { ...form, csrfToken: token }),
      redirect: 'manual',
      signal: AbortSignal.timeout(5000),
    });
    return r.status;
  } catch {
    return null;
  }
}

function startWorker(ctx: LabContext, w: WorkerSpec): void {
  ctx.workers.set(w.host, w);
  ctx.daemons.startWorker(w, ctx.masterUrl);
}

function startMaster(ctx: LabContext, m: MasterSpec): void {
  if (ctx.net.isOff(m.host)) ctx.net.powerOn(m.host);
  ctx.daemons.startMaster(m);
}

function submit(ctx: LabContext, a: Extract<Action, { type: 'submit' }>): void {
  const lab = labSubmit(a, ctx.jobJar, ctx.conf);
  for (const n of lab.notes) ctx.notes.push(`actions at ${a.at}: ${n}`);
  const daemon = ctx.daemons.sparkSubmit(lab.args);
  const rec: SubmitRecord = { at: a.at, command: a.command, lab, daemon, driverId: null };
  ctx.submits.push(rec);
  daemon.child.stderr?.on('data', () => {
    if (rec.driverId) return;
    const m = /Driver successfully submitted as (\S+)/.exec(daemon.output.join('\n'));
    if (m) rec.driverId = m[1] ?? null;
  });
}

function masterSpec(ctx: LabContext, host: string | undefined, want: 'running' | 'down'): MasterSpec | undefined {
  if (host) return ctx.scenario.masters.find((m) => m.host === host);
  if (want === 'running') {
    const lead = leader(ctx)?.host;
    return (
      ctx.scenario.masters.find((m) => m.host === lead) ??
      ctx.scenario.masters.find((m) => ctx.daemons.running(m.host, 'Master'))
    );
  }
  return ctx.scenario.masters.find((m) => !ctx.daemons.running(m.host, 'Master'));
}

/** Does one action to the real cluster. */
export async function applyAction(ctx: LabContext, a: Action): Promise<void> {
  const d = ctx.daemons;
  switch (a.type) {
    case 'submit':
      return submit(ctx, a);
    case 'add-worker':
      return startWorker(ctx, {
        host: a.host,
        cores: a.cores,
        memory: a.memory,
        ...(a.port === undefined ? {} : { port: a.port }),
      });
    case 'kill-worker': {
      const w = d.running(a.target, 'Worker');
      if (w) await d.signal(w, 'SIGKILL', 5000);
      return;
    }
    case 'power-off':
      return ctx.net.powerOff(a.target);
    case 'restart-worker': {
      if (ctx.net.isOff(a.target)) ctx.net.powerOn(a.target);
      const w = d.running(a.target, 'Worker');
      if (w) await d.signal(w, 'SIGTERM');
      const spec = ctx.workers.get(a.target);
      if (spec) startWorker(ctx, spec);
      return;
    }
    case 'decommission-worker': {
      const w = d.running(a.target, 'Worker');
      if (w) await d.signal(w, 'SIGPWR', 0);
      return;
    }
    case 'remove-worker': {
      const w = d.running(a.target, 'Worker');
      if (w) await d.signal(w, 'SIGTERM');
      return;
    }
    case 'partition':
      return ctx.net.partition(a.between[0], a.between[1], a.oneWay === true);
    case 'heal':
      return ctx.net.heal(a.between);
    case 'kill-executor': {
      const [simApp, exec] = a.target.split('/');
      const app = realId(ctx, simApp ?? '', 'app');
      const suffix = `/${app}/${exec}`;
      for (const host of ctx.workers.keys()) {
        const pid = app ? pidByCwd(ctx, host, suffix) : null;
        if (pid !== null) return killPid(pid, 'SIGKILL');
      }
      ctx.notes.push(`actions at ${a.at}: kill-executor ${a.target}: no such executor process was running`);
      return;
    }
    case 'kill-driver': {
      const id = realId(ctx, a.target, 'driver') ?? a.target;
      if (ctx.conf['spark.master.rest.enabled'] === 'true') {
        const port = ctx.conf['spark.master.rest.port'] ?? '6066';
        const url = `spark://${ctx.scenario.masters.map((m) => `${m.host}:${port}`).join(',')}`;
        d.sparkSubmit(['--master', url, '--kill', id]);
        return;
      }
      const lead = leader(ctx);
      const status = lead ? await post(ctx, lead.host, '/driver/kill/', { id, terminate: 'true' }) : null;
      // 302 back to the page is what a done kill answers.
      ctx.notes.push(
        `actions at ${a.at}: kill-driver ${a.target} (${id}) went through the Master UI's driver kill (HTTP ${status ?? 'no answer'}): ` +
          "spark.master.rest.enabled is not true, and Spark 4.0's spark-submit --kill only uses the REST gateway",
      );
      return;
    }
    case 'crash-driver': {
      const id = realId(ctx, a.target, 'driver');
      for (const host of ctx.workers.keys()) {
        const pid = id ? pidByCwd(ctx, host, `/${id}`) : null;
        if (pid !== null) return killPid(pid, 'SIGKILL');
      }
      ctx.notes.push(`actions at ${a.at}: crash-driver ${a.target}: no such driver process was running`);
      return;
    }
    case 'kill-app': {
      const id = realId(ctx, a.target, 'app') ?? a.target;
      const lead = leader(ctx);
      const status = lead ? await post(ctx, lead.host, '/app/kill/', { id, terminate: 'true' }) : null;
      if (status === null || status >= 400)
        ctx.notes.push(`actions at ${a.at}: kill-app ${id}: the Master UI answered ${status ?? 'nothing'}`);
      return;
    }
    case 'kill-master': {
      const m = masterSpec(ctx, a.target, 'running');
      const p = m ? d.running(m.host, 'Master') : undefined;
      if (p) await d.signal(p, 'SIGKILL', 5000);
      return;
    }
    case 'restart-master': {
      const m = masterSpec(ctx, a.target, 'down');
      if (m && !d.running(m.host, 'Master')) startMaster(ctx, m);
      return;
    }
    case 'set-conf':
      if (a.key.startsWith('spark.')) {
        ctx.conf[a.key] = a.value;
        d.setConf(ctx.conf);
      } else
        ctx.notes.push(
          `actions at ${a.at}: set-conf ${a.key} is not reproduced: the lab's network has no delay or jitter`,
        );
      return;
  }
}

/** The working folders of drivers and executors a Worker ran, for their log files. */
export function workFolders(workDir: string): { kind: 'Driver' | 'Executor'; id: string; dir: string }[] {
  const out: { kind: 'Driver' | 'Executor'; id: string; dir: string }[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(workDir);
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e.startsWith('driver-')) {
      out.push({ kind: 'Driver', id: e, dir: `${workDir}/${e}` });
      continue;
    }
    // An application's folder is named by its id, which is not always app-…: with
    // spark.master.useAppNameAsAppId.enabled it is the app's name (Master.newApplicationId). Its
    // executors' folders are their numbers (ExecutorRunner's work/<appId>/<execId>).
    let inside: string[] = [];
    try {
      inside = readdirSync(`${workDir}/${e}`);
    } catch {
      continue;
    }
    for (const x of inside)
      if (/^\d+$/.test(x)) out.push({ kind: 'Executor', id: `${e}/${x}`, dir: `${workDir}/${e}/${x}` });
  }
  return out;
}
