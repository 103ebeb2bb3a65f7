// Turns a scenario into files that run it on a real Spark Standalone cluster in Docker: spark-env.sh per daemon, spark-defaults.conf, docker-compose.yml, submit.sh and faults.sh.
import {
  CLIENT_HOST,
  DEFAULT_SPARK_HOME,
  DEFAULT_ZOOKEEPER_HOST,
  ZOOKEEPER_CLIENT_PORT,
  shellQuote,
  singleQuote,
  splitShellWords,
  zooKeeperServers,
  type Action,
  type Scenario,
  type SubmitAction,
} from '../engine/public';
import { slugOf } from './slug';

/** One generated file. */
export interface ExportFile {
  /** File name, flat (no folders): what the download is called. */
  name: string;
  /** One sentence: what the file is for. */
  description: string;
  /** MIME type of the download. */
  mediaType: string;
  content: string;
}

export interface ExportBundle {
  /** Docker Compose project name; every container is called `<projectName>-<service>`. */
  projectName: string;
  /** The Spark image every Spark container runs, e.g. `apache/spark:4.0.0`. */
  image: string;
  /** docker-compose.yml, spark-defaults.conf, submit.sh, faults.sh, then one spark-env-<service>.sh per daemon. */
  files: ExportFile[];
  /** What does not carry over to a real cluster, in plain sentences. */
  notes: string[];
}

/** The official image of the Apache Spark project (Docker Hub apache/spark, built from apache/spark-docker). */
const SPARK_IMAGE = 'apache/spark';
/** The Docker Official Image of ZooKeeper; 3.9 speaks the protocol of Spark 4's Curator client. */
const ZOOKEEPER_IMAGE = 'zookeeper:3.9';
/** SPARK_HOME in apache/spark images (their Dockerfile: ENV SPARK_HOME=/opt/spark). */
const SPARK_HOME = '/opt/spark';
const DEFAULTS_IN_IMAGE = `${SPARK_HOME}/conf/spark-defaults.conf`;
/** Compose profile of workers an add-worker action starts later: `docker compose up` leaves them out. */
const ADDED_LATER_PROFILE = 'added-later';
const MASTER_UI_PORT = 8080;
const MASTER_REST_PORT = 6066;

type Role = 'master' | 'worker' | 'client' | 'zookeeper';

/** One container of the cluster. */
interface Service {
  /** Compose service name. */
  name: string;
  container: string;
  /** Host name inside the cluster: the container's hostname and network alias. */
  host: string;
  role: Role;
  /** Workers. */
  cores?: number;
  memory?: string;
  port?: number;
  /** Masters: RPC port. */
  masterPort?: number;
  /** Workers started by an add-worker action: when. */
  addedAt?: number;
  /** ZooKeeper on the host of a master or worker: it joins that container's network namespace. */
  sharesNetworkWith?: Service;
}

interface Plan {
  scenario: Scenario;
  project: string;
  network: string;
  image: string;
  masters: Service[];
  /** Initial workers, then those of add-worker actions in timeline order. */
  workers: Service[];
  client: Service;
  zookeeper: Service | undefined;
  /** The service each add-worker action starts. */
  added: Map<Action, Service>;
  /** Actions in the order they happen. */
  timeline: Action[];
  masterUrl: string;
  uiPort: number;
  restPort: number;
  /** ZOOKEEPER recovery without spark.deploy.zookeeper.url: where the simulation (and this export) runs it. */
  zooKeeperUrlFallback: string | undefined;
}

// ---- small writers ------------------------------------------------------------------------------

/**
 * A YAML scalar for docker-compose.yml: JSON's double-quoted strings are valid YAML, so no value is
 * read as a number, bool or null; `$` is doubled because Compose interpolates `$VAR` in values.
 */
function y(value: string | number): string {
  return JSON.stringify(String(value).replace(/\$/g, '$$$$'));
}

/** Text as `#` comment lines: a newline inside a value cannot end the comment and run as code. */
function comment(text: string, indent = ''): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => `${indent}# ${line}`.trimEnd());
}

/** 15000 → "15", 1500 → "1.5": seconds as sleep and the comments write them. */
export function seconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}

/**
 * A Java properties key or value, escaped only where Properties.load would read it otherwise (Spark
 * loads the file as UTF-8, so other characters stay as they are and the file stays readable).
 */
function propertiesEscape(text: string, isKey: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '\\') out += '\\\\';
    else if (c === '\t') out += '\\t';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\f') out += '\\f';
    // A space, '=' or ':' ends a key, and Properties.load skips a value's leading blanks.
    else if (c === ' ') out += isKey || i === 0 ? '\\ ' : ' ';
    else if (isKey && (c === '=' || c === ':')) out += `\\${c}`;
    // '#' or '!' first on a line starts a comment.
    else if (isKey && i === 0 && (c === '#' || c === '!')) out += `\\${c}`;
    else out += c;
  }
  return out;
}

/** A Compose project name: lower-case letters, digits and hyphens, from the scenario's name. */
export function projectNameOf(scenarioName: string): string {
  const slug = slugOf(scenarioName, 40);
  return slug === '' ? 'spark-playground' : slug;
}

/** "4.0" → "4.0.0": apache/spark is tagged by full release; a bare minor means its first release. */
export function imageTagOf(sparkVersion: string): string {
  return /^\d+\.\d+$/.test(sparkVersion) ? `${sparkVersion}.0` : sparkVersion;
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && value.trim().toLowerCase() === 'true';
}

function portConf(conf: Readonly<Record<string, string>>, key: string, fallback: number): number {
  const v = conf[key]?.trim();
  return v !== undefined && /^[0-9]+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535 ? Number(v) : fallback;
}

// ---- the plan: which containers, named how ------------------------------------------------------

