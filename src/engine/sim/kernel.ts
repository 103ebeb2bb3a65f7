// The discrete-event kernel: a virtual clock in integer milliseconds, one event queue ordered by
// (time, insertion sequence), one seeded generator, hosts and processes, and a network with
// latency, seeded jitter, partitions, drops and disconnect notices. It knows nothing of Spark:
// the model above it supplies one `dispatch` function and keeps its actors' state as plain data
// inside each process, so `snapshot()` is a structuredClone and a run is a pure function of its
// inputs.
import { HeapKeys, heapPop, heapPush } from './queue';
import { Random } from './random';

export type Pid = number;

/** Every message is plain data with a `type`; the model defines the union. */
export interface Msg {
  readonly type: string;
}

/** What the kernel delivers to a process. `ep` is the endpoint name; '*' reaches every endpoint. */
export interface Delivery {
  t: number;
  seq: number;
  to: Pid;
  ep: string;
  from: Pid;
  fromEp: string;
  msg: Msg;
  /** Network message id (index into the trace + 1), 0 for local events (timers, self-sends). */
  net: number;
  /** > 0 when this message is an ask that expects a reply. */
  askId: number;
  /** > 0 when this message is the reply to ask `replyTo`. */
  replyTo: number;
  /** 1 when the message type is not background (counted in `foreground` while pending). */
  fg: number;
}

export interface Host {
  name: string;
  up: boolean;
}

export interface Process<S = unknown> {
  pid: Pid;
  host: string;
  /** What the model runs in it ('master', 'worker', 'executor'...). */
  kind: string;
  /** Shown in traces and logs, e.g. "Worker@w1". */
  label: string;
  /** Host-unique port of its RpcEnv (0 when it has none). */
  port: number;
  parent: Pid;
  alive: boolean;
  startedAt: number;
  exitedAt: number;
  exitCode: number | null;
  /** What was being handled when it ended (the model's `causeOf`), null without one or while alive. */
  exitCause: object | null;
  /** Processes it has a connection with (each gets a disconnect notice when this one dies). */
  peers: Set<Pid>;
  /** Per destination, the delivery time of the last message sent (TCP keeps order on a connection). */
  linkLast: Map<Pid, number>;
  /**
   * The destination of the last message sent, whose linkLast entry is kept in `lastToT` instead
   * of the Map (written back when another destination comes): a process mostly talks to one peer
   * (a worker to its Master, an executor to its driver), and this spares that send two Map
   * operations. 0 when none.
   */
  lastTo: Pid;
  lastToT: number;
  /**
   * linkLast as a table indexed by destination pid (0 for none), once the process has sent to
   * LINK_TABLE_AT destinations: a Master telling every worker that an app finished sends to each
   * in turn, so the one-entry cache above never hits and each send cost two Map operations on a
   * Map of every worker. Null until then (and linkLast is empty after).
   */
  linkTable: Float64Array | null;
  /** A peer known to be in `peers` (the last one checked), so a delivery skips the Set; 0 when none. */
  lastPeer: Pid;
  state: S;
}

export interface Partition {
  a: string;
  b: string;
  /** When true only a → b is cut. */
  oneWay: boolean;
}

export interface NetworkState {
  latencyMs: number;
  jitterMs: number;
  partitions: Partition[];
  /**
   * What a partition is holding back, oldest first: TCP keeps retransmitting data it sent into a
   * partition (and the FIN of a process that exited behind one), so it arrives once the partition
   * heals (see `heal`). Absent until a partition first holds something.
   */
  held?: HeldPacket[];
}

/**
 * A message (or a disconnect notice) a partition stopped, to be sent again when it heals: the
 * sender's TCP retransmits it, with back-off, for as long as the connection lives.
 */
export interface HeldPacket {
  /** When the partition first stopped it. */
  t: number;
  from: Pid;
  fromEp: string;
  to: Pid;
  toEp: string;
  msg: Msg;
  askId: number;
  replyTo: number;
  /** A disconnect notice (the peer's FIN), not a message. */
  notice: boolean;
}

