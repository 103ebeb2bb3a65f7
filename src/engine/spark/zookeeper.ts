// Models deploy/master/ZooKeeperLeaderElectionAgent.scala and deploy/SparkCuratorUtil.scala, with
// what they stand on: Curator's LeaderLatch recipe and connection states, the ZooKeeper client's
// session (ClientCnxn: pings, read timeout, reconnects) and a standalone ZooKeeper server (sessions
// that expire on tick boundaries, ephemeral sequential znodes, one-shot watches). The znodes of
// deploy/master/ZooKeeperPersistenceEngine.scala live on the same server.
//
// Timings, and where they come from:
// - Every Master asks for a 60 s session (SparkCuratorUtil.ZK_SESSION_TIMEOUT_MILLIS = 60000; its
//   ZK_CONNECTION_TIMEOUT_MILLIS = 15000 only bounds how long Curator operations wait for a
//   connection before they are retried, which the model folds into "wait until connected").
// - The server grants a timeout within [2, 20] × tickTime; with zoo_sample.cfg's tickTime of 2 s
//   that is 40 s, not the 60 s asked for.
// - The client pings when it has sent nothing for readTimeout / 2 (readTimeout = 2/3 of the
//   session timeout: 26.666 s, so a ping every 13.333 s), and gives the connection up (Curator:
//   SUSPENDED) when it has heard nothing for readTimeout.
// - The server expires a session at the first tick boundary after (last packet + timeout): a
//   leader killed with -9 keeps its latch node for 26.7–42 s, then the next candidate leads.
import type { Delivery, Disconnected, Pid, Process } from '../sim/kernel';
import type { SparkCluster } from './cluster';
import type { MasterState } from './master-state';

export const ZOOKEEPER_EP = 'ZooKeeper';
export const LEADER_AGENT_EP = 'ZooKeeperLeaderElectionAgent';
export const ZK_PERSISTENCE_EP = 'ZooKeeperPersistenceEngine';
const MASTER_EP = 'Master';

/** SparkCuratorUtil.ZK_SESSION_TIMEOUT_MILLIS: the session timeout each Master's client requests. */
export const ZK_SESSION_TIMEOUT_MS = 60_000;
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

type ZooKeeperMessage =
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

/** The client's SendThread waking from its select() (to ping, or to notice silence). */
interface SendThreadWakeup {
  type: 'SendThreadWakeup';
  token: number;
}

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
        const s: ZooKeeperSession = { id: z.nextSessionId++, timeoutMs: timeOut, expiresAt: roundToNextInterval(c.now + timeOut), owner: d.from, ownerEp: d.fromEp };
        z.sessions.set(s.id, s);
        c.k.timer(p.pid, ZOOKEEPER_EP, s.expiresAt - c.now, { type: 'ExpireSessions', sessionId: s.id } satisfies ExpireSessions);
        c.k.log(p.pid, `Established session ${sessionIdHex(s.id)} with negotiated timeout ${timeOut} for client ${client}`);
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
      c.k.log(p.pid, `Established session ${sessionIdHex(s.id)} with negotiated timeout ${s.timeoutMs} for client ${client}`);
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
        c.k.log(p.pid, `Got user-level KeeperException when processing sessionid:${sessionIdHex(msg.sessionId)} type:create Error Path:${path} Error:KeeperErrorCode = NodeExists for ${path}`);
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
        if (path.startsWith(prefix) && !path.slice(prefix.length).includes('/')) children.push(path.slice(prefix.length));
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
        c.k.log(p.pid, `Unable to read additional data from client, it probably closed the socket: address = /${msg.peerHost}:${msg.peerPort}, session = ${sessionIdHex(s.id)}`, 'WARN');
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
    if (s) c.k.send(p.pid, ZOOKEEPER_EP, s.owner, s.ownerEp, { type: 'WatcherEvent', eventType: 'NodeDeleted', state: 'SyncConnected', path } satisfies WatcherEvent);
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

// ---------------------------------------------------------------- the client side, inside a Master

/** Curator's ConnectionState (LATENT before the first connection). */
type ConnectionState = 'LATENT' | 'CONNECTED' | 'SUSPENDED' | 'RECONNECTED' | 'LOST';

