// The lab's machines (docs/conformance-lab.md, "Hosts"): one Linux network namespace per host of a
// scenario (every Master, every Worker, the client, ZooKeeper), each joined to one bridge by a veth
// pair, with its own address on a private /24 the lab picks among ranges no route of this machine
// covers. `ip netns exec` bind-mounts /etc/netns/<ns>/hosts over /etc/hosts, so every scenario host
// name resolves to its address inside every namespace, and an empty resolv.conf so that no lookup
// leaves the lab. The machine itself sits on the bridge (its first address), from where the lab
// polls the daemons' web UIs.
//
// Faults are nftables rules in a host's own namespace (table inet sslab): power-off drops all of the
// host's traffic, a partition the packets between two addresses. Everything is named with the
// prefix `sslab-`, so teardown, and cleanupLeftovers() after a crashed run, find it all.
// Everything here is synchronous, so teardown also works from a signal handler.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LabUnavailable } from './errors';
import { hasProgram, must, run } from './exec';

export const PREFIX = 'sslab-';
const BRIDGE = `${PREFIX}br0`;
const NETNS_ETC = '/etc/netns';
/** One lab at a time: the pid of the run that owns the bridge. */
const LOCK = `/run/${PREFIX}lock`;
/** The third octet of 10.213.x.0/24 candidates, tried in order. */
const SUBNETS = Array.from({ length: 32 }, (_, i) => `10.213.${i}`);

export interface LabHost {
  name: string;
  ns: string;
  ip: string;
}

/** The machine can build the lab: root, `ip` and `nft`. Throws LabUnavailable otherwise. */
export function checkLabPrerequisites(): void {
  if (process.getuid?.() !== 0)
    throw new LabUnavailable(
      'The real Spark lab must run as root: it creates network namespaces, a bridge and firewall rules.',
    );
  if (!hasProgram('ip'))
    throw new LabUnavailable('The `ip` command (iproute2) is missing: the lab builds its hosts with `ip netns`.');
  if (!hasProgram('nft'))
    throw new LabUnavailable(
      'The `nft` command is missing (apt-get install nftables): the lab cuts traffic with nftables rules.',
    );
}

