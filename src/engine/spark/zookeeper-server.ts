// Models a standalone ZooKeeper server (not Spark: org.apache.zookeeper.server's ZooKeeperServer,
// SessionTrackerImpl with its ExpiryQueue, and the DataTree), the parts Spark's ZOOKEEPER recovery
// mode stands on: sessions that expire on tick boundaries, persistent and ephemeral sequential
// znodes, one-shot data watches, and the jute records its clients send it. The Masters' leader
// latch (curator-leader-latch.ts) and ZooKeeperPersistenceEngine (persistence.ts) are its clients.
//
// Timings, and where they come from:
// - The server grants a timeout within [2, 20] × tickTime; with zoo_sample.cfg's tickTime of 2 s
//   that is 40 s, not the 60 s a Master asks for (spark-curator-util.ts).
// - The server expires a session at the first tick boundary after (last packet + timeout): a
//   leader killed with -9 keeps its latch node for 26.7–42 s, then the next candidate leads.
import type { Delivery, Disconnected, Pid, Process } from '../sim/kernel';
import type { SparkCluster } from './cluster';

export const ZOOKEEPER_EP = 'ZooKeeper';

/** zoo_sample.cfg's tickTime: ZooKeeper's unit of time (session timeouts and expiry buckets). */
export const ZK_TICK_TIME_MS = 2000;

// ---------------------------------------------------------------- the wire (ZooKeeper's jute records)

export interface ConnectRequest {
  type: 'ConnectRequest';
  /** 0 for a new session, else the session to resume. */
  sessionId: number;
  timeOut: number;
}
export interface ConnectResponse {
  type: 'ConnectResponse';
  sessionId: number;
  /** The negotiated timeout; 0 when the session to resume has expired. */
  timeOut: number;
}
export interface CreateRequest {
  type: 'CreateRequest';
  path: string;
  data: unknown;
  mode: 'PERSISTENT' | 'EPHEMERAL_SEQUENTIAL';
  sessionId: number;
}
export interface CreateResponse {
  type: 'CreateResponse';
  path: string;
  err: 'OK' | 'NODEEXISTS' | 'SESSIONEXPIRED';
  sessionId: number;
}
export interface DeleteRequest {
  type: 'DeleteRequest';
  path: string;
  sessionId: number;
}
export interface DeleteResponse {
  type: 'DeleteResponse';
  path: string;
  err: 'OK' | 'NONODE';
  sessionId: number;
}
export interface GetChildrenRequest {
  type: 'GetChildrenRequest';
  path: string;
  sessionId: number;
}
export interface GetChildrenResponse {
  type: 'GetChildrenResponse';
  path: string;
  children: string[];
  sessionId: number;
}
export interface GetDataRequest {
  type: 'GetDataRequest';
  path: string;
  watch: boolean;
  sessionId: number;
}
export interface GetDataResponse {
  type: 'GetDataResponse';
  path: string;
  err: 'OK' | 'NONODE';
  sessionId: number;
}
/** OpCode.ping (xid -2). */
export interface Ping {
  type: 'Ping';
  sessionId: number;
}
export interface PingResponse {
  type: 'PingResponse';
  sessionId: number;
}
/** A watch notification (xid -1). */
export interface WatcherEvent {
  type: 'WatcherEvent';
  eventType: 'NodeDeleted';
  state: 'SyncConnected';
  path: string;
}

/** Every record a client and the server exchange. */
export type ZooKeeperMessage =
  | ConnectRequest
  | ConnectResponse
  | CreateRequest
  | CreateResponse
  | DeleteRequest
  | DeleteResponse
  | GetChildrenRequest
  | GetChildrenResponse
  | GetDataRequest
  | GetDataResponse
  | Ping
  | PingResponse
  | WatcherEvent;

/** The server's SessionTracker checking a session's expiry bucket. */
interface ExpireSessions {
  type: 'ExpireSessions';
  sessionId: number;
}

/** How ZooKeeper writes a session id in its logs (0x1 and 14 hex digits here). */
export function sessionIdHex(id: number): string {
  return id === 0 ? '0x0' : `0x1${id.toString(16).padStart(14, '0')}`;
}

// ---------------------------------------------------------------- the server

export interface ZNode {
  data: unknown;
  /** The session owning an ephemeral node, 0 for a persistent one. */
  ephemeralOwner: number;
}

export interface ZooKeeperSession {
  id: number;
  timeoutMs: number;
  /** A tick boundary: ExpiryQueue.roundToNextInterval(last packet + timeout). */
  expiresAt: number;
  /** The connection the session is on now. */
  owner: Pid;
  ownerEp: string;
}

export interface ZooKeeperServerState {
  host: string;
  port: number;
  address: string;
  nextSessionId: number;
  sessions: Map<number, ZooKeeperSession>;
  znodes: Map<string, ZNode>;
  /** Per parent path, its cversion: the sequence number the next sequential child gets. */
  cversion: Map<string, number>;
  /** One-shot data watches (getData with a watcher): path → watching sessions. */
  dataWatches: Map<string, number[]>;
}