export interface ZooKeeperLeaderElectionAgentState {
  kind: 'ZooKeeper';
  /** The server this client talks to ("host:port"), the first of spark.deploy.zookeeper.url. */
  server: string;
  /** How many servers the connect string lists: ClientCnxn's connect timeout is divided by it. */
  serverCount: number;
  /** <spark.deploy.zookeeper.dir>/leader_election, the LeaderLatch's path. */
  workingDir: string;
  // ClientCnxn
  sessionId: number;
  /** Requested until the server answers, then the negotiated timeout. */
  sessionTimeoutMs: number;
  connected: boolean;
  lastSend: number;
  lastHeard: number;
  connectStartedAt: number;
  /** The SendThreadWakeup that counts (older ones are stale). */
  wakeupToken: number;
  wakeupAt: number;
  // Curator's ConnectionStateManager
  connectionState: ConnectionState;
  // LeaderLatch
  ourPath: string | null;
  hasLeadership: boolean;
  // ZooKeeperLeaderElectionAgent
  status: 'LEADER' | 'NOT_LEADER';
}

export function newLeaderElectionAgent(c: SparkCluster): ZooKeeperLeaderElectionAgentState {
  const s = c.settings;
  const first = s.zooKeeperServers[0] ?? { host: 'zookeeper', port: 2181 };
  return {
    kind: 'ZooKeeper',
    server: `${first.host}:${first.port}`,
    serverCount: Math.max(1, s.zooKeeperServers.length),
    workingDir: `${s.zooKeeperDir}/leader_election`,
    sessionId: 0,
    sessionTimeoutMs: ZK_SESSION_TIMEOUT_MS,
    connected: false,
    lastSend: 0,
    lastHeard: 0,
    connectStartedAt: 0,
    wakeupToken: 0,
    wakeupAt: 0,
    connectionState: 'LATENT',
    ourPath: null,
    hasLeadership: false,
    status: 'NOT_LEADER',
  };
}

function agentOf(p: Process<MasterState>): ZooKeeperLeaderElectionAgentState {
  const a = p.state.leaderElectionAgent;
  if (a.kind !== 'ZooKeeper') throw new Error('this Master has no ZooKeeper leader election agent');
  return a;
}

/** ZooKeeperLeaderElectionAgent.start: SparkCuratorUtil.newClient, then a LeaderLatch on workingDir. */
export function startLeaderElectionAgent(c: SparkCluster, p: Process<MasterState>): void {
  c.k.log(p.pid, 'Starting ZooKeeper LeaderElection agent');
  connect(c, p);
}

/** ClientCnxn.readTimeout = 2/3 of the session timeout (Java int arithmetic). */
function readTimeout(a: ZooKeeperLeaderElectionAgentState): number {
  return Math.floor((a.sessionTimeoutMs * 2) / 3);
}

/** ClientCnxn.connectTimeout = session timeout / number of servers. */
function connectTimeout(a: ZooKeeperLeaderElectionAgentState): number {
  return Math.floor(a.sessionTimeoutMs / a.serverCount);
}

function zkSend(c: SparkCluster, p: Process<MasterState>, msg: ZooKeeperMessage): void {
  const a = agentOf(p);
  a.lastSend = c.now;
  c.sendTo(p.pid, LEADER_AGENT_EP, a.server, ZOOKEEPER_EP, msg);
}

/** ClientCnxn.SendThread.startConnect: a new session (id 0) or the current one resumed. */
function connect(c: SparkCluster, p: Process<MasterState>): void {
  const a = agentOf(p);
  a.connectStartedAt = c.now;
  c.k.log(p.pid, `Opening socket connection to server ${a.server}`);
  zkSend(c, p, { type: 'ConnectRequest', sessionId: a.sessionId, timeOut: ZK_SESSION_TIMEOUT_MS });
  armWakeup(c, p);
}

/** Keeps one SendThreadWakeup pending, at the next moment the SendThread has something to do. */
function armWakeup(c: SparkCluster, p: Process<MasterState>): void {
  const a = agentOf(p);
  const rt = readTimeout(a);
  const due = a.connected ? Math.min(a.lastSend + Math.floor(rt / 2), a.lastHeard + rt) : a.connectStartedAt + connectTimeout(a);
  // An earlier wakeup recomputes when it fires; only a later one must be replaced.
  if (a.wakeupAt > c.now && a.wakeupAt <= due) return;
  a.wakeupToken += 1;
  a.wakeupAt = Math.max(due, c.now);
  c.k.timer(p.pid, LEADER_AGENT_EP, a.wakeupAt - c.now, { type: 'SendThreadWakeup', token: a.wakeupToken } satisfies SendThreadWakeup);
}

function setConnectionState(c: SparkCluster, p: Process<MasterState>, to: ConnectionState): void {
  const a = agentOf(p);
  a.connectionState = to;
  c.k.log(p.pid, `State change: ${to}`, to === 'SUSPENDED' || to === 'LOST' ? 'WARN' : 'INFO');
}

