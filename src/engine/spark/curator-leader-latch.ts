// Models Curator's LeaderLatch recipe (org.apache.curator.framework.recipes.leader.LeaderLatch)
// with the client it runs on: Curator's ConnectionStateManager and the ZooKeeper client's session
// (ClientCnxn: pings, read timeout, reconnects). Not Spark: ZooKeeperLeaderElectionAgent
// (zookeeper-leader-election-agent.ts) starts one latch in its Master's JVM and listens to it.
//
// Timings, and where they come from:
// - The client pings when it has sent nothing for readTimeout / 2 (readTimeout = 2/3 of the
//   session timeout: 26.666 s for the 40 s the server grants, so a ping every 13.333 s), and
//   gives the connection up (Curator: SUSPENDED) when it has heard nothing for readTimeout.
// - The server (zookeeper-server.ts) expires the session at the first tick boundary after the
//   last packet + the timeout; the latch's ephemeral node goes with it.
import type { Delivery, Pid } from '../sim/kernel';
import type { SparkCluster } from './cluster';
import { ZK_SESSION_TIMEOUT_MS } from './spark-curator-util';
import type { ConnectResponse, ZooKeeperMessage } from './zookeeper-server';
import { sessionIdHex, ZOOKEEPER_EP } from './zookeeper-server';

/** The endpoint the Master's election client sends from and is answered at (named after its agent). */
export const LEADER_AGENT_EP = 'ZooKeeperLeaderElectionAgent';

/** Curator's ConnectionState (LATENT before the first connection). */
type ConnectionState = 'LATENT' | 'CONNECTED' | 'SUSPENDED' | 'RECONNECTED' | 'LOST';

/** The client's SendThread waking from its select() (to ping, or to notice silence). */
interface SendThreadWakeup {
  type: 'SendThreadWakeup';
  token: number;
}

/** One LeaderLatch and the client session under it, as plain data. */
export interface LeaderLatchState {
  /** The process this client runs in (the Master's JVM): it sends, logs and hears as that process. */
  jvm: Pid;
  /** The data of the latch's node: the Master's address. */
  id: string;
  /** The server this client talks to ("host:port"), the first of spark.deploy.zookeeper.url. */
  server: string;
  /** How many servers the connect string lists: ClientCnxn's connect timeout is divided by it. */
  serverCount: number;
  /** The LeaderLatch's path (<spark.deploy.zookeeper.dir>/leader_election). */
  latchPath: string;
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
}

/** LeaderLatchListener: told when the latch gains or loses leadership (only on a change). */
export interface LeaderLatchListener {
  isLeader(c: SparkCluster): void;
  notLeader(c: SparkCluster): void;
}

/** new LeaderLatch(client, latchPath): nothing sent yet. */
export function newLeaderLatch(
  connect: { server: string; serverCount: number },
  jvm: Pid,
  id: string,
  latchPath: string,
): LeaderLatchState {
  return {
    jvm,
    id,
    server: connect.server,
    serverCount: connect.serverCount,
    latchPath,
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
  };
}

/** client.start() and latch.start(): the latch's reset() waits until the client has connected. */
export function startLeaderLatch(c: SparkCluster, l: LeaderLatchState): void {
  connect(c, l);
}

/** ClientCnxn.readTimeout = 2/3 of the session timeout (Java int arithmetic). */
function readTimeout(l: LeaderLatchState): number {
  return Math.floor((l.sessionTimeoutMs * 2) / 3);
}

/** ClientCnxn.connectTimeout = session timeout / number of servers. */
function connectTimeout(l: LeaderLatchState): number {
  return Math.floor(l.sessionTimeoutMs / l.serverCount);
}

function zkSend(c: SparkCluster, l: LeaderLatchState, msg: ZooKeeperMessage): void {
  l.lastSend = c.now;
  c.sendTo(l.jvm, LEADER_AGENT_EP, l.server, ZOOKEEPER_EP, msg);
}

/** ClientCnxn.SendThread.startConnect: a new session (id 0) or the current one resumed. */
function connect(c: SparkCluster, l: LeaderLatchState): void {
  l.connectStartedAt = c.now;
  c.k.log(l.jvm, `Opening socket connection to server ${l.server}`);
  zkSend(c, l, { type: 'ConnectRequest', sessionId: l.sessionId, timeOut: ZK_SESSION_TIMEOUT_MS });
  armWakeup(c, l);
}