/** Actions by `at`, ties in document order (a restored scenario already is; a hand-made one may not be). */
function timelineOf(actions: readonly Action[]): Action[] {
  return actions
    .map((a, i) => [a, i] as const)
    .sort((x, z) => x[0].at - z[0].at || x[1] - z[1])
    .map(([a]) => a);
}

function plan(scenario: Scenario): Plan {
  const project = projectNameOf(scenario.name);
  const used = new Set<string>();
  // Service names follow Compose's [a-zA-Z0-9._-] and differ from each other ignoring case, as DNS does.
  const claim = (base: string): string => {
    const clean = base.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'node';
    let name = clean;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${clean}-${n}`;
    used.add(name.toLowerCase());
    return name;
  };
  const service = (host: string, role: Role, extra: Partial<Service> = {}): Service => {
    const name = claim(host);
    return { name, container: `${project}-${name}`, host, role, ...extra };
  };

  const masters = scenario.masters.map((m) => service(m.host, 'master', { masterPort: m.port }));
  const workers = scenario.workers.map((w) =>
    service(w.host, 'worker', { cores: w.cores, memory: w.memory, port: w.port }),
  );
  const client = service(CLIENT_HOST, 'client');
  // spark.deploy.zookeeper.url may name a master's or worker's machine: ZooKeeper then runs beside
  // that daemon, in its network namespace, so the name resolves to both, as on one machine.
  const zooKeeperService = (host: string): Service => {
    const beside = [...masters, ...workers].find((x) => x.host === host);
    if (beside === undefined) return service(host, 'zookeeper');
    const name = claim(`${host}-zookeeper`);
    return { name, container: `${project}-${name}`, host, role: 'zookeeper', sharesNetworkWith: beside };
  };
  const recoveryMode = scenario.conf['spark.deploy.recoveryMode'];
  const zkUrl = scenario.conf['spark.deploy.zookeeper.url'];
  const zookeeper =
    recoveryMode === 'ZOOKEEPER'
      ? zooKeeperService(zooKeeperServers(zkUrl)[0]?.host ?? DEFAULT_ZOOKEEPER_HOST)
      : undefined;
  const timeline = timelineOf(scenario.actions);
  const added = new Map<Action, Service>();
  for (const a of timeline) {
    if (a.type !== 'add-worker') continue;
    const s = service(a.host, 'worker', { cores: a.cores, memory: a.memory, port: a.port, addedAt: a.at });
    workers.push(s);
    added.set(a, s);
  }
  return {
    scenario,
    project,
    network: `${project}-net`,
    image: `${SPARK_IMAGE}:${imageTagOf(scenario.sparkVersion)}`,
    masters,
    workers,
    client,
    zookeeper,
    added,
    timeline,
    masterUrl: `spark://${scenario.masters.map((m) => `${m.host}:${m.port}`).join(',')}`,
    uiPort: portConf(scenario.conf, 'spark.master.ui.port', MASTER_UI_PORT),
    restPort: portConf(scenario.conf, 'spark.master.rest.port', MASTER_REST_PORT),
    zooKeeperUrlFallback:
      zookeeper !== undefined && (zkUrl ?? '').trim() === ''
        ? `${DEFAULT_ZOOKEEPER_HOST}:${ZOOKEEPER_CLIENT_PORT}`
        : undefined,
  };
}

// ---- docker-compose.yml -------------------------------------------------------------------------

function masterEnvironment(p: Plan, m: Service): [string, string][] {
  const env: [string, string][] = [
    ['SPARK_MASTER_HOST', m.host],
    ['SPARK_MASTER_PORT', String(m.masterPort ?? 7077)],
    ['SPARK_LOCAL_HOSTNAME', m.host],
  ];
  if (p.zooKeeperUrlFallback !== undefined)
    env.push(['SPARK_MASTER_OPTS', `-Dspark.deploy.zookeeper.url=${p.zooKeeperUrlFallback}`]);
  return env;
}

function workerEnvironment(w: Service): [string, string][] {
  const env: [string, string][] = [
    ['SPARK_WORKER_CORES', String(w.cores ?? 1)],
    ['SPARK_WORKER_MEMORY', w.memory ?? '1g'],
  ];
  if (w.port !== undefined) env.push(['SPARK_WORKER_PORT', String(w.port)]);
  env.push(['SPARK_LOCAL_HOSTNAME', w.host]);
  return env;
}

/** Host ports the Master UIs, RPC and REST ports are published on: the usual ones, then the next free. */
function hostPorts(p: Plan): Map<Service, { ui: number; rpc: number; rest: number }> {
  const taken = new Set<number>();
  const free = (preferred: number) => {
    let port = preferred;
    while (taken.has(port)) port++;
    taken.add(port);
    return port;
  };
  return new Map(
    p.masters.map((m) => [m, { ui: free(p.uiPort), rpc: free(m.masterPort ?? 7077), rest: free(p.restPort) }]),
  );
}

