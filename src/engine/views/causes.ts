// "Why did this happen?": a state change walked back to its origin through the causes the engine
// records. Each state change keeps what its process was handling (a message, a timer, a child's
// exit, a dropped connection, the user's action); each recorded message keeps what its sender was
// handling when it sent it; each ended process keeps what was handled when it ended. Following
// those links gives the chain "executor LOST ← Disconnected ← Worker@w3 exited ← kill-worker",
// with the simulated time of every link. A pure function of engine state (recorded runs only: a
// run without recording keeps no messages, and its chains stop at the first message).
import type { Cause, SparkCluster, StateChange } from '../spark/cluster';
import type { MasterState } from '../spark/master-state';
import { findApplication, findDriverInfo } from '../spark/master-state';
import type { MessageRecord } from '../sim/kernel';
import type { CauseLinkView } from './frame-types';

export type CauseLink = CauseLinkView;

/** A chain longer than this is cut (a relay of asks and replies); the last link says so. */
export const MAX_CHAIN = 40;

const seconds = (t: number): string => `${(t / 1000).toFixed(3)} s`;

function messageLink(m: MessageRecord): CauseLink {
  const fate = m.delivered === false ? `, lost (${m.dropReason ?? 'dropped'})` : '';
  return {
    t: m.t,
    kind: 'message',
    text: `${m.type} from ${m.fromLabel} to ${m.toLabel}, sent at ${seconds(m.t)}${fate}`,
    messageId: m.id,
  };
}

function changeLink(ch: StateChange): CauseLink {
  return {
    t: ch.t,
    kind: 'change',
    text: `${ch.kind} ${ch.subject}: ${ch.from ?? '(new)'} → ${ch.to}`,
    subject: ch.subject,
  };
}

/** The state change and what led to it, newest first, ending at a timer, an action or a start. */
export function causalChain(c: SparkCluster, change: StateChange): CauseLink[] {
  const links: CauseLink[] = [changeLink(change)];
  let cause: Cause | null = change.cause;
  if (cause.kind === 'timer' && cause.type === 'CheckForWorkerTimeOut') {
    // The Master's periodic check removed a silent worker: say since when it was silent, and why.
    cause = silence(c, change, cause.t, links);
  }
  while (cause !== null) {
    if (links.length >= MAX_CHAIN) {
      links.push({ t: cause.t, kind: 'start', text: `… (the chain goes on: cut at ${MAX_CHAIN} links)` });
      break;
    }
    cause = follow(c, cause, links);
  }
  return links;
}

/** Adds the link for `cause` and returns the cause before it, or null at an origin. */
function follow(c: SparkCluster, cause: Cause, links: CauseLink[]): Cause | null {
  switch (cause.kind) {
    case 'message': {
      const m = cause.messageId !== undefined ? c.k.messages[cause.messageId - 1] : undefined;
      if (m === undefined) {
        links.push({
          t: cause.t,
          kind: 'message',
          text: `${cause.type} from ${cause.from ?? 'a peer'} (not recorded)`,
        });
        return null;
      }
      links.push(messageLink(m));
      return (m.cause as Cause | null) ?? null;
    }
    case 'timer':
      links.push({ t: cause.t, kind: 'timer', text: `timer ${cause.type} fired at ${seconds(cause.t)}` });
      return null;
    case 'action':
      links.push({ t: cause.t, kind: 'action', text: `the scenario's action ${cause.type} at ${seconds(cause.t)}` });
      return null;
    case 'start':
      links.push({ t: cause.t, kind: 'start', text: `the cluster's start` });
      return null;
    case 'disconnect':
    case 'process-exit': {
      const what = cause.kind === 'disconnect' ? 'the connection to' : 'its child';
      const pid = cause.fromPid;
      const p = pid !== undefined && pid >= 1 && pid <= c.k.state.procs.length ? c.k.proc(pid) : null;
      if (p === null || p.alive || p.exitedAt < 0) {
        // A connection cut by the network (a partition) with the process still alive.
        links.push({
          t: cause.t,
          kind: 'disconnect',
          text: `${what} ${cause.from ?? 'a peer'} dropped at ${seconds(cause.t)}`,
        });
        return null;
      }
      links.push({
        t: cause.t,
        kind: 'disconnect',
        text: `${cause.kind === 'disconnect' ? 'Disconnected' : 'ChildExited'}: ${what} ${p.label} is gone`,
      });
      const code = p.exitCode === null ? '' : ` with code ${p.exitCode}`;
      links.push({ t: p.exitedAt, kind: 'exit', text: `${p.label} exited${code} at ${seconds(p.exitedAt)}` });
      return (p.exitCause as Cause | null) ?? null;
    }
  }
}

