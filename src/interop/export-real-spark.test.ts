// exportForRealSpark: the compose file parses and matches the scenario's cluster, the scripts replay its timeline (checked as text and by running them against a stand-in docker), and every built-in scenario exports.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { restoreScenario, singleQuote, type Scenario } from '../engine/public';
import { builtinScenarios } from '../scenarios';
import type { ExportBundle } from './export-real-spark';
import { exportForRealSpark, imageTagOf, projectNameOf, seconds } from './export-real-spark';

// ---- helpers ------------------------------------------------------------------------------------

function restored(doc: unknown): Scenario {
  const r = restoreScenario(doc, { source: 'file' });
  if (!r.ok) throw new Error(`scenario does not restore: ${JSON.stringify(r.errors)}`);
  return r.scenario;
}

function file(bundle: ExportBundle, name: string): string {
  const f = bundle.files.find((x) => x.name === name);
  if (!f) throw new Error(`no ${name} in ${bundle.files.map((x) => x.name).join(', ')}`);
  return f.content;
}

interface ComposeService {
  image: string;
  container_name: string;
  hostname: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: string[];
  profiles?: string[];
  init?: boolean;
  networks: { spark: { aliases: string[] } };
}
interface Compose {
  name: string;
  services: Record<string, ComposeService>;
  networks: { spark: { name: string } };
}

function compose(bundle: ExportBundle): Compose {
  return parse(file(bundle, 'docker-compose.yml')) as Compose;
}

/** The lines a script runs, with the script time at which each runs (the sum of the sleeps before it). */
function timeline(script: string, isCommand: (line: string) => boolean): [number, string][] {
  let t = 0;
  const out: [number, string][] = [];
  for (const line of script.split('\n')) {
    const sleep = /^sleep ([0-9.]+)$/.exec(line);
    if (sleep) t = Math.round((t + Number(sleep[1])) * 1000) / 1000;
    else if (isCommand(line)) out.push([t, line]);
  }
  return out;
}

const HELPER_CALL =
  /^(kill_daemon|power_off|restart_worker|restart_master|decommission_worker|remove_worker|add_worker|cut_off|reconnect|kill_leading_master|restart_first_down_master) /;

const hasBash = spawnSync('bash', ['-c', 'true']).status === 0;
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** `bash -n`: the script parses. */
function bashSyntaxError(script: string): string {
  const r = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
  return r.status === 0 ? '' : r.stderr;
}

// A stand-in for docker: logs every call that changes something (one tab-separated line of
// arguments each), keeps each container's state in a file, answers `inspect` with it and `exec …
// wget` with a Master's /json status. `sleep` is replaced too, so the script runs at once and its
// sleeps land in the same log.
const STUB_DOCKER = `#!/usr/bin/env bash
set -euo pipefail
state_file() { printf '%s/state-%s' "$STUB_DIR" "$(printf '%s' "$1" | od -An -tx1 | tr -d ' \\n')"; }
get_state() { local f; f="$(state_file "$1")"; if [ -f "$f" ]; then cat "$f"; else printf running; fi; }
set_state() { printf '%s' "$2" > "$(state_file "$1")"; }
last="\${*: -1}"
case "$1" in
  inspect) get_state "$last"; echo; exit 0 ;;
  wait) echo 137; exit 0 ;;
  exec)
    if [ "$2" = "\${STUB_LEADER:-}" ]; then echo '{ "status" : "ALIVE" }'; else echo '{ "status" : "STANDBY" }'; fi
    exit 0 ;;
esac
(IFS=$'\\t'; printf 'docker\\t%s\\n' "$*") >> "$STUB_DIR/calls.log"
case "$1" in
  kill) if [ "$3" = KILL ]; then set_state "$last" exited; fi ;;
  pause) set_state "$last" paused ;;
  start | restart) set_state "$last" running ;;
  stop) set_state "$last" exited ;;
esac
`;
const STUB_SLEEP = `#!/usr/bin/env bash
printf 'sleep\\t%s\\n' "$1" >> "$STUB_DIR/calls.log"
`;

/** Writes the bundle to a folder and runs one of its scripts against the stand-ins; returns the calls. */
function runScript(
  bundle: ExportBundle,
  script: string,
  env: Record<string, string> = {},
): { status: number | null; calls: string[][]; stderr: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'interop-export-'));
  temporary.push(dir);
  const stubs = join(dir, 'stubs');
  spawnSync('mkdir', [stubs]);
  writeFileSync(join(stubs, 'docker'), STUB_DOCKER);
  writeFileSync(join(stubs, 'sleep'), STUB_SLEEP);
  chmodSync(join(stubs, 'docker'), 0o755);
  chmodSync(join(stubs, 'sleep'), 0o755);
  for (const f of bundle.files) writeFileSync(join(dir, f.name), f.content);
  const r = spawnSync('bash', [script], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env, PATH: `${stubs}:${process.env.PATH ?? ''}`, STUB_DIR: dir },
  });
  const log = existsSync(join(dir, 'calls.log')) ? readFileSync(join(dir, 'calls.log'), 'utf8') : '';
  return {
    status: r.status,
    calls: log
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => l.split('\t')),
    stderr: r.stderr,
    dir,
  };
}

