// The storage layout (docs/sessions.md) on a Map-backed store, and on one whose setItem throws
// the quota error as a full browser storage does; and the start-up probe that tells full storage
// (read-only, still restored) from storage that cannot be read at all (a memory stand-in).
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../engine/public';
import {
  backUpUnreadable,
  BACKUP_KEY,
  entryKey,
  forgetEntry,
  INDEX_KEY,
  isQuotaError,
  type KeyValueStore,
  listRecent,
  parseStoredSession,
  readEntry,
  RECENT_LIMIT,
  sessionName,
  writeEntry,
} from './autosave';
import { SESSION_FORMAT } from './codec';
import type { Session } from './session-types';
import { probeStorage } from './storage-probe';

const session = (name: string, playhead = 0, builtin?: string): Session => ({
  format: SESSION_FORMAT,
  engine: ENGINE_VERSION,
  scenario: name ? { name } : {},
  playhead,
  ...(builtin ? { builtin } : {}),
});

const quotaError = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

/** A Map-backed store; with `full`, every setItem throws the quota error (reads still work). */
function mapStore(full = false): KeyValueStore & { data: Map<string, string>; full: boolean } {
  const data = new Map<string, string>();
  const store = {
    data,
    full,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (store.full) throw quotaError();
      data.set(k, v);
    },
    removeItem: (k: string) => void data.delete(k),
  };
  return store;
}