/** The host of the worker a change is about (the worker itself, or what ran on it). */
function hostOf(c: SparkCluster, change: StateChange): string | null {
  for (const m of c.world.topology.masters) {
    const st = c.k.proc<MasterState>(m.pid).state;
    if (change.kind === 'worker') {
      const w = st.workers.find((x) => x.id === change.subject);
      if (w) return w.host;
    } else if (change.kind === 'executor') {
      const slash = change.subject.lastIndexOf('/');
      const app = findApplication(st, change.subject.slice(0, slash));
      const id = Number(change.subject.slice(slash + 1));
      const e = app?.executors.get(id) ?? app?.removedExecutors.find((x) => x.id === id);
      if (e) return e.worker.host;
    } else if (change.kind === 'driver') {
      const d = findDriverInfo(st, change.subject);
      if (d?.worker) return d.worker.host;
    }
  }
  return null;
}

/**
 * A worker removed by CheckForWorkerTimeOut: its last Heartbeat that arrived, then what stopped
 * the next ones (lost on the network, or the Worker's process gone). Returns the cause to follow.
 */
function silence(c: SparkCluster, change: StateChange, firedAt: number, links: CauseLink[]): Cause | null {
  const timer = `timer CheckForWorkerTimeOut fired at ${seconds(firedAt)}`;
  const host = hostOf(c, change);
  if (host === null) {
    links.push({ t: firedAt, kind: 'timer', text: timer });
    return null;
  }
  const label = `Worker@${host}`;
  const msgs = c.k.messages;
  let last = -1;
  for (let i = msgs.length - 1; i >= 0; i--) {
    const m = msgs[i]!;
    if (m.t > change.t || m.type !== 'Heartbeat' || m.fromLabel !== label || m.delivered !== true) continue;
    if (m.tDeliver <= change.t) {
      last = i;
      break;
    }
  }
  const timeoutS = c.settings.workerTimeoutMs / 1000;
  if (last < 0) {
    links.push({ t: firedAt, kind: 'timer', text: `${timer}: no Heartbeat from ${label} had reached the Master` });
    return null;
  }
  // The last heartbeat is context, not a cause: it goes in the timer's line (with its id, so the
  // panel can select it); the links after it say what stopped the next ones.
  const beat = msgs[last]!;
  links.push({
    t: firedAt,
    kind: 'timer',
    text: `${timer}: the last Heartbeat from ${label} arrived at ${seconds(beat.tDeliver)}, more than spark.worker.timeout (${timeoutS} s) before`,
    messageId: beat.id,
  });
  for (let i = last + 1; i < msgs.length; i++) {
    const m = msgs[i]!;
    if (m.fromLabel !== label || m.type !== 'Heartbeat' || m.delivered !== false) continue;
    links.push(messageLink(m));
    break;
  }
  const worker = c.world.topology.workers.get(host);
  if (worker !== undefined) {
    const p = c.k.proc(worker.pid);
    if (!p.alive && p.exitedAt >= 0 && p.exitedAt <= change.t) {
      const code = p.exitCode === null ? '' : ` with code ${p.exitCode}`;
      links.push({ t: p.exitedAt, kind: 'exit', text: `${p.label} exited${code} at ${seconds(p.exitedAt)}` });
      return (p.exitCause as Cause | null) ?? null;
    }
  }
  return null;
}