/** Calls with their script time (the stand-in sleep's total before them). */
function timed(calls: string[][]): [number, string][] {
  let t = 0;
  const out: [number, string][] = [];
  for (const c of calls) {
    if (c[0] === 'sleep') t = Math.round((t + Number(c[1])) * 1000) / 1000;
    else out.push([t, c.join(' ')]);
  }
  return out;
}

// ---- the scenarios ------------------------------------------------------------------------------

const EXAMPLES = '/opt/spark/examples/jars/spark-examples_2.13-4.0.0.jar';

/** One of everything: two submits, every fault kind, a host removed and added again, actions that cannot be applied. */
const rich = restored({
  version: 1,
  name: 'Interop test',
  conf: { 'spark.deploy.spreadOut': 'false', 'spark.decommission.enabled': 'true' },
  workers: [
    { host: 'w1', cores: 8, memory: '16g' },
    { host: 'w2', cores: 4, memory: '8g', port: 7078 },
  ],
  actions: [
    {
      at: 0,
      type: 'submit',
      command: `spark-submit --master spark://master:7077 --class org.apache.spark.examples.SparkPi ${EXAMPLES} 100`,
      workload: { tasks: 100, taskMs: 500 },
    },
    {
      at: 5000,
      type: 'submit',
      command:
        "SPARK_PRINT_LAUNCH_COMMAND=1 $SPARK_HOME/bin/spark-submit --master spark://master:7077 --deploy-mode cluster --name 'My App' --conf 'spark.executor.extraJavaOptions=-Da=b -Dc=d' --class org.apache.spark.examples.SparkPi $SPARK_HOME/examples/jars/spark-examples_2.13-4.0.0.jar 10",
      executorFault: { kind: 'launch-failure' },
    },
    { at: 20000, type: 'kill-worker', target: 'w2' },
    { at: 30000, type: 'restart-worker', target: 'w2' },
    { at: 45500, type: 'power-off', target: 'w1' },
    { at: 50000, type: 'partition', between: ['w1', 'master'] },
    { at: 55000, type: 'partition', between: ['client', 'w1'], oneWay: true },
    { at: 60000, type: 'heal', between: ['master', 'w1'] },
    { at: 62000, type: 'heal' },
    { at: 65000, type: 'restart-worker', target: 'w1' },
    { at: 70000, type: 'decommission-worker', target: 'w2' },
    { at: 80000, type: 'remove-worker', target: 'w2' },
    { at: 90000, type: 'add-worker', host: 'w2', cores: 2, memory: '4g' },
    { at: 95000, type: 'kill-executor', target: 'app-20260101000000-0000/0' },
    { at: 96000, type: 'set-conf', key: 'spark.deploy.spreadOut', value: 'true' },
    { at: 97000, type: 'kill-driver', target: 'driver-20260101000005-0000' },
    { at: 98000, type: 'crash-driver', target: 'driver-20260101000005-0000' },
    { at: 99000, type: 'kill-app', target: 'app-20260101000000-0000' },
    { at: 100000, type: 'kill-master' },
    { at: 110000, type: 'restart-master' },
    { at: 120000, type: 'kill-worker', target: 'w2' },
  ],
});

/** Standby masters with ZooKeeper (no url: the simulation's default server), faults without a target. */
const ha = restored({
  version: 1,
  name: 'HA pair',
  conf: { 'spark.deploy.recoveryMode': 'ZOOKEEPER', 'spark.master.rest.enabled': 'true' },
  masters: [{ host: 'm1' }, { host: 'm2', port: 7078 }],
  workers: [{ host: 'w1', cores: 2, memory: '2g' }],
  actions: [
    { at: 1000, type: 'kill-master' },
    { at: 2500, type: 'restart-master' },
    { at: 3000, type: 'partition', between: ['m2', 'zookeeper'] },
    { at: 4000, type: 'power-off', target: 'm1' },
  ],
});

const richBundle = exportForRealSpark(rich);
const haBundle = exportForRealSpark(ha);

// ---- docker-compose.yml -------------------------------------------------------------------------

