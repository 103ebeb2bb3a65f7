// The lab's hosts (hosts.ts) on this machine's kernel: two namespaces reach each other by name, a
// partition and a power-off cut them silently, and teardown leaves nothing behind.
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { LabNetwork, labUnavailableReason, leftovers } from './hosts';

const reason = labUnavailableReason();

/** A TCP server on port 7000 of the host, answering "pong", for as long as the host lives. */
const SERVER = `require('net').createServer((s) => s.end('pong')).listen(7000, process.argv[1]);`;
/** Connects to host:7000 (resolving the name there) and prints what it reads, or the error. */
const CLIENT = `const s = require('net').connect(7000, process.argv[1]); let d = '';
s.setTimeout(1500, () => { console.log('timeout'); process.exit(0); });
s.on('data', (b) => (d += b)); s.on('end', () => { console.log(d); process.exit(0); });
s.on('error', (e) => { console.log(e.code); process.exit(0); });`;

describe.skipIf(reason !== null)(`lab hosts${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let net: LabNetwork | null = null;
  afterAll(() => net?.teardown());

  const probe = (from: string, to: string): string =>
    net!.exec(from, [process.execPath, '-e', CLIENT, to], { timeoutMs: 10_000 }).stdout.trim();

  it('gives each host its address, resolves the names, cuts and heals, and tears down to nothing', async () => {
    net = LabNetwork.create(['ha', 'hb']);
    const a = net.host('ha');
    const b = net.host('hb');
    expect(a.ip).not.toBe(b.ip);
    expect(net.exec('ha', ['getent', 'hosts', 'hb']).stdout).toContain(b.ip);
    for (const h of ['ha', 'hb']) net.spawn(h, [process.execPath, '-e', SERVER, net.host(h).ip]);
    await new Promise((r) => setTimeout(r, 800));
    expect(probe('ha', 'hb')).toBe('pong');
    expect(probe('hb', 'ha')).toBe('pong');

    net.partition('ha', 'hb');
    expect(probe('ha', 'hb')).toBe('timeout');
    expect(probe('hb', 'ha')).toBe('timeout');
    net.heal(['ha', 'hb']);
    expect(probe('ha', 'hb')).toBe('pong');

    net.powerOff('hb');
    expect(net.pids('hb')).toEqual([]);
    expect(probe('ha', 'hb')).toBe('timeout');
    net.powerOn('hb');
    expect(probe('ha', 'hb')).toBe('ECONNREFUSED');

    net.teardown();
    expect(leftovers()).toEqual([]);
  });

  it('tears down when the run is stopped by SIGTERM', async () => {
    const script = `import('./conformance/lab/hosts.ts').then((m) => {
      const n = m.LabNetwork.create(['hc']);
      n.teardownOnExit();
      n.spawn('hc', ['sleep', '300']);
      console.log('up');
      setInterval(() => {}, 1000);
    });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => d.toString().includes('up') && resolve()),
    );
    expect(leftovers().length).toBeGreaterThan(0);
    const code = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    child.kill('SIGTERM');
    expect(await code).toBe(143);
    expect(leftovers()).toEqual([]);
  });
});
