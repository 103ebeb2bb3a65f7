// Models deploy/JsonProtocol.scala (writeMasterState, writeWorkerInfo, writeApplicationInfo,
// writeDriverInfo, writeWorkerState, writeExecutorRunner): the Master's and Worker's GET /json
// documents, computed from engine state at the current simulated time. Pure functions of state.
import { javaDateString } from '../spark/ids';
import type { ApplicationInfo, DriverInfo, MasterState, WorkerInfo } from '../spark/master-state';
import type { ApplicationDescription } from '../spark/messages';
import type { ExecutorRunner, WorkerState } from '../spark/worker-state';
import type {
  ApplicationInfoJson,
  DriverInfoJson,
  ExecutorRunnerJson,
  MasterStateJson,
  WorkerInfoJson,
  WorkerStateJson,
} from './json-types';

export function workerInfoJson(w: WorkerInfo): WorkerInfoJson {
  return {
    id: w.id,
    host: w.host,
    port: w.port,
    webuiaddress: w.webUiAddress,
    cores: w.cores,
    coresused: w.coresUsed,
    coresfree: w.cores - w.coresUsed,
    memory: w.memory,
    memoryused: w.memoryUsed,
    memoryfree: w.memory - w.memoryUsed,
    resources: {},
    resourcesused: {},
    resourcesfree: {},
    state: w.state,
    lastheartbeat: w.lastHeartbeat,
  };
}

export function applicationInfoJson(app: ApplicationInfo, nowEpochMs: number): ApplicationInfoJson {
  return {
    id: app.id,
    starttime: app.startTime,
    name: app.desc.name,
    cores: app.coresGranted,
    user: app.desc.user,
    memoryperexecutor: app.desc.memoryPerExecutorMB,
    memoryperslave: app.desc.memoryPerExecutorMB,
    resourcesperexecutor: [],
    resourcesperslave: [],
    submitdate: javaDateString(app.submitDate),
    state: app.state,
    duration: (app.endTime !== -1 ? app.endTime : nowEpochMs) - app.startTime,
  };
}

export function driverInfoJson(d: DriverInfo): DriverInfoJson {
  return {
    id: d.id,
    starttime: String(d.startTime),
    state: d.state,
    cores: d.desc.cores,
    memory: d.desc.mem,
    resources: {},
    submitdate: javaDateString(d.submitDate),
    worker: d.worker ? d.worker.id : 'None',
    mainclass: d.desc.command.arguments[2] ?? '',
  };
}

export function masterStateJson(m: MasterState, nowEpochMs: number): MasterStateJson {
  const alive = m.workers.filter((w) => w.state === 'ALIVE');
  const sum = (f: (w: WorkerInfo) => number) => alive.reduce((acc, w) => acc + f(w), 0);
  return {
    url: m.masterUrl,
    workers: m.workers.map(workerInfoJson),
    aliveworkers: alive.length,
    cores: sum((w) => w.cores),
    coresused: sum((w) => w.coresUsed),
    memory: sum((w) => w.memory),
    memoryused: sum((w) => w.memoryUsed),
    resources: alive.map(() => ({})),
    resourcesused: alive.map(() => ({})),
    activeapps: m.apps.map((a) => applicationInfoJson(a, nowEpochMs)),
    completedapps: m.completedApps.map((a) => applicationInfoJson(a, nowEpochMs)),
    activedrivers: m.drivers.map(driverInfoJson),
    completeddrivers: m.completedDrivers.map(driverInfoJson),
    status: m.state,
  };
}

/** Command#toString as ExecutorRunner's appDesc.command prints in the worker JSON. */
function commandString(desc: ApplicationDescription): string {
  const c = desc.command;
  return `Command(${c.mainClass},List(${c.arguments.join(', ')}),Map(),List(),List(),List(${c.javaOpts.join(', ')}))`;
}

export function executorRunnerJson(r: ExecutorRunner): ExecutorRunnerJson {
  const d = r.appDesc;
  return {
    id: r.execId,
    memory: r.memory,
    resources: {},
    appid: r.appId,
    appdesc: {
      name: d.name,
      cores: d.maxCores ?? 0,
      memoryperexecutor: d.memoryPerExecutorMB,
      resourcesperexecutor: [],
      memoryperslave: d.memoryPerExecutorMB,
      resourcesperslave: [],
      user: d.user,
      command: commandString(d),
    },
  };
}

export function workerStateJson(w: WorkerState): WorkerStateJson {
  return {
    id: w.workerId,
    masterurl: w.activeMasterUrl,
    masterwebuiurl: w.activeMasterWebUiUrl,
    cores: w.cores,
    coresused: w.coresUsed,
    memory: w.memory,
    memoryused: w.memoryUsed,
    resources: {},
    resourcesused: {},
    executors: [...w.executors.values()].map(executorRunnerJson),
    finishedexecutors: [...w.finishedExecutors.values()].map(executorRunnerJson),
  };
}