/** Everything the server sends to this Master's election client, and the client's own wakeups. */
export function leaderAgentReceive(c: SparkCluster, p: Process<MasterState>, d: Delivery): void {
  const a = agentOf(p);
  const msg = d.msg as ZooKeeperMessage | SendThreadWakeup;
  if (msg.type === 'SendThreadWakeup') {
    if (msg.token === a.wakeupToken) sendThreadWakeup(c, p);
    return;
  }
  // Any packet from the server resets the client's read timeout.
  a.lastHeard = c.now;
  switch (msg.type) {
    case 'ConnectResponse':
      onConnectResponse(c, p, msg);
      return;
    case 'PingResponse':
      return;
    case 'CreateResponse': {
      if (msg.sessionId !== a.sessionId || msg.err !== 'OK') return;
      a.ourPath = msg.path;
      getChildren(c, p);
      return;
    }
    case 'GetChildrenResponse':
      if (msg.sessionId === a.sessionId) checkLeadership(c, p, msg.children);
      return;
    case 'GetDataResponse':
      // The node we were about to watch is already gone: look again.
      if (msg.sessionId === a.sessionId && msg.err === 'NONODE') getChildren(c, p);
      return;
    case 'WatcherEvent':
      if (msg.eventType === 'NodeDeleted' && a.ourPath !== null) getChildren(c, p);
      return;
    default:
      return;
  }
}

function sendThreadWakeup(c: SparkCluster, p: Process<MasterState>): void {
  const a = agentOf(p);
  a.wakeupAt = 0;
  const now = c.now;
  if (a.connected) {
    const idleRecv = now - a.lastHeard;
    if (idleRecv >= readTimeout(a)) {
      connectionLost(c, p, `Client session timed out, have not heard from server in ${idleRecv}ms for session id ${sessionIdHex(a.sessionId)}, closing socket connection and attempting reconnect`);
      return;
    }
    if (now - a.lastSend >= Math.floor(readTimeout(a) / 2)) zkSend(c, p, { type: 'Ping', sessionId: a.sessionId });
  } else if (now - a.connectStartedAt >= connectTimeout(a)) {
    // The connection attempt went unanswered (the server is cut off or down): try again. (ClientCnxn
    // sleeps up to a random second first; the model retries at once.)
    c.k.log(p.pid, `Client session timed out, have not heard from server in ${now - a.connectStartedAt}ms for session id ${sessionIdHex(a.sessionId)}`, 'WARN');
    connect(c, p);
    return;
  }
  armWakeup(c, p);
}

/** The server went silent or away: Curator reports SUSPENDED and the client tries to reconnect. */
function connectionLost(c: SparkCluster, p: Process<MasterState>, why: string): void {
  const a = agentOf(p);
  a.connected = false;
  c.k.log(p.pid, why, 'WARN');
  setConnectionState(c, p, 'SUSPENDED');
  // LeaderLatch.handleStateChange(SUSPENDED): the standard error policy treats it as an error, so
  // the latch gives up leadership at once, without waiting for the session to expire.
  setLeadership(c, p, false);
  connect(c, p);
}

/** The RPC connection to the ZooKeeper server closed (its process died). */
export function zooKeeperDisconnected(c: SparkCluster, p: Process<MasterState>): void {
  const a = agentOf(p);
  if (!a.connected) return;
  connectionLost(c, p, `Unable to read additional data from server sessionid ${sessionIdHex(a.sessionId)}, likely server has closed socket, closing socket connection and attempting reconnect`);
}

function onConnectResponse(c: SparkCluster, p: Process<MasterState>, msg: ConnectResponse): void {
  const a = agentOf(p);
  if (a.connected) return;
  if (msg.timeOut <= 0) {
    // The session this client tried to resume expired while it was away: its latch node is gone.
    c.k.log(p.pid, `Unable to reconnect to ZooKeeper service, session ${sessionIdHex(msg.sessionId)} has expired`, 'WARN');
    setConnectionState(c, p, 'LOST');
    setLeadership(c, p, false);
    a.ourPath = null;
    // Curator builds a new ZooKeeper handle: a new session.
    a.sessionId = 0;
    a.sessionTimeoutMs = ZK_SESSION_TIMEOUT_MS;
    connect(c, p);
    return;
  }
  a.sessionId = msg.sessionId;
  a.sessionTimeoutMs = msg.timeOut;
  a.connected = true;
  c.k.log(p.pid, `Session establishment complete on server ${a.server}, session id = ${sessionIdHex(a.sessionId)}, negotiated timeout = ${msg.timeOut}`);
  if (a.connectionState === 'LATENT') {
    setConnectionState(c, p, 'CONNECTED');
  } else {
    // LeaderLatch.handleStateChange(RECONNECTED): with SUSPENDED an error state, reset() always.
    setConnectionState(c, p, 'RECONNECTED');
  }
  // LeaderLatch.start() queued its reset() until the client connected.
  latchReset(c, p);
  armWakeup(c, p);
}