/** The scenario's ZooKeeper server process, or null if none was started. */
export function zooKeeperServer(c: SparkCluster): Process<ZooKeeperServerState> | null {
  const zk = c.world.topology.zooKeeper;
  return zk ? c.k.proc<ZooKeeperServerState>(zk.pid) : null;
}

/** zkServer.sh start, once per cluster, on the first server of spark.deploy.zookeeper.url. */
export function ensureZooKeeperServer(c: SparkCluster): Process<ZooKeeperServerState> {
  const existing = zooKeeperServer(c);
  if (existing) return existing;
  const { host, port } = c.settings.zooKeeperServers[0] ?? { host: 'zookeeper', port: 2181 };
  const state: ZooKeeperServerState = {
    host,
    port,
    address: `${host}:${port}`,
    nextSessionId: 1,
    sessions: new Map(),
    znodes: new Map(),
    cversion: new Map(),
    dataWatches: new Map(),
  };
  const p = c.spawn(host, 'zookeeper', `ZooKeeper@${host}`, state, { port });
  c.bind(p.pid, host, port);
  c.world.topology.zooKeeper = { host, port, pid: p.pid };
  c.k.log(p.pid, `binding to port 0.0.0.0/0.0.0.0:${port}`);
  return p;
}

function roundToNextInterval(t: number): number {
  return (Math.floor(t / ZK_TICK_TIME_MS) + 1) * ZK_TICK_TIME_MS;
}

/** ZooKeeperServer.processConnectRequest: the timeout is clamped to [2, 20] × tickTime. */
function negotiatedTimeout(requested: number): number {
  return Math.min(Math.max(requested, 2 * ZK_TICK_TIME_MS), 20 * ZK_TICK_TIME_MS);
}

/** SessionTracker.touchSession: every packet of a session moves its expiry. */
function touch(c: SparkCluster, z: ZooKeeperServerState, sessionId: number): ZooKeeperSession | undefined {
  const s = z.sessions.get(sessionId);
  if (s) s.expiresAt = roundToNextInterval(c.now + s.timeoutMs);
  return s;
}

