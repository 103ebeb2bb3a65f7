// The lab's daemons (docs/conformance-lab.md, "Daemons"): Spark's own Master and Worker classes
// started with bin/spark-class inside their hosts' namespaces, ZooKeeper's QuorumPeerMain from the
// jars Spark ships, and spark-submit on the client. Each host has its own folder under the run's
// folder in /tmp: conf/ (the scenario's conf as spark-defaults.conf, and a log4j2.properties that
// stamps every line with its epoch ms), work/ (SPARK_WORKER_DIR) and logs. Every line a daemon
// prints is handed to `onLine` as it comes.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { MasterSpec, WorkerSpec } from '../../src/engine/scenario/types';
import type { LabNetwork } from './hosts';
import type { SparkDist } from './spark-dist';

export type DaemonKind = 'Master' | 'Worker' | 'ZooKeeper' | 'spark-submit' | 'Driver' | 'Executor';

/** The Master's web UI port (spark.master.ui.port's default) and the Worker's (spark.worker.ui.port's). */
export const MASTER_UI_PORT = 8080;
export const WORKER_UI_PORT = 8081;
/** JVM heap of each daemon (SPARK_DAEMON_MEMORY): small, the machine has two cores and the lab many JVMs. */
const DAEMON_MEMORY = '256m';

/**
 * log4j2 for every JVM of the lab: Spark's default console layout with the epoch ms first, so a
 * line's instant is known to the ms whoever reads it (executors and cluster-mode drivers write to
 * files in the Worker's work folder). Levels as Spark's log4j2-defaults.properties.
 */
const LOG4J2 = `rootLogger.level = info
rootLogger.appenderRef.stdout.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{UNIX_MILLIS} %p %c{1}: %m%n%ex
logger.jetty.name = org.sparkproject.jetty
logger.jetty.level = warn
logger.zookeeper.name = org.apache.zookeeper
logger.zookeeper.level = warn
logger.zkserver.name = org.apache.zookeeper.server
logger.zkserver.level = info
logger.curator.name = org.apache.curator
logger.curator.level = warn
`;

/** One log line: `epochMs` is null for a line without the lab's stamp (a stack frame, a banner). */
export interface DaemonLine {
  host: string;
  daemon: DaemonKind;
  epochMs: number | null;
  level: string;
  logger: string;
  message: string;
  raw: string;
}

const STAMPED = /^(\d{13}) (TRACE|DEBUG|INFO|WARN|ERROR|FATAL) ([^:]+): (.*)$/;

export function parseDaemonLine(host: string, daemon: DaemonKind, raw: string): DaemonLine {
  const m = STAMPED.exec(raw);
  if (!m) return { host, daemon, epochMs: null, level: '', logger: '', message: raw, raw };
  return {
    host,
    daemon,
    epochMs: Number(m[1]),
    level: m[2] as string,
    logger: m[3] as string,
    message: m[4] as string,
    raw,
  };
}

export interface Daemon {
  host: string;
  kind: DaemonKind;
  child: ChildProcess;
  /** The JVM's pid: `ip netns exec` and bin/spark-class both exec, so it is the child's. */
  pid: number;
  startedAtEpochMs: number;
  exitCode: number | null;
  exited: Promise<number | null>;
  /** Everything it printed, in order. */
  output: string[];
}

/** spark-defaults.conf text: Java Properties, so backslashes are doubled. */
function defaultsConf(conf: Record<string, string>): string {
  return Object.entries(conf)
    .map(([k, v]) => `${k} ${v.replace(/\\/g, '\\\\')}`)
    .join('\n')
    .concat('\n');
}

export class Daemons {
  readonly all: Daemon[] = [];
  /** What the lab changed in the scenario's conf for this machine, and why. */
  readonly confNotes: string[] = [];

  constructor(
    private readonly net: LabNetwork,
    private readonly dist: SparkDist,
    private conf: Record<string, string>,
    readonly runDir: string,
    private readonly onLine: (line: DaemonLine) => void,
  ) {}

  /** The conf every daemon started from now on reads (set-conf). */
  setConf(conf: Record<string, string>): void {
    this.conf = { ...conf };
  }

  hostDir(host: string): string {
    return join(this.runDir, host);
  }

  /**
   * The host's conf folder. An absolute spark.deploy.recoveryDirectory is moved under the host's own
   * folder (the same path on every start of that host, so a restarted Master finds its state):
   * the lab's hosts share one disk, and the lab writes nowhere outside its run folder.
   */
  private confDir(host: string): string {
    const dir = join(this.hostDir(host), 'conf');
    mkdirSync(dir, { recursive: true });
    const conf = { ...this.conf };
    const rec = conf['spark.deploy.recoveryDirectory'];
    if (rec !== undefined && isAbsolute(rec)) {
      conf['spark.deploy.recoveryDirectory'] = join(this.hostDir(host), 'disk', rec);
      const note = `spark.deploy.recoveryDirectory ${rec} is ${join('<run>', '<host>', 'disk', rec)} on each lab host`;
      if (!this.confNotes.includes(note)) this.confNotes.push(note);
    }
    writeFileSync(join(dir, 'spark-defaults.conf'), defaultsConf(conf));
    writeFileSync(join(dir, 'log4j2.properties'), LOG4J2);
    return dir;
  }

