// scenarioFromMasterJson: a real Master's /json becomes a scenario that restoreScenario accepts, and every bad paste gets a clear message instead of an exception.
import { describe, expect, it } from 'vitest';
import { restoreScenario, type MasterStateJson, type Scenario, type WorkerInfoJson } from '../engine/public';
import { createEngineApi } from '../engine/api';
import { mibToMemoryString, scenarioFromMasterJson } from './import-master-json';

function worker(host: string, patch: Partial<WorkerInfoJson> = {}): WorkerInfoJson {
  return {
    id: `worker-20250101120000-${host}-40001`,
    host,
    port: 40001,
    webuiaddress: `http://${host}:8081`,
    cores: 8,
    coresused: 0,
    coresfree: 8,
    memory: 15360,
    memoryused: 0,
    memoryfree: 15360,
    resources: {},
    resourcesused: {},
    resourcesfree: {},
    state: 'ALIVE',
    lastheartbeat: 1735732815000,
    ...patch,
  };
}

function masterState(patch: Partial<MasterStateJson> = {}): MasterStateJson {
  return {
    url: 'spark://m1:7077',
    workers: [worker('w1')],
    aliveworkers: 1,
    cores: 8,
    coresused: 0,
    memory: 15360,
    memoryused: 0,
    resources: [{}],
    resourcesused: [{}],
    activeapps: [],
    completedapps: [],
    activedrivers: [],
    completeddrivers: [],
    status: 'ALIVE',
    ...patch,
  };
}

/** Imports, expects success, and restores the document the way the page will. */
function importAndRestore(json: unknown): { scenario: Scenario; notes: string[]; warnings: string[] } {
  const r = scenarioFromMasterJson(typeof json === 'string' ? json : JSON.stringify(json, null, 2));
  if (!r.ok) throw new Error(`import failed: ${r.error}`);
  const restored = restoreScenario(r.scenario, { source: 'file' });
  if (!restored.ok) throw new Error(`restore failed: ${JSON.stringify(restored.errors)}`);
  return {
    scenario: restored.scenario,
    notes: r.notes,
    warnings: restored.warnings.map((w) => `${w.path}: ${w.message}`),
  };
}