/** Keeps one SendThreadWakeup pending, at the next moment the SendThread has something to do. */
function armWakeup(c: SparkCluster, l: LeaderLatchState): void {
  const rt = readTimeout(l);
  const due = l.connected
    ? Math.min(l.lastSend + Math.floor(rt / 2), l.lastHeard + rt)
    : l.connectStartedAt + connectTimeout(l);
  // An earlier wakeup recomputes when it fires; only a later one must be replaced.
  if (l.wakeupAt > c.now && l.wakeupAt <= due) return;
  l.wakeupToken += 1;
  l.wakeupAt = Math.max(due, c.now);
  c.k.timer(l.jvm, LEADER_AGENT_EP, l.wakeupAt - c.now, {
    type: 'SendThreadWakeup',
    token: l.wakeupToken,
  } satisfies SendThreadWakeup);
}

function setConnectionState(c: SparkCluster, l: LeaderLatchState, to: ConnectionState): void {
  l.connectionState = to;
  c.k.log(l.jvm, `State change: ${to}`, to === 'SUSPENDED' || to === 'LOST' ? 'WARN' : 'INFO');
}

/** Everything the server sends to this client, and the client's own wakeups. */
export function leaderLatchReceive(
  c: SparkCluster,
  l: LeaderLatchState,
  listener: LeaderLatchListener,
  d: Delivery,
): void {
  const msg = d.msg as ZooKeeperMessage | SendThreadWakeup;
  if (msg.type === 'SendThreadWakeup') {
    if (msg.token === l.wakeupToken) sendThreadWakeup(c, l, listener);
    return;
  }
  // Any packet from the server resets the client's read timeout.
  l.lastHeard = c.now;
  switch (msg.type) {
    case 'ConnectResponse':
      onConnectResponse(c, l, listener, msg);
      return;
    case 'PingResponse':
      return;
    case 'CreateResponse': {
      if (msg.sessionId !== l.sessionId || msg.err !== 'OK') return;
      l.ourPath = msg.path;
      getChildren(c, l);
      return;
    }
    case 'GetChildrenResponse':
      if (msg.sessionId === l.sessionId) checkLeadership(c, l, listener, msg.children);
      return;
    case 'GetDataResponse':
      // The node we were about to watch is already gone: look again.
      if (msg.sessionId === l.sessionId && msg.err === 'NONODE') getChildren(c, l);
      return;
    case 'WatcherEvent':
      if (msg.eventType === 'NodeDeleted' && l.ourPath !== null) getChildren(c, l);
      return;
    default:
      return;
  }
}

function sendThreadWakeup(c: SparkCluster, l: LeaderLatchState, listener: LeaderLatchListener): void {
  l.wakeupAt = 0;
  const now = c.now;
  if (l.connected) {
    const idleRecv = now - l.lastHeard;
    if (idleRecv >= readTimeout(l)) {
      connectionLost(
        c,
        l,
        listener,
        `Client session timed out, have not heard from server in ${idleRecv}ms for session id ${sessionIdHex(l.sessionId)}, closing socket connection and attempting reconnect`,
      );
      return;
    }
    if (now - l.lastSend >= Math.floor(readTimeout(l) / 2)) zkSend(c, l, { type: 'Ping', sessionId: l.sessionId });
  } else if (now - l.connectStartedAt >= connectTimeout(l)) {
    // The connection attempt went unanswered (the server is cut off or down): try again. (ClientCnxn
    // sleeps up to a random second first; the model retries at once.)
    c.k.log(
      l.jvm,
      `Client session timed out, have not heard from server in ${now - l.connectStartedAt}ms for session id ${sessionIdHex(l.sessionId)}`,
      'WARN',
    );
    connect(c, l);
    return;
  }
  armWakeup(c, l);
}

/** The server went silent or away: Curator reports SUSPENDED and the client tries to reconnect. */
function connectionLost(c: SparkCluster, l: LeaderLatchState, listener: LeaderLatchListener, why: string): void {
  l.connected = false;
  c.k.log(l.jvm, why, 'WARN');
  setConnectionState(c, l, 'SUSPENDED');
  // LeaderLatch.handleStateChange(SUSPENDED): the standard error policy treats it as an error, so
  // the latch gives up leadership at once, without waiting for the session to expire.
  setLeadership(c, l, listener, false);
  connect(c, l);
}

/** The RPC connection to the ZooKeeper server closed (its process died). */
export function leaderLatchServerClosed(c: SparkCluster, l: LeaderLatchState, listener: LeaderLatchListener): void {
  if (!l.connected) return;
  connectionLost(
    c,
    l,
    listener,
    `Unable to read additional data from server sessionid ${sessionIdHex(l.sessionId)}, likely server has closed socket, closing socket connection and attempting reconnect`,
  );
}