function composeService(p: Plan, s: Service, ports: { ui: number; rpc: number; rest: number } | undefined): string[] {
  const lines = [`  ${y(s.name)}:`];
  const image = s.role === 'zookeeper' ? ZOOKEEPER_IMAGE : p.image;
  lines.push(`    image: ${y(image)}`, `    container_name: ${y(s.container)}`);
  if (s.sharesNetworkWith !== undefined) {
    lines.push(
      ...comment(
        `On ${s.host}, beside its daemon: it shares that container's network (and goes when the container stops).`,
        '    ',
      ),
    );
    lines.push(
      `    network_mode: ${y(`service:${s.sharesNetworkWith.name}`)}`,
      `    depends_on: [${y(s.sharesNetworkWith.name)}]`,
    );
    return lines;
  }
  lines.push(`    hostname: ${y(s.host)}`);
  if (s.addedAt !== undefined) {
    lines.push(...comment(`Joins at ${seconds(s.addedAt)} s (add-worker): faults.sh starts it then.`, '    '));
    lines.push(`    profiles: [${y(ADDED_LATER_PROFILE)}]`);
  }
  let env: [string, string][] = [];
  let command: string[] = [];
  if (s.role === 'master') {
    // The image's entrypoint execs any other command as it is, and spark-class execs the JVM: the
    // Master is the container's PID 1 and gets docker's signals itself.
    command = [`${SPARK_HOME}/bin/spark-class`, 'org.apache.spark.deploy.master.Master'];
    env = masterEnvironment(p, s);
  } else if (s.role === 'worker') {
    command = [`${SPARK_HOME}/bin/spark-class`, 'org.apache.spark.deploy.worker.Worker', p.masterUrl];
    env = workerEnvironment(s);
  } else if (s.role === 'client') {
    // The scenario's client machine: spark-submit runs here (submit.sh uses docker compose exec).
    command = ['sleep', 'infinity'];
    env = [['SPARK_LOCAL_HOSTNAME', s.host]];
  }
  if (command.length > 0) lines.push(`    command: [${command.map(y).join(', ')}]`);
  if (s.role === 'client') {
    lines.push(...comment('An init process as PID 1, so `docker compose down` stops `sleep` at once.', '    '));
    lines.push('    init: true');
  }
  if (env.length > 0) {
    lines.push('    environment:');
    for (const [k, v] of env) lines.push(`      ${k}: ${y(v)}`);
  }
  if (ports !== undefined) {
    lines.push(
      ...comment(
        'On 127.0.0.1 only: a Standalone Master runs whatever it is sent, so it should not face the network.',
        '    ',
      ),
    );
    lines.push(
      '    ports:',
      `      - ${y(`127.0.0.1:${ports.ui}:${p.uiPort}`)}`,
      `      - ${y(`127.0.0.1:${ports.rpc}:${s.masterPort ?? 7077}`)}`,
      `      - ${y(`127.0.0.1:${ports.rest}:${p.restPort}`)}`,
    );
  }
  if (s.role !== 'zookeeper')
    lines.push('    volumes:', `      - ${y(`./spark-defaults.conf:${DEFAULTS_IN_IMAGE}:ro`)}`);
  // A ZooKeeper beside a daemon depends on that daemon's container instead (no cycle).
  const standaloneZooKeeper = p.zookeeper?.sharesNetworkWith === undefined ? p.zookeeper : undefined;
  const dependsOn =
    s.role === 'master' ? (standaloneZooKeeper ? [standaloneZooKeeper] : []) : s.role === 'zookeeper' ? [] : p.masters;
  if (dependsOn.length > 0) lines.push(`    depends_on: [${dependsOn.map((d) => y(d.name)).join(', ')}]`);
  // The alias is the host name Spark uses: Docker's DNS answers service names and aliases, not the
  // `hostname` setting, and a re-added worker's service has another name than its host.
  lines.push('    networks:', '      spark:', `        aliases: [${y(s.host)}]`);
  return lines;
}

function dockerCompose(p: Plan, notes: readonly string[]): string {
  const ports = hostPorts(p);
  const first = p.masters[0] === undefined ? undefined : ports.get(p.masters[0]);
  const header = [
    `Spark Standalone cluster of the scenario ${JSON.stringify(p.scenario.name)}, on the official image ${p.image} (Spark in ${SPARK_HOME}).`,
    '',
    'Start it:         docker compose up -d',
    `Master UI:        http://localhost:${first?.ui ?? MASTER_UI_PORT}${p.masters.length > 1 ? ' (the other masters: the next ports, see below)' : ''}`,
    'Then, from this folder, replay the scenario: bash submit.sh & bash faults.sh; wait',
    `Stop and remove:  docker compose --profile ${ADDED_LATER_PROFILE} down`,
    '',
    'Every Spark container reads ./spark-defaults.conf; each worker gets its SPARK_WORKER_CORES and SPARK_WORKER_MEMORY',
    'from the environment (the cores and memory it offers, not a limit on the container). SPARK_LOCAL_HOSTNAME makes',
    'each daemon use its scenario host name, so the Master UI shows the same names as the simulation.',
    ...(notes.length > 0 ? ['', 'Differences from the simulation:', ...notes.map((n) => `- ${n}`)] : []),
  ];
  const lines = [...comment(header.join('\n')), '', `name: ${y(p.project)}`, '', 'services:'];
  const all = [...(p.zookeeper ? [p.zookeeper] : []), ...p.masters, ...p.workers, p.client];
  all.forEach((s, i) => {
    if (i > 0) lines.push('');
    lines.push(...composeService(p, s, ports.get(s)));
  });
  lines.push('', 'networks:', '  spark:', `    name: ${y(p.network)}`, '');
  return lines.join('\n');
}

// ---- spark-defaults.conf and spark-env.sh -------------------------------------------------------

function sparkDefaults(p: Plan): string {
  const entries = Object.entries(p.scenario.conf);
  const lines = [
    ...comment(
      `spark-defaults.conf of the scenario ${JSON.stringify(p.scenario.name)}. Masters, Workers and spark-submit read it from\n$SPARK_HOME/conf when they start; docker-compose.yml mounts it at ${DEFAULTS_IN_IMAGE}.`,
    ),
  ];
  if (p.zooKeeperUrlFallback !== undefined) {
    lines.push(
      ...comment(
        `spark.deploy.zookeeper.url is not set: the Masters get -Dspark.deploy.zookeeper.url=${p.zooKeeperUrlFallback} from docker-compose.yml.`,
      ),
    );
  }
  if (entries.length === 0) lines.push(...comment("(No settings: Spark's defaults apply.)"));
  for (const [k, v] of entries) lines.push(`${propertiesEscape(k, true)} ${propertiesEscape(v, false)}`);
  return `${lines.join('\n')}\n`;
}

