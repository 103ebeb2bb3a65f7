// The share-link codec: round trips, migrations, every kind of bad link, and a fuzz of mutated
// links that must never throw, never hang, and never cost the user their autosaved session.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import { LIMITS, restoreScenario } from '../engine/public';
import { entryKey, type KeyValueStore, readEntry, writeEntry } from './autosave';
import {
  checkSessionDocument,
  CODEC_DEFLATE,
  decodeSession,
  deflate,
  encodeSession,
  fromBase64Url,
  MAX_LINK_CHARS,
  MAX_SESSION_BYTES,
  SESSION_FORMAT,
  toBase64Url,
} from './codec';
import type { Session } from './session-types';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 0) || 10_000;

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

function sessionOf(id: string, extraActions = 0): Session {
  const entry = builtinScenarios.find((s) => s.id === id);
  if (!entry) throw new Error(id);
  const r = restoreScenario(entry.scenario, { source: 'builtin' });
  if (!r.ok) throw new Error('invalid');
  const scenario = structuredClone(r.scenario);
  for (let i = 0; i < extraActions; i++) {
    scenario.actions.push(
      i % 2 === 0
        ? { at: 10_000 + i * 7_000, type: 'kill-worker', target: 'w1' }
        : { at: 10_000 + i * 7_000, type: 'restart-worker', target: 'w1' },
    );
  }
  return {
    format: SESSION_FORMAT,
    engine: 1,
    scenario,
    playhead: 61_234,
    builtin: id,
    view: { tab: 'master', speed: 10, selection: { kind: 'worker', id: 'w1' } },
  };
}

const linkOf = async (s: Session) => encodeSession(s);