/**
 * How long Linux's TCP keeps retransmitting unacknowledged data before it gives the connection up
 * (net.ipv4.tcp_retries2 = 15 retransmissions, the timeout doubling from TCP_RTO_MIN = 200 ms up
 * to TCP_RTO_MAX = 120 s: 924.6 s). Data a partition held longer than this is lost.
 */
export const TCP_GIVE_UP_MS = 924_600;

export interface MessageRecord {
  id: number;
  t: number;
  /** When it arrives (or would have arrived). */
  tDeliver: number;
  from: Pid;
  to: Pid;
  fromLabel: string;
  toLabel: string;
  fromEp: string;
  toEp: string;
  /** "host:port" of each side's process. */
  fromAddr: string;
  toAddr: string;
  type: string;
  /** null while in flight. */
  delivered: boolean | null;
  /** Why it was lost: 'partition', 'host-down', 'process-dead', 'timeout'. */
  dropReason?: string;
  /** Ask id / reply id so a viewer can pair them. */
  askId: number;
  replyTo: number;
  /** The message itself, for inspectors (kept by reference; messages are immutable once sent). */
  msg: Msg;
  /**
   * What the sender was handling when it sent this, as the model above the kernel describes it
   * (`causeOf`); null without one. Opaque here: the kernel knows no model.
   */
  cause: object | null;
}

export interface LogRecord {
  t: number;
  pid: Pid;
  source: string;
  level: 'INFO' | 'WARN' | 'ERROR';
  text: string;
}

interface PendingAsk {
  /** The queued AskTimeout, so an answered ask stops counting as pending work at once. */
  timeout: Delivery | null;
  from: Pid;
  fromEp: string;
  to: Pid;
  requestType: string;
  /** Plain data the asker wants back with the reply or the timeout. */
  ctx: unknown;
}

/** A reply or a timeout, as the asker sees it. */
export interface AskTimeout extends Msg {
  type: 'AskTimeout';
  askId: number;
  requestType: string;
  ctx: unknown;
}

/** Spark's onDisconnected: the peer process at `peer` dropped its connection to us. */
export interface Disconnected extends Msg {
  type: 'Disconnected';
  peer: Pid;
  peerHost: string;
  peerPort: number;
}

/** The OS telling a parent that a child process ended (Process.waitFor returning). */
export interface ChildExited extends Msg {
  type: 'ChildExited';
  child: Pid;
  exitCode: number;
}

/** Everything that varies over a run, as plain data. */
export interface KernelState {
  now: number;
  seq: number;
  queue: Delivery[];
  cancelled: Set<number>;
  hosts: Map<string, Host>;
  procs: Process[];
  network: NetworkState;
  asks: Map<number, PendingAsk>;
  nextAskId: number;
  nextNetId: number;
  rng: number[];
  /** FNV-1a over every resolved message and log line (when recording): the trace hash of the determinism tests. */
  hash: number;
  eventsProcessed: number;
  /** Endpoints listening on a port other than their process's ("pid/ep" → port), e.g. an HTTP server inside a daemon. */
  endpointPorts: Map<string, number>;
  /** Pending events whose type is not "background" (see setBackground). */
  foreground: number;
}

export interface KernelOptions {
  seed: number;
  network?: Partial<NetworkState>;
  /** Keep every message and log line (the UI, `--trace` and `--log` want them; the benchmark does not). */
  record?: boolean;
}

export type Dispatch = (k: Kernel, proc: Process, d: Delivery) => void;

/**
 * Destinations after which a process's per-link delivery times move from its Map to a table by
 * pid (Process.linkTable). Most processes talk to a handful of peers; a Master talks to every
 * worker, and a driver of many executors to each of them.
 */
const LINK_TABLE_AT = 64;

/** Moves `p`'s link times (the Map and its one-entry cache) into a table of at least `size` pids. */
function toLinkTable(p: Process, size: number): Float64Array<ArrayBuffer> {
  let table = new Float64Array(size + 64);
  if (p.lastTo !== 0) p.linkLast.set(p.lastTo, p.lastToT);
  for (const [pid, t] of p.linkLast) {
    if (pid >= table.length) table = grownLinkTable(table, pid);
    table[pid] = t;
  }
  p.linkLast.clear();
  p.lastTo = 0;
  p.linkTable = table;
  return table;
}