describe('entries and the recent list', () => {
  it('an entry round-trips with its name, time and origin, and tops the list', () => {
    const store = mapStore();
    expect(writeEntry(store, 'a', session('Alpha', 10), { fromLink: false, now: 100 }).outcome).toBe('saved');
    expect(writeEntry(store, 'b', session('', 20, 'cluster-mode'), { fromLink: true, now: 200 }).outcome).toBe('saved');
    expect(readEntry(store, 'a')).toEqual({
      ok: true,
      entry: { id: 'a', name: 'Alpha', savedAt: 100, fromLink: false },
      session: session('Alpha', 10),
    });
    expect(listRecent(store).map((e) => [e.id, e.name, e.fromLink])).toEqual([
      ['b', 'cluster-mode', true],
      ['a', 'Alpha', false],
    ]);
    // Saving again moves it back to the top, without a second line.
    writeEntry(store, 'a', session('Alpha', 30), { fromLink: false, now: 300 });
    expect(listRecent(store).map((e) => e.id)).toEqual(['a', 'b']);
    expect(readEntry(store, 'missing')).toEqual({ ok: false, missing: true });
  });

  it(`keeps ${RECENT_LIMIT}; links go first, so the user's own sessions stay; dropped entries are removed`, () => {
    const store = mapStore();
    writeEntry(store, 'own', session('Own'), { fromLink: false, now: 1 });
    for (let i = 0; i < 20; i++) writeEntry(store, `link-${i}`, session(`L${i}`), { fromLink: true, now: 10 + i });
    const recent = listRecent(store);
    expect(recent).toHaveLength(RECENT_LIMIT);
    expect(recent.map((e) => e.id)).toEqual([...Array.from({ length: 7 }, (_, i) => `link-${19 - i}`), 'own']);
    expect([...store.data.keys()].filter((k) => k.startsWith('spark-playground.entry.'))).toHaveLength(RECENT_LIMIT);
    // With only own sessions, the oldest goes.
    const owns = mapStore();
    for (let i = 0; i < 10; i++) writeEntry(owns, `own-${i}`, session(`O${i}`), { fromLink: false, now: i });
    expect(listRecent(owns).at(-1)?.id).toBe('own-2');
    expect(owns.data.has(entryKey('own-1'))).toBe(false);
  });

  it('a full store refuses with "full" and leaves what is stored as it was', () => {
    const store = mapStore();
    writeEntry(store, 'a', session('Alpha', 10), { fromLink: false, now: 100 });
    const before = new Map(store.data);
    store.full = true;
    expect(writeEntry(store, 'a', session('Alpha', 99), { fromLink: false, now: 200 }).outcome).toBe('full');
    expect(store.data).toEqual(before);
    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(new Error('SecurityError'))).toBe(false);
  });

  it('a store that refuses for another reason says "refused"', () => {
    const store: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw Object.assign(new Error('denied'), { name: 'SecurityError' });
      },
      removeItem: () => undefined,
    };
    expect(writeEntry(store, 'a', session('A'), { fromLink: false, now: 1 }).outcome).toBe('refused');
  });

  it('an unreadable index reads as empty; forgetting an entry drops its line and its data', () => {
    const store = mapStore();
    store.data.set(INDEX_KEY, '{"recent": [{"id": "../../x", "name": 1}]');
    expect(listRecent(store)).toEqual([]);
    store.data.set(INDEX_KEY, JSON.stringify({ format: 1, recent: [{ id: 'bad id!', name: 'x', savedAt: 1 }] }));
    expect(listRecent(store)).toEqual([]);
    writeEntry(store, 'a', session('A'), { fromLink: false, now: 1 });
    writeEntry(store, 'b', session('B'), { fromLink: false, now: 2 });
    forgetEntry(store, 'a');
    expect(listRecent(store).map((e) => e.id)).toEqual(['b']);
    expect(store.data.has(entryKey('a'))).toBe(false);
  });

  it('an entry that is not a session says what is wrong with it, and keeps its text for the backup', () => {
    const store = mapStore();
    store.data.set(entryKey('x'), '"just a string"');
    expect(readEntry(store, 'x')).toEqual({
      ok: false,
      missing: false,
      problem: 'it holds something other than a saved session',
      text: '"just a string"',
    });
    expect(backUpUnreadable(store, entryKey('x'), '"just a string"', 'it holds something else', 7)).toBe(true);
    expect(JSON.parse(store.data.get(BACKUP_KEY) ?? '')).toEqual({
      from: entryKey('x'),
      keptAt: 7,
      problem: 'it holds something else',
      text: '"just a string"',
    });
    store.full = true;
    expect(backUpUnreadable(store, entryKey('x'), 'x', 'p', 8)).toBe(false);
  });

  it('reads the first layout (a bare session) and names what is wrong with one', () => {
    expect(parseStoredSession(JSON.stringify(session('A', 5)))).toEqual({ ok: true, session: session('A', 5) });
    expect(parseStoredSession('{')).toEqual({ ok: false, problem: 'it is not valid JSON (it may have been cut off)' });
    expect(parseStoredSession(JSON.stringify({ ...session('A'), format: 2 }))).toEqual({
      ok: false,
      problem: 'it was saved by a newer version of the playground (session format 2)',
    });
    expect(parseStoredSession(JSON.stringify({ ...session('A'), playhead: 8 * 86_400_000 }))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^at playhead, expected the playhead within 7 simulated days/),
    });
  });

  it('names a session by its scenario, else its built-in', () => {
    expect(sessionName(session('  Spread out  '))).toBe('Spread out');
    expect(sessionName(session('', 0, 'client-mode'))).toBe('client-mode');
    expect(sessionName(session(''))).toBe('Untitled scenario');
    expect(sessionName(session('x'.repeat(500)))).toHaveLength(80);
  });
});

describe('the start-up probe', () => {
  it('storage that works is used as it is', () => {
    const store = mapStore();
    const probed = probeStorage(() => store);
    expect(probed.mode).toBe('local');
    expect(probed.store).toBe(store);
    expect(store.data.size).toBe(0);
  });

  it('full storage is read-only, not replaced: what it holds is still there to restore', () => {
    const store = mapStore(true);
    store.data.set('spark-playground.sessions', '{}');
    const probed = probeStorage(() => store);
    expect(probed.mode).toBe('full');
    expect(probed.store.getItem('spark-playground.sessions')).toBe('{}');
  });

  it('storage that cannot be read at all (or refuses to write for another reason) becomes a memory stand-in', () => {
    const denied = probeStorage(() => {
      throw Object.assign(new Error('The operation is insecure.'), { name: 'SecurityError' });
    });
    expect(denied.mode).toBe('memory');
    denied.store.setItem('k', 'v');
    expect(denied.store.getItem('k')).toBe('v');
    const refusing = probeStorage(() => ({
      getItem: () => null,
      setItem: () => {
        throw new Error('no');
      },
      removeItem: () => undefined,
    }));
    expect(refusing.mode).toBe('memory');
  });
});
