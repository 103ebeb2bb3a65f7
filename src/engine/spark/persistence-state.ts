// Models the state of the Master's persistence engine (deploy/master/PersistenceEngine.scala's
// BlackHolePersistenceEngine, FileSystemPersistenceEngine.scala, ZooKeeperPersistenceEngine.scala)
// as plain data: a leaf, so master-state.ts holds it without importing the code that writes
// (persistence.ts), which itself works on the Master's state.

export type PersistenceEngineState =
  /** Recovery mode NONE (and CUSTOM, whose factory class the simulator cannot load): nothing is stored. */
  | { kind: 'BlackHole' }
  /** One file per object in spark.deploy.recoveryDirectory on the Master's own disk (also ROCKSDB's store). */
  | { kind: 'FileSystem'; host: string; dir: string }
  /** One persistent znode per object under <spark.deploy.zookeeper.dir>/master_status. */
  | { kind: 'ZooKeeper'; dir: string };