function sparkEnv(p: Plan, s: Service): ExportFile {
  const isMaster = s.role === 'master';
  const start = isMaster ? '$SPARK_HOME/sbin/start-master.sh' : `$SPARK_HOME/sbin/start-worker.sh ${p.masterUrl}`;
  const joins = s.addedAt !== undefined ? `\nIt joins the cluster at ${seconds(s.addedAt)} s (add-worker).` : '';
  const lines = [
    '#!/usr/bin/env bash',
    ...comment(
      `spark-env.sh for the ${isMaster ? 'Master' : 'Worker'} on ${s.host} (scenario ${JSON.stringify(p.scenario.name)}).${joins}\n` +
        `On a machine of your own: copy it to $SPARK_HOME/conf/spark-env.sh there, then run ${start}\n` +
        '(load-spark-env.sh sources it with `set -a`, so these assignments are exported). docker-compose.yml sets the same values.',
    ),
  ];
  const env = isMaster ? masterEnvironment(p, s) : workerEnvironment(s);
  for (const [k, v] of env) lines.push(`${k}=${shellQuote(v)}`);
  return {
    name: `spark-env-${s.name}.sh`,
    description: `spark-env.sh of the ${isMaster ? 'Master' : 'Worker'} on ${s.host}${s.addedAt !== undefined ? ` (joins at ${seconds(s.addedAt)} s)` : ''}.`,
    mediaType: 'text/x-shellscript',
    content: `${lines.join('\n')}\n`,
  };
}

// ---- submit.sh ----------------------------------------------------------------------------------

/** The submit line as argv for the client container: the same words the simulation parsed, each quoted. */
function submitCommand(p: Plan, a: SubmitAction): { line: string } | { error: string } {
  // The engine splits with SPARK_HOME set to /opt/spark, the image's SPARK_HOME too.
  const split = splitShellWords(a.command, { SPARK_HOME: DEFAULT_SPARK_HOME });
  if (!split.ok) return { error: split.error };
  const words = split.words;
  const env: string[] = [];
  let i = 0;
  for (; i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i] ?? ''); i++) env.push(words[i] ?? '');
  const program = words[i];
  if (program === undefined || program.slice(program.lastIndexOf('/') + 1) !== 'spark-submit')
    return { error: 'it is not a spark-submit command' };
  // -w: the simulation resolves relative paths against SPARK_HOME, as spark-submit run from there would.
  const exec = [
    'docker',
    'compose',
    'exec',
    '-T',
    '-w',
    SPARK_HOME,
    ...env.flatMap((e) => ['-e', shellQuote(e)]),
    singleQuote(p.client.name),
  ];
  return { line: [...exec, `${SPARK_HOME}/bin/spark-submit`, ...words.slice(i + 1).map(shellQuote)].join(' ') };
}

function submitNotes(a: SubmitAction): string[] {
  const out: string[] = [];
  if (a.workload)
    out.push(
      `In the simulation this application runs ${a.workload.tasks} tasks of ${a.workload.taskMs} ms; here its tasks take as long as the real code does.`,
    );
  if (a.executorFault) {
    out.push(
      a.executorFault.kind === 'launch-failure'
        ? 'The scenario makes every executor of this app fail to launch; the real application is healthy, so that fault does not happen here.'
        : `The scenario makes every executor of this app exit with code ${a.executorFault.exitCode} ${a.executorFault.afterMs} ms after it starts; that fault does not happen here.`,
    );
  }
  if (a.driverFault)
    out.push(
      `The scenario makes the driver exit with code ${a.driverFault.exitCode} ${a.driverFault.afterMs} ms after each start; that fault does not happen here.`,
    );
  return out;
}

function submitScript(p: Plan): string {
  const lines = [
    '#!/usr/bin/env bash',
    ...comment(
      [
        `submit.sh: the spark-submit lines of the scenario ${JSON.stringify(p.scenario.name)}, at their scenario times.`,
        `They run in the "${p.client.host}" container, the scenario's client machine: a client-mode driver lives there and its executors reach it by that name.`,
        'Run it from this folder after `docker compose up -d`, together with faults.sh:  bash submit.sh & bash faults.sh; wait',
        'spark-submit runs until its application ends in client mode, so each line runs in the background; the script waits',
        'for all of them and exits with the status of the last one that failed. Times count from the start of the script.',
      ].join('\n'),
    ),
    'set -euo pipefail',
    'cd "$(dirname "${BASH_SOURCE[0]}")"',
  ];
  const submits = p.timeline.filter((a): a is SubmitAction => a.type === 'submit');
  if (submits.length === 0) {
    lines.push('', "echo 'This scenario submits no application.'");
    return `${lines.join('\n')}\n`;
  }
  lines.push('', 'pids=()');
  let t = 0;
  let launched = 0;
  for (const a of submits) {
    const cmd = submitCommand(p, a);
    lines.push('');
    if ('error' in cmd) {
      lines.push(...comment(`${seconds(a.at)} s · submit, not run (${cmd.error}):\n${a.command}`));
      continue;
    }
    if (a.at > t) {
      lines.push(`sleep ${seconds(a.at - t)}`);
      t = a.at;
    }
    lines.push(...comment(`${seconds(a.at)} s · submit`), ...submitNotes(a).flatMap((n) => comment(n)));
    lines.push(`${cmd.line} &`, 'pids+=("$!")');
    launched++;
  }
  lines.push('');
  if (launched === 0) lines.push("echo 'No spark-submit line of this scenario could be run.'");
  else lines.push('status=0', 'for pid in "${pids[@]}"; do', '  wait "$pid" || status=$?', 'done', 'exit "$status"');
  return `${lines.join('\n')}\n`;
}

