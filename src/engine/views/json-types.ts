// Shapes of Spark's web UI JSON (deploy/JsonProtocol.scala, 4.0.x) and of the headless runner's
// output document (docs/architecture.md, "The headless runner"). Keys are Spark's: lower-case, no separators.
import type { WhyView } from './frame-types';

export interface ResourceInfoJson {
  name: string;
  addresses: string[];
}

export interface WorkerInfoJson {
  id: string;
  host: string;
  port: number;
  webuiaddress: string;
  cores: number;
  coresused: number;
  coresfree: number;
  memory: number;
  memoryused: number;
  memoryfree: number;
  resources: Record<string, ResourceInfoJson>;
  resourcesused: Record<string, ResourceInfoJson>;
  resourcesfree: Record<string, ResourceInfoJson>;
  state: 'ALIVE' | 'DEAD' | 'DECOMMISSIONED' | 'UNKNOWN';
  lastheartbeat: number;
}

export interface ApplicationInfoJson {
  id: string;
  starttime: number;
  name: string;
  cores: number;
  user: string;
  memoryperexecutor: number;
  memoryperslave: number;
  resourcesperexecutor: { name: string; amount: number }[];
  resourcesperslave: { name: string; amount: number }[];
  submitdate: string;
  state: string;
  duration: number;
}

export interface DriverInfoJson {
  id: string;
  starttime: string;
  state: string;
  cores: number;
  memory: number;
  resources: Record<string, ResourceInfoJson>;
  submitdate: string;
  worker: string;
  mainclass: string;
}

export interface MasterStateJson {
  url: string;
  workers: WorkerInfoJson[];
  aliveworkers: number;
  cores: number;
  coresused: number;
  memory: number;
  memoryused: number;
  resources: Record<string, ResourceInfoJson>[];
  resourcesused: Record<string, ResourceInfoJson>[];
  activeapps: ApplicationInfoJson[];
  completedapps: ApplicationInfoJson[];
  activedrivers: DriverInfoJson[];
  completeddrivers: DriverInfoJson[];
  status: 'ALIVE' | 'STANDBY' | 'RECOVERING' | 'COMPLETING_RECOVERY';
}

export interface ExecutorRunnerJson {
  id: number;
  memory: number;
  resources: Record<string, ResourceInfoJson>;
  appid: string;
  appdesc: {
    name: string;
    cores: number;
    memoryperexecutor: number;
    resourcesperexecutor: { name: string; amount: number }[];
    memoryperslave: number;
    resourcesperslave: { name: string; amount: number }[];
    user: string;
    command: string;
  };
}

export interface WorkerStateJson {
  id: string;
  masterurl: string;
  masterwebuiurl: string;
  cores: number;
  coresused: number;
  memory: number;
  memoryused: number;
  resources: Record<string, ResourceInfoJson>;
  resourcesused: Record<string, ResourceInfoJson>;
  executors: ExecutorRunnerJson[];
  finishedexecutors: ExecutorRunnerJson[];
}

/** One executor in the runner's `apps[].executors` / `removedExecutors`. `worker` is the host. */
export interface SimExecutorJson {
  id: number;
  worker: string;
  cores: number;
  memory: number;
  state: string;
}

export interface SimAppJson {
  id: string;
  name: string;
  state: string;
  driver: string | null;
  executors: SimExecutorJson[];
  removedExecutors: SimExecutorJson[];
  /** With `--why`: why it holds what it holds (views/why.ts). */
  why?: WhyJson;
}

export interface SimDriverJson {
  id: string;
  state: string;
  /** Host of the worker it runs (or last ran) on. */
  worker: string | null;
  supervise: boolean;
  restarts: number;
  /** With `--why`: why it is, or is not, on a worker (views/why.ts). */
  why?: WhyJson;
}

/** The runner's `why` is the page's WhyView (frame-types.ts): one shape, two readers. */
export type WhyJson = WhyView;

export interface SimTraceEntry {
  t: number;
  from: string;
  to: string;
  type: string;
  delivered: boolean;
}

/** The headless runner's document (docs/architecture.md, "The headless runner"). */
export interface SimOutput {
  time: number;
  master: MasterStateJson | null;
  masters: (MasterStateJson | null)[];
  workers: Record<string, WorkerStateJson | null>;
  apps: SimAppJson[];
  drivers: SimDriverJson[];
  trace?: SimTraceEntry[];
  log?: string[];
}