describe('docker-compose.yml', () => {
  it('parses as YAML with one service per master and worker, the client machine, and a shared network', () => {
    const c = compose(richBundle);
    expect(c.name).toBe('interop-test');
    expect(Object.keys(c.services)).toEqual(['master', 'w1', 'w2', 'w2-2', 'client']);
    expect(c.networks.spark.name).toBe('interop-test-net');
    for (const [name, s] of Object.entries(c.services)) {
      expect(s.image).toBe('apache/spark:4.0.0');
      expect(s.container_name).toBe(`interop-test-${name}`);
      expect(s.networks.spark.aliases).toEqual([s.hostname]);
      expect(s.volumes).toEqual(['./spark-defaults.conf:/opt/spark/conf/spark-defaults.conf:ro']);
    }
  });

  it('starts the Master with its host and port, and publishes its UI, RPC and REST ports on the loopback', () => {
    const m = compose(richBundle).services.master;
    expect(m?.hostname).toBe('master');
    expect(m?.command).toEqual(['/opt/spark/bin/spark-class', 'org.apache.spark.deploy.master.Master']);
    expect(m?.environment).toEqual({
      SPARK_MASTER_HOST: 'master',
      SPARK_MASTER_PORT: '7077',
      SPARK_LOCAL_HOSTNAME: 'master',
    });
    expect(m?.ports).toEqual(['127.0.0.1:8080:8080', '127.0.0.1:7077:7077', '127.0.0.1:6066:6066']);
  });

  it("passes each worker's cores, memory and port through the environment and points it at the master", () => {
    const s = compose(richBundle).services;
    expect(s.w1?.command).toEqual([
      '/opt/spark/bin/spark-class',
      'org.apache.spark.deploy.worker.Worker',
      'spark://master:7077',
    ]);
    expect(s.w1?.environment).toEqual({
      SPARK_WORKER_CORES: '8',
      SPARK_WORKER_MEMORY: '16g',
      SPARK_LOCAL_HOSTNAME: 'w1',
    });
    expect(s.w2?.environment).toEqual({
      SPARK_WORKER_CORES: '4',
      SPARK_WORKER_MEMORY: '8g',
      SPARK_WORKER_PORT: '7078',
      SPARK_LOCAL_HOSTNAME: 'w2',
    });
    expect(s.w1?.depends_on).toEqual(['master']);
    expect(s.w1?.ports).toBeUndefined();
    expect(s.w1?.profiles).toBeUndefined();
  });

  it('keeps a worker that add-worker brings back under a used host name in a profile of its own, with that host name', () => {
    const w = compose(richBundle).services['w2-2'];
    expect(w?.hostname).toBe('w2');
    expect(w?.networks.spark.aliases).toEqual(['w2']);
    expect(w?.profiles).toEqual(['added-later']);
    expect(w?.environment).toEqual({ SPARK_WORKER_CORES: '2', SPARK_WORKER_MEMORY: '4g', SPARK_LOCAL_HOSTNAME: 'w2' });
  });

  it('runs the client machine idle, for submit.sh to exec spark-submit in', () => {
    const client = compose(richBundle).services.client;
    expect(client?.hostname).toBe('client');
    expect(client?.command).toEqual(['sleep', 'infinity']);
    expect(client?.init).toBe(true);
  });

  it("for standby masters: a ZooKeeper service, every master in the workers' URL, and distinct host ports", () => {
    const c = compose(haBundle);
    expect(Object.keys(c.services)).toEqual(['zookeeper', 'm1', 'm2', 'w1', 'client']);
    expect(c.services.zookeeper?.image).toBe('zookeeper:3.9');
    expect(c.services.zookeeper?.hostname).toBe('zookeeper');
    expect(c.services.m1?.depends_on).toEqual(['zookeeper']);
    expect(c.services.m1?.environment?.SPARK_MASTER_OPTS).toBe('-Dspark.deploy.zookeeper.url=zookeeper:2181');
    expect(c.services.m2?.environment?.SPARK_MASTER_PORT).toBe('7078');
    expect(c.services.m1?.ports).toEqual(['127.0.0.1:8080:8080', '127.0.0.1:7077:7077', '127.0.0.1:6066:6066']);
    expect(c.services.m2?.ports).toEqual(['127.0.0.1:8081:8080', '127.0.0.1:7078:7078', '127.0.0.1:6067:6066']);
    expect(c.services.w1?.command?.[2]).toBe('spark://m1:7077,m2:7078');
    expect(c.services.w1?.depends_on).toEqual(['m1', 'm2']);
  });

  it("runs ZooKeeper beside a master when spark.deploy.zookeeper.url names the master's host", () => {
    const s = restored({
      version: 1,
      name: 'zk beside',
      conf: { 'spark.deploy.recoveryMode': 'ZOOKEEPER', 'spark.deploy.zookeeper.url': 'm1:2181' },
      masters: [{ host: 'm1' }, { host: 'm2' }],
      workers: [],
      actions: [{ at: 1000, type: 'kill-master', target: 'm1' }],
    });
    const bundle = exportForRealSpark(s);
    const c = compose(bundle);
    expect(Object.keys(c.services)).toEqual(['m1-zookeeper', 'm1', 'm2', 'client']);
    const zk = c.services['m1-zookeeper'] as unknown as Record<string, unknown>;
    expect(zk.network_mode).toBe('service:m1');
    expect(zk.depends_on).toEqual(['m1']);
    expect(zk.hostname).toBeUndefined();
    expect(zk.networks).toBeUndefined();
    // No cycle: the masters do not wait for a ZooKeeper that waits for one of them.
    expect(c.services.m1?.depends_on).toBeUndefined();
    expect(c.services.m1?.environment?.SPARK_MASTER_OPTS).toBeUndefined();
    expect(timeline(file(bundle, 'faults.sh'), (l) => HELPER_CALL.test(l))).toEqual([
      [1, "kill_daemon 'zk-beside-m1'"],
    ]);
    expect(bundle.notes).toContain(
      "ZooKeeper shares the network of m1's container; when that container stops, ZooKeeper is cut off until it is restarted too.",
    );
  });

  it("uses spark.master.ui.port and spark.master.rest.port from the scenario's conf", () => {
    const c = compose(
      exportForRealSpark(
        restored({
          version: 1,
          conf: { 'spark.master.ui.port': '18080', 'spark.master.rest.port': '16066' },
          workers: [],
        }),
      ),
    );
    expect(c.services.master?.ports).toEqual(['127.0.0.1:18080:18080', '127.0.0.1:7077:7077', '127.0.0.1:16066:16066']);
  });

  it('round trip: the compose workers are the scenario workers', () => {
    const scenario = restored({
      version: 1,
      workers: [
        { host: 'a', cores: 1, memory: '512m' },
        { host: 'worker-2.example.com', cores: 16, memory: '64g', port: 40000 },
        { host: '123', cores: 3, memory: '1073741824' },
      ],
    });
    const services = compose(exportForRealSpark(scenario)).services;
    const workers = Object.values(services)
      .filter((s) => s.command?.[1] === 'org.apache.spark.deploy.worker.Worker')
      .map((s) => ({
        host: s.hostname,
        cores: Number(s.environment?.SPARK_WORKER_CORES),
        memory: s.environment?.SPARK_WORKER_MEMORY,
        ...(s.environment?.SPARK_WORKER_PORT !== undefined ? { port: Number(s.environment.SPARK_WORKER_PORT) } : {}),
      }));
    // A JS object lists integer-like keys ("123") first, whatever the file's order: compare by host.
    const byHost = (a: { host: string }, b: { host: string }) => a.host.localeCompare(b.host);
    expect(workers.sort(byHost)).toEqual([...scenario.workers].sort(byHost));
    // "123" stays a string in YAML: every scalar is quoted.
    expect(services['123']?.hostname).toBe('123');
  });

  it('quotes odd values so YAML reads them back exactly, and doubles $ against Compose interpolation', () => {
    const odd = { ...restored({ version: 1, workers: [{ host: 'w1', cores: 1, memory: '1g' }] }) };
    odd.workers = [
      { host: 'null', cores: 1, memory: 'true' },
      { host: "w'1 $(touch pwned)", cores: 2, memory: '1g' },
    ];
    const services = compose(exportForRealSpark(odd)).services;
    expect(services.null?.hostname).toBe('null');
    expect(services.null?.environment?.SPARK_WORKER_MEMORY).toBe('true');
    const weird = Object.values(services).find((s) => s.hostname.startsWith('w'));
    expect(weird?.hostname).toBe("w'1 $$(touch pwned)");
    expect(weird?.container_name).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/);
  });
});