// ---- faults.sh ----------------------------------------------------------------------------------

type Helper =
  | 'kill_daemon'
  | 'power_off'
  | 'restart_worker'
  | 'restart_master'
  | 'decommission_worker'
  | 'remove_worker'
  | 'add_worker'
  | 'cut_off'
  | 'reconnect'
  | 'kill_leading_master'
  | 'restart_first_down_master';

/** Bash definitions of the helpers, in the order they are written; each says why it does what it does. */
function helperDefinitions(p: Plan, decommissionSignal: string): Record<Helper, string[]> {
  return {
    kill_daemon: [
      ...comment(
        'kill-worker, kill-master: kill -9 of the daemon. The kernel closes its TCP connections, so its peers see a disconnect at once,\nand its children (executors, drivers) die with the container. docker kill delivers SIGKILL to a paused container too.',
      ),
      'kill_daemon() {',
      '  case "$(state_of "$1")" in',
      '    running | paused)',
      '      run docker kill --signal KILL "$1" >/dev/null',
      '      docker wait "$1" >/dev/null ;;',
      '    *) say "$1 is not running: nothing to kill" ;;',
      '  esac',
      '}',
    ],
    power_off: [
      ...comment(
        [
          "power-off: the machine vanishes without a word. docker kill would not do: the kernel would close the daemon's",
          'connections and the Master would notice at once, as for kill-worker. docker pause freezes every process of the',
          'container and closes nothing, so only the missing heartbeats tell (spark.worker.timeout), as in the simulation.',
          'From the outside a machine without power and a silent network look the same: no one can tell them apart, and',
          "Spark does not try. (One difference stays: the frozen container's kernel still acknowledges TCP packets.)",
        ].join('\n'),
      ),
      'power_off() {',
      '  if [ "$(state_of "$1")" = running ]; then',
      '    run docker pause "$1" >/dev/null',
      '  else',
      '    say "$1 is not running: nothing to power off"',
      '  fi',
      '}',
    ],
    restart_worker: [
      ...comment(
        'restart-worker: start-worker.sh on that machine. A running Worker is stopped first (SIGTERM, as in the simulation);\na powered-off (paused) machine comes back without its old processes.',
      ),
      'restart_worker() {',
      '  case "$(state_of "$1")" in',
      '    running) run docker restart "$1" >/dev/null ;;',
      '    paused)',
      '      run docker kill --signal KILL "$1" >/dev/null',
      '      docker wait "$1" >/dev/null',
      '      run docker start "$1" >/dev/null ;;',
      '    *) run docker start "$1" >/dev/null ;;',
      '  esac',
      '}',
    ],
    restart_master: [
      ...comment(
        'restart-master: start-master.sh on that machine; a Master that runs is left alone, as in the simulation.',
      ),
      'restart_master() {',
      '  case "$(state_of "$1")" in',
      '    running) say "$1 is already running: nothing to restart" ;;',
      '    paused)',
      '      run docker kill --signal KILL "$1" >/dev/null',
      '      docker wait "$1" >/dev/null',
      '      run docker start "$1" >/dev/null ;;',
      '    *) run docker start "$1" >/dev/null ;;',
      '  esac',
      '}',
    ],
    decommission_worker: [
      ...comment(
        `decommission-worker: SIG${decommissionSignal.replace(/^SIG/i, '')} (spark.worker.decommission.signal) to the Worker, which is the container's PID 1.\nThe Worker only registers a handler when spark.decommission.enabled is true; without one, PID 1 ignores the signal.`,
      ),
      'decommission_worker() {',
      '  if [ "$(state_of "$1")" = running ]; then',
      `    run docker kill --signal ${shellQuote(decommissionSignal)} "$1" >/dev/null`,
      '  else',
      '    say "$1 is not running: nothing to decommission"',
      '  fi',
      '}',
    ],
    remove_worker: [
      ...comment(
        'remove-worker: stop-worker.sh sends SIGTERM (exit 143); docker stop does the same (then SIGKILL after 10 s).',
      ),
      'remove_worker() {',
      '  case "$(state_of "$1")" in',
      '    running) run docker stop "$1" >/dev/null ;;',
      '    paused)',
      '      run docker kill --signal KILL "$1" >/dev/null',
      '      docker wait "$1" >/dev/null ;;',
      '    *) say "$1 is not running: nothing to stop" ;;',
      '  esac',
      '}',
    ],
    add_worker: [
      ...comment(
        `add-worker: start a worker service of the "${ADDED_LATER_PROFILE}" profile (naming a service starts it whatever its profile).`,
      ),
      'add_worker() {',
      '  run docker compose up --detach --no-deps "$1"',
      '}',
    ],
    cut_off: [
      ...comment(
        "partition: docker can only take a container off the whole network, so it loses every peer, not only the other side\nof the partition, and in both directions. Like the scenario's partition it closes no connection: only timeouts notice.",
      ),
      'cut_off() {',
      '  run docker network disconnect "$NETWORK" "$1"',
      '}',
    ],
    reconnect: [
      ...comment('heal: back on the network, with its host name as alias so the others resolve it again.'),
      'reconnect() {',
      '  run docker network connect --alias "$2" "$NETWORK" "$1"',
      '}',
    ],
    kill_leading_master: [
      ...comment(
        `kill-master without a target: the leading Master, the one whose /json says "status" : "ALIVE" (asked inside its\ncontainer with the image's wget, on the UI port ${p.uiPort}). If none says so, the first one running, as in the simulation.`,
      ),
      'kill_leading_master() {',
      '  local c json',
      '  local alive=\'"status"[[:space:]]*:[[:space:]]*"ALIVE"\'',
      '  for c in "$@"; do',
      '    [ "$(state_of "$c")" = running ] || continue',
      `    json="$(docker exec "$c" wget -qO- 'http://localhost:${p.uiPort}/json/' 2>/dev/null || true)"`,
      '    if [[ $json =~ $alive ]]; then',
      '      kill_daemon "$c"',
      '      return 0',
      '    fi',
      '  done',
      '  for c in "$@"; do',
      '    if [ "$(state_of "$c")" = running ]; then',
      '      kill_daemon "$c"',
      '      return 0',
      '    fi',
      '  done',
      "  say 'no Master is running: nothing to kill'",
      '}',
    ],
    restart_first_down_master: [
      ...comment('restart-master without a target: the first Master that is down, as in the simulation.'),
      'restart_first_down_master() {',
      '  local c',
      '  for c in "$@"; do',
      '    if [ "$(state_of "$c")" != running ]; then',
      '      restart_master "$c"',
      '      return 0',
      '    fi',
      '  done',
      "  say 'every Master is running: nothing to restart'",
      '}',
    ],
  };
}

