// The Spark model's frame: one Kernel, the address book of live RpcEnvs (Spark refs are addresses,
// so a ref to "master:7077" reaches whichever Master process listens there now), and the dispatch
// from a process's kind to the module that models it (the RECEIVERS table of receivers.ts, handed
// in by the composition root). Everything that varies lives in kernel
// state (the "world" process holds the cluster-wide part), so a snapshot is one structuredClone.
import type { Delivery, Msg, Pid, Process } from '../sim/kernel';
import { Kernel } from '../sim/kernel';
import type { Settings } from './settings';
import { readSettings } from './settings';

/** Why a state changed: the message, timer or user action being handled when it did. */
export interface Cause {
  kind: 'message' | 'timer' | 'action' | 'start' | 'disconnect' | 'process-exit';
  type: string;
  /** Sender label for messages. */
  from?: string;
  /** The network message id, when it was one (index into the trace). */
  messageId?: number;
  /** For a disconnect or a child's exit: the process that went away. */
  fromPid?: number;
  t: number;
}

export interface StateChange {
  t: number;
  /** "app-…", "driver-…", "app-…/3", "worker-…" */
  subject: string;
  kind: 'application' | 'driver' | 'executor' | 'worker' | 'master';
  from: string | null;
  to: string;
  cause: Cause;
}

/** A broken guarantee: which, when, the state change that showed it (index in `changes`), why. */
export interface GuaranteeViolation {
  id: string;
  t: number;
  change: number;
  text: string;
}

export interface GuaranteeLedger {
  violations: GuaranteeViolation[];
  /** Every application id a Master has handed out, to catch a reuse. */
  appIds: Set<string>;
}

/** Called after every state change is recorded, inside the event that made it. */
export type ChangeObserver = (c: SparkCluster, change: StateChange) => void;

/** The cluster-wide state that belongs to no Spark process. */
export interface WorldState {
  conf: Record<string, string>;
  settings: Settings;
  epochMs: number;
  sparkVersion: string;
  /** "host:port" → the process bound there (the latest one, alive or not). */
  addresses: Map<string, Pid>;
  /**
   * How many times an address has been bound to another process than before (a restart on the
   * same port). An AddressMemo stays valid while this does not change.
   */
  rebinds: number;
  /** The addresses each live process listens on (so its ports are freed when it ends). */
  boundBy: Map<Pid, string[]>;
  /** Ports in use per host (for ephemeral port allocation). */
  ports: Map<string, Set<number>>;
  /** Which cluster-mode driver runs which application (the simulator knows; the Master does not). */
  appDriver: Map<string, string>;
  /** DriverRunner relaunches (supervise) per driver id. */
  driverRestarts: Map<string, number>;
  /** Every state change with its cause, for "why is this executor LOST?". */
  changes: StateChange[];
  /** What the guarantee checks found so far (checks/guarantees.ts), kept here so a seek restores it. */
  guarantees: GuaranteeLedger;
  /** Files a FILESYSTEM-recovery Master wrote, per host (survive the process). */
  disks: Map<string, Map<string, unknown>>;
  /** The machines and daemons the scenario set up, and which process runs each now. */
  topology: Topology;
}

export interface Topology {
  clientHost: string;
  /** `startingUntil`: a restarted Master's JVM is coming up (daemon-start.ts) and runs from then. */
  masters: { host: string; port: number; pid: Pid; startingUntil?: number }[];
  workers: Map<string, { cores: number; memoryMb: number; port?: number; pid: Pid }>;
  /** The ZooKeeper server of ZOOKEEPER recovery, started with the first Master that needs it. */
  zooKeeper: { host: string; port: number; pid: Pid } | null;
  submissions: number;
}

/**
 * A sender's memo of the process one address resolved to, as plain fields of the object that
 * holds the address (so it lives in the sender's state and is snapshotted with it): the hot
 * sends (every worker told of every finished app, heartbeats, tasks and their status updates)
 * skip the string-keyed lookup in `addresses`. It is trusted while `memoAddress` is that same
 * address and no address has been rebound since (`WorldState.rebinds`); a refusal (pid 0) is
 * never trusted, so an address that starts listening later is found as `sendTo` would find it.
 */
export interface AddressMemo {
  memoAddress: string | null;
  memoPid: Pid;
  memoRebinds: number;
}

/** The kinds of process the model spawns; each has one receive function (receivers.ts). */
export type ProcessKind = 'master' | 'worker' | 'driver' | 'executor' | 'submit-client' | 'zookeeper' | 'world';

/** The function that handles every message and timer delivered to a process of one kind. */
export type Receive = (c: SparkCluster, p: Process, d: Delivery) => void;