describe('share link codec', () => {
  it('round-trips a session exactly', async () => {
    const s = sessionOf('cluster-mode', 10);
    const link = await linkOf(s);
    expect(link).toMatch(new RegExp(`^s=${SESSION_FORMAT}\\.${CODEC_DEFLATE}\\.[A-Za-z0-9_-]+$`));
    const back = await decodeSession(link);
    expect(back).toEqual({ ok: true, session: s });
  });

  it('fits a library scenario with ten recorded actions in 2,000 characters', async () => {
    for (const entry of builtinScenarios) {
      const link = await linkOf(sessionOf(entry.id, 10));
      expect(link.length, entry.id).toBeLessThanOrEqual(2000);
    }
  });

  it('base64url round-trips any bytes and rejects what is not base64url', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
      }),
      { numRuns: 500 },
    );
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('a')).toBeNull();
    expect(fromBase64Url('abé')).toBeNull();
  });

  it('reads an older format through its migrations', async () => {
    // Pretend this build writes format 3: a format-1 link is migrated 1 → 2 → 3 on read.
    const old = { format: 1, engine: 1, scenario: { version: 1, name: 'x' }, time: 5000 };
    const payload = toBase64Url(await deflate(new TextEncoder().encode(JSON.stringify(old))));
    const migrations = {
      1: (d: Record<string, unknown>) => ({ ...d, playhead: d.time, time: undefined }),
      2: (d: Record<string, unknown>) => ({ ...d, view: { tab: 'log' } }),
    };
    const r = await decodeSession(`s=1.d.${payload}`, { migrations, current: 3 });
    expect(r).toEqual({
      ok: true,
      session: {
        format: SESSION_FORMAT,
        engine: 1,
        scenario: { version: 1, name: 'x' },
        playhead: 5000,
        view: { tab: 'log' },
      },
    });
    // Without a path from its format, it is refused with a sentence.
    const missing = await decodeSession(`s=1.d.${payload}`, { migrations: { 2: migrations[2] }, current: 3 });
    expect(missing).toEqual({ ok: false, error: 'This link uses session format 1, which this version cannot read.' });
  });

  it('bounds the playhead by LIMITS.simulatedMs (7 days), not a year', async () => {
    const at = (playhead: number) => linkOf({ ...sessionOf('client-mode'), playhead });
    const week = await decodeSession(await at(LIMITS.simulatedMs));
    expect(week.ok && week.session.playhead).toBe(LIMITS.simulatedMs);
    expect(await decodeSession(await at(LIMITS.simulatedMs + 1))).toEqual({
      ok: false,
      error:
        'This link holds a session this version cannot use (at playhead): expected the playhead within 7 simulated days (604,800,000 ms), the longest run the playground simulates.',
    });
    const year = await decodeSession(await at(365 * 86_400_000));
    expect(year.ok).toBe(false);
  });

  it('checks a stored document of any format the same way, with the problem for the caller to phrase', () => {
    const good = sessionOf('client-mode');
    expect(checkSessionDocument(good)).toEqual({ ok: true, session: good });
    expect(checkSessionDocument({ ...good, format: 2 })).toEqual({ ok: false, problem: { kind: 'newer', format: 2 } });
    expect(checkSessionDocument({ ...good, format: 0 })).toEqual({
      ok: false,
      problem: { kind: 'unreadable-format', format: 0 },
    });
    expect(checkSessionDocument({ ...good, playhead: -1 })).toEqual({
      ok: false,
      problem: { kind: 'shape', where: 'playhead', message: 'expected the playhead, at least 0' },
    });
    expect(checkSessionDocument([])).toMatchObject({ ok: false, problem: { kind: 'shape', where: '' } });
    expect(checkSessionDocument({ ...good, format: undefined })).toMatchObject({ problem: { where: 'format' } });
  });

  describe('bad links get a sentence, never an exception', () => {
    const cases: [string, () => Promise<string>, RegExp][] = [
      ['truncated', async () => (await linkOf(sessionOf('client-mode'))).slice(0, 60), /incomplete or damaged/],
      [
        'corrupted',
        async () => {
          const l = await linkOf(sessionOf('client-mode'));
          const i = Math.floor(l.length / 2);
          return l.slice(0, i) + (l[i] === 'A' ? 'B' : 'A') + l.slice(i + 1);
        },
        /incomplete or damaged|cannot use/,
      ],
      ['oversized', async () => `s=1.d.${'A'.repeat(MAX_LINK_CHARS)}`, /too long/],
      [
        'a decompression bomb',
        async () => {
          const zeros = new Uint8Array(MAX_SESSION_BYTES * 4);
          return `s=1.d.${toBase64Url(await deflate(zeros))}`;
        },
        /unpacks to more than 2 MB/,
      ],
      [
        'a future format',
        async () => `s=${SESSION_FORMAT + 1}.d.AAAA`,
        /newer version of the playground \(session format 2; this version reads formats up to 1\)/,
      ],
      ['an unknown codec', async () => 's=1.q.AAAA', /unknown method \("q"\)/],
      ['not a session fragment', async () => 's=hello', /not in the expected form/],
      [
        'not JSON',
        async () => `s=1.d.${toBase64Url(await deflate(new TextEncoder().encode('<script>alert(1)</script>')))}`,
        /incomplete or damaged/,
      ],
      [
        'JSON of the wrong shape',
        async () => `s=1.d.${toBase64Url(await deflate(new TextEncoder().encode('{"format":1,"engine":"x"}')))}`,
        /cannot use \(at engine\)/,
      ],
      [
        'an array',
        async () => `s=1.d.${toBase64Url(await deflate(new TextEncoder().encode('[1,2]')))}`,
        /not a playground session/,
      ],
      ['empty payload', async () => 's=1.d.', /incomplete or damaged/],
    ];
    for (const [name, make, expected] of cases) {
      it(name, async () => {
        const r = await decodeSession(await make());
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toMatch(expected);
      });
    }
  });

  it('keeps HTML in a scenario as text (the page renders it escaped; nothing is evaluated)', async () => {
    const s = sessionOf('client-mode');
    (s.scenario as { name: string }).name = '<img src=x onerror="alert(1)">';
    const r = await decodeSession(await linkOf(s));
    expect(r.ok && (r.session.scenario as { name: string }).name).toBe('<img src=x onerror="alert(1)">');
  });

  it(`fuzz: ${RUNS.toLocaleString('en')} mutated links never throw, never take 100 ms, never lose the autosave`, async () => {
    const seeds = await Promise.all(
      ['client-mode', 'cluster-mode', 'worker-power-off'].map((id) => linkOf(sessionOf(id, 4))),
    );
    const store = memoryStore();
    const own = sessionOf('sandbox');
    own.playhead = 4242;
    writeEntry(store, 'mine', own, { fromLink: false, now: 1 });
    const saved = store.data.get(entryKey('mine'));
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=s#%é<>"';
    const mutation = fc.record({
      seed: fc.integer({ min: 0, max: seeds.length - 1 }),
      kind: fc.constantFrom('flip', 'cut', 'insert', 'delete', 'swap-prefix', 'repeat'),
      at: fc.nat(),
      ch: fc.integer({ min: 0, max: ALPHABET.length - 1 }),
      n: fc.integer({ min: 1, max: 40 }),
    });
    let slowest = 0;
    let opened = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const base = seeds[m.seed] as string;
        const i = m.at % base.length;
        const c = ALPHABET[m.ch] as string;
        let link: string;
        switch (m.kind) {
          case 'flip':
            link = base.slice(0, i) + c + base.slice(i + 1);
            break;
          case 'cut':
            link = base.slice(0, i);
            break;
          case 'insert':
            link = base.slice(0, i) + c.repeat(m.n) + base.slice(i);
            break;
          case 'delete':
            link = base.slice(0, i) + base.slice(i + m.n);
            break;
          case 'swap-prefix':
            link = `s=${m.n}.${c}.` + base.slice(6);
            break;
          default:
            link = base + base.slice(6, 6 + m.n * 10);
        }
        let started = performance.now();
        let result = await decodeSession(link);
        let elapsed = performance.now() - started;
        if (elapsed >= 100) {
          // A link that is slow to read is slow every time; a one-off (GC, a busy machine) is not.
          started = performance.now();
          result = await decodeSession(link);
          elapsed = performance.now() - started;
        }
        slowest = Math.max(slowest, elapsed);
        expect(elapsed).toBeLessThan(100);
        // As the session keeper does: a link that opens becomes an entry of its own.
        if (result.ok) writeEntry(store, `link-${opened++}`, result.session, { fromLink: true, now: 2 + opened });
        else expect(result.error).toMatch(/\.$/);
        // Whatever the link, the user's own session is still saved, unchanged.
        expect(store.data.get(entryKey('mine'))).toBe(saved);
        expect(readEntry(store, 'mine').ok).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(slowest).toBeLessThan(100);
    // Some mutations are harmless (a cut at the very end of nothing); most must be refused.
    expect(opened).toBeLessThan(RUNS / 2);
  }, 120_000);
});