/** Why the lab cannot run here, or null when it can (for tests that skip). */
export function labUnavailableReason(): string | null {
  try {
    checkLabPrerequisites();
    return null;
  } catch (e) {
    if (e instanceof LabUnavailable) return e.message;
    throw e;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function listNetns(): string[] {
  return run('ip', ['netns', 'list'])
    .stdout.split('\n')
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter((n) => n.startsWith(PREFIX));
}

function listLinks(): string[] {
  return run('ip', ['-o', 'link', 'show'])
    .stdout.split('\n')
    .map((l) => /^\d+:\s+([^:@\s]+)/.exec(l)?.[1] ?? '')
    .filter((n) => n.startsWith(PREFIX));
}

function nsPids(ns: string): number[] {
  return run('ip', ['netns', 'pids', ns])
    .stdout.split(/\s+/)
    .filter((p) => /^\d+$/.test(p))
    .map(Number);
}

/** SIGKILL every process in the namespace and wait (up to 10 s) until none is left. */
export function killAllIn(ns: string): void {
  for (let i = 0; i < 100; i++) {
    const pids = nsPids(ns);
    if (pids.length === 0) return;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    sleepSync(100);
  }
}

function removeNetns(ns: string): void {
  killAllIn(ns);
  run('ip', ['netns', 'del', ns]);
  rmSync(join(NETNS_ETC, ns), { recursive: true, force: true });
}

/** Waits (up to 5 s) until no `sslab-` link is left, deleting those that stay. */
function removeLinks(): void {
  for (let i = 0; i < 50; i++) {
    const links = listLinks();
    if (links.length === 0) return;
    for (const l of links) run('ip', ['link', 'del', l]);
    sleepSync(100);
  }
}

/** What an earlier lab run left behind: namespaces, links, /etc/netns folders. */
export function leftovers(): string[] {
  const dirs = existsSync(NETNS_ETC) ? readdirSync(NETNS_ETC).filter((d) => d.startsWith(PREFIX)) : [];
  return [
    ...listNetns().map((n) => `netns ${n}`),
    ...listLinks().map((l) => `link ${l}`),
    ...dirs.map((d) => `${NETNS_ETC}/${d}`),
  ];
}

/** Removes every `sslab-` namespace (killing its processes), link and /etc/netns folder; returns what it found. */
export function cleanupLeftovers(): string[] {
  const found = leftovers();
  for (const ns of listNetns()) removeNetns(ns);
  removeLinks();
  if (existsSync(NETNS_ETC))
    for (const d of readdirSync(NETNS_ETC))
      if (d.startsWith(PREFIX)) rmSync(join(NETNS_ETC, d), { recursive: true, force: true });
  return found;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function takeLock(): void {
  if (existsSync(LOCK)) {
    const pid = Number(readFileSync(LOCK, 'utf8').trim());
    if (pid !== process.pid && Number.isInteger(pid) && pid > 0 && pidAlive(pid))
      throw new LabUnavailable(
        `Another real Spark lab run (process ${pid}) is using this machine's lab network; wait for it to end.`,
      );
  }
  writeFileSync(LOCK, `${process.pid}\n`);
}

function pickSubnet(): string {
  const used = run('ip', ['-4', 'route', 'show', 'table', 'all']).stdout + run('ip', ['-4', 'addr']).stdout;
  const free = SUBNETS.find((s) => !used.includes(`${s}.`));
  if (free === undefined)
    throw new LabUnavailable('Every 10.213.x.0/24 range the lab may use is already routed on this machine.');
  return free;
}

/** The nftables rules a host's namespace holds for its faults. */
interface HostFirewall {
  off: boolean;
  /** Addresses whose packets this host drops, sending and receiving. */
  dropTo: Set<string>;
  dropFrom: Set<string>;
}

export class LabNetwork {
  readonly hosts = new Map<string, LabHost>();
  readonly bridgeIp: string;
  private readonly firewalls = new Map<string, HostFirewall>();
  private torn = false;

  private constructor(
    names: readonly string[],
    readonly subnet: string,
  ) {
    this.bridgeIp = `${subnet}.1`;
    names.forEach((name, i) => this.hosts.set(name, { name, ns: `${PREFIX}${name}`, ip: `${subnet}.${10 + i}` }));
  }

  /** Builds the bridge and one namespace per host name (after removing an earlier run's residue). */
  static create(names: readonly string[]): LabNetwork {
    checkLabPrerequisites();
    takeLock();
    cleanupLeftovers();
    const net = new LabNetwork(names, pickSubnet());
    try {
      net.build();
    } catch (e) {
      net.teardown();
      throw e;
    }
    return net;
  }

  private build(): void {
    must('ip', ['link', 'add', BRIDGE, 'type', 'bridge']);
    must('ip', ['addr', 'add', `${this.bridgeIp}/24`, 'dev', BRIDGE]);
    must('ip', ['link', 'set', BRIDGE, 'up']);
    const machine = hostname();
    let i = 0;
    for (const h of this.hosts.values()) {
      const veth = `${PREFIX}v${i}`;
      const peer = `${PREFIX}p${i}`;
      i++;
      must('ip', ['netns', 'add', h.ns]);
      must('ip', ['link', 'add', veth, 'type', 'veth', 'peer', 'name', peer]);
      must('ip', ['link', 'set', peer, 'netns', h.ns]);
      must('ip', ['-n', h.ns, 'link', 'set', peer, 'name', 'eth0']);
      must('ip', ['-n', h.ns, 'addr', 'add', `${h.ip}/24`, 'dev', 'eth0']);
      must('ip', ['-n', h.ns, 'link', 'set', 'eth0', 'up']);
      must('ip', ['-n', h.ns, 'link', 'set', 'lo', 'up']);
      must('ip', ['link', 'set', veth, 'master', BRIDGE]);
      must('ip', ['link', 'set', veth, 'up']);
      const etc = join(NETNS_ETC, h.ns);
      mkdirSync(etc, { recursive: true });
      // The host's own name first for its address, so a reverse lookup (Spark's canonical host
      // name) gives it; the machine's name (what InetAddress.getLocalHost() asks for) is this host.
      const lines = ['127.0.0.1 localhost', `${h.ip} ${h.name} ${machine}`];
      for (const o of this.hosts.values()) if (o !== h) lines.push(`${o.ip} ${o.name}`);
      writeFileSync(join(etc, 'hosts'), `${lines.join('\n')}\n`);
      writeFileSync(join(etc, 'resolv.conf'), '# the lab resolves names from its hosts file only\n');
      this.firewalls.set(h.name, { off: false, dropTo: new Set(), dropFrom: new Set() });
    }
  }

  host(name: string): LabHost {
    const h = this.hosts.get(name);
    if (!h) throw new Error(`The lab has no host ${name}.`);
    return h;
  }

  /** Starts `argv` inside the host's namespace (detached into its own process group). */
  spawn(
    name: string,
    argv: readonly string[],
    opts: { env?: NodeJS.ProcessEnv; stdio?: StdioOptions; cwd?: string } = {},
  ): ChildProcess {
    const h = this.host(name);
    return spawn('ip', ['netns', 'exec', h.ns, ...argv], {
      env: opts.env ?? process.env,
      stdio: opts.stdio ?? 'ignore',
      cwd: opts.cwd,
      detached: true,
    });
  }

  /** Runs `argv` inside the host's namespace to its end. */
  exec(name: string, argv: readonly string[], opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}) {
    const [cmd, ...args] = argv;
    return run('ip', ['netns', 'exec', this.host(name).ns, cmd as string, ...args], opts);
  }

  /** The pids of every process running on the host. */
  pids(name: string): number[] {
    return nsPids(this.host(name).ns);
  }

  /** Power-off: drop all of the host's traffic, then SIGKILL everything on it. */
  powerOff(name: string): void {
    this.fw(name).off = true;
    this.applyFirewall(name);
    killAllIn(this.host(name).ns);
  }

  /** Power back on: traffic flows again (partitions stay); nothing is started. */
  powerOn(name: string): void {
    this.fw(name).off = false;
    this.applyFirewall(name);
  }

  isOff(name: string): boolean {
    return this.fw(name).off;
  }

  /** Drops packets from a to b (and, unless oneWay, from b to a) with no notice to either side. */
  partition(a: string, b: string, oneWay = false): void {
    const ha = this.host(a);
    const hb = this.host(b);
    this.fw(a).dropTo.add(hb.ip);
    this.fw(b).dropFrom.add(ha.ip);
    if (!oneWay) {
      this.fw(b).dropTo.add(ha.ip);
      this.fw(a).dropFrom.add(hb.ip);
    }
    this.applyFirewall(a);
    this.applyFirewall(b);
  }

  /** Ends the partition between a and b (both directions), or every partition. */
  heal(between?: readonly [string, string]): void {
    const names = between ? [...between] : [...this.hosts.keys()];
    const pair = between ? new Set(between.map((n) => this.host(n).ip)) : null;
    for (const n of names) {
      const f = this.fw(n);
      for (const set of [f.dropTo, f.dropFrom]) for (const ip of [...set]) if (!pair || pair.has(ip)) set.delete(ip);
      this.applyFirewall(n);
    }
  }

  private fw(name: string): HostFirewall {
    const f = this.firewalls.get(name);
    if (!f) throw new Error(`The lab has no host ${name}.`);
    return f;
  }

  /** Replaces the host's table inet sslab in one nft transaction. */
  private applyFirewall(name: string): void {
    const f = this.fw(name);
    const rules = (dir: 'in' | 'out'): string[] => {
      if (f.off) return ['drop'];
      const set = dir === 'out' ? f.dropTo : f.dropFrom;
      return [...set].map((ip) => `ip ${dir === 'out' ? 'daddr' : 'saddr'} ${ip} drop`);
    };
    const script = [
      'table inet sslab {}',
      'delete table inet sslab',
      'table inet sslab {',
      '  chain in {',
      '    type filter hook input priority 0; policy accept;',
      ...rules('in').map((r) => `    ${r}`),
      '  }',
      '  chain out {',
      '    type filter hook output priority 0; policy accept;',
      ...rules('out').map((r) => `    ${r}`),
      '  }',
      '}',
    ].join('\n');
    must('ip', ['netns', 'exec', this.host(name).ns, 'nft', '-f', '-'], { input: `${script}\n` });
  }

  /**
   * Tears the lab down also when the process is interrupted (SIGINT, SIGTERM, SIGHUP: exit code
   * 128 + the signal's number) or exits without calling teardown. Returns the function that
   * removes these handlers (teardown does it too).
   */
  teardownOnExit(): () => void {
    const signals = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
    const onSignal = (sig: keyof typeof signals) => {
      this.teardown();
      process.exit(128 + signals[sig]);
    };
    const onExit = () => this.teardown();
    for (const sig of Object.keys(signals) as (keyof typeof signals)[]) process.once(sig, onSignal);
    process.once('exit', onExit);
    const off = () => {
      for (const sig of Object.keys(signals) as (keyof typeof signals)[]) process.off(sig, onSignal);
      process.off('exit', onExit);
    };
    this.offExit = off;
    return off;
  }

  private offExit: (() => void) | null = null;

  /** Removes everything the lab built: processes, namespaces (their rules with them), links, files. Idempotent. */
  teardown(): void {
    if (this.torn) return;
    this.torn = true;
    this.offExit?.();
    for (const h of this.hosts.values()) removeNetns(h.ns);
    removeLinks();
    cleanupLeftovers();
    try {
      if (existsSync(LOCK) && readFileSync(LOCK, 'utf8').trim() === String(process.pid)) rmSync(LOCK);
    } catch {
      // the lock is advisory
    }
  }
}