const WORLD_HOST = '(simulator)';

export class SparkCluster {
  readonly k: Kernel;
  readonly worldPid: Pid;
  /** The delivery being handled, for causes. */
  current: Delivery | null = null;
  /** The scenario action being applied, for causes (actions run between events). */
  acting: { type: string } | null = null;

  /**
   * Process kind → its receive function, from the table the composition root hands in. A plain
   * object, not a Map: every event looks its receiver up here, and a property read with a handful
   * of constant keys is cheaper than hashing the kind string.
   */
  private readonly receivers: Readonly<Record<string, Receive | undefined>>;
  private readonly onChange: ChangeObserver | null;

  constructor(opts: {
    seed: number;
    epochMs: number;
    conf: Record<string, string>;
    sparkVersion: string;
    latencyMs: number;
    jitterMs: number;
    record?: boolean;
    receivers: Readonly<Record<ProcessKind, Receive>>;
    /** Told of every state change as it is recorded (the guarantee checks). */
    onChange?: ChangeObserver;
  }) {
    this.onChange = opts.onChange ?? null;
    this.receivers = Object.assign(Object.create(null) as Record<string, Receive | undefined>, opts.receivers);
    this.k = new Kernel(
      { seed: opts.seed, network: { latencyMs: opts.latencyMs, jitterMs: opts.jitterMs }, record: opts.record ?? true },
      (k, p, d) => this.dispatch(p, d),
    );
    // Every recorded message remembers what its sender was handling, for causal chains.
    if (opts.record ?? true) this.k.causeOf = () => this.cause();
    const world: WorldState = {
      conf: { ...opts.conf },
      settings: readSettings(opts.conf),
      epochMs: opts.epochMs,
      sparkVersion: opts.sparkVersion,
      addresses: new Map(),
      rebinds: 0,
      boundBy: new Map(),
      ports: new Map(),
      appDriver: new Map(),
      driverRestarts: new Map(),
      changes: [],
      guarantees: { violations: [], appIds: new Set() },
      disks: new Map(),
      topology: { clientHost: 'client', masters: [], workers: new Map(), zooKeeper: null, submissions: 0 },
    };
    this.worldPid = this.spawn(WORLD_HOST, 'world', 'Simulator', world).pid;
  }

  private dispatch(p: Process, d: Delivery): void {
    const receive = this.receivers[p.kind];
    if (!receive) throw new Error(`no receiver for process kind ${p.kind}`);
    this.current = d;
    receive(this, p, d);
    this.current = null;
  }

  /**
   * Hands `d` to its process again, later than it arrived: a Worker whose message loop was
   * waiting (worker.ts, awaitingDriverExit) handles what waited in its inbox. Its cause stays
   * the held message's.
   */
  redeliver(p: Process, d: Delivery): void {
    const outer = this.current;
    this.dispatch(p, d);
    this.current = outer;
  }

  /** Starts a process of one of the model's kinds (so each has a receiver in the table). */
  spawn<S>(
    host: string,
    kind: ProcessKind,
    label: string,
    state: S,
    opts: { port?: number; parent?: Pid } = {},
  ): Process<S> {
    return this.k.spawn(host, kind, label, state, opts);
  }

  get world(): WorldState {
    // Read through kernel state each time: a restore() replaces it. Hot (every send resolves an address).
    return (this.k.state.procs[this.worldPid - 1] as Process<WorldState>).state;
  }

  get settings(): Settings {
    return this.world.settings;
  }

  get now(): number {
    return this.k.now;
  }

  /** Wall-clock epoch ms of the current simulated instant (ids, dates, lastheartbeat). */
  get epochNow(): number {
    return this.world.epochMs + this.k.now;
  }

  setConf(key: string, value: string): void {
    const w = this.world;
    w.conf[key] = value;
    w.settings = readSettings(w.conf);
  }

  // ---------------------------------------------------------------- addresses

  /** Picks a free ephemeral port on a host (Linux's 32768–60999), as a JVM binding port 0 gets. */
  ephemeralPort(host: string): number {
    const used = this.portsOf(host);
    for (;;) {
      const port = this.k.random.int(32768, 60999);
      if (!used.has(port)) return port;
    }
  }

  private portsOf(host: string): Set<number> {
    const w = this.world;
    let s = w.ports.get(host);
    if (!s) w.ports.set(host, (s = new Set()));
    return s;
  }

  isPortFree(host: string, port: number): boolean {
    const pid = this.world.addresses.get(`${host}:${port}`);
    return pid === undefined || !this.k.proc(pid).alive;
  }