// ---- spark-env.sh and spark-defaults.conf --------------------------------------------------------

describe('spark-env.sh and spark-defaults.conf', () => {
  it('writes one spark-env.sh per daemon, workers with SPARK_WORKER_* and masters with SPARK_MASTER_*', () => {
    expect(richBundle.files.map((f) => f.name)).toEqual([
      'docker-compose.yml',
      'spark-defaults.conf',
      'submit.sh',
      'faults.sh',
      'spark-env-master.sh',
      'spark-env-w1.sh',
      'spark-env-w2.sh',
      'spark-env-w2-2.sh',
    ]);
    const assignments = (name: string) =>
      file(richBundle, name)
        .split('\n')
        .filter((l) => /^[A-Z_]+=/.test(l));
    expect(assignments('spark-env-master.sh')).toEqual([
      'SPARK_MASTER_HOST=master',
      'SPARK_MASTER_PORT=7077',
      'SPARK_LOCAL_HOSTNAME=master',
    ]);
    expect(assignments('spark-env-w1.sh')).toEqual([
      'SPARK_WORKER_CORES=8',
      'SPARK_WORKER_MEMORY=16g',
      'SPARK_LOCAL_HOSTNAME=w1',
    ]);
    expect(assignments('spark-env-w2.sh')).toEqual([
      'SPARK_WORKER_CORES=4',
      'SPARK_WORKER_MEMORY=8g',
      'SPARK_WORKER_PORT=7078',
      'SPARK_LOCAL_HOSTNAME=w2',
    ]);
    expect(assignments('spark-env-w2-2.sh')).toEqual([
      'SPARK_WORKER_CORES=2',
      'SPARK_WORKER_MEMORY=4g',
      'SPARK_LOCAL_HOSTNAME=w2',
    ]);
    const w1 = file(richBundle, 'spark-env-w1.sh').split('\n');
    expect(w1[0]).toBe('#!/usr/bin/env bash');
    expect(w1.join('\n')).toContain('$SPARK_HOME/sbin/start-worker.sh spark://master:7077');
    expect(file(richBundle, 'spark-env-w2-2.sh')).toContain('# It joins the cluster at 90 s (add-worker).');
    expect(file(richBundle, 'spark-env-master.sh')).toContain('$SPARK_HOME/sbin/start-master.sh');
  });

  it('gives standby masters the ZooKeeper URL the simulation assumes when the conf has none', () => {
    expect(file(haBundle, 'spark-env-m1.sh')).toContain(
      'SPARK_MASTER_OPTS=-Dspark.deploy.zookeeper.url=zookeeper:2181',
    );
  });

  it('writes the conf as key value lines, escaped as Java properties', () => {
    const lines = file(richBundle, 'spark-defaults.conf').split('\n');
    expect(lines.filter((l) => l !== '' && !l.startsWith('#'))).toEqual([
      'spark.deploy.spreadOut false',
      'spark.decommission.enabled true',
    ]);
    const odd = restored({
      version: 1,
      workers: [],
      conf: { 'spark.a b': ' x=1:2 #3 \\ y', 'spark.multi': 'one\ntwo' },
    });
    const content = file(exportForRealSpark(odd), 'spark-defaults.conf');
    expect(content).toContain('spark.a\\ b \\ x=1:2 #3 \\\\ y\n');
    expect(content).toContain('spark.multi one\\ntwo\n');
    expect(file(exportForRealSpark(restored({ version: 1, workers: [] })), 'spark-defaults.conf')).toContain(
      "# (No settings: Spark's defaults apply.)",
    );
  });
});