export function serverReceive(c: SparkCluster, proc: Process, d: Delivery): void {
  const p = proc as Process<ZooKeeperServerState>;
  const z = p.state;
  const msg = d.msg as ZooKeeperMessage | ExpireSessions | Disconnected;
  const reply = (m: ZooKeeperMessage) => c.k.send(p.pid, ZOOKEEPER_EP, d.from, d.fromEp, m);
  switch (msg.type) {
    case 'ConnectRequest': {
      const client = `/${c.addressOf(d.from)}`;
      if (msg.sessionId === 0) {
        const timeOut = negotiatedTimeout(msg.timeOut);
        const s: ZooKeeperSession = {
          id: z.nextSessionId++,
          timeoutMs: timeOut,
          expiresAt: roundToNextInterval(c.now + timeOut),
          owner: d.from,
          ownerEp: d.fromEp,
        };
        z.sessions.set(s.id, s);
        c.k.timer(p.pid, ZOOKEEPER_EP, s.expiresAt - c.now, {
          type: 'ExpireSessions',
          sessionId: s.id,
        } satisfies ExpireSessions);
        c.k.log(
          p.pid,
          `Established session ${sessionIdHex(s.id)} with negotiated timeout ${timeOut} for client ${client}`,
        );
        reply({ type: 'ConnectResponse', sessionId: s.id, timeOut });
        return;
      }
      const s = touch(c, z, msg.sessionId);
      if (!s) {
        c.k.log(p.pid, `Invalid session ${sessionIdHex(msg.sessionId)} for client ${client}, probably expired`);
        reply({ type: 'ConnectResponse', sessionId: msg.sessionId, timeOut: 0 });
        return;
      }
      s.owner = d.from;
      s.ownerEp = d.fromEp;
      c.k.log(
        p.pid,
        `Established session ${sessionIdHex(s.id)} with negotiated timeout ${s.timeoutMs} for client ${client}`,
      );
      reply({ type: 'ConnectResponse', sessionId: s.id, timeOut: s.timeoutMs });
      return;
    }
    case 'Ping': {
      // A ping of an expired session gets nothing: the client's read timeout will notice.
      if (touch(c, z, msg.sessionId)) reply({ type: 'PingResponse', sessionId: msg.sessionId });
      return;
    }
    case 'CreateRequest': {
      const ephemeral = msg.mode === 'EPHEMERAL_SEQUENTIAL';
      if (ephemeral && !touch(c, z, msg.sessionId)) {
        reply({ type: 'CreateResponse', path: msg.path, err: 'SESSIONEXPIRED', sessionId: msg.sessionId });
        return;
      }
      const parent = msg.path.slice(0, msg.path.lastIndexOf('/'));
      const seq = z.cversion.get(parent) ?? 0;
      const path = ephemeral ? `${msg.path}${String(seq).padStart(10, '0')}` : msg.path;
      if (z.znodes.has(path)) {
        c.k.log(
          p.pid,
          `Got user-level KeeperException when processing sessionid:${sessionIdHex(msg.sessionId)} type:create Error Path:${path} Error:KeeperErrorCode = NodeExists for ${path}`,
        );
        reply({ type: 'CreateResponse', path, err: 'NODEEXISTS', sessionId: msg.sessionId });
        return;
      }
      z.cversion.set(parent, seq + 1);
      z.znodes.set(path, { data: msg.data, ephemeralOwner: ephemeral ? msg.sessionId : 0 });
      reply({ type: 'CreateResponse', path, err: 'OK', sessionId: msg.sessionId });
      return;
    }
    case 'DeleteRequest': {
      touch(c, z, msg.sessionId);
      const found = z.znodes.has(msg.path);
      if (found) deleteNode(c, p, msg.path);
      reply({ type: 'DeleteResponse', path: msg.path, err: found ? 'OK' : 'NONODE', sessionId: msg.sessionId });
      return;
    }
    case 'GetChildrenRequest': {
      touch(c, z, msg.sessionId);
      const prefix = `${msg.path}/`;
      const children: string[] = [];
      for (const path of z.znodes.keys()) {
        if (path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
          children.push(path.slice(prefix.length));
      }
      reply({ type: 'GetChildrenResponse', path: msg.path, children: children.sort(), sessionId: msg.sessionId });
      return;
    }
    case 'GetDataRequest': {
      touch(c, z, msg.sessionId);
      if (!z.znodes.has(msg.path)) {
        // No watch is left on a node that does not exist (getData, unlike exists).
        reply({ type: 'GetDataResponse', path: msg.path, err: 'NONODE', sessionId: msg.sessionId });
        return;
      }
      if (msg.watch) {
        const watchers = z.dataWatches.get(msg.path) ?? [];
        if (!watchers.includes(msg.sessionId)) watchers.push(msg.sessionId);
        z.dataWatches.set(msg.path, watchers);
      }
      reply({ type: 'GetDataResponse', path: msg.path, err: 'OK', sessionId: msg.sessionId });
      return;
    }
    case 'ExpireSessions': {
      const s = z.sessions.get(msg.sessionId);
      if (!s) return;
      if (s.expiresAt > c.now) {
        // Touched since: look again at its new bucket.
        c.k.timer(p.pid, ZOOKEEPER_EP, s.expiresAt - c.now, msg);
        return;
      }
      expireSession(c, p, s);
      return;
    }
    case 'Disconnected': {
      // A closed socket does not end a session: only its timeout does (a kill -9 never closes it).
      for (const s of z.sessions.values()) {
        if (s.owner !== msg.peer) continue;
        c.k.log(
          p.pid,
          `Unable to read additional data from client, it probably closed the socket: address = /${msg.peerHost}:${msg.peerPort}, session = ${sessionIdHex(s.id)}`,
          'WARN',
        );
      }
      return;
    }
    default:
      c.k.log(p.pid, `ZooKeeper received unexpected message ${msg.type}`, 'WARN');
  }
}

function expireSession(c: SparkCluster, p: Process<ZooKeeperServerState>, s: ZooKeeperSession): void {
  const z = p.state;
  c.k.log(p.pid, `Expiring session ${sessionIdHex(s.id)}, timeout of ${s.timeoutMs}ms exceeded`);
  z.sessions.delete(s.id);
  const ephemerals = [...z.znodes].filter(([, n]) => n.ephemeralOwner === s.id).map(([path]) => path);
  for (const path of ephemerals) deleteNode(c, p, path);
}

/** Deletes a znode and fires its one-shot data watches (NodeDeleted) to the sessions still alive. */
function deleteNode(c: SparkCluster, p: Process<ZooKeeperServerState>, path: string): void {
  const z = p.state;
  z.znodes.delete(path);
  const watchers = z.dataWatches.get(path);
  if (!watchers) return;
  z.dataWatches.delete(path);
  for (const id of watchers) {
    const s = z.sessions.get(id);
    if (s)
      c.k.send(p.pid, ZOOKEEPER_EP, s.owner, s.ownerEp, {
        type: 'WatcherEvent',
        eventType: 'NodeDeleted',
        state: 'SyncConnected',
        path,
      } satisfies WatcherEvent);
  }
}

/**
 * Sessions whose client is gone (dead, or cut off from the server) and that have not expired yet:
 * their expiry is still to come, although the server's bucket checks are housekeeping.
 */
export function zooKeeperExpiryPending(c: SparkCluster): boolean {
  const zk = zooKeeperServer(c);
  if (!zk?.alive) return false;
  for (const s of zk.state.sessions.values()) {
    const owner = c.k.proc(s.owner);
    if (!owner.alive || c.k.blocked(owner.host, zk.host) || c.k.blocked(zk.host, owner.host)) return true;
  }
  return false;
}
