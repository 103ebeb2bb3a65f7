// Models deploy/master/LeaderElectionAgent.scala: the seam between a Master and whatever decides
// whether it leads. The Master is a LeaderElectable; an agent tells it electedLeader() or
// revokedLeadership(), which the Master turns into the ElectedLeader / RevokedLeadership messages
// it sends itself. MonarchyLeaderAgent is "initially and always the leader" (every recovery mode
// but ZOOKEEPER); ZooKeeperLeaderElectionAgent (zookeeper-leader-election-agent.ts) follows a
// Curator LeaderLatch. Neither needs the Master's state: only where to send those messages.
import type { Pid } from '../sim/kernel';
import type { SparkCluster } from './cluster';
import type { LeaderLatchState } from './curator-leader-latch';

/** LeaderElectable: the Master as its agent sees it, the endpoint ElectedLeader and RevokedLeadership go to. */
export interface LeaderElectable {
  readonly pid: Pid;
  readonly ep: string;
  /** The Master's RPC address (the data of a ZooKeeper latch node). */
  readonly address: string;
}

/** MonarchyLeaderAgent: no state of its own. */
export interface MonarchyLeaderAgentState {
  kind: 'Monarchy';
}

/** ZooKeeperLeaderElectionAgent's fields: its Master, its status and the latch it listens to. */
export interface ZooKeeperLeaderElectionAgentState {
  kind: 'ZooKeeper';
  masterInstance: LeaderElectable;
  status: 'LEADER' | 'NOT_LEADER';
  latch: LeaderLatchState;
}

/** The Master's leaderElectionAgent, chosen in Master.onStart from spark.deploy.recoveryMode. */
export type LeaderElectionAgentState = MonarchyLeaderAgentState | ZooKeeperLeaderElectionAgentState;

/**
 * new MonarchyLeaderAgent(master): its constructor calls masterInstance.electedLeader(), and
 * Master.electedLeader() is self.send(ElectedLeader).
 */
export function startMonarchyLeaderAgent(c: SparkCluster, master: LeaderElectable): MonarchyLeaderAgentState {
  c.k.timer(master.pid, master.ep, 0, { type: 'ElectedLeader' });
  return { kind: 'Monarchy' };
}

/** masterInstance.electedLeader() / revokedLeadership(), from an agent's own endpoint. */
export function tellMaster(c: SparkCluster, master: LeaderElectable, fromEp: string, leader: boolean): void {
  c.k.send(master.pid, fromEp, master.pid, master.ep, { type: leader ? 'ElectedLeader' : 'RevokedLeadership' });
}
