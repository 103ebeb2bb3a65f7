// The session keeper without a browser: a store, a controller, storage, the address bar, the
// window's events and timers, all fakes the test drives. What the page opens with (link, autosave,
// first built-in), a link pasted into an open page, and the autosave's one-second wait.
import { describe, expect, it, vi } from 'vitest';
import { ENGINE_VERSION } from '../engine/public';
import { AUTOSAVE_KEY, type KeyValueStore, PREVIOUS_KEY } from './autosave';
import { decodeSession, encodeSession, SESSION_FORMAT } from './codec';
import { AUTOSAVE_DELAY_MS, createSessionKeeper, type KeeperState } from './session-keeper';
import type { Banner, Session } from './session-types';

const sessionAt = (name: string, playhead: number, engine = ENGINE_VERSION): Session => ({
  format: SESSION_FORMAT,
  engine,
  scenario: { name },
  playhead,
  view: { tab: 'log' },
});

const BUILTINS = [
  { id: 'first', scenario: { name: 'First built-in' } },
  { id: 'second', scenario: { name: 'Second built-in' } },
];

const NOT_SAVED =
  'This browser refused to save the session (storage is full or disabled); use Share or Export to keep it.';
const NOT_PERSISTENT = 'This browser does not allow local storage here: the session is not saved between visits.';

function memoryStorage(refuseWrites = false): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (refuseWrites) throw new Error('QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
}

/** The page's state as far as the keeper sees it; `change` is what the user's work does to it. */
function fakeStore() {
  const banners: (Banner | null)[] = [];
  const notices: { tone: string; text: string }[] = [];
  const failures: string[] = [];
  const listeners = new Set<(s: KeeperState, prev: KeeperState) => void>();
  let state: KeeperState = {
    status: 'loading',
    time: 0,
    actions: [],
    scenarioId: '',
    selection: null,
    setBanner: (b) => void banners.push(b),
    notify: (tone, text) => void notices.push({ tone, text }),
    failed: (message) => void failures.push(message),
  };
  const change = (patch: Partial<KeeperState>) => {
    const prev = state;
    state = { ...state, ...patch };
    for (const l of listeners) l(state, prev);
  };
  const store = {
    getState: () => state,
    subscribe: (l: (s: KeeperState, prev: KeeperState) => void) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  };
  return { store, change, banners, notices, failures };
}

/** A controller whose session is whatever it last opened (or what the test sets). */
function fakeController(change: (patch: Partial<KeeperState>) => void) {
  const opened: Session[] = [];
  const loaded: string[] = [];
  let current: Session | null = null;
  const controller = {
    session: async () => (current ? structuredClone(current) : null),
    openSession: async (s: Session) => {
      opened.push(s);
      current = s;
      change({ status: 'ready', time: s.playhead, scenarioId: s.builtin ?? '' });
      return { ok: true as const };
    },
    load: async (id: string, scenario: unknown) => {
      loaded.push(id);
      current = { format: SESSION_FORMAT, engine: ENGINE_VERSION, scenario, playhead: 0, builtin: id };
      change({ status: 'ready', time: 0, scenarioId: id });
    },
  };
  return { controller, opened, loaded, setSession: (s: Session) => void (current = s) };
}