  /**
   * The client's environment has no SPARK_LOCAL_IP or SPARK_LOCAL_HOSTNAME: the legacy gateway sends
   * spark-submit's whole environment with a cluster-mode driver (deploy/Client.scala passes
   * sys.env as the driver's Command environment, and the Worker's DriverRunner applies it), so the
   * driver would try to bind the client's address on its worker. The client's name resolves from
   * its hosts file instead (hosts.ts lists each host's own name first for its address).
   */
  clientEnv(): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: this.hostDir('client'),
      LANG: 'C.UTF-8',
      TZ: 'UTC',
      JAVA_HOME: this.dist.javaHome,
      SPARK_HOME: this.dist.home,
      SPARK_CONF_DIR: this.confDir('client'),
    };
  }

  env(host: string): NodeJS.ProcessEnv {
    const h = this.net.host(host);
    const dir = this.hostDir(host);
    const work = join(dir, 'work');
    const logs = join(dir, 'logs');
    mkdirSync(work, { recursive: true });
    mkdirSync(logs, { recursive: true });
    return {
      PATH: process.env.PATH,
      HOME: dir,
      LANG: 'C.UTF-8',
      TZ: 'UTC',
      JAVA_HOME: this.dist.javaHome,
      SPARK_HOME: this.dist.home,
      SPARK_CONF_DIR: this.confDir(host),
      SPARK_LOCAL_IP: h.ip,
      SPARK_LOCAL_HOSTNAME: host,
      SPARK_PUBLIC_DNS: host,
      SPARK_DAEMON_MEMORY: DAEMON_MEMORY,
      SPARK_WORKER_DIR: work,
      SPARK_LOG_DIR: logs,
      SPARK_PID_DIR: dir,
      SPARK_USER: 'spark',
      USER: 'spark',
    };
  }

  private start(host: string, kind: DaemonKind, argv: readonly string[], env: NodeJS.ProcessEnv): Daemon {
    const child = this.net.spawn(host, argv, { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: this.hostDir(host) });
    const d: Daemon = {
      host,
      kind,
      child,
      pid: child.pid ?? -1,
      startedAtEpochMs: Date.now(),
      exitCode: null,
      exited: new Promise((resolve) =>
        child.on('exit', (code, signal) => {
          d.exitCode = code ?? (signal ? 128 + (SIGNALS[signal] ?? 0) : null);
          resolve(d.exitCode);
        }),
      ),
      output: [],
    };
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (raw) => {
        d.output.push(raw);
        this.onLine(parseDaemonLine(host, kind, raw));
      });
    }
    this.all.push(d);
    return d;
  }

  private sparkClass(): string {
    return join(this.dist.home, 'bin', 'spark-class');
  }

  startMaster(m: MasterSpec): Daemon {
    const argv = [
      this.sparkClass(),
      'org.apache.spark.deploy.master.Master',
      '--host',
      m.host,
      '--port',
      String(m.port),
    ];
    return this.start(m.host, 'Master', [...argv, '--webui-port', String(MASTER_UI_PORT)], this.env(m.host));
  }

  startWorker(w: WorkerSpec, masterUrl: string): Daemon {
    const argv = [this.sparkClass(), 'org.apache.spark.deploy.worker.Worker', '--host', w.host];
    argv.push('--cores', String(w.cores), '--memory', w.memory, '--webui-port', String(WORKER_UI_PORT));
    if (w.port !== undefined) argv.push('--port', String(w.port));
    return this.start(w.host, 'Worker', [...argv, masterUrl], this.env(w.host));
  }

  /** A standalone ZooKeeper server (QuorumPeerMain with no peers) from the jars Spark ships. */
  startZooKeeper(host: string, port: number): Daemon {
    const env = this.env(host);
    const dir = this.hostDir(host);
    const data = join(dir, 'zk-data');
    mkdirSync(data, { recursive: true });
    const cfg = join(dir, 'zoo.cfg');
    const ip = this.net.host(host).ip;
    writeFileSync(
      cfg,
      [
        'tickTime=2000',
        `dataDir=${data}`,
        `clientPort=${port}`,
        `clientPortAddress=${ip}`,
        'admin.enableServer=false',
        '4lw.commands.whitelist=ruok,srvr',
        '',
      ].join('\n'),
    );
    const java = join(this.dist.javaHome, 'bin', 'java');
    const cp = `${env.SPARK_CONF_DIR}:${join(this.dist.home, 'jars', '*')}`;
    return this.start(
      host,
      'ZooKeeper',
      [java, '-Xmx128m', '-cp', cp, 'org.apache.zookeeper.server.quorum.QuorumPeerMain', cfg],
      env,
    );
  }

  /** bin/spark-submit on the client with these arguments. */
  sparkSubmit(args: readonly string[]): Daemon {
    return this.start(
      'client',
      'spark-submit',
      [join(this.dist.home, 'bin', 'spark-submit'), ...args],
      this.clientEnv(),
    );
  }

  running(host: string, kind: DaemonKind): Daemon | undefined {
    return this.all.findLast((d) => d.host === host && d.kind === kind && d.exitCode === null);
  }

  /** Sends `signal` to the daemon's JVM; resolves when it has exited (or after `waitMs`). */
  async signal(d: Daemon, signal: NodeJS.Signals, waitMs = 15_000): Promise<void> {
    try {
      process.kill(d.pid, signal);
    } catch {
      return;
    }
    if (waitMs <= 0) return;
    await Promise.race([d.exited, new Promise((r) => setTimeout(r, waitMs))]);
  }
}

const SIGNALS: Partial<Record<NodeJS.Signals, number>> = { SIGKILL: 9, SIGTERM: 15, SIGINT: 2, SIGHUP: 1, SIGPWR: 30 };