function onConnectResponse(
  c: SparkCluster,
  l: LeaderLatchState,
  listener: LeaderLatchListener,
  msg: ConnectResponse,
): void {
  if (l.connected) return;
  if (msg.timeOut <= 0) {
    // The session this client tried to resume expired while it was away: its latch node is gone.
    c.k.log(
      l.jvm,
      `Unable to reconnect to ZooKeeper service, session ${sessionIdHex(msg.sessionId)} has expired`,
      'WARN',
    );
    setConnectionState(c, l, 'LOST');
    setLeadership(c, l, listener, false);
    l.ourPath = null;
    // Curator builds a new ZooKeeper handle: a new session.
    l.sessionId = 0;
    l.sessionTimeoutMs = ZK_SESSION_TIMEOUT_MS;
    connect(c, l);
    return;
  }
  l.sessionId = msg.sessionId;
  l.sessionTimeoutMs = msg.timeOut;
  l.connected = true;
  c.k.log(
    l.jvm,
    `Session establishment complete on server ${l.server}, session id = ${sessionIdHex(l.sessionId)}, negotiated timeout = ${msg.timeOut}`,
  );
  if (l.connectionState === 'LATENT') {
    setConnectionState(c, l, 'CONNECTED');
  } else {
    // LeaderLatch.handleStateChange(RECONNECTED): with SUSPENDED an error state, reset() always.
    setConnectionState(c, l, 'RECONNECTED');
  }
  // LeaderLatch.start() queued its reset() until the client connected.
  latchReset(c, l, listener);
  armWakeup(c, l);
}

// ---------------------------------------------------------------- the latch itself

/** LeaderLatch.reset(): no leadership, our old node deleted, a new ephemeral sequential node. */
function latchReset(c: SparkCluster, l: LeaderLatchState, listener: LeaderLatchListener): void {
  setLeadership(c, l, listener, false);
  if (l.ourPath !== null) {
    zkSend(c, l, { type: 'DeleteRequest', path: l.ourPath, sessionId: l.sessionId });
    l.ourPath = null;
  }
  // Curator names it "<guid>-latch-<sequence>" with protection; the model leaves the guid out.
  zkSend(c, l, {
    type: 'CreateRequest',
    path: `${l.latchPath}/latch-`,
    data: l.id,
    mode: 'EPHEMERAL_SEQUENTIAL',
    sessionId: l.sessionId,
  });
}

function getChildren(c: SparkCluster, l: LeaderLatchState): void {
  zkSend(c, l, { type: 'GetChildrenRequest', path: l.latchPath, sessionId: l.sessionId });
}

/** LeaderLatch.checkLeadership: lead if our node is first, else watch the node just before ours. */
function checkLeadership(
  c: SparkCluster,
  l: LeaderLatchState,
  listener: LeaderLatchListener,
  children: string[],
): void {
  // LockInternals.getSortedChildren: by sequence number (the zero-padded suffix sorts as text).
  const sorted = children
    .filter((n) => n.includes('latch-'))
    .sort((x, y) => (seqOf(x) < seqOf(y) ? -1 : seqOf(x) > seqOf(y) ? 1 : 0));
  const ourName = l.ourPath === null ? null : l.ourPath.slice(l.ourPath.lastIndexOf('/') + 1);
  const ourIndex = ourName === null ? -1 : sorted.indexOf(ourName);
  if (ourIndex < 0) {
    c.k.log(l.jvm, `Can't find our node. Resetting. Index: ${ourIndex}`, 'ERROR');
    latchReset(c, l, listener);
  } else if (ourIndex === 0) {
    setLeadership(c, l, listener, true);
  } else {
    // getData (not exists) with a watcher, so no watch is left behind on a node already gone.
    const watchPath = sorted[ourIndex - 1] as string;
    zkSend(c, l, { type: 'GetDataRequest', path: `${l.latchPath}/${watchPath}`, watch: true, sessionId: l.sessionId });
  }
}

function seqOf(name: string): string {
  return name.slice(name.lastIndexOf('latch-') + 'latch-'.length);
}

/** LeaderLatch.setLeadership: listeners hear isLeader / notLeader only on a change. */
function setLeadership(c: SparkCluster, l: LeaderLatchState, listener: LeaderLatchListener, leader: boolean): void {
  const old = l.hasLeadership;
  l.hasLeadership = leader;
  if (old && !leader) listener.notLeader(c);
  else if (!old && leader) listener.isLeader(c);
}
