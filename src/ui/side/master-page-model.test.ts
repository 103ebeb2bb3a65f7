// The Master page's orderings, counts and Spark's resource formatting.
import { describe, expect, it } from 'vitest';
import type { ApplicationInfoJson, DriverInfoJson, MasterStateJson, WorkerInfoJson } from '../../engine/public';
import {
  appDuration,
  canKillApp,
  canKillDriver,
  formatResourceRequirements,
  formatResourcesAddresses,
  formatResourcesUsed,
  masterSummary,
  restUrl,
  runningFor,
  showWorkerResources,
  sortedActiveApps,
  sortedCompletedApps,
  sortedDrivers,
  sortedWorkers,
  workerHost,
  workerResourcesDetails,
} from './master-page-model';

const worker = (id: string, state: WorkerInfoJson['state'], over: Partial<WorkerInfoJson> = {}): WorkerInfoJson => ({
  id,
  host: id.split('-')[2] ?? id,
  port: 35000,
  webuiaddress: 'http://w:8081',
  cores: 4,
  coresused: 0,
  coresfree: 4,
  memory: 8192,
  memoryused: 0,
  memoryfree: 8192,
  resources: {},
  resourcesused: {},
  resourcesfree: {},
  state,
  lastheartbeat: 0,
  ...over,
});

const app = (id: string, starttime: number, duration: number, state = 'RUNNING'): ApplicationInfoJson => ({
  id,
  starttime,
  name: 'Spark Pi',
  cores: 4,
  user: 'spark',
  memoryperexecutor: 1024,
  memoryperslave: 1024,
  resourcesperexecutor: [],
  resourcesperslave: [],
  submitdate: '',
  state,
  duration,
});

const driver = (id: string, starttime: number, state: string): DriverInfoJson => ({
  id,
  starttime: String(starttime),
  state,
  cores: 1,
  memory: 1024,
  resources: {},
  submitdate: '',
  worker: 'None',
  mainclass: 'org.apache.spark.examples.SparkPi',
});

const master = (over: Partial<MasterStateJson>): MasterStateJson => ({
  url: 'spark://master:7077',
  workers: [],
  aliveworkers: 0,
  cores: 0,
  coresused: 0,
  memory: 0,
  memoryused: 0,
  resources: [],
  resourcesused: [],
  activeapps: [],
  completedapps: [],
  activedrivers: [],
  completeddrivers: [],
  status: 'ALIVE',
  ...over,
});

describe('orderings', () => {
  it('sorts workers by id, apps and drivers newest first, completed apps by end', () => {
    expect(sortedWorkers([worker('worker-2-w2-1', 'ALIVE'), worker('worker-1-w1-1', 'DEAD')]).map((w) => w.id)).toEqual(
      ['worker-1-w1-1', 'worker-2-w2-1'],
    );
    expect(sortedActiveApps([app('a', 1, 0), app('b', 5, 0)]).map((a) => a.id)).toEqual(['b', 'a']);
    // a started first but ended last.
    expect(sortedCompletedApps([app('a', 1, 100, 'FINISHED'), app('b', 5, 10, 'FINISHED')]).map((a) => a.id)).toEqual([
      'a',
      'b',
    ]);
    expect(sortedDrivers([driver('d1', 9, 'RUNNING'), driver('d2', 10, 'RUNNING')]).map((d) => d.id)).toEqual([
      'd2',
      'd1',
    ]);
  });
  it('does not reorder its input', () => {
    const input = [app('a', 1, 0), app('b', 5, 0)];
    sortedActiveApps(input);
    expect(input.map((a) => a.id)).toEqual(['a', 'b']);
  });
});

