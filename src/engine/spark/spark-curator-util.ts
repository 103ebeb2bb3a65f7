// Models deploy/SparkCuratorUtil.scala: how a Master builds its Curator client for ZooKeeper (the
// connect string of spark.deploy.zookeeper.url, the session and connection timeouts it asks for).
import type { SparkCluster } from './cluster';

/** SparkCuratorUtil.ZK_SESSION_TIMEOUT_MILLIS: the session timeout each Master's client requests. */
export const ZK_SESSION_TIMEOUT_MS = 60_000;

/**
 * SparkCuratorUtil.newClient's connect string: the client talks to the first server of
 * spark.deploy.zookeeper.url ("host:port"); ClientCnxn divides its connect timeout by how many
 * servers the string lists. (ZK_CONNECTION_TIMEOUT_MILLIS = 15000 only bounds how long Curator
 * operations wait for a connection before they are retried, which the model folds into "wait
 * until connected".)
 */
export function curatorConnectString(c: SparkCluster): { server: string; serverCount: number } {
  const s = c.settings;
  const first = s.zooKeeperServers[0] ?? { host: 'zookeeper', port: 2181 };
  return { server: `${first.host}:${first.port}`, serverCount: Math.max(1, s.zooKeeperServers.length) };
}