  bind(pid: Pid, host: string, port: number): string {
    const address = `${host}:${port}`;
    const before = this.world.addresses.get(address);
    if (before !== undefined && before !== pid) this.world.rebinds += 1;
    this.world.addresses.set(address, pid);
    this.portsOf(host).add(port);
    const bound = this.world.boundBy.get(pid);
    if (bound) bound.push(address);
    else this.world.boundBy.set(pid, [address]);
    return address;
  }

  /** Frees the ports of a process that ended. */
  unbindAll(pid: Pid): void {
    const w = this.world;
    const bound = w.boundBy.get(pid);
    if (!bound) return;
    w.boundBy.delete(pid);
    for (const address of bound) {
      const [host, port] = splitAddress(address);
      w.ports.get(host)?.delete(port);
    }
  }

  /** The process bound at an address (the latest one), or 0 if nothing ever listened there. */
  resolve(address: string): Pid {
    // A dead process is returned too: the kernel then loses the message as 'process-dead',
    // which is what a connection to a closed port amounts to.
    return this.world.addresses.get(address) ?? 0;
  }

  addressOf(pid: Pid): string {
    const p = this.k.proc(pid);
    return `${p.host}:${p.port}`;
  }

  /**
   * `ref.send(msg)`: to the endpoint `ep` of whatever listens at `address`. A message to an
   * address where nothing ever listened is lost like a refused connection (logged, not sent).
   */
  sendTo<M extends Msg>(from: Pid, fromEp: string, address: string, ep: string, msg: M): void {
    const to = this.world.addresses.get(address) ?? 0;
    if (to === 0) {
      this.k.log(from, `Failed to connect to ${address}: Connection refused`, 'WARN');
      return;
    }
    this.k.send(from, fromEp, to, ep, msg);
  }

  /** `sendTo` through the sender's memo of where `address` leads (see AddressMemo): same sends, same refusals. */
  sendToMemo<M extends Msg>(from: Pid, fromEp: string, address: string, memo: AddressMemo, ep: string, msg: M): void {
    const w = this.world;
    let to = memo.memoPid;
    if (to === 0 || memo.memoRebinds !== w.rebinds || memo.memoAddress !== address) {
      to = w.addresses.get(address) ?? 0;
      memo.memoAddress = address;
      memo.memoPid = to;
      memo.memoRebinds = w.rebinds;
    }
    if (to === 0) {
      this.k.log(from, `Failed to connect to ${address}: Connection refused`, 'WARN');
      return;
    }
    this.k.send(from, fromEp, to, ep, msg);
  }

  askTo<M extends Msg>(
    from: Pid,
    fromEp: string,
    address: string,
    ep: string,
    msg: M,
    timeoutMs: number,
    ctx: unknown = null,
  ): number {
    const to = this.resolve(address);
    if (to === 0) {
      this.k.log(from, `Failed to connect to ${address}: Connection refused`, 'WARN');
      return 0;
    }
    return this.k.ask(from, fromEp, to, ep, msg, timeoutMs, ctx);
  }

  /** Ends a process: its ports are freed, peers told (unless silent), the parent told. */
  exitProcess(pid: Pid, exitCode: number, opts: { silent?: boolean } = {}): void {
    const p = this.k.proc(pid);
    if (!p.alive) return;
    this.k.exit(pid, exitCode, opts);
    this.unbindAll(pid);
  }

  // ---------------------------------------------------------------- causes and history

  cause(): Cause {
    const d = this.current;
    const t = this.k.now;
    if (this.acting) return { kind: 'action', type: this.acting.type, t };
    if (!d) return { kind: 'start', type: 'start', t };
    // The OS and the network speak too: a peer's connection dropping, a child process ending.
    if (d.msg.type === 'Disconnected')
      return { kind: 'disconnect', type: 'Disconnected', from: this.k.proc(d.from).label, fromPid: d.from, t };
    if (d.msg.type === 'ChildExited')
      return { kind: 'process-exit', type: 'ChildExited', from: this.k.proc(d.from).label, fromPid: d.from, t };
    if (d.net > 0) {
      return { kind: 'message', type: d.msg.type, from: this.k.proc(d.from).label, messageId: d.net, t };
    }
    return { kind: 'timer', type: d.msg.type, t };
  }

  recordChange(kind: StateChange['kind'], subject: string, from: string | null, to: string): void {
    if (from === to) return;
    const change: StateChange = { t: this.k.now, subject, kind, from, to, cause: this.cause() };
    this.world.changes.push(change);
    this.onChange?.(this, change);
  }
}

function splitAddress(address: string): [string, number] {
  const i = address.lastIndexOf(':');
  return [address.slice(0, i), Number(address.slice(i + 1))];
}