describe('masterSummary', () => {
  it('counts workers by state and drivers by outcome', () => {
    const s = masterSummary(
      master({
        workers: [
          worker('w-1-a-1', 'ALIVE'),
          worker('w-1-b-1', 'DEAD'),
          worker('w-1-c-1', 'DEAD'),
          worker('w-1-d-1', 'DECOMMISSIONED'),
        ],
        activeapps: [app('a', 1, 0)],
        completedapps: [app('b', 1, 1, 'FINISHED'), app('c', 1, 1, 'KILLED')],
        activedrivers: [driver('d1', 1, 'SUBMITTED'), driver('d2', 1, 'RUNNING')],
        completeddrivers: [
          driver('d3', 1, 'KILLED'),
          driver('d4', 1, 'FAILED'),
          driver('d5', 1, 'FINISHED'),
          driver('d6', 1, 'ERROR'),
        ],
      }),
    );
    expect(s).toEqual({
      alive: 1,
      dead: 2,
      decommissioned: 1,
      unknown: 0,
      resourcesInUse: '',
      runningApps: 1,
      completedApps: 2,
      runningDrivers: 2,
      waitingDrivers: 1,
      completedDrivers: 4,
      killedDrivers: 1,
      failedDrivers: 1,
      errorDrivers: 1,
      relaunchingDrivers: 0,
    });
  });
});

describe('resource formatting', () => {
  const gpu = (...addresses: string[]) => ({ gpu: { name: 'gpu', addresses } });
  it('sums resources over alive workers', () => {
    expect(formatResourcesUsed([gpu('0', '1'), gpu('0', '1')], [gpu('0'), {}])).toBe('1 / 4 gpu');
    expect(formatResourcesUsed([{}], [{}])).toBe('');
  });
  it('details a worker, a requirement list and a driver', () => {
    const w = worker('w-1-a-1', 'ALIVE', {
      resources: gpu('0', '1'),
      resourcesused: gpu('0'),
      resourcesfree: gpu('1'),
    });
    expect(workerResourcesDetails(w)).toBe('gpu: Free: [1] / Used: [0]');
    expect(showWorkerResources([worker('x', 'ALIVE'), w])).toBe(true);
    expect(showWorkerResources([worker('x', 'ALIVE')])).toBe(false);
    expect(
      formatResourceRequirements([
        { name: 'gpu', amount: 1 },
        { name: 'fpga', amount: 2 },
      ]),
    ).toBe('1 gpu, 2 fpga');
    expect(formatResourcesAddresses(gpu('0', '1'))).toBe('gpu: [0, 1]');
  });
});

describe('kill links and lookups', () => {
  it('offers (kill) only while waiting or running', () => {
    expect(['WAITING', 'RUNNING', 'FINISHED', 'KILLED', 'FAILED'].map(canKillApp)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(['SUBMITTED', 'RUNNING', 'RELAUNCHING', 'FINISHED'].map(canKillDriver)).toEqual([true, true, false, false]);
  });
  it('finds a worker host by id', () => {
    const m = master({ workers: [worker('worker-20260101000000-w1-35000', 'ALIVE', { host: 'w1' })] });
    expect(workerHost(m, 'worker-20260101000000-w1-35000')).toBe('w1');
    expect(workerHost(m, 'None')).toBeNull();
  });
});

describe('restUrl', () => {
  it('is there only when the REST server is enabled, on its port', () => {
    expect(restUrl('spark://master:7077', {})).toBeNull();
    expect(restUrl('spark://master:7077', { 'spark.master.rest.enabled': 'false' })).toBeNull();
    expect(restUrl('spark://master:7077', { 'spark.master.rest.enabled': 'true' })).toBe('spark://master:6066');
    expect(restUrl('spark://m1:7077', { 'spark.master.rest.enabled': 'TRUE', 'spark.master.rest.port': '16066' })).toBe(
      'spark://m1:16066',
    );
  });
});

describe('durations on the page tick with the clock on screen', () => {
  const start = 1_767_225_600_000;
  it("a running app's and driver's duration is now − start, whatever instant the /json was written at", () => {
    const app = { state: 'RUNNING', starttime: start, duration: 200 };
    expect(appDuration(app, start + 23_000)).toBe(23_000);
    expect(appDuration({ ...app, state: 'WAITING' }, start + 5_000)).toBe(5_000);
    expect(runningFor(String(start + 3_000), start + 26_000)).toBe(23_000);
    // A clock a moment before the start (a seek back with the page not yet read) never goes negative.
    expect(runningFor(String(start + 3_000), start)).toBe(0);
  });
  it("an ended app keeps Spark's endTime − startTime", () => {
    for (const state of ['FINISHED', 'FAILED', 'KILLED'])
      expect(appDuration({ state, starttime: start, duration: 12_345 }, start + 99_000)).toBe(12_345);
  });
});