// ---- submit.sh ----------------------------------------------------------------------------------

describe('submit.sh', () => {
  const script = file(richBundle, 'submit.sh');
  const lines = script.split('\n');

  it('is a strict bash script that runs from its own folder', () => {
    expect(lines[0]).toBe('#!/usr/bin/env bash');
    expect(lines).toContain('set -euo pipefail');
    expect(lines).toContain('cd "$(dirname "${BASH_SOURCE[0]}")"');
    if (hasBash) expect(bashSyntaxError(script)).toBe('');
  });

  it('runs each spark-submit line in the client container, in the background, at its time', () => {
    expect(timeline(script, (l) => l.startsWith('docker '))).toEqual([
      [
        0,
        `docker compose exec -T -w /opt/spark 'client' /opt/spark/bin/spark-submit --master spark://master:7077 --class org.apache.spark.examples.SparkPi ${EXAMPLES} 100 &`,
      ],
      [
        5,
        `docker compose exec -T -w /opt/spark -e SPARK_PRINT_LAUNCH_COMMAND=1 'client' /opt/spark/bin/spark-submit --master spark://master:7077 --deploy-mode cluster --name 'My App' --conf 'spark.executor.extraJavaOptions=-Da=b -Dc=d' --class org.apache.spark.examples.SparkPi ${EXAMPLES} 10 &`,
      ],
    ]);
    expect(lines.filter((l) => l === 'pids+=("$!")').length).toBe(2);
    expect(script).toContain('# In the simulation this application runs 100 tasks of 500 ms');
    expect(script).toContain('# The scenario makes every executor of this app fail to launch');
    expect(script.trimEnd().endsWith('exit "$status"')).toBe(true);
  });

  it.skipIf(!hasBash)('passes exactly the words the simulation parsed to docker', () => {
    const run = runScript(richBundle, 'submit.sh');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const execs = run.calls.filter((c) => c[0] === 'docker').sort((a, b) => a.length - b.length);
    expect(execs[0]).toEqual([
      'docker',
      'compose',
      'exec',
      '-T',
      '-w',
      '/opt/spark',
      'client',
      '/opt/spark/bin/spark-submit',
      '--master',
      'spark://master:7077',
      '--class',
      'org.apache.spark.examples.SparkPi',
      EXAMPLES,
      '100',
    ]);
    expect(execs[1]).toEqual([
      'docker',
      'compose',
      'exec',
      '-T',
      '-w',
      '/opt/spark',
      '-e',
      'SPARK_PRINT_LAUNCH_COMMAND=1',
      'client',
      '/opt/spark/bin/spark-submit',
      '--master',
      'spark://master:7077',
      '--deploy-mode',
      'cluster',
      '--name',
      'My App',
      '--conf',
      'spark.executor.extraJavaOptions=-Da=b -Dc=d',
      '--class',
      'org.apache.spark.examples.SparkPi',
      EXAMPLES,
      '10',
    ]);
    expect(run.calls.filter((c) => c[0] === 'sleep')).toEqual([['sleep', '5']]);
  });

  it('says so when a scenario submits nothing', () => {
    const s = file(exportForRealSpark(restored({ version: 1, workers: [] })), 'submit.sh');
    expect(s).toContain("echo 'This scenario submits no application.'");
    expect(s).not.toContain('pids');
    if (hasBash) expect(bashSyntaxError(s)).toBe('');
  });
});