/** What faults.sh writes for one action: comment lines and commands (none: it cannot be done from outside). */
interface Step {
  comments: string[];
  commands: string[];
  helpers: Helper[];
}

/** The part of the cluster a partition takes off the network: a worker if any, else the client, else a master. */
function partitionSide(p: Plan, between: readonly [string, string], workerHosts: ReadonlySet<string>): string {
  const rank = (host: string) =>
    workerHosts.has(host) ? 0 : host === p.client.host ? 1 : p.masters.some((m) => m.host === host) ? 2 : 3;
  return rank(between[1]) < rank(between[0]) ? between[1] : between[0];
}

/** Walks the timeline once, knowing which container each host is at each moment. */
class FaultWriter {
  private readonly byHost = new Map<string, Service>();
  /** Partitions in force: the pair as written, and the service taken off the network for it. */
  private partitions: { a: string; b: string; cut: Service }[] = [];
  private readonly cutCount = new Map<Service, number>();
  readonly notApplied: string[] = [];

  constructor(private readonly p: Plan) {
    // A ZooKeeper beside a daemon is reached through that daemon's container (same network).
    const zooKeeper = p.zookeeper?.sharesNetworkWith === undefined ? p.zookeeper : undefined;
    for (const s of [...p.masters, p.client, ...(zooKeeper ? [zooKeeper] : [])]) this.byHost.set(s.host, s);
    for (const w of p.workers) if (w.addedAt === undefined) this.byHost.set(w.host, w);
  }

  private workerHosts(): Set<string> {
    return new Set([...this.byHost.values()].filter((s) => s.role === 'worker').map((s) => s.host));
  }

  private target(host: string): Service | undefined {
    return this.byHost.get(host);
  }

  private unexpressible(a: Action, why: string): Step {
    this.notApplied.push(`${a.type} at ${seconds(a.at)} s`);
    return { comments: [`${a.type}${describeTarget(a)}: not applied. ${why}`], commands: [], helpers: [] };
  }