function errorOf(text: string): string {
  const r = scenarioFromMasterJson(text);
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('scenarioFromMasterJson: a healthy Master', () => {
  it('takes the master from url and the ALIVE workers with their cores and memory', () => {
    const state = masterState({
      url: 'spark://m1:7077',
      workers: [worker('w1', { cores: 8, memory: 16384 }), worker('w2', { cores: 4, memory: 1536 })],
    });
    const { scenario, warnings } = importAndRestore(state);
    expect(scenario.masters).toEqual([{ host: 'm1', port: 7077 }]);
    expect(scenario.workers).toEqual([
      { host: 'w1', cores: 8, memory: '16g' },
      { host: 'w2', cores: 4, memory: '1536m' },
    ]);
    expect(scenario.actions).toEqual([]);
    expect(scenario.version).toBe(1);
    expect(scenario.name).toBe('Imported from spark://m1:7077');
    expect(warnings).toEqual([]);
  });

  it('gives the same memory to the simulated workers as the real ones have (MiB in, MiB out)', async () => {
    const { scenario } = importAndRestore(
      masterState({ workers: [worker('w1', { memory: 15360 }), worker('w2', { memory: 1000 })] }),
    );
    const engine = createEngineApi();
    expect(engine.load(scenario).ok).toBe(true);
    engine.advanceTo(5_000);
    const view = (await engine.panels({ master: true, selection: null }))?.master?.master;
    expect(view?.workers.map((w) => [w.host, w.cores, w.memory])).toEqual([
      ['w1', 8, 15360],
      ['w2', 8, 1000],
    ]);
  });

  it('reads a custom master port and keeps the document free of invented actions', () => {
    const { scenario, notes } = importAndRestore(masterState({ url: 'spark://spark-master.example.com:7177' }));
    expect(scenario.masters).toEqual([{ host: 'spark-master.example.com', port: 7177 }]);
    expect(scenario.actions).toEqual([]);
    expect(notes.some((n) => n.includes('spark-defaults.conf is not part of /json'))).toBe(true);
  });

  it('reads several masters (HA) from a comma-separated url and turns on ZooKeeper recovery', () => {
    const { scenario, notes } = importAndRestore(masterState({ url: 'spark://m1:7077,m2:7078' }));
    expect(scenario.masters).toEqual([
      { host: 'm1', port: 7077 },
      { host: 'm2', port: 7078 },
    ]);
    expect(scenario.conf['spark.deploy.recoveryMode']).toBe('ZOOKEEPER');
    expect(notes.find((n) => n.includes('standby masters'))).toContain('spark.deploy.zookeeper.url');
  });

  it('formats memory as Spark memory strings', () => {
    expect(mibToMemoryString(1024)).toBe('1g');
    expect(mibToMemoryString(16384)).toBe('16g');
    expect(mibToMemoryString(1536)).toBe('1536m');
    expect(mibToMemoryString(1)).toBe('1m');
  });
});

describe('scenarioFromMasterJson: workers that do not carry over as they are', () => {
  it('skips DEAD, DECOMMISSIONED and UNKNOWN workers with a note naming them', () => {
    const { scenario, notes } = importAndRestore(
      masterState({
        workers: [
          worker('w1'),
          worker('w2', { state: 'DEAD' }),
          worker('w3', { state: 'DEAD' }),
          worker('w4', { state: 'DECOMMISSIONED' }),
          worker('w5', { state: 'UNKNOWN' }),
        ],
      }),
    );
    expect(scenario.workers.map((w) => w.host)).toEqual(['w1']);
    expect(notes).toContain('Skipped 2 workers in DEAD (only ALIVE workers offer resources): w2, w3.');
    expect(notes).toContain('Skipped a worker in DECOMMISSIONED (only ALIVE workers offer resources): w4.');
    expect(notes).toContain('Skipped a worker in UNKNOWN (only ALIVE workers offer resources): w5.');
  });

  it('gives duplicate hosts (several workers on one machine, a worker beside the master) machines of their own, with a note', () => {
    const { scenario, notes } = importAndRestore(
      masterState({
        url: 'spark://node1:7077',
        workers: [worker('node1'), worker('node2'), worker('node2'), worker('NODE2')],
      }),
    );
    expect(scenario.masters.map((m) => m.host)).toEqual(['node1']);
    expect(scenario.workers.map((w) => w.host)).toEqual(['node1-2', 'node2', 'node2-2', 'NODE2-3']);
    expect(notes).toContain(
      'Worker host "node1" is already the host of a master; it is "node1-2" in the scenario, where every daemon has a machine of its own.',
    );
    expect(notes).toContain(
      'Worker host "node2" is already the host of a worker; it is "node2-2" in the scenario, where every daemon has a machine of its own.',
    );
    expect(notes.filter((n) => n.startsWith('Worker host')).length).toBe(3);
  });

  it('renames host names the scenario refuses (underscores, the reserved "client", IPv6 literals)', () => {
    const { scenario, notes } = importAndRestore(
      masterState({ url: 'spark://[::1]:7077', workers: [worker('my_host'), worker('client'), worker('-x-')] }),
    );
    expect(scenario.masters).toEqual([{ host: 'master', port: 7077 }]);
    expect(scenario.workers.map((w) => w.host)).toEqual(['my-host', 'client-2', 'x']);
    expect(notes).toContain(
      'Master host "[::1]" is not a host name the scenario accepts; it is "master" in the scenario.',
    );
    expect(notes.some((n) => n.startsWith('Worker host "client" is already the spark-submit machine'))).toBe(true);
  });

  it('keeps IPv4 addresses, which are valid host names', () => {
    const { scenario } = importAndRestore(
      masterState({ url: 'spark://172.18.0.2:7077', workers: [worker('172.18.0.3'), worker('172.18.0.3')] }),
    );
    expect(scenario.masters[0]?.host).toBe('172.18.0.2');
    expect(scenario.workers.map((w) => w.host)).toEqual(['172.18.0.3', '172-2.18.0.3']);
  });

  it('skips workers with missing or wrong fields, saying which and why', () => {
    const { scenario, notes } = importAndRestore(
      masterState({
        workers: [
          worker('w1'),
          { ...worker('w2'), cores: '8' } as unknown as WorkerInfoJson,
          { ...worker('w3'), memory: 0 },
          { ...worker('w4'), host: undefined } as unknown as WorkerInfoJson,
          'w5' as unknown as WorkerInfoJson,
          { ...worker('w6'), cores: 2.5 },
        ],
      }),
    );
    expect(scenario.workers.map((w) => w.host)).toEqual(['w1']);
    expect(notes).toEqual(
      expect.arrayContaining([
        'workers[1] (w2): "cores" should be a whole number of at least 1; got "8"; skipped.',
        'workers[2] (w3): "memory" should be a whole number of MiB of at least 1; got 0; skipped.',
        'workers[3] has no "host" (got nothing); skipped.',
        'workers[4] is "w5", not a worker object; skipped.',
        'workers[5] (w6): "cores" should be a whole number of at least 1; got 2.5; skipped.',
      ]),
    );
  });

  it('mentions custom resources, which the simulation does not model', () => {
    const { notes } = importAndRestore(
      masterState({ workers: [worker('w1', { resources: { gpu: { name: 'gpu', addresses: ['0', '1'] } } })] }),
    );
    expect(notes).toContain('workers[0] (w1) offers custom resources (gpu); the simulation does not model them.');
  });
});

describe('scenarioFromMasterJson: applications and drivers become hints, never actions', () => {
  it('lists running apps and drivers as spark-submit hints', () => {
    const state = masterState({
      activeapps: [
        {
          id: 'app-20250101120100-0000',
          starttime: 1735732860000,
          name: 'Spark Pi',
          cores: 8,
          user: 'alice',
          memoryperexecutor: 2048,
          memoryperslave: 2048,
          resourcesperexecutor: [],
          resourcesperslave: [],
          submitdate: 'Wed Jan 01 12:01:00 UTC 2025',
          state: 'RUNNING',
          duration: 42000,
        },
      ],
      activedrivers: [
        {
          id: 'driver-20250101120000-0000',
          starttime: '1735732800000',
          state: 'RUNNING',
          cores: 1,
          memory: 1024,
          resources: {},
          submitdate: 'Wed Jan 01 12:00:00 UTC 2025',
          worker: 'worker-20250101120000-w1-40001',
          mainclass: 'org.apache.spark.examples.SparkPi',
        },
      ],
      completedapps: [],
      completeddrivers: [],
    });
    const { scenario, notes } = importAndRestore(state);
    expect(scenario.actions).toEqual([]);
    expect(notes).toContain(
      'app-20250101120100-0000 ("Spark Pi", RUNNING, holding 8 cores) is not carried over: the scenario starts with an idle cluster. To run something like it, add a submit action such as: spark-submit --master spark://m1:7077 --name \'Spark Pi\' --executor-memory 2g --total-executor-cores 8 --class <main-class> <application-jar>',
    );
    expect(notes).toContain(
      'driver-20250101120000-0000 (RUNNING) is not carried over (its application, if registered, is listed above). A cluster-mode submission like it: spark-submit --master spark://m1:7077 --deploy-mode cluster --driver-cores 1 --driver-memory 1g --class org.apache.spark.examples.SparkPi <application-jar>',
    );
  });

  it('counts completed apps and drivers in one note', () => {
    const done = { id: 'app-1', name: 'x', state: 'FINISHED' } as unknown as MasterStateJson['completedapps'][number];
    const { notes } = importAndRestore(masterState({ completedapps: [done, done], completeddrivers: [] }));
    expect(notes).toContain('2 completed applications and drivers are history and are not carried over.');
  });

  it('says when the pasted Master is a STANDBY or recovering', () => {
    expect(
      importAndRestore(masterState({ status: 'STANDBY', workers: [] })).notes.some((n) => n.includes('STANDBY')),
    ).toBe(true);
    expect(importAndRestore(masterState({ status: 'RECOVERING' })).notes.some((n) => n.includes('"RECOVERING"'))).toBe(
      true,
    );
  });
});

describe('scenarioFromMasterJson: input it cannot use', () => {
  it("explains bad JSON with the parser's own message, and the line where the parser gives only a position", () => {
    // V8's wording depends on the Node version; the message must say what is wrong and near where.
    expect(errorOf('{"url": "spark://m1:7077",\n  "workers": [,]}')).toMatch(/^This is not valid JSON: .*(,|line 2)/);
    expect(errorOf('{"url": "spark://m1:7077",\n  "workers": [}')).toMatch(/^This is not valid JSON: \S/);
    expect(errorOf('')).toMatch(/^Nothing to read/);
    expect(errorOf('   \n')).toMatch(/^Nothing to read/);
  });

  it('refuses JSON that is not an object, with what it got', () => {
    expect(errorOf('[1, 2]')).toBe('Expected the Master\'s /json, a JSON object with "url" and "workers"; got a list.');
    expect(errorOf('null')).toBe('Expected the Master\'s /json, a JSON object with "url" and "workers"; got null.');
    expect(errorOf('"spark://m1:7077"')).toMatch(/got "spark:\/\/m1:7077"\.$/);
  });

  it("recognises a Worker's /json and a scenario file, and says what to do instead", () => {
    expect(errorOf(JSON.stringify({ id: 'worker-1', masterurl: 'spark://m1:7077', cores: 8, executors: [] }))).toMatch(
      /Worker's \/json/,
    );
    expect(errorOf(JSON.stringify({ version: 1, workers: [] }))).toMatch(/scenario file.*Open a scenario file/);
    expect(errorOf(JSON.stringify({ hello: 'world' }))).toMatch(/neither "url" nor "workers"/);
  });

  it('refuses a workers field that is not a list', () => {
    expect(errorOf(JSON.stringify({ url: 'spark://m1:7077', workers: { w1: {} } }))).toBe(
      '"workers" should be a list of workers; got an object.',
    );
  });

  it('falls back to the default master when url is missing or not a spark:// URL, with a note', () => {
    const missing = importAndRestore({ workers: [worker('w1')] });
    expect(missing.scenario.masters).toEqual([{ host: 'master', port: 7077 }]);
    expect(missing.notes[0]).toMatch(/no "url"/);
    const wrong = importAndRestore({ url: 42, workers: [] });
    expect(wrong.scenario.masters).toEqual([{ host: 'master', port: 7077 }]);
    expect(wrong.notes[0]).toBe(
      '"url" should be the master\'s spark://host:port; got 42, so the master is assumed to be spark://master:7077.',
    );
    const badPort = importAndRestore({ url: 'spark://m1:http', workers: [] });
    expect(badPort.scenario.masters).toEqual([{ host: 'm1', port: 7077 }]);
    expect(badPort.notes[0]).toMatch(/Master port "http" of "m1" is not a port number/);
  });

  it('accepts a Master with no workers list (an empty cluster) and with wrong-typed app lists', () => {
    const r = importAndRestore({ url: 'spark://m1:7077', activeapps: 'none' });
    expect(r.scenario.workers).toEqual([]);
    expect(r.notes).toContain('The JSON has no "workers" list, so the cluster starts without workers.');
    expect(r.notes).toContain('"activeapps" should be a list; got "none"; ignored.');
  });

  it('never throws, whatever it is given', () => {
    const inputs: unknown[] = [
      '{',
      '{"url": null, "workers": null}',
      '{"url": "spark://", "workers": [null, 1, "x", [], {}]}',
      '{"url": "spark://a:1,b:2,c", "workers": [{"host": "a", "cores": 1e400, "memory": -1, "state": "ALIVE"}]}',
      '{"url": "spark://' +
        'x'.repeat(300) +
        ':7077", "workers": [{"host": "' +
        'y'.repeat(300) +
        '", "cores": 1, "memory": 1, "state": "ALIVE"}]}',
      '{"url": "spark://m:7077", "workers": [], "activeapps": [null, {"cores": "x"}], "activedrivers": [1], "status": {}}',
      undefined,
      42,
    ];
    for (const input of inputs) {
      const r = scenarioFromMasterJson(input as string);
      if (r.ok) expect(restoreScenario(r.scenario).ok, String(input)).toBe(true);
      else expect(r.error.length).toBeGreaterThan(0);
    }
  });
});