/** A copy of `table` with room for `pid` (doubled, so a growing cluster copies it rarely). */
function grownLinkTable(table: Float64Array, pid: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(Math.max(pid + 1, 2 * table.length));
  next.set(table);
  return next;
}

const FNV_PRIME = 16777619;

/** FNV-1a's 32-bit offset basis: where a hash of nothing starts. */
export const FNV_OFFSET = 2166136261;

/** FNV-1a over `s`'s UTF-16 code units, continuing from `hash`. */
export function fnv(hash: number, s: string): number {
  let h = hash;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

function fnvInt(hash: number, n: number): number {
  let h = hash;
  h ^= n & 0xffff;
  h = Math.imul(h, FNV_PRIME);
  h ^= (n >>> 16) & 0xffff;
  h = Math.imul(h, FNV_PRIME);
  h ^= Math.floor(n / 4294967296) & 0xffff;
  h = Math.imul(h, FNV_PRIME);
  return h >>> 0;
}

export class Kernel {
  state: KernelState;
  readonly record: boolean;
  /**
   * When set, the host of every process that handles an event is added (a viewer redraws only
   * those machines). Outside `state`: it is about watching the run, not the run itself.
   */
  touched: Set<string> | null = null;
  /** Whether the last runUntil ended early by its `stop` check. */
  stopped = false;
  /** Whether the last runUntil ended early because it had run its `maxEvents`. */
  limited = false;
  /** Every network message (when recording). Outside `state`: history is append-only and huge. */
  messages: MessageRecord[] = [];
  logs: LogRecord[] = [];
  /**
   * Set by the model: describes what is being handled now, for each recorded message's `cause`
   * (so a viewer can walk a message back to the event that made its sender send it).
   */
  causeOf: (() => object) | null = null;
  private rng: Random;
  private dispatch: Dispatch;
  private background: ReadonlySet<string> = new Set();
  private lastEnqueued: Delivery | null = null;
  /** The queue's keys beside `state.queue` (see queue.ts); rebuilt whenever the state is replaced. */
  private keys = new HeapKeys();

  constructor(opts: KernelOptions, dispatch: Dispatch) {
    this.record = opts.record ?? true;
    this.dispatch = dispatch;
    this.rng = new Random(opts.seed);
    this.state = {
      now: 0,
      seq: 0,
      queue: [],
      cancelled: new Set(),
      hosts: new Map(),
      procs: [],
      network: { latencyMs: opts.network?.latencyMs ?? 2, jitterMs: opts.network?.jitterMs ?? 1, partitions: [] },
      asks: new Map(),
      nextAskId: 1,
      nextNetId: 1,
      rng: [],
      hash: FNV_OFFSET,
      eventsProcessed: 0,
      endpointPorts: new Map(),
      foreground: 0,
    };
  }

  /**
   * Message types that recur for as long as the system lives (heartbeats, periodic checks). The
   * model names them; the kernel only counts the other pending events, so a runner can tell when
   * nothing is left to happen.
   */
  setBackground(types: ReadonlySet<string>): void {
    this.background = types;
  }

  foregroundPending(): number {
    return this.state.foreground;
  }

  get now(): number {
    return this.state.now;
  }

  get random(): Random {
    return this.rng;
  }

  // ---------------------------------------------------------------- snapshots

  /** A deep copy of everything that varies (not the recorded history). */
  snapshot(): KernelState {
    this.state.rng = this.rng.getState();
    return structuredClone(this.state);
  }

  restore(s: KernelState, historyLength?: { messages: number; logs: number }): void {
    this.state = structuredClone(s);
    this.keys.rebuild(this.state.queue);
    this.rng = new Random(this.state.rng);
    if (historyLength) {
      this.messages.length = historyLength.messages;
      this.logs.length = historyLength.logs;
    }
  }

  // ---------------------------------------------------------------- hosts and processes

  addHost(name: string): Host {
    let h = this.state.hosts.get(name);
    if (!h) {
      h = { name, up: true };
      this.state.hosts.set(name, h);
    }
    return h;
  }

  host(name: string): Host | undefined {
    return this.state.hosts.get(name);
  }

  proc<S = unknown>(pid: Pid): Process<S> {
    const p = this.state.procs[pid - 1];
    if (!p) throw new Error(`no process ${pid}`);
    return p as Process<S>;
  }

  spawn<S>(
    host: string,
    kind: string,
    label: string,
    state: S,
    opts: { port?: number; parent?: Pid } = {},
  ): Process<S> {
    const h = this.addHost(host);
    if (!h.up) throw new Error(`cannot start ${label}: host ${host} is powered off`);
    const pid = this.state.procs.length + 1;
    const p: Process<S> = {
      pid,
      host,
      kind,
      label,
      port: opts.port ?? 0,
      parent: opts.parent ?? 0,
      alive: true,
      startedAt: this.state.now,
      exitedAt: -1,
      exitCode: null,
      exitCause: null,
      peers: new Set(),
      linkLast: new Map(),
      lastTo: 0,
      lastToT: 0,
      linkTable: null,
      lastPeer: 0,
      state,
    };
    this.state.procs.push(p as Process);
    return p;
  }

  /** Live processes on a host, oldest first. */
  procsOn(host: string): Process[] {
    return this.state.procs.filter((p) => p.alive && p.host === host);
  }

  /**
   * Ends a process. Its pending events are dropped lazily (dispatch checks `alive`); its parent is
   * told (ChildExited); its peers get a disconnect notice unless the exit is silent (a machine
   * that loses power sends no TCP reset).
   */
  exit(pid: Pid, exitCode: number, opts: { silent?: boolean } = {}): void {
    const p = this.proc(pid);
    if (!p.alive) return;
    p.alive = false;
    p.exitedAt = this.state.now;
    if (this.causeOf !== null) p.exitCause = this.causeOf();
    p.exitCode = exitCode;
    const peers = [...p.peers];
    p.peers.clear();
    p.linkLast.clear();
    p.linkTable = null;
    p.lastTo = 0;
    p.lastPeer = 0;
    if (peers.length) {
      for (const q of peers) {
        const peer = this.proc(q);
        peer.peers.delete(pid);
        peer.linkLast.delete(pid);
        if (peer.linkTable !== null && pid < peer.linkTable.length) peer.linkTable[pid] = 0;
        if (peer.lastTo === pid) peer.lastTo = 0;
        if (peer.lastPeer === pid) peer.lastPeer = 0;
        if (opts.silent) continue;
        if (!peer.alive) continue;
        const notice: Disconnected = { type: 'Disconnected', peer: pid, peerHost: p.host, peerPort: p.port };
        // The FIN travels the network like any packet: a partition holds it until it heals.
        if (this.blocked(p.host, peer.host)) {
          this.hold({
            t: this.state.now,
            from: pid,
            fromEp: '',
            to: q,
            toEp: '*',
            msg: notice,
            askId: 0,
            replyTo: 0,
            notice: true,
          });
          continue;
        }
        this.enqueue(this.state.now + this.latency(), q, '*', pid, '', notice, 0, 0, 0);
      }
    }
    if (p.parent) {
      const parent = this.proc(p.parent);
      if (parent.alive && parent.host === p.host) {
        const note: ChildExited = { type: 'ChildExited', child: pid, exitCode };
        this.enqueue(this.state.now, p.parent, '@child', pid, '', note, 0, 0, 0);
      }
    }
  }

  /** The machine vanishes: every process on it stops at once, silently. */
  powerOff(host: string): void {
    const h = this.addHost(host);
    h.up = false;
    for (const p of this.procsOn(host)) this.exit(p.pid, 137, { silent: true });
  }

  powerOn(host: string): void {
    this.addHost(host).up = true;
  }

  // ---------------------------------------------------------------- network

  setNetwork(n: Partial<Pick<NetworkState, 'latencyMs' | 'jitterMs'>>): void {
    if (n.latencyMs !== undefined) this.state.network.latencyMs = n.latencyMs;
    if (n.jitterMs !== undefined) this.state.network.jitterMs = n.jitterMs;
  }

  partition(a: string, b: string, oneWay = false): void {
    this.state.network.partitions.push({ a, b, oneWay });
  }

  /**
   * Ends the partitions between a and b (either order), or all of them. What they held back is sent
   * again, in the order it was first sent, where nothing blocks it any more: an established TCP
   * connection survives a partition shorter than TCP_GIVE_UP_MS (neither side closes it: Spark's
   * RPC connections close only when idle past spark.network.timeout with a request outstanding),
   * and its sender's retransmission delivers the backlog after the heal. In the conformance lab
   * (a partition of 32 s, Spark 4.0.5) the backlog arrived 1.1 to 1.7 s after the heal; here it
   * arrives at the heal plus the network's latency. Data held longer than TCP_GIVE_UP_MS, or
   * whose sender's machine lost power, is lost.
   */
  heal(a?: string, b?: string): void {
    const n = this.state.network;
    n.partitions =
      a === undefined || b === undefined
        ? []
        : n.partitions.filter((p) => !((p.a === a && p.b === b) || (p.a === b && p.b === a)));
    const held = n.held;
    if (held === undefined || held.length === 0) return;
    const keep: HeldPacket[] = [];
    // Data from a process that has exited since: its FIN follows the data (noticeLateDisconnect).
    const lateFin = new Set<string>();
    for (const h of held) {
      const src = this.proc(h.from);
      const dst = this.proc(h.to);
      if (this.blocked(src.host, dst.host)) {
        keep.push(h);
        continue;
      }
      if (this.state.now - h.t > TCP_GIVE_UP_MS || this.state.hosts.get(src.host)?.up === false) continue;
      if (!h.notice) {
        if (!src.alive) lateFin.add(`${h.from}>${h.to}`);
        this.transmit(h.from, h.fromEp, h.to, h.toEp, h.msg, h.askId, h.replyTo);
      } else if (!lateFin.has(`${h.from}>${h.to}`))
        this.enqueue(this.state.now + this.latency(), h.to, h.toEp, h.from, '', h.msg, 0, 0, 0);
    }
    if (keep.length > 0) n.held = keep;
    else delete n.held;
  }

  private hold(h: HeldPacket): void {
    (this.state.network.held ??= []).push(h);
  }

  blocked(fromHost: string, toHost: string): boolean {
    const parts = this.state.network.partitions;
    if (parts.length === 0 || fromHost === toHost) return false;
    for (const p of parts) {
      if (p.a === fromHost && p.b === toHost) return true;
      if (!p.oneWay && p.a === toHost && p.b === fromHost) return true;
    }
    return false;
  }

  latency(): number {
    const { latencyMs, jitterMs } = this.state.network;
    return jitterMs > 0 ? latencyMs + this.rng.int(0, jitterMs) : latencyMs;
  }

  /** Fire-and-forget RPC (`send`). Returns the message id. */
  send<M extends Msg>(from: Pid, fromEp: string, to: Pid, toEp: string, msg: M): number {
    return this.transmit(from, fromEp, to, toEp, msg, 0, 0);
  }

  /**
   * Request/response RPC (`ask`). The reply reaches `fromEp` with `replyTo` set and `ctx` readable
   * through `askContext`; if none comes within `timeoutMs`, an AskTimeout does.
   */
  ask<M extends Msg>(
    from: Pid,
    fromEp: string,
    to: Pid,
    toEp: string,
    msg: M,
    timeoutMs: number,
    ctx: unknown = null,
  ): number {
    const askId = this.state.nextAskId++;
    const pending: PendingAsk = { timeout: null, from, fromEp, to, requestType: msg.type, ctx };
    this.state.asks.set(askId, pending);
    this.transmit(from, fromEp, to, toEp, msg, askId, 0);
    const timeout: AskTimeout = { type: 'AskTimeout', askId, requestType: msg.type, ctx };
    this.enqueue(this.state.now + timeoutMs, from, fromEp, from, fromEp, timeout, 0, 0, askId);
    pending.timeout = this.lastEnqueued;
    return askId;
  }

  /** Answers the ask carried by delivery `d` (context.reply). */
  reply<M extends Msg>(d: Delivery, msg: M): void {
    if (d.askId <= 0) throw new Error(`reply to a message that is not an ask: ${d.msg.type}`);
    this.transmit(d.to, d.ep, d.from, d.fromEp, msg, 0, d.askId);
  }

  /** The ctx given to `ask`, for a reply delivery (undefined once answered or timed out). */
  askContext(askId: number): unknown {
    return this.state.asks.get(askId)?.ctx;
  }

  private transmit(from: Pid, fromEp: string, to: Pid, toEp: string, msg: Msg, askId: number, replyTo: number): number {
    // The hot path of every message: processes by index and the latency inline (same draws as
    // proc() and latency(), without their calls).
    const s = this.state;
    const src = s.procs[from - 1];
    // The destination's record is read only when recording: a broadcast to every worker would
    // otherwise touch each worker's process object just to check that it exists.
    if (src === undefined || !(to >= 1 && to <= s.procs.length)) {
      throw new Error(`no process ${src === undefined ? from : to}`);
    }
    let t = s.now;
    if (from !== to) {
      const { latencyMs, jitterMs } = s.network;
      t += jitterMs > 0 ? latencyMs + this.rng.int(0, jitterMs) : latencyMs;
      // TCP keeps order on a connection: never overtake an earlier message on the same link.
      let table = src.linkTable;
      if (table === null) {
        let last: number | undefined;
        if (src.lastTo === to) {
          last = src.lastToT;
        } else {
          const linkLast = src.linkLast;
          if (src.lastTo !== 0) linkLast.set(src.lastTo, src.lastToT);
          last = linkLast.get(to);
          src.lastTo = to;
          if (linkLast.size >= LINK_TABLE_AT) table = toLinkTable(src, s.procs.length);
        }
        if (last !== undefined && last > t) t = last;
        src.lastToT = t;
      }
      if (table !== null) {
        if (to >= table.length) table = src.linkTable = grownLinkTable(table, to);
        const last = table[to]!;
        if (last > t) t = last;
        table[to] = t;
      }
    }
    const id = s.nextNetId++;
    if (this.record) {
      const dst = s.procs[to - 1]!;
      this.messages.push({
        id,
        t: s.now,
        tDeliver: t,
        from,
        to,
        fromLabel: src.label,
        toLabel: dst.label,
        fromEp,
        toEp,
        fromAddr: `${src.host}:${this.portOf(src, fromEp)}`,
        toAddr: `${dst.host}:${this.portOf(dst, toEp)}`,
        type: msg.type,
        delivered: null,
        askId,
        replyTo,
        msg,
        cause: this.causeOf === null ? null : this.causeOf(),
      });
    }
    this.enqueue(t, to, toEp, from, fromEp, msg, id, askId, replyTo);
    return id;
  }

  /** An endpoint of `pid` that listens on its own port (a daemon's HTTP server). */
  setEndpointPort(pid: Pid, ep: string, port: number): void {
    this.state.endpointPorts.set(`${pid}/${ep}`, port);
  }

  private portOf(p: Process, ep: string): number {
    const ports = this.state.endpointPorts;
    return ports.size === 0 ? p.port : (ports.get(`${p.pid}/${ep}`) ?? p.port);
  }

  /**
   * Opens a connection without a message (an RpcEnv setting up a ref, a watcher connecting): from
   * now on each side gets a disconnect notice if the other dies. A partition prevents it.
   */
  connect(a: Pid, b: Pid): void {
    const pa = this.proc(a);
    const pb = this.proc(b);
    if (a === b || !pa.alive || !pb.alive || this.blocked(pa.host, pb.host) || this.blocked(pb.host, pa.host)) return;
    this.link(a, b);
  }

  /**
   * `receiver` got a message from `sender`, which has exited since it sent it: the receiver hears
   * the disconnect once, right after (none when the sender's machine lost power: no FIN).
   */
  private noticeLateDisconnect(sender: Process, receiver: Process): void {
    if (receiver.peers.has(sender.pid) || !receiver.alive) return;
    receiver.peers.add(sender.pid);
    if (this.state.hosts.get(sender.host)?.up === false) return;
    const notice: Disconnected = {
      type: 'Disconnected',
      peer: sender.pid,
      peerHost: sender.host,
      peerPort: sender.port,
    };
    this.enqueue(this.state.now, receiver.pid, '*', sender.pid, '', notice, 0, 0, 0);
  }

  private link(a: Pid, b: Pid): void {
    const pa = this.state.procs[a - 1] as Process;
    if (pa.lastPeer === b) return; // hot path: every delivered message
    pa.lastPeer = b;
    // Links are symmetric and `lastPeer` always names a linked peer (exit() clears both sides), so
    // the other side's last peer being us proves the link without a lookup: a Master broadcasting
    // to every worker finds each worker's last peer is the Master.
    const pb = this.state.procs[b - 1] as Process;
    if (pb.lastPeer === a) return;
    if (pa.peers.has(b)) return;
    pa.peers.add(b);
    pb.peers.add(a);
  }

  // ---------------------------------------------------------------- timers

  /** A self-message after `delayMs` (Spark's scheduled executors and self-sends). Returns a handle. */
  timer<M extends Msg>(pid: Pid, ep: string, delayMs: number, msg: M): number {
    return this.enqueue(this.state.now + Math.max(0, Math.round(delayMs)), pid, ep, pid, ep, msg, 0, 0, 0);
  }

  /** Schedules a message at an absolute time for a process (scenario actions use this). */
  at<M extends Msg>(t: number, pid: Pid, ep: string, msg: M): number {
    return this.enqueue(Math.max(t, this.state.now), pid, ep, pid, ep, msg, 0, 0, 0);
  }

  cancel(handle: number): void {
    if (handle > 0) this.state.cancelled.add(handle);
  }

  private enqueue(
    t: number,
    to: Pid,
    ep: string,
    from: Pid,
    fromEp: string,
    msg: Msg,
    net: number,
    askId: number,
    replyTo: number,
  ): number {
    const seq = ++this.state.seq;
    const fg = this.background.has(msg.type) ? 0 : 1;
    this.state.foreground += fg;
    const ev: Delivery = { t, seq, to, ep, from, fromEp, msg, net, askId, replyTo, fg };
    this.lastEnqueued = ev;
    heapPush(this.state.queue, this.keys, ev);
    return seq;
  }

  // ---------------------------------------------------------------- logging

  log(pid: Pid, text: string, level: LogRecord['level'] = 'INFO'): void {
    if (!this.record) return;
    const p = this.proc(pid);
    this.state.hash = fnv(fnvInt(this.state.hash, this.state.now), text);
    this.logs.push({ t: this.state.now, pid, source: p.label, level, text });
  }

  // ---------------------------------------------------------------- the loop

  /** Time of the next pending event, or Infinity. */
  nextTime(): number {
    const q = this.state.queue;
    return q.length ? (q[0] as Delivery).t : Infinity;
  }

  /**
   * Runs every event with t ≤ until, then sets the clock to `until`. Returns events processed.
   * `stop`, checked after each event, ends the run early (the clock stays at that event):
   * `stopped` tells which happened. At most `maxEvents` run: when that many have and more are due,
   * the run ends there too (the clock stays at the last one) and `limited` says so. A count, not
   * a callback, so a caller that only meters work (Simulation's budget) costs the loop one
   * comparison per event instead of a call.
   */
  runUntil(until: number, stop?: () => boolean, maxEvents = Infinity): number {
    const s = this.state;
    const q = s.queue;
    let n = 0;
    this.stopped = false;
    this.limited = false;
    while (q.length > 0 && (q[0] as Delivery).t <= until) {
      if (n >= maxEvents) {
        this.limited = true;
        s.eventsProcessed += n;
        return n;
      }
      const d = heapPop(q, this.keys) as Delivery;
      s.now = d.t;
      s.foreground -= d.fg;
      this.process(d);
      n++;
      if (stop !== undefined && stop()) {
        this.stopped = true;
        s.eventsProcessed += n;
        return n;
      }
    }
    if (until > s.now && until !== Infinity) s.now = until;
    s.eventsProcessed += n;
    return n;
  }

  /** Runs one event (for "step"). Returns it, or undefined when nothing is left. */
  step(): Delivery | undefined {
    const d = heapPop(this.state.queue, this.keys);
    if (!d) return undefined;
    this.state.now = d.t;
    this.state.foreground -= d.fg;
    this.process(d);
    this.state.eventsProcessed++;
    return d;
  }

  private process(d: Delivery): void {
    const s = this.state;
    if (s.cancelled.size > 0 && s.cancelled.delete(d.seq)) return;
    const p = s.procs[d.to - 1] as Process;
    if (this.touched !== null) this.touched.add(p.host);

    if (d.net > 0) {
      // Without partitions the sender's process is not read at all (its host is what a
      // partition would be checked against): one object fewer per message on a large cluster.
      const dropReason = !p.alive
        ? this.state.hosts.get(p.host)?.up === false
          ? 'host-down'
          : 'process-dead'
        : s.network.partitions.length > 0 && this.blocked((s.procs[d.from - 1] as Process).host, p.host)
          ? 'partition'
          : undefined;
      if (this.record) this.resolve(d, dropReason);
      if (dropReason === 'partition')
        this.hold({
          t: s.now,
          from: d.from,
          fromEp: d.fromEp,
          to: d.to,
          toEp: d.ep,
          msg: d.msg,
          askId: d.askId,
          replyTo: d.replyTo,
          notice: false,
        });
      if (dropReason) return;
      if (d.replyTo > 0) {
        // A reply nobody waits for any more (timed out) is dropped on the floor, as in Spark.
        if (!s.asks.has(d.replyTo)) return;
      }
      if (d.from !== d.to) {
        const sender = s.procs[d.from - 1] as Process;
        if (!sender.alive) {
          // Sent before its process exited, on a connection the receiver had not seen yet: TCP
          // delivers the data, then the FIN (exit() could not tell a peer it did not know).
          this.dispatch(this, p, d);
          if (d.replyTo > 0) this.answered(d.replyTo);
          this.noticeLateDisconnect(sender, p);
          return;
        }
        this.link(d.from, d.to);
      }
      this.dispatch(this, p, d);
      if (d.replyTo > 0) this.answered(d.replyTo);
      return;
    }

    if (d.msg.type === 'AskTimeout') {
      // Lazily cancelled: only fire if the ask is still unanswered.
      const pending = s.asks.get(d.replyTo);
      if (!pending) return;
      s.asks.delete(d.replyTo);
      if (!p.alive) return;
      this.dispatch(this, p, d);
      return;
    }

    if (!p.alive) return;
    this.dispatch(this, p, d);
  }

  /** An ask got its reply: its timeout will fire into nothing, so it is no longer pending work. */
  private answered(askId: number): void {
    const pending = this.state.asks.get(askId);
    if (!pending) return;
    this.state.asks.delete(askId);
    const t = pending.timeout;
    if (t && t.fg) {
      t.fg = 0;
      this.state.foreground--;
    }
  }

  private resolve(d: Delivery, dropReason: string | undefined): void {
    // The trace hash and the trace are kept together: a run without recording (the benchmark)
    // has neither, and pays for neither (the caller checks `record`).
    const s = this.state;
    let h = fnvInt(s.hash, d.t);
    h = fnv(h, d.msg.type);
    h = fnvInt(h, d.from);
    h = fnvInt(h, d.to);
    s.hash = fnvInt(h, dropReason ? 0 : 1);
    const rec = this.messages[d.net - 1];
    if (rec) {
      rec.delivered = !dropReason;
      if (dropReason) rec.dropReason = dropReason;
    }
  }
}