/** Timers that run only when the test says so. */
function manualTimers() {
  const pending = new Map<number, { run: () => void; ms: number }>();
  let nextId = 1;
  return {
    pending,
    timers: {
      setTimeout: (run: () => void, ms: number) => {
        pending.set(nextId, { run, ms });
        return nextId++;
      },
      clearTimeout: (id: number) => void pending.delete(id),
    },
    /** Runs every timer due now, then lets the saves they start finish. */
    async elapse() {
      const due = [...pending.values()];
      pending.clear();
      for (const t of due) t.run();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

async function page(
  opts: {
    hash?: string;
    saved?: Session;
    storage?: ReturnType<typeof memoryStorage>;
    persistent?: boolean;
    builtins?: typeof BUILTINS;
  } = {},
) {
  const storage = opts.storage ?? memoryStorage();
  if (opts.saved) storage.data.set(AUTOSAVE_KEY, JSON.stringify(opts.saved));
  const fake = fakeStore();
  const ctl = fakeController(fake.change);
  const clock = manualTimers();
  const location = { hash: opts.hash ?? '', pathname: '/playground/', search: '?theme=dark' };
  const urls: string[] = [];
  const history = {
    replaceState: (_data: null, _unused: string, url: string) => {
      urls.push(url);
      location.hash = '';
    },
  };
  const events = new EventTarget();
  const keeper = createSessionKeeper({
    store: fake.store,
    controller: ctl.controller,
    storage,
    persistent: opts.persistent ?? true,
    location,
    history,
    events,
    timers: clock.timers,
    builtins: opts.builtins ?? BUILTINS,
  });
  await keeper.start();
  /** The user pastes a link (or anything) into the address bar of the open page. */
  const paste = (hash: string) => {
    location.hash = hash;
    events.dispatchEvent(new Event('hashchange'));
  };
  return { storage, ...fake, ...ctl, ...clock, location, urls, paste };
}

const stored = (storage: ReturnType<typeof memoryStorage>, key: string): unknown => {
  const text = storage.data.get(key);
  return text === undefined ? undefined : JSON.parse(text);
};

describe('session keeper: what the page opens with', () => {
  it("opens a good link and keeps the user's own session as the previous one", async () => {
    const own = sessionAt('Mine', 3000);
    const linked = sessionAt('Shared', 9000);
    const p = await page({ hash: `#${await encodeSession(linked)}`, saved: own });
    expect(p.opened).toEqual([linked]);
    expect(p.loaded).toEqual([]);
    expect(stored(p.storage, PREVIOUS_KEY)).toEqual(own);
    expect(p.banners).toEqual([{ tone: 'info', text: 'Opened a shared session.', offerPrevious: true }]);
    // The address bar drops the link (a reload restores the autosave), keeping path and query.
    expect(p.urls).toEqual(['/playground/?theme=dark']);
    expect(p.location.hash).toBe('');
  });

  it('a link with nothing of the user to keep offers nothing to go back to', async () => {
    const p = await page({ hash: `#${await encodeSession(sessionAt('Shared', 9000))}` });
    expect(p.opened).toHaveLength(1);
    expect(p.banners).toEqual([{ tone: 'info', text: 'Opened a shared session.', offerPrevious: false }]);
    expect(p.storage.data.has(PREVIOUS_KEY)).toBe(false);
  });

  it('a link made by another engine version opens with the warning', async () => {
    const p = await page({ hash: `#${await encodeSession(sessionAt('Old', 100, ENGINE_VERSION + 1))}` });
    expect(p.banners).toEqual([
      {
        tone: 'error',
        text: `Opened a shared session. It was made with engine version ${ENGINE_VERSION + 1}; this is version ${ENGINE_VERSION}, so its replay may differ.`,
        offerPrevious: false,
      },
    ]);
  });

  it("a bad link keeps the user's own session and says why", async () => {
    const own = sessionAt('Mine', 3000);
    const bad = 's=1.d.@@@';
    const decoded = await decodeSession(bad);
    expect(decoded.ok).toBe(false);
    const error = decoded.ok ? '' : decoded.error;
    const p = await page({ hash: `#${bad}`, saved: own });
    expect(p.opened).toEqual([own]);
    expect(p.banners).toEqual([
      { tone: 'error', text: `${error} Your own last session was restored instead.`, offerPrevious: false },
    ]);
    expect(stored(p.storage, AUTOSAVE_KEY)).toEqual(own);
    expect(p.storage.data.has(PREVIOUS_KEY)).toBe(false);
  });

  it('restores the autosave when there is no link', async () => {
    const own = sessionAt('Mine', 3000);
    const p = await page({ saved: own });
    expect(p.opened).toEqual([own]);
    expect(p.loaded).toEqual([]);
    expect(p.banners).toEqual([]);
    expect(p.urls).toEqual([]);
  });

  it('opens the first built-in when nothing is stored, with a bad link sentence as it is', async () => {
    const plain = await page();
    expect(plain.loaded).toEqual(['first']);
    expect(plain.opened).toEqual([]);
    expect(plain.banners).toEqual([]);

    const decoded = await decodeSession('s=9.d.AAAA');
    const linked = await page({ hash: '#s=9.d.AAAA' });
    expect(linked.loaded).toEqual(['first']);
    expect(linked.banners).toEqual([{ tone: 'error', text: decoded.ok ? '' : decoded.error, offerPrevious: false }]);
  });

  it('without any built-in the page says so', async () => {
    const p = await page({ builtins: [] });
    expect(p.loaded).toEqual([]);
    expect(p.failures).toEqual(['There are no built-in scenarios.']);
  });

  it('says once that a memory stand-in keeps nothing between visits', async () => {
    const p = await page({ persistent: false });
    expect(p.notices).toEqual([{ tone: 'info', text: NOT_PERSISTENT }]);
    expect((await page()).notices).toEqual([]);
  });
});

describe('session keeper: a link pasted into the open page', () => {
  it('saves the session on screen as the previous one, then opens the link', async () => {
    const p = await page({ saved: sessionAt('Mine', 3000) });
    // The user worked on since: the session on screen is newer than the autosave.
    const onScreen = sessionAt('Mine', 7000);
    p.setSession(onScreen);
    const linked = sessionAt('Shared', 9000);
    p.paste(`#${await encodeSession(linked)}`);
    await vi.waitFor(() => expect(p.banners).toHaveLength(1));
    expect(p.banners).toEqual([{ tone: 'info', text: 'Opened a shared session.', offerPrevious: true }]);
    expect(p.opened.at(-1)).toEqual(linked);
    expect(stored(p.storage, PREVIOUS_KEY)).toEqual(onScreen);
    expect(p.urls).toEqual(['/playground/?theme=dark']);
  });

  it('a bad link leaves the session as it is and says why', async () => {
    const own = sessionAt('Mine', 3000);
    const p = await page({ saved: own });
    const bad = 's=1.x.AAAA';
    const decoded = await decodeSession(bad);
    p.paste(`#${bad}`);
    await vi.waitFor(() => expect(p.banners).toHaveLength(1));
    expect(p.banners).toEqual([
      { tone: 'error', text: `${decoded.ok ? '' : decoded.error} Your session is unchanged.`, offerPrevious: false },
    ]);
    expect(p.opened).toEqual([own]);
    expect(stored(p.storage, AUTOSAVE_KEY)).toEqual(own);
    expect(p.storage.data.has(PREVIOUS_KEY)).toBe(false);
    expect(p.urls).toEqual(['/playground/?theme=dark']);
  });

  it('a hash that is not a share link is not its business', async () => {
    const p = await page({ saved: sessionAt('Mine', 3000) });
    p.paste('#section-2');
    // Then a good link, so the test knows the keeper has heard both.
    p.paste(`#${await encodeSession(sessionAt('Shared', 1))}`);
    await vi.waitFor(() => expect(p.banners).toHaveLength(1));
    expect(p.opened).toHaveLength(2);
    expect(p.urls).toHaveLength(1);
  });
});

describe('session keeper: the autosave', () => {
  it('saves a second after the last change, not before, and once for a burst of changes', async () => {
    const p = await page();
    expect(p.pending.size).toBe(0);
    p.setSession(sessionAt('Mine', 100));
    p.change({ time: 100 });
    p.change({ time: 200 });
    p.change({ selection: { kind: 'worker', id: 'w1' } });
    // Each change restarts the wait: one timer, of one second.
    expect([...p.pending.values()].map((t) => t.ms)).toEqual([AUTOSAVE_DELAY_MS]);
    expect(AUTOSAVE_DELAY_MS).toBe(1000);
    expect(p.storage.data.has(AUTOSAVE_KEY)).toBe(false);
    const latest = sessionAt('Mine', 200);
    p.setSession(latest);
    await p.elapse();
    expect(stored(p.storage, AUTOSAVE_KEY)).toEqual(latest);
  });

  it('waits for what the session is made of, and for a running scenario', async () => {
    const p = await page();
    p.change({}); // a change the session does not hold (the speed, a panel, a notice)
    expect(p.pending.size).toBe(0);
    p.change({ status: 'loading', time: 50 });
    expect(p.pending.size).toBe(0);
    p.change({ status: 'ready' }); // ready again, but nothing the session holds changed
    expect(p.pending.size).toBe(0);
    p.change({ actions: [{ type: 'kill-worker', target: 'w1' }] });
    p.change({ scenarioId: 'second' });
    expect(p.pending.size).toBe(1);
  });

  it('storage refusing writes brings the one notice, however often it refuses', async () => {
    const p = await page({ storage: memoryStorage(true) });
    p.change({ time: 100 });
    await p.elapse();
    p.change({ time: 200 });
    await p.elapse();
    expect(p.notices).toEqual([{ tone: 'error', text: NOT_SAVED }]);
  });
});