// ---- faults.sh ----------------------------------------------------------------------------------

describe('faults.sh', () => {
  const script = file(richBundle, 'faults.sh');
  const lines = script.split('\n');

  it('is a strict bash script that runs from its own folder and names the network', () => {
    expect(lines[0]).toBe('#!/usr/bin/env bash');
    expect(lines).toContain('set -euo pipefail');
    expect(lines).toContain('cd "$(dirname "${BASH_SOURCE[0]}")"');
    expect(lines).toContain("readonly NETWORK='interop-test-net'");
    if (hasBash) expect(bashSyntaxError(script)).toBe('');
  });

  it('applies each fault at its time, to the container the host is at that moment', () => {
    expect(timeline(script, (l) => HELPER_CALL.test(l))).toEqual([
      [20, "kill_daemon 'interop-test-w2'"],
      [30, "restart_worker 'interop-test-w2'"],
      [45.5, "power_off 'interop-test-w1'"],
      [50, "cut_off 'interop-test-w1'"],
      [62, "reconnect 'interop-test-w1' 'w1'"],
      [65, "restart_worker 'interop-test-w1'"],
      [70, "decommission_worker 'interop-test-w2'"],
      [80, "remove_worker 'interop-test-w2'"],
      [90, "add_worker 'w2-2'"],
      [100, "kill_daemon 'interop-test-master'"],
      [110, "restart_master 'interop-test-master'"],
      [120, "kill_daemon 'interop-test-w2-2'"],
    ]);
  });

  it('defines the helpers with the docker commands the brief asks for', () => {
    for (const expected of [
      'run docker kill --signal KILL "$1" >/dev/null',
      'run docker pause "$1" >/dev/null',
      'run docker start "$1" >/dev/null',
      'run docker restart "$1" >/dev/null',
      'run docker kill --signal PWR "$1" >/dev/null',
      'run docker stop "$1" >/dev/null',
      'run docker compose up --detach --no-deps "$1"',
      'run docker network disconnect "$NETWORK" "$1"',
      'run docker network connect --alias "$2" "$NETWORK" "$1"',
    ]) {
      expect(
        lines.some((l) => l.includes(expected)),
        expected,
      ).toBe(true);
    }
    // Helpers nothing calls are left out.
    expect(script).not.toContain('kill_leading_master()');
  });

  it('explains in a comment why power-off is a pause and not a kill', () => {
    const block = script.slice(script.indexOf('# power-off:'), script.indexOf('power_off() {'));
    expect(block).toMatch(/docker kill would not do/);
    expect(block).toMatch(/cannot|can tell them apart|look the same/);
  });

  it('keeps every action it cannot apply as a comment at its time, never dropping one', () => {
    for (const expected of [
      '# 95 s · kill-executor app-20260101000000-0000/0: not applied.',
      '# 96 s · set-conf spark.deploy.spreadOut="true": not applied.',
      '# 97 s · kill-driver driver-20260101000005-0000: not applied.',
      '# 98 s · crash-driver driver-20260101000005-0000: not applied.',
      '# 99 s · kill-app app-20260101000000-0000: not applied.',
      '# 55 s · partition client → w1: w1 is taken off the network',
      '# w1 is already off the network for an earlier partition.',
      '# w1 stays off the network: another partition still cuts it.',
    ]) {
      expect(
        lines.some((l) => l.startsWith(expected)),
        expected,
      ).toBe(true);
    }
    const nonSubmit = rich.actions.filter((a) => a.type !== 'submit');
    const stamped = lines.filter((l) => /^# [0-9.]+ s · /.test(l));
    expect(stamped.length).toBe(nonSubmit.length);
    expect(richBundle.notes.at(-1)).toBe(
      'Not applied from outside (kept as comments in faults.sh): kill-executor at 95 s, set-conf at 96 s, kill-driver at 97 s, crash-driver at 98 s, kill-app at 99 s.',
    );
  });

  it.skipIf(!hasBash)('run against a stand-in docker: the expected docker commands at the expected times', () => {
    const run = runScript(richBundle, 'faults.sh');
    expect(run.status, run.stderr).toBe(0);
    expect(timed(run.calls)).toEqual([
      [20, 'docker kill --signal KILL interop-test-w2'],
      [30, 'docker start interop-test-w2'],
      [45.5, 'docker pause interop-test-w1'],
      [50, 'docker network disconnect interop-test-net interop-test-w1'],
      [62, 'docker network connect --alias w1 interop-test-net interop-test-w1'],
      // A powered-off (paused) machine comes back without its old processes.
      [65, 'docker kill --signal KILL interop-test-w1'],
      [65, 'docker start interop-test-w1'],
      [70, 'docker kill --signal PWR interop-test-w2'],
      [80, 'docker stop interop-test-w2'],
      [90, 'docker compose up --detach --no-deps w2-2'],
      [100, 'docker kill --signal KILL interop-test-master'],
      [110, 'docker start interop-test-master'],
      [120, 'docker kill --signal KILL interop-test-w2-2'],
    ]);
    expect(run.stderr).toMatch(/\[faults\.sh \d\d:\d\d:\d\d\] docker kill --signal KILL interop-test-w2/);
  });

  it.skipIf(!hasBash)('skips, with a message, a fault whose daemon is already down', () => {
    const s = restored({
      version: 1,
      name: 'twice',
      workers: [{ host: 'w1', cores: 1, memory: '1g' }],
      actions: [
        { at: 1000, type: 'kill-worker', target: 'w1' },
        { at: 2000, type: 'kill-worker', target: 'w1' },
        { at: 3000, type: 'power-off', target: 'w1' },
        { at: 4000, type: 'restart-master' },
      ],
    });
    const run = runScript(exportForRealSpark(s), 'faults.sh');
    expect(run.status, run.stderr).toBe(0);
    expect(timed(run.calls)).toEqual([[1, 'docker kill --signal KILL twice-w1']]);
    expect(run.stderr).toContain('twice-w1 is not running: nothing to kill');
    expect(run.stderr).toContain('twice-w1 is not running: nothing to power off');
    expect(run.stderr).toContain('twice-master is already running: nothing to restart');
  });

  it('with standby masters, finds the leader (and then the master that is down) at run time', () => {
    const ha = file(haBundle, 'faults.sh');
    expect(timeline(ha, (l) => HELPER_CALL.test(l))).toEqual([
      [1, "kill_leading_master 'ha-pair-m1' 'ha-pair-m2'"],
      [2.5, "restart_first_down_master 'ha-pair-m1' 'ha-pair-m2'"],
      // Master against ZooKeeper: the master is cut off, not ZooKeeper (which every master needs).
      [3, "cut_off 'ha-pair-m2'"],
      [4, "power_off 'ha-pair-m1'"],
    ]);
    expect(ha).toContain("wget -qO- 'http://localhost:8080/json/'");
    if (hasBash) expect(bashSyntaxError(ha)).toBe('');
  });

  it.skipIf(!hasBash)('with standby masters, kills the one whose /json says ALIVE', () => {
    const run = runScript(haBundle, 'faults.sh', { STUB_LEADER: 'ha-pair-m2' });
    expect(run.status, run.stderr).toBe(0);
    expect(timed(run.calls)).toEqual([
      [1, 'docker kill --signal KILL ha-pair-m2'],
      [2.5, 'docker start ha-pair-m2'],
      [3, 'docker network disconnect ha-pair-net ha-pair-m2'],
      [4, 'docker pause ha-pair-m1'],
    ]);
  });

  it.skipIf(!hasBash)('quotes odd host names: they reach docker as one word and run nothing', () => {
    const s = { ...restored({ version: 1, name: 'odd', workers: [{ host: 'w1', cores: 1, memory: '1g' }] }) };
    // Not a valid scenario (restore refuses such hosts): the export must still be safe with it.
    const host = "w'1 $(touch pwned) `touch pwned2`";
    s.workers = [{ host, cores: 1, memory: '1g' }];
    s.actions = [
      { at: 1000, type: 'partition', between: [host, 'master'] },
      { at: 2000, type: 'heal' },
    ];
    const bundle = exportForRealSpark(s);
    const faults = file(bundle, 'faults.sh');
    expect(faults).toContain(`reconnect 'odd-w-1-touch-pwned-touch-pwned2-' ${singleQuote(host)}`);
    expect(bashSyntaxError(faults)).toBe('');
    const run = runScript(bundle, 'faults.sh');
    expect(run.status, run.stderr).toBe(0);
    expect(run.calls.filter((c) => c[0] === 'docker')).toEqual([
      ['docker', 'network', 'disconnect', 'odd-net', 'odd-w-1-touch-pwned-touch-pwned2-'],
      ['docker', 'network', 'connect', '--alias', host, 'odd-net', 'odd-w-1-touch-pwned-touch-pwned2-'],
    ]);
    expect(existsSync(join(run.dir, 'pwned'))).toBe(false);
    expect(existsSync(join(run.dir, 'pwned2'))).toBe(false);
  });

  it('turns a newline in a value into more comment lines, never into code', () => {
    const s = restored({
      version: 1,
      workers: [],
      actions: [{ at: 0, type: 'set-conf', key: 'spark.x', value: 'a\nrm -rf /' }],
    });
    const faults = file(exportForRealSpark(s), 'faults.sh');
    expect(faults.split('\n').some((l) => l.startsWith('rm'))).toBe(false);
    expect(faults).toContain('# 0 s · set-conf spark.x="a\\nrm -rf /": not applied.');
  });

  it('says so when a scenario has no cluster actions', () => {
    const s = file(exportForRealSpark(restored({ version: 1, workers: [] })), 'faults.sh');
    expect(s).toContain("say 'This scenario has no cluster actions: nothing to do.'");
  });
});

// ---- names, notes and the built-in scenarios -----------------------------------------------------

describe('names and notes', () => {
  it('derives the Compose project name and the image tag', () => {
    expect(projectNameOf('A worker loses power: only the heartbeat timeout notices')).toBe(
      'a-worker-loses-power-only-the-heartbeat',
    );
    expect(projectNameOf('Café  Übung!')).toBe('cafe-ubung');
    expect(projectNameOf('???')).toBe('spark-playground');
    expect(imageTagOf('4.0')).toBe('4.0.0');
    expect(imageTagOf('3.5.1')).toBe('3.5.1');
    expect(seconds(45500)).toBe('45.5');
    expect(seconds(0)).toBe('0');
    expect(singleQuote("it's")).toBe("'it'\\''s'");
  });

  it('lists what differs from the simulation', () => {
    expect(haBundle.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^The simulated network \(2 ms latency, 1 ms jitter\)/),
        expect.stringMatching(/^power-off pauses the container/),
        expect.stringMatching(/^A partition takes one side off the whole Docker network/),
        'spark.deploy.zookeeper.url is not set; the Masters are given zookeeper:2181, where the simulation runs ZooKeeper.',
      ]),
    );
    const noDecommission = exportForRealSpark(
      restored({
        version: 1,
        workers: [{ host: 'w1', cores: 1, memory: '1g' }],
        actions: [{ at: 0, type: 'decommission-worker', target: 'w1' }],
      }),
    );
    expect(noDecommission.notes).toContain(
      'spark.decommission.enabled is not true, so a real Worker ignores the decommission signal (as the simulated one does).',
    );
  });

  it('is deterministic: the same scenario gives the same files', () => {
    expect(exportForRealSpark(rich)).toEqual(richBundle);
  });
});

describe('the built-in scenarios', () => {
  it.each(builtinScenarios.map((b) => [b.id, b] as const))('%s exports valid YAML and scripts', (_id, b) => {
    const scenario = restored(b.scenario);
    const bundle = exportForRealSpark(scenario);
    const c = compose(bundle);
    const hosts = Object.values(c.services).map((s) => s.hostname);
    for (const w of scenario.workers) expect(hosts).toContain(w.host);
    for (const m of scenario.masters) expect(hosts).toContain(m.host);
    for (const f of bundle.files) {
      expect(f.content.endsWith('\n'), f.name).toBe(true);
      if (hasBash && f.name.endsWith('.sh')) expect(bashSyntaxError(f.content), f.name).toBe('');
    }
    const submits = scenario.actions.filter((a) => a.type === 'submit').length;
    expect(
      file(bundle, 'submit.sh')
        .split('\n')
        .filter((l) => l.startsWith('docker compose exec')).length,
    ).toBe(submits);
  });
});