// ---------------------------------------------------------------- Curator's LeaderLatch

/** LeaderLatch.reset(): no leadership, our old node deleted, a new ephemeral sequential node. */
function latchReset(c: SparkCluster, p: Process<MasterState>): void {
  const a = agentOf(p);
  setLeadership(c, p, false);
  if (a.ourPath !== null) {
    zkSend(c, p, { type: 'DeleteRequest', path: a.ourPath, sessionId: a.sessionId });
    a.ourPath = null;
  }
  // Curator names it "<guid>-latch-<sequence>" with protection; the model leaves the guid out.
  zkSend(c, p, { type: 'CreateRequest', path: `${a.workingDir}/latch-`, data: p.state.address, mode: 'EPHEMERAL_SEQUENTIAL', sessionId: a.sessionId });
}

function getChildren(c: SparkCluster, p: Process<MasterState>): void {
  const a = agentOf(p);
  zkSend(c, p, { type: 'GetChildrenRequest', path: a.workingDir, sessionId: a.sessionId });
}

/** LeaderLatch.checkLeadership: lead if our node is first, else watch the node just before ours. */
function checkLeadership(c: SparkCluster, p: Process<MasterState>, children: string[]): void {
  const a = agentOf(p);
  // LockInternals.getSortedChildren: by sequence number (the zero-padded suffix sorts as text).
  const sorted = children.filter((n) => n.includes('latch-')).sort((x, y) => (seqOf(x) < seqOf(y) ? -1 : seqOf(x) > seqOf(y) ? 1 : 0));
  const ourName = a.ourPath === null ? null : a.ourPath.slice(a.ourPath.lastIndexOf('/') + 1);
  const ourIndex = ourName === null ? -1 : sorted.indexOf(ourName);
  if (ourIndex < 0) {
    c.k.log(p.pid, `Can't find our node. Resetting. Index: ${ourIndex}`, 'ERROR');
    latchReset(c, p);
  } else if (ourIndex === 0) {
    setLeadership(c, p, true);
  } else {
    // getData (not exists) with a watcher, so no watch is left behind on a node already gone.
    const watchPath = sorted[ourIndex - 1] as string;
    zkSend(c, p, { type: 'GetDataRequest', path: `${a.workingDir}/${watchPath}`, watch: true, sessionId: a.sessionId });
  }
}

function seqOf(name: string): string {
  return name.slice(name.lastIndexOf('latch-') + 'latch-'.length);
}

/** LeaderLatch.setLeadership: listeners hear isLeader / notLeader only on a change. */
function setLeadership(c: SparkCluster, p: Process<MasterState>, leader: boolean): void {
  const a = agentOf(p);
  const old = a.hasLeadership;
  a.hasLeadership = leader;
  if (old && !leader) notLeader(c, p);
  else if (!old && leader) isLeader(c, p);
}

// ---------------------------------------------------------------- ZooKeeperLeaderElectionAgent

function isLeader(c: SparkCluster, p: Process<MasterState>): void {
  // Could have lost leadership by now.
  if (!agentOf(p).hasLeadership) return;
  c.k.log(p.pid, 'We have gained leadership');
  updateLeadershipStatus(c, p, true);
}

function notLeader(c: SparkCluster, p: Process<MasterState>): void {
  // Could have gained leadership by now.
  if (agentOf(p).hasLeadership) return;
  c.k.log(p.pid, 'We have lost leadership');
  updateLeadershipStatus(c, p, false);
}

/** masterInstance.electedLeader() / revokedLeadership(): the Master sends itself the message. */
function updateLeadershipStatus(c: SparkCluster, p: Process<MasterState>, leader: boolean): void {
  const a = agentOf(p);
  if (leader && a.status === 'NOT_LEADER') {
    a.status = 'LEADER';
    c.k.send(p.pid, LEADER_AGENT_EP, p.pid, MASTER_EP, { type: 'ElectedLeader' });
  } else if (!leader && a.status === 'LEADER') {
    a.status = 'NOT_LEADER';
    c.k.send(p.pid, LEADER_AGENT_EP, p.pid, MASTER_EP, { type: 'RevokedLeadership' });
  }
}
