// Models deploy/master/ZooKeeperLeaderElectionAgent.scala: a Master's agent under ZOOKEEPER
// recovery. start() builds a Curator client (spark-curator-util.ts) and a LeaderLatch on
// <spark.deploy.zookeeper.dir>/leader_election (curator-leader-latch.ts) and listens to it;
// isLeader / notLeader update its status and tell the Master (leader-election.ts's seam), which
// it knows only as a LeaderElectable.
import type { Delivery } from '../sim/kernel';
import type { SparkCluster } from './cluster';
import type { LeaderLatchListener } from './curator-leader-latch';
import {
  LEADER_AGENT_EP,
  leaderLatchReceive,
  leaderLatchServerClosed,
  newLeaderLatch,
  startLeaderLatch,
} from './curator-leader-latch';
import type { LeaderElectable, ZooKeeperLeaderElectionAgentState } from './leader-election';
import { tellMaster } from './leader-election';
import { curatorConnectString } from './spark-curator-util';

/** ZooKeeperLeaderElectionAgent's constructor, which calls start(). */
export function startZooKeeperLeaderElectionAgent(
  c: SparkCluster,
  masterInstance: LeaderElectable,
): ZooKeeperLeaderElectionAgentState {
  const latch = newLeaderLatch(
    curatorConnectString(c),
    masterInstance.pid,
    masterInstance.address,
    `${c.settings.zooKeeperDir}/leader_election`,
  );
  const a: ZooKeeperLeaderElectionAgentState = { kind: 'ZooKeeper', masterInstance, status: 'NOT_LEADER', latch };
  c.k.log(masterInstance.pid, 'Starting ZooKeeper LeaderElection agent');
  startLeaderLatch(c, latch);
  return a;
}

/** What the ZooKeeper server sends to this agent's client, and the client's own wakeups. */
export function leaderAgentReceive(c: SparkCluster, a: ZooKeeperLeaderElectionAgentState, d: Delivery): void {
  leaderLatchReceive(c, a.latch, listenerOf(a), d);
}

/** The RPC connection to the ZooKeeper server closed (its process died). */
export function zooKeeperDisconnected(c: SparkCluster, a: ZooKeeperLeaderElectionAgentState): void {
  leaderLatchServerClosed(c, a.latch, listenerOf(a));
}

/** The agent as the latch's LeaderLatchListener. */
function listenerOf(a: ZooKeeperLeaderElectionAgentState): LeaderLatchListener {
  return { isLeader: (c) => isLeader(c, a), notLeader: (c) => notLeader(c, a) };
}

function isLeader(c: SparkCluster, a: ZooKeeperLeaderElectionAgentState): void {
  // Could have lost leadership by now.
  if (!a.latch.hasLeadership) return;
  c.k.log(a.masterInstance.pid, 'We have gained leadership');
  updateLeadershipStatus(c, a, true);
}

function notLeader(c: SparkCluster, a: ZooKeeperLeaderElectionAgentState): void {
  // Could have gained leadership by now.
  if (a.latch.hasLeadership) return;
  c.k.log(a.masterInstance.pid, 'We have lost leadership');
  updateLeadershipStatus(c, a, false);
}

/** updateLeadershipStatus: the Master hears only of a change of status. */
function updateLeadershipStatus(c: SparkCluster, a: ZooKeeperLeaderElectionAgentState, leader: boolean): void {
  if (leader && a.status === 'NOT_LEADER') {
    a.status = 'LEADER';
    tellMaster(c, a.masterInstance, LEADER_AGENT_EP, true);
  } else if (!leader && a.status === 'LEADER') {
    a.status = 'NOT_LEADER';
    tellMaster(c, a.masterInstance, LEADER_AGENT_EP, false);
  }
}