  step(a: Action): Step {
    const p = this.p;
    switch (a.type) {
      case 'submit':
        return { comments: [], commands: [], helpers: [] };
      case 'add-worker': {
        const s = p.added.get(a);
        if (!s) return this.unexpressible(a, 'No service was planned for it.');
        this.byHost.set(a.host, s);
        return {
          comments: [`add-worker ${a.host} (${a.cores} cores, ${a.memory})`],
          commands: [`add_worker ${singleQuote(s.name)}`],
          helpers: ['add_worker'],
        };
      }
      case 'kill-worker':
      case 'power-off':
      case 'restart-worker':
      case 'decommission-worker':
      case 'remove-worker': {
        const s = this.target(a.target);
        if (!s) return this.unexpressible(a, `No container is ${a.target} at this point.`);
        const helper: Helper =
          a.type === 'kill-worker'
            ? 'kill_daemon'
            : a.type === 'power-off'
              ? 'power_off'
              : a.type === 'restart-worker'
                ? 'restart_worker'
                : a.type === 'decommission-worker'
                  ? 'decommission_worker'
                  : 'remove_worker';
        // The machine leaves the cluster; a later add-worker may bring a new one under that name.
        if (a.type === 'remove-worker') this.byHost.delete(a.target);
        return {
          comments: [`${a.type} ${a.target}`],
          commands: [`${helper} ${singleQuote(s.container)}`],
          helpers: [helper],
        };
      }
      case 'kill-master':
      case 'restart-master': {
        const kill = a.type === 'kill-master';
        if (a.target !== undefined) {
          const s = this.target(a.target);
          if (!s) return this.unexpressible(a, `No container is ${a.target}.`);
          return {
            comments: [`${a.type} ${a.target}`],
            commands: [`${kill ? 'kill_daemon' : 'restart_master'} ${singleQuote(s.container)}`],
            helpers: [kill ? 'kill_daemon' : 'restart_master'],
          };
        }
        const containers = p.masters.map((m) => singleQuote(m.container)).join(' ');
        if (p.masters.length === 1) {
          return {
            comments: [`${a.type}`],
            commands: [`${kill ? 'kill_daemon' : 'restart_master'} ${containers}`],
            helpers: [kill ? 'kill_daemon' : 'restart_master'],
          };
        }
        return kill
          ? {
              comments: ['kill-master (the leading one)'],
              commands: [`kill_leading_master ${containers}`],
              helpers: ['kill_leading_master', 'kill_daemon'],
            }
          : {
              comments: ['restart-master (the first one that is down)'],
              commands: [`restart_first_down_master ${containers}`],
              helpers: ['restart_first_down_master', 'restart_master'],
            };
      }
      case 'partition': {
        const side = partitionSide(p, a.between, this.workerHosts());
        const s = this.target(side);
        if (!s) return this.unexpressible(a, `No container is ${side} at this point.`);
        const other = side === a.between[0] ? a.between[1] : a.between[0];
        const comments = [
          `partition ${a.between[0]} ${a.oneWay ? '→' : '⇹'} ${a.between[1]}: ${side} is taken off the network, so it loses every peer, not only ${other}${a.oneWay ? ', in both directions' : ''}.`,
        ];
        this.partitions.push({ a: a.between[0], b: a.between[1], cut: s });
        const count = (this.cutCount.get(s) ?? 0) + 1;
        this.cutCount.set(s, count);
        if (count > 1)
          return {
            comments: [...comments, `${side} is already off the network for an earlier partition.`],
            commands: [],
            helpers: [],
          };
        return { comments, commands: [`cut_off ${singleQuote(s.container)}`], helpers: ['cut_off'] };
      }
      case 'heal': {
        const pair = a.between;
        const ending =
          pair === undefined
            ? this.partitions
            : this.partitions.filter(
                (x) => (x.a === pair[0] && x.b === pair[1]) || (x.a === pair[1] && x.b === pair[0]),
              );
        this.partitions = this.partitions.filter((x) => !ending.includes(x));
        const what = pair === undefined ? 'heal (every partition)' : `heal ${pair[0]} ⇹ ${pair[1]}`;
        if (ending.length === 0)
          return { comments: [`${what}: no partition of this script to end.`], commands: [], helpers: [] };
        const commands: string[] = [];
        const comments = [what];
        for (const x of ending) {
          const left = (this.cutCount.get(x.cut) ?? 1) - 1;
          this.cutCount.set(x.cut, left);
          if (left === 0) commands.push(`reconnect ${singleQuote(x.cut.container)} ${singleQuote(x.cut.host)}`);
          else if (!ending.some((y) => y !== x && y.cut === x.cut))
            comments.push(`${x.cut.host} stays off the network: another partition still cuts it.`);
        }
        return { comments, commands: [...new Set(commands)], helpers: commands.length > 0 ? ['reconnect'] : [] };
      }
      case 'kill-executor':
        return this.unexpressible(
          a,
          "Executor ids are the simulation's; on the real cluster find the executor in the Master UI and kill -9 its\nCoarseGrainedExecutorBackend process on that worker: docker exec <container> ps -ef | grep CoarseGrainedExecutorBackend",
        );
      case 'kill-driver':
        return this.unexpressible(
          a,
          `Driver ids are the simulation's; on the real cluster take the id from the Master UI and run:\ndocker compose exec ${p.client.name} ${SPARK_HOME}/bin/spark-submit --master ${p.masterUrl} --kill <driver-id>`,
        );
      case 'crash-driver':
        return this.unexpressible(
          a,
          "A driver that exits on its own is the application's doing; nothing outside can make it fail like that.",
        );
      case 'kill-app':
        return this.unexpressible(
          a,
          "Application ids are the simulation's; on the real cluster use the (kill) link of the application in the Master UI.",
        );
      case 'set-conf':
        return this.unexpressible(
          a,
          a.key.startsWith('network.')
            ? 'The simulated network latency has no counterpart here.'
            : 'Spark reads spark-defaults.conf when a process starts; to try the value, edit spark-defaults.conf and run docker compose restart.',
        );
    }
  }
}

function describeTarget(a: Action): string {
  switch (a.type) {
    case 'kill-executor':
    case 'kill-driver':
    case 'crash-driver':
    case 'kill-app':
      return ` ${a.target}`;
    case 'set-conf':
      return ` ${a.key}=${JSON.stringify(a.value)}`;
    default:
      return '';
  }
}

const HELPER_ORDER: readonly Helper[] = [
  'kill_daemon',
  'power_off',
  'restart_worker',
  'restart_master',
  'decommission_worker',
  'remove_worker',
  'add_worker',
  'cut_off',
  'reconnect',
  'kill_leading_master',
  'restart_first_down_master',
];

function faultsScript(p: Plan): { content: string; notApplied: string[] } {
  const writer = new FaultWriter(p);
  const body: string[] = [];
  const helpers = new Set<Helper>();
  let t = 0;
  for (const a of p.timeline) {
    if (a.type === 'submit') continue;
    const step = writer.step(a);
    body.push('');
    if (step.commands.length > 0 && a.at > t) {
      body.push(`sleep ${seconds(a.at - t)}`);
      t = a.at;
    }
    const [first = '', ...rest] = step.comments;
    body.push(...comment(`${seconds(a.at)} s · ${first}`), ...rest.flatMap((c) => comment(c)), ...step.commands);
    for (const h of step.helpers) helpers.add(h);
  }

  const signal = (p.scenario.conf['spark.worker.decommission.signal'] ?? '').trim() || 'PWR';
  const definitions = helperDefinitions(p, signal);
  const lines = [
    '#!/usr/bin/env bash',
    ...comment(
      [
        `faults.sh: what happens to the cluster of the scenario ${JSON.stringify(p.scenario.name)} (faults, workers joining and leaving), at its scenario times.`,
        'Run it from this folder after `docker compose up -d`, once the workers have registered, together with submit.sh:',
        '  bash submit.sh & bash faults.sh; wait',
        'Times count from the start of the script; each docker command takes a moment, so later actions drift a little.',
        `Containers are named ${p.project}-<service> (container_name in docker-compose.yml); progress goes to stderr.`,
        'spark-submit lines are in submit.sh. Actions that cannot be applied from outside the cluster are kept here as comments.',
      ].join('\n'),
    ),
    'set -euo pipefail',
    'cd "$(dirname "${BASH_SOURCE[0]}")"',
    '',
    `readonly NETWORK=${singleQuote(p.network)}`,
    '',
    ...comment('Progress, with the wall-clock time, on stderr.'),
    'say() {',
    '  printf \'[faults.sh %s] %s\\n\' "$(date +%H:%M:%S)" "$*" >&2',
    '}',
    '',
    ...comment('Says what it runs, then runs it.'),
    'run() {',
    '  say "$*"',
    '  "$@"',
    '}',
    '',
    ...comment(
      'running, paused, exited, created…: chosen at run time, so a daemon that died on its own is not killed twice.',
    ),
    'state_of() {',
    '  docker inspect --format \'{{.State.Status}}\' "$1"',
    '}',
  ];
  for (const h of HELPER_ORDER) if (helpers.has(h)) lines.push('', ...definitions[h]);
  if (body.length === 0) lines.push('', "say 'This scenario has no cluster actions: nothing to do.'");
  else lines.push(...body);
  return { content: `${lines.join('\n')}\n`, notApplied: writer.notApplied };
}

