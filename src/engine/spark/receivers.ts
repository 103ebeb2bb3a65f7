// The one table from a process kind to the module that receives its messages. The composition
// root (simulation.ts) hands it to SparkCluster; `satisfies Record<ProcessKind, Receive>` makes a
// kind without a receiver a compile error rather than a "no receiver" at run time.
import type { ProcessKind, Receive } from './cluster';
import { receiveWorld } from './daemon-start';
import { receive as driver } from './driver';
import { receive as executor } from './executor';
import { receive as master } from './master';
import { receive as submitClient } from './submit-client';
import { receive as worker } from './worker';
import { serverReceive as zookeeper } from './zookeeper-server';

export const RECEIVERS = {
  master,
  worker,
  driver,
  executor,
  'submit-client': submitClient,
  zookeeper,
  // The world process holds cluster-wide state. Simulation applies actions itself, between events
  // (after every event of their instant), so an action the user applies live at time t and the
  // same action replayed from the scenario run in exactly the same order; the world receives only
  // the end of a restarted daemon's JVM start-up, which an action set (daemon-start.ts).
  world: receiveWorld,
} as const satisfies Record<ProcessKind, Receive>;