// ---- the bundle ---------------------------------------------------------------------------------

function differences(p: Plan, notApplied: readonly string[]): string[] {
  const s = p.scenario;
  const notes = [
    `The simulated network (${s.network.latencyMs} ms latency, ${s.network.jitterMs} ms jitter) has no counterpart: the containers talk over Docker's bridge network.`,
    "Application, driver and worker ids come from the real clock, so they differ from the simulation's.",
  ];
  const submits = s.actions.filter((a): a is SubmitAction => a.type === 'submit');
  if (submits.some((a) => a.workload))
    notes.push('Task durations come from the real application; the workloads of the scenario are not reproduced.');
  if (submits.some((a) => a.executorFault || a.driverFault))
    notes.push('The executor and driver faults of the submissions do not happen: the real applications are healthy.');
  if (s.actions.some((a) => a.type === 'power-off'))
    notes.push(
      'power-off pauses the container (docker pause) so that, as with a real power loss, only missing heartbeats tell.',
    );
  if (s.actions.some((a) => a.type === 'partition'))
    notes.push('A partition takes one side off the whole Docker network: it loses every peer, in both directions.');
  if (s.actions.some((a) => a.type === 'decommission-worker') && !isTrue(s.conf['spark.decommission.enabled'])) {
    notes.push(
      'spark.decommission.enabled is not true, so a real Worker ignores the decommission signal (as the simulated one does).',
    );
  }
  const zkPort = zooKeeperServers(s.conf['spark.deploy.zookeeper.url'])[0]?.port ?? ZOOKEEPER_CLIENT_PORT;
  if (p.zookeeper !== undefined && zkPort !== ZOOKEEPER_CLIENT_PORT) {
    notes.push(
      `The ZooKeeper container listens on ${ZOOKEEPER_CLIENT_PORT}, its image's default; spark.deploy.zookeeper.url names port ${zkPort}: change one of them.`,
    );
  }
  if (p.zookeeper?.sharesNetworkWith !== undefined) {
    notes.push(
      `ZooKeeper shares the network of ${p.zookeeper.host}'s container; when that container stops, ZooKeeper is cut off until it is restarted too.`,
    );
  }
  if (p.zooKeeperUrlFallback !== undefined)
    notes.push(
      `spark.deploy.zookeeper.url is not set; the Masters are given ${p.zooKeeperUrlFallback}, where the simulation runs ZooKeeper.`,
    );
  if (s.conf['spark.deploy.recoveryMode'] === 'FILESYSTEM') {
    notes.push(
      "FILESYSTEM recovery writes to spark.deploy.recoveryDirectory inside the Master's container, which must be writable by the image's spark user; docker start keeps it.",
    );
  }
  if (notApplied.length > 0)
    notes.push(`Not applied from outside (kept as comments in faults.sh): ${notApplied.join(', ')}.`);
  return notes;
}

/**
 * The files that run a scenario on a real Spark Standalone cluster: docker-compose.yml (the
 * official apache/spark image, one container per master and worker plus the client machine),
 * spark-defaults.conf, submit.sh and faults.sh (the timeline, as bash), and a spark-env.sh per
 * daemon for machines of one's own. Pure: the same scenario always gives the same files.
 */
export function exportForRealSpark(scenario: Scenario): ExportBundle {
  const p = plan(scenario);
  const faults = faultsScript(p);
  const notes = differences(p, faults.notApplied);
  const files: ExportFile[] = [
    {
      name: 'docker-compose.yml',
      description: `The cluster on ${p.image}: ${p.masters.length === 1 ? 'one master' : `${p.masters.length} masters`}, ${p.workers.length === 1 ? 'one worker' : `${p.workers.length} workers`} and the client machine.`,
      mediaType: 'application/yaml',
      content: dockerCompose(p, notes),
    },
    {
      name: 'spark-defaults.conf',
      description: "The scenario's cluster-wide configuration.",
      mediaType: 'text/plain',
      content: sparkDefaults(p),
    },
    {
      name: 'submit.sh',
      description: 'The spark-submit lines at their scenario times.',
      mediaType: 'text/x-shellscript',
      content: submitScript(p),
    },
    {
      name: 'faults.sh',
      description: 'Faults and workers joining or leaving, at their scenario times.',
      mediaType: 'text/x-shellscript',
      content: faults.content,
    },
    ...p.masters.map((m) => sparkEnv(p, m)),
    ...p.workers.map((w) => sparkEnv(p, w)),
  ];
  return { projectName: p.project, image: p.image, files, notes };
}
