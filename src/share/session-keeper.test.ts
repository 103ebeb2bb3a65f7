// The session keeper without a browser: a store, a controller, localStorage and sessionStorage,
// the address bar, the window's events and timers, all fakes the test drives. Two keepers sharing
// one localStorage are two tabs: a write in one is a `storage` event in the other, as in a browser.
// The cases are those of docs/sessions.md: what the page opens with, links opened one after the
// other, the autosave while time runs, two tabs, storage full, unreadable entries, links that fail.
import { describe, expect, it, vi } from 'vitest';
import { ENGINE_VERSION } from '../engine/public';
import {
  BACKUP_KEY,
  entryKey,
  INDEX_KEY,
  type KeyValueStore,
  LEGACY_AUTOSAVE_KEY,
  LEGACY_PREVIOUS_KEY,
  listRecent,
  readEntry,
  writeEntry,
} from './autosave';
import { decodeSession, encodeSession, SESSION_FORMAT } from './codec';
import {
  AUTOSAVE_DELAY_MS,
  AUTOSAVE_MAX_WAIT_MS,
  createSessionKeeper,
  FULL_AT_START,
  FULL_NOW,
  type KeeperState,
  NOT_PERSISTENT,
  SAVING_AGAIN,
  type StorageMode,
  TAB_KEY,
} from './session-keeper';
import type { Banner, OpenOutcome, Session } from './session-types';

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

/** What a controller answers for a scenario the engine cannot start. */
const CANNOT_START = 'conf["spark.deploy.defaultCores"]: \'0\' must be positive.';

/** localStorage as a browser has it: one per origin, shared by the tabs, quota and all. */
function sharedStorage() {
  const data = new Map<string, string>();
  const tabs = new Set<EventTarget>();
  let quota = Infinity;
  const used = () => [...data].reduce((n, [k, v]) => n + k.length + v.length, 0);
  /** The store as tab `events` sees it: its writes are `storage` events in every other tab. */
  const forTab = (events: EventTarget): KeyValueStore => {
    tabs.add(events);
    const tell = (key: string, newValue: string | null) => {
      for (const other of tabs)
        if (other !== events) other.dispatchEvent(Object.assign(new Event('storage'), { key, newValue }));
    };
    return {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => {
        if (used() - (data.get(k)?.length ?? 0) - (data.has(k) ? k.length : 0) + k.length + v.length > quota)
          throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError', code: 22 });
        data.set(k, v);
        tell(k, v);
      },
      removeItem: (k) => {
        data.delete(k);
        tell(k, null);
      },
    };
  };
  return {
    data,
    forTab,
    /** A tab closed or reloaded hears nothing more. */
    close: (events: EventTarget) => void tabs.delete(events),
    /** Characters the storage may hold in all (a browser's is about five million). */
    setQuota: (chars: number) => void (quota = chars),
    fill: () => void (quota = used() - 1),
  };
}
type Shared = ReturnType<typeof sharedStorage>;

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
  return { store, change, banners, notices, failures, banner: () => banners.at(-1) ?? null };
}

/**
 * A controller whose session is whatever it last opened. A scenario named "broken" cannot start
 * (`ok: false`, nothing changes), one named "throws" rejects (a replay that throws). With
 * `oldStyle`, a failure leaves the page on its problems (what the controller did before its
 * `{ ok }` answer): the keeper must bring the user's session back itself.
 */
function fakeController(change: (patch: Partial<KeeperState>) => void, oldStyle = false) {
  const opened: Session[] = [];
  const loaded: string[] = [];
  let current: Session | null = null;
  const controller = {
    session: async () => (current ? structuredClone(current) : null),
    openSession: async (s: Session): Promise<OpenOutcome> => {
      const name = (s.scenario as { name?: string }).name;
      if (name === 'throws') throw new Error('Replay failed at 1,000 ms.');
      if (name === 'superseded') return { ok: false, error: 'Another scenario was opened first.', superseded: true };
      if (name === 'broken') {
        if (oldStyle) {
          current = null;
          change({ status: 'invalid' });
        }
        return { ok: false, error: CANNOT_START };
      }
      opened.push(s);
      current = structuredClone(s);
      change({ status: 'ready', time: s.playhead, scenarioId: s.builtin ?? '' });
      return { ok: true };
    },
    load: async (id: string, scenario: unknown) => {
      loaded.push(id);
      current = { format: SESSION_FORMAT, engine: ENGINE_VERSION, scenario, playhead: 0, builtin: id };
      change({ status: 'ready', time: 0, scenarioId: id });
    },
  };
  const names = () => opened.map((s) => (s.scenario as { name: string }).name);
  return { controller, opened, loaded, names, setSession: (s: Session) => void (current = s) };
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
    /** Runs the timers due now (only those of `ms`, if given), then lets the saves they start finish. */
    async elapse(ms?: number) {
      const due = [...pending].filter(([, t]) => ms === undefined || t.ms === ms);
      for (const [id] of due) pending.delete(id);
      for (const [, t] of due) t.run();
      await settle();
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

let tabCount = 0;
/** The page showing in each tab (by its sessionStorage), so that a reload closes the one before. */
const openTabs = new WeakMap<Map<string, string>, () => void>();

/** One tab of the page: its own sessionStorage (kept across its reloads), the shared localStorage. */
async function tab(
  opts: {
    hash?: string;
    shared?: Shared;
    /** sessionStorage of a tab being reloaded (or duplicated). */
    tabData?: Map<string, string>;
    storageMode?: StorageMode;
    builtins?: typeof BUILTINS;
    oldStyle?: boolean;
    seed?: (storage: KeyValueStore) => void;
  } = {},
) {
  const shared = opts.shared ?? sharedStorage();
  const events = new EventTarget();
  const storage = shared.forTab(events);
  opts.seed?.(storage);
  const tabData = opts.tabData ?? new Map<string, string>();
  // The same sessionStorage again is a reload: the page before it is gone.
  openTabs.get(tabData)?.();
  openTabs.set(tabData, () => shared.close(events));
  const tabStorage: KeyValueStore = {
    getItem: (k) => tabData.get(k) ?? null,
    setItem: (k, v) => void tabData.set(k, v),
    removeItem: (k) => void tabData.delete(k),
  };
  const fake = fakeStore();
  const ctl = fakeController(fake.change, opts.oldStyle);
  const clock = manualTimers();
  const location = { hash: opts.hash ?? '', pathname: '/playground/', search: '?theme=dark' };
  const urls: string[] = [];
  const history = {
    replaceState: (_data: null, _unused: string, url: string) => {
      urls.push(url);
      location.hash = '';
    },
  };
  const visibility = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  const n = ++tabCount;
  let ids = 0;
  let now = 1_000_000;
  const keeper = createSessionKeeper({
    store: fake.store,
    controller: ctl.controller,
    storage,
    storageMode: opts.storageMode ?? 'local',
    tabStorage,
    location,
    history,
    events,
    visibility,
    timers: clock.timers,
    builtins: opts.builtins ?? BUILTINS,
    now: () => (now += 1000),
    newId: () => `t${n}-${++ids}`,
  });
  await keeper.start();
  const tabId = () => (JSON.parse(tabData.get(TAB_KEY) ?? '{}') as { id?: string }).id ?? '';
  return {
    shared,
    storage,
    tabData,
    keeper,
    events,
    visibility,
    tabId,
    ...fake,
    ...ctl,
    ...clock,
    location,
    urls,
    /** The user pastes a link (or anything) into the address bar of the open page. */
    paste(hash: string) {
      location.hash = hash;
      events.dispatchEvent(new Event('hashchange'));
    },
    /** The user works: the session on screen is now `s`, and the store says something changed. */
    work(s: Session) {
      ctl.setSession(s);
      fake.change({ time: s.playhead });
    },
    /** Clicks the banner's button with this test id. */
    click(testId: string) {
      const action = fake.banner()?.actions?.find((a) => a.testId === testId);
      if (!action) throw new Error(`no ${testId} on the banner: ${JSON.stringify(fake.banner())}`);
      action.run();
    },
  };
}

const sessionIn = (storage: KeyValueStore, id: string) => {
  const read = readEntry(storage, id);
  return read.ok ? read.session : null;
};
const link = async (s: Session) => `#${await encodeSession(s)}`;
/** A tab the user has worked in: its own session saved. */
async function ownTab(shared = sharedStorage(), mine = sessionAt('Mine', 3000)) {
  const t = await tab({ shared });
  t.work(mine);
  await t.elapse();
  expect(sessionIn(t.storage, t.tabId())).toEqual(mine);
  return t;
}

describe('session keeper: what the page opens with', () => {
  it("opens a good link as an entry of its own, never over the user's session, and offers the way back", async () => {
    const mine = await ownTab();
    const linked = sessionAt('Shared', 9000);
    // A reload of the same tab with a link in the address bar.
    const t = await tab({ shared: mine.shared, tabData: mine.tabData, hash: await link(linked) });
    expect(t.names()).toEqual(['Shared']);
    expect(t.loaded).toEqual([]);
    expect(sessionIn(t.storage, mine.tabId())).toEqual(sessionAt('Mine', 3000));
    const linkEntry = listRecent(t.storage).find((e) => e.fromLink);
    expect(linkEntry?.name).toBe('Shared');
    expect(sessionIn(t.storage, linkEntry?.id ?? '')).toEqual(linked);
    expect(t.banner()).toMatchObject({ tone: 'info', text: 'Opened a shared session.', offerPrevious: true });
    // The address bar drops the link (a reload restores this tab's session), keeping path and query.
    expect(t.urls).toEqual(['/playground/?theme=dark']);
    expect(t.location.hash).toBe('');
    t.click('restore-previous');
    await vi.waitFor(() => expect(t.names()).toEqual(['Shared', 'Mine']));
    expect(t.banner()).toBeNull();
  });

  it('a link with nothing of the user to go back to offers nothing', async () => {
    const t = await tab({ hash: await link(sessionAt('Shared', 9000)) });
    expect(t.opened).toHaveLength(1);
    expect(t.banner()).toEqual({ tone: 'info', text: 'Opened a shared session.' });
  });

  it('a link made by another engine version opens with the warning', async () => {
    const t = await tab({ hash: await link(sessionAt('Old', 100, ENGINE_VERSION + 1)) });
    expect(t.banner()).toEqual({
      tone: 'error',
      text: `Opened a shared session. It was made with engine version ${ENGINE_VERSION + 1}; this is version ${ENGINE_VERSION}, so its replay may differ.`,
    });
  });

  it("a link that cannot be read restores the user's own session and says why", async () => {
    const mine = await ownTab();
    const bad = 's=1.d.@@@';
    const decoded = await decodeSession(bad);
    const t = await tab({ shared: mine.shared, tabData: mine.tabData, hash: `#${bad}` });
    expect(t.names()).toEqual(['Mine']);
    expect(t.banner()).toEqual({
      tone: 'error',
      text: `${decoded.ok ? '' : decoded.error} Your own last session was restored instead.`,
    });
    expect(listRecent(t.storage)).toHaveLength(1);
  });

  it("restores this tab's own session on reload, with nothing to say", async () => {
    const mine = await ownTab();
    const t = await tab({ shared: mine.shared, tabData: mine.tabData });
    expect(t.names()).toEqual(['Mine']);
    expect(t.banners).toEqual([]);
    expect(t.tabId()).toBe(mine.tabId());
  });

  it('opens the first built-in when nothing is stored, with a bad link sentence as it is', async () => {
    const plain = await tab();
    expect(plain.loaded).toEqual(['first']);
    expect(plain.banners).toEqual([]);
    const decoded = await decodeSession('s=9.d.AAAA');
    const linked = await tab({ hash: '#s=9.d.AAAA' });
    expect(linked.loaded).toEqual(['first']);
    expect(linked.banner()).toEqual({ tone: 'error', text: decoded.ok ? '' : decoded.error });
  });

  it('without any built-in the page says so', async () => {
    const t = await tab({ builtins: [] });
    expect(t.failures).toEqual(['There are no built-in scenarios.']);
  });

  it('says once that a memory stand-in keeps nothing between visits', async () => {
    expect((await tab({ storageMode: 'memory' })).notices).toEqual([{ tone: 'info', text: NOT_PERSISTENT }]);
    expect((await tab()).notices).toEqual([]);
  });
});

describe('session keeper: the autosave and the link listener are there whatever the first session does', () => {
  it('a link whose replay throws: the error is shown, the autosave restored, and saving and links work', async () => {
    const mine = await ownTab();
    const t = await tab({ shared: mine.shared, tabData: mine.tabData, hash: await link(sessionAt('throws', 5000)) });
    expect(t.names()).toEqual(['Mine']);
    expect(t.banner()?.text).toBe(
      "This link's session could not be opened: Replay failed at 1,000 ms. Your own last session was restored instead.",
    );
    // The autosave is installed: the user's next change is saved.
    t.work(sessionAt('Mine', 8000));
    await t.elapse();
    expect(sessionIn(t.storage, t.tabId())).toEqual(sessionAt('Mine', 8000));
    // And so is the link listener: a link pasted later opens.
    t.paste(await link(sessionAt('Later', 1)));
    await vi.waitFor(() => expect(t.names()).toEqual(['Mine', 'Later']));
  });

  it('a link that throws with nothing saved falls back to the first built-in', async () => {
    const t = await tab({ hash: await link(sessionAt('throws', 5000)) });
    expect(t.loaded).toEqual(['first']);
    expect(t.banner()).toEqual({
      tone: 'error',
      text: "This link's session could not be opened: Replay failed at 1,000 ms.",
    });
    t.change({ time: 10 });
    expect(t.pending.size).toBe(2);
  });

  it('a link the user left before it opened (another scenario picked): nothing opens in its place', async () => {
    const mine = await ownTab();
    const t = await tab({
      shared: mine.shared,
      tabData: mine.tabData,
      hash: await link(sessionAt('superseded', 5000)),
    });
    expect(t.names()).toEqual([]);
    expect(t.loaded).toEqual([]);
    expect(t.banner()).toBeNull();
  });

  it('a saved session whose scenario cannot start: the built-in opens, the entry is kept, the user is told', async () => {
    const shared = sharedStorage();
    const first = await ownTab(shared, sessionAt('broken', 3000));
    const t = await tab({ shared, tabData: first.tabData });
    expect(t.loaded).toEqual(['first']);
    expect(t.banner()?.text).toBe(`The saved session “broken” could not be opened: ${CANNOT_START}`);
    expect(sessionIn(t.storage, first.tabId())).toEqual(sessionAt('broken', 3000));
  });
});

describe('session keeper: the autosave while the user works', () => {
  it('saves a second after the last change, once for a burst of changes', async () => {
    const t = await tab();
    expect(t.pending.size).toBe(0);
    t.setSession(sessionAt('Mine', 100));
    t.change({ time: 100 });
    t.change({ time: 200 });
    t.change({ selection: { kind: 'worker', id: 'w1' } });
    // One wait of a second that each change restarts, and one of at most five that none restarts.
    expect([...t.pending.values()].map((x) => x.ms).sort((a, b) => a - b)).toEqual([
      AUTOSAVE_DELAY_MS,
      AUTOSAVE_MAX_WAIT_MS,
    ]);
    expect(AUTOSAVE_DELAY_MS).toBe(1000);
    expect(t.shared.data.has(entryKey(t.tabId()))).toBe(false);
    t.setSession(sessionAt('Mine', 200));
    await t.elapse(AUTOSAVE_DELAY_MS);
    expect(sessionIn(t.storage, t.tabId())).toEqual(sessionAt('Mine', 200));
    // A save clears both waits.
    expect(t.pending.size).toBe(0);
  });

  it('while time runs (a change every frame) it still saves, at the latest five seconds after the first change', async () => {
    const t = await tab();
    const ids = () => [...t.pending.entries()].find(([, x]) => x.ms === AUTOSAVE_MAX_WAIT_MS)?.[0];
    t.work(sessionAt('Mine', 16));
    const maxWait = ids();
    for (let frame = 2; frame < 300; frame++) t.work(sessionAt('Mine', frame * 16));
    // The one-second wait restarted 300 times; the five-second one did not.
    expect(ids()).toBe(maxWait);
    await t.elapse(AUTOSAVE_MAX_WAIT_MS);
    expect(sessionIn(t.storage, t.tabId())?.playhead).toBe(299 * 16);
    // The next change starts a new pair of waits.
    t.work(sessionAt('Mine', 5000));
    expect(t.pending.size).toBe(2);
  });

  it('saves at once when the page is hidden or left', async () => {
    const t = await tab();
    t.work(sessionAt('Mine', 100));
    t.visibility.visibilityState = 'visible';
    t.visibility.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(t.shared.data.has(entryKey(t.tabId()))).toBe(false);
    t.visibility.visibilityState = 'hidden';
    t.visibility.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(sessionIn(t.storage, t.tabId())?.playhead).toBe(100));
    t.work(sessionAt('Mine', 200));
    t.events.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(() => expect(sessionIn(t.storage, t.tabId())?.playhead).toBe(200));
  });

  it('a page left mid-play is written at once with the playhead on screen, not after the engine answers', async () => {
    const t = await tab();
    t.work(sessionAt('Mine', 100));
    await t.elapse();
    // Time ran on since the last save; the engine's answer would come too late for a closing page.
    t.change({ time: 4200, selection: { kind: 'worker', id: 'w2' } });
    t.events.dispatchEvent(new Event('pagehide'));
    expect(sessionIn(t.storage, t.tabId())).toEqual({
      ...sessionAt('Mine', 4200),
      view: { tab: 'log', selection: { kind: 'worker', id: 'w2' } },
    });
    expect(t.pending.size).toBe(0);
    // Once the timeline changed (an action), the last read no longer holds: the engine is asked.
    t.setSession(sessionAt('Mine (killed w1)', 4300));
    t.change({ actions: [{ recorded: true }] });
    t.change({ time: 5000 });
    t.visibility.visibilityState = 'hidden';
    t.visibility.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(sessionIn(t.storage, t.tabId())).toEqual(sessionAt('Mine (killed w1)', 4300)));
  });

  it('waits for what the session is made of, and for a running scenario', async () => {
    const t = await tab();
    t.change({}); // a change the session does not hold (the speed, a panel, a notice)
    expect(t.pending.size).toBe(0);
    t.change({ status: 'loading', time: 50 });
    expect(t.pending.size).toBe(0);
    t.change({ status: 'ready' });
    expect(t.pending.size).toBe(0);
    t.change({ selection: { kind: 'worker', id: 'w1' } });
    expect(t.pending.size).toBe(2);
  });

  it('saves at once after every action the user applies, without waiting for the timers', async () => {
    const t = await tab();
    t.work(sessionAt('Mine', 100));
    expect(t.shared.data.has(entryKey(t.tabId()))).toBe(false);
    // The action's frame: the timeline gains a recorded action.
    t.setSession(sessionAt('Mine (killed w1)', 100));
    t.change({ actions: [{ recorded: true }] });
    await vi.waitFor(() => expect(sessionIn(t.storage, t.tabId())).toEqual(sessionAt('Mine (killed w1)', 100)));
    // The save cleared the waits of the change before it.
    expect(t.pending.size).toBe(0);
    // A fork that dropped the action is saved at once too.
    t.setSession(sessionAt('Mine (forked)', 100));
    t.change({ actions: [] });
    await vi.waitFor(() => expect(sessionIn(t.storage, t.tabId())).toEqual(sessionAt('Mine (forked)', 100)));
    // A scenario's own actions arriving (a file with thousands of them) are not the user's: they
    // wait for the timers, as any other change does.
    t.setSession(sessionAt('Imported', 0));
    t.change({ actions: Array.from({ length: 1000 }, () => ({ recorded: false })) });
    await settle();
    expect(sessionIn(t.storage, t.tabId())).toEqual(sessionAt('Mine (forked)', 100));
    expect(t.pending.size).toBe(2);
  });
});

describe('session keeper: picking another scenario after working on one', () => {
  /** The user picks a built-in: the page goes through loading to the new scenario, ready. */
  const pick = (t: Awaited<ReturnType<typeof tab>>, id: string, s: Session) => {
    t.change({ status: 'loading', scenarioId: id, actions: [] });
    t.setSession(s);
    t.change({ status: 'ready', time: 0 });
  };

  it('keeps the worked-on session in its entry and goes on in a new one', async () => {
    const t = await tab();
    t.change({ status: 'ready', scenarioId: 'cluster-mode' });
    t.setSession(sessionAt('Worked on', 2000));
    t.change({ time: 2000, actions: [{ recorded: false }, { recorded: true }] });
    await t.elapse();
    const worked = t.tabId();
    pick(t, 'spread-out', sessionAt('Picked next', 0));
    await t.elapse();
    expect(t.tabId()).not.toBe(worked);
    expect(sessionIn(t.storage, worked)).toEqual(sessionAt('Worked on', 2000));
    expect(sessionIn(t.storage, t.tabId())).toEqual(sessionAt('Picked next', 0));
    expect(listRecent(t.storage).map((e) => e.name)).toEqual(['Picked next', 'Worked on']);
  });

  it('replaces a scenario that was only looked at, so browsing the library does not fill Recent', async () => {
    const t = await tab();
    t.change({ status: 'ready', scenarioId: 'cluster-mode' });
    t.setSession(sessionAt('Looked at', 500));
    t.change({ time: 500, actions: [{ recorded: false }] });
    await t.elapse();
    const id = t.tabId();
    pick(t, 'spread-out', sessionAt('Picked next', 0));
    await t.elapse();
    expect(t.tabId()).toBe(id);
    expect(sessionIn(t.storage, id)).toEqual(sessionAt('Picked next', 0));
    expect(listRecent(t.storage).map((e) => e.name)).not.toContain('Looked at');
  });
});

describe("session keeper: links opened one after another never cost the user's own session", () => {
  it('own session → link 1 (played) → link 2: the own session is intact, each link is its own entry', async () => {
    const t = await ownTab();
    const own = t.tabId();
    // Worked on since the last save: the paste saves it first.
    t.setSession(sessionAt('Mine', 4000));
    t.paste(await link(sessionAt('Link 1', 100)));
    await vi.waitFor(() => expect(t.names()).toContain('Link 1'));
    t.work(sessionAt('Link 1', 900)); // played
    await t.elapse();
    t.paste(await link(sessionAt('Link 2', 200)));
    await vi.waitFor(() => expect(t.names()).toContain('Link 2'));
    expect(sessionIn(t.storage, own)).toEqual(sessionAt('Mine', 4000));
    const recent = listRecent(t.storage);
    expect(recent.map((e) => [e.name, e.fromLink])).toEqual([
      ['Link 2', true],
      ['Link 1', true],
      ['Mine', false],
    ]);
    expect(sessionIn(t.storage, recent[1]?.id ?? '')?.playhead).toBe(900);
    // Link 2's banner offers the own session, not link 1.
    t.click('restore-previous');
    await vi.waitFor(() => expect(t.names().at(-1)).toBe('Mine'));
    expect(t.opened.at(-1)).toEqual(sessionAt('Mine', 4000));
    // Back on its own entry: the next save goes there.
    t.work(sessionAt('Mine', 4500));
    await t.elapse();
    expect(sessionIn(t.storage, own)?.playhead).toBe(4500);
  });

  it('the same by reload: link 2 in the address bar of a tab showing link 1', async () => {
    const first = await ownTab();
    const t1 = await tab({ shared: first.shared, tabData: first.tabData, hash: await link(sessionAt('Link 1', 1)) });
    t1.work(sessionAt('Link 1', 700));
    await t1.elapse();
    const t2 = await tab({ shared: first.shared, tabData: first.tabData, hash: await link(sessionAt('Link 2', 2)) });
    expect(sessionIn(t2.storage, first.tabId())).toEqual(sessionAt('Mine', 3000));
    expect(listRecent(t2.storage).map((e) => e.name)).toEqual(['Link 2', 'Link 1', 'Mine']);
    // A reload after that shows link 2 again (what the tab showed), with Back to the own one.
    const t3 = await tab({ shared: first.shared, tabData: first.tabData });
    expect(t3.names()).toEqual(['Link 2']);
  });

  it('a run of many links never pushes the own session out of the recent list', async () => {
    const t = await ownTab();
    for (let i = 0; i < 12; i++) {
      t.paste(await link(sessionAt(`Link ${i}`, i)));
      await vi.waitFor(() => expect(t.names().at(-1)).toBe(`Link ${i}`));
    }
    const recent = listRecent(t.storage);
    expect(recent).toHaveLength(8);
    expect(recent.at(-1)?.name).toBe('Mine');
    expect(sessionIn(t.storage, t.tabId())).toEqual(sessionAt('Mine', 3000));
    // The entries that fell off the list are gone from storage too.
    expect([...t.shared.data.keys()].filter((k) => k.startsWith('spark-playground.entry.'))).toHaveLength(8);
  });
});

describe('session keeper: a link that cannot be opened offers the way back', () => {
  it('at start: the own session is restored, the banner says why', async () => {
    const mine = await ownTab();
    const t = await tab({ shared: mine.shared, tabData: mine.tabData, hash: await link(sessionAt('broken', 1)) });
    expect(t.names()).toEqual(['Mine']);
    expect(t.banner()?.text).toBe(
      `This link's session could not be opened: ${CANNOT_START} Your own last session was restored instead.`,
    );
  });

  it('pasted into a page showing another link: that session stays, and Back brings the own one', async () => {
    const t = await ownTab();
    t.paste(await link(sessionAt('Link 1', 100)));
    await vi.waitFor(() => expect(t.names()).toContain('Link 1'));
    t.paste(await link(sessionAt('broken', 1)));
    await vi.waitFor(() => expect(t.banner()?.tone).toBe('error'));
    expect(t.banner()?.text).toBe(
      `This link's session could not be opened: ${CANNOT_START} Your session is unchanged.`,
    );
    expect(t.names()).toEqual(['Link 1']);
    t.click('restore-previous');
    await vi.waitFor(() => expect(t.names()).toEqual(['Link 1', 'Mine']));
  });

  it('a controller that left its problems on screen: the session kept is opened again', async () => {
    const shared = sharedStorage();
    const t = await tab({ shared, oldStyle: true });
    t.work(sessionAt('Mine', 3000));
    t.paste(await link(sessionAt('broken', 1)));
    await vi.waitFor(() => expect(t.banner()?.tone).toBe('error'));
    expect(t.names()).toEqual(['Mine']);
    expect(t.opened.at(-1)).toEqual(sessionAt('Mine', 3000));
  });

  it('a pasted link that cannot be read leaves the session as it is', async () => {
    const t = await ownTab();
    const bad = 's=1.x.AAAA';
    const decoded = await decodeSession(bad);
    t.paste(`#${bad}`);
    await vi.waitFor(() => expect(t.banners).toHaveLength(1));
    expect(t.banner()).toEqual({
      tone: 'error',
      text: `${decoded.ok ? '' : decoded.error} Your session is unchanged.`,
    });
    expect(t.loaded).toEqual(['first']);
    expect(t.urls).toEqual(['/playground/?theme=dark']);
  });

  it('a hash that is not a share link is not its business', async () => {
    const t = await tab();
    t.paste('#section-2');
    t.paste(await link(sessionAt('Shared', 1)));
    await vi.waitFor(() => expect(t.banners).toHaveLength(1));
    expect(t.urls).toHaveLength(1);
  });
});

describe('session keeper: two tabs', () => {
  it('each tab saves its own entry; neither overwrites the other', async () => {
    const shared = sharedStorage();
    const a = await tab({ shared });
    const b = await tab({ shared });
    expect(a.tabId()).not.toBe(b.tabId());
    b.work(sessionAt('B: kill-worker', 700));
    await b.elapse();
    a.work(sessionAt('A: spread-out', 900)); // A plays after B saved
    await a.elapse();
    expect(sessionIn(a.storage, b.tabId())).toEqual(sessionAt('B: kill-worker', 700));
    expect(sessionIn(a.storage, a.tabId())).toEqual(sessionAt('A: spread-out', 900));
    expect(a.banners).toEqual([]);
    expect(b.banners).toEqual([]);
  });

  it('a new tab opens the newest saved session as a copy, under its own id', async () => {
    const shared = sharedStorage();
    const a = await ownTab(shared, sessionAt('From A', 1234));
    const b = await tab({ shared });
    expect(b.names()).toEqual(['From A']);
    expect(b.tabId()).not.toBe(a.tabId());
    b.work(sessionAt('From A', 5000));
    await b.elapse();
    expect(sessionIn(b.storage, a.tabId())).toEqual(sessionAt('From A', 1234));
    expect(sessionIn(b.storage, b.tabId())?.playhead).toBe(5000);
  });

  it('another tab writing the entry this tab shows: this tab moves to an entry of its own at once, and says so', async () => {
    const shared = sharedStorage();
    const a = await ownTab(shared);
    const first = a.tabId();
    // A duplicated tab: the browser copies sessionStorage, so both have the same id.
    const b = await tab({ shared, tabData: new Map(a.tabData) });
    expect(b.tabId()).toBe(first);
    a.setSession(sessionAt('Mine, in A', 8000));
    b.work(sessionAt('Mine, in B', 7000));
    await b.elapse();
    expect(a.banner()?.text).toMatch(/^Another tab has just saved this same session\. So that neither replaces/);
    // A saved its work under a new id right away, without waiting for the user.
    await vi.waitFor(() => expect(sessionIn(a.storage, a.tabId())).toEqual(sessionAt('Mine, in A', 8000)));
    expect(a.tabId()).not.toBe(first);
    expect(sessionIn(a.storage, first)).toEqual(sessionAt('Mine, in B', 7000));
    // Later saves go to A's new entry too; B's is never touched.
    a.work(sessionAt('Mine, in A', 9000));
    await a.elapse();
    expect(sessionIn(a.storage, a.tabId())?.playhead).toBe(9000);
    expect(sessionIn(a.storage, first)).toEqual(sessionAt('Mine, in B', 7000));
    expect(b.banners).toEqual([]);
  });

  it('"Replace the other tab\'s copy" saves over it, as asked, and the other tab moves aside in turn', async () => {
    const shared = sharedStorage();
    const a = await ownTab(shared);
    const first = a.tabId();
    const b = await tab({ shared, tabData: new Map(a.tabData) });
    b.setSession(sessionAt('B', 7000));
    a.work(sessionAt('A', 8000));
    await a.elapse();
    // B heard A's save: B moved to an entry of its own.
    await vi.waitFor(() => expect(b.tabId()).not.toBe(first));
    b.click('conflict-replace');
    await vi.waitFor(() => expect(sessionIn(b.storage, first)).toEqual(sessionAt('B', 7000)));
    expect(b.tabId()).toBe(first);
    // Now A heard B's save over its entry, and moved aside with its own work.
    await vi.waitFor(() => expect(a.tabId()).not.toBe(first));
    await vi.waitFor(() => expect(sessionIn(a.storage, a.tabId())).toEqual(sessionAt('A', 8000)));
  });
});

describe('session keeper: storage full', () => {
  it('still restores what is stored, says saving has stopped, and says when it works again', async () => {
    const shared = sharedStorage();
    const mine = await ownTab(shared);
    shared.fill();
    const t = await tab({ shared, tabData: mine.tabData, storageMode: 'full' });
    expect(t.names()).toEqual(['Mine']);
    expect(t.banner()).toEqual({ tone: 'error', text: FULL_AT_START });
    t.work(sessionAt('Mine', 4000));
    await t.elapse();
    t.work(sessionAt('Mine', 5000));
    await t.elapse();
    // Said once, at start: not again at every refused save.
    expect(t.notices).toEqual([]);
    shared.setQuota(Infinity);
    t.work(sessionAt('Mine', 6000));
    await t.elapse();
    expect(t.notices).toEqual([{ tone: 'info', text: SAVING_AGAIN }]);
    expect(sessionIn(t.storage, mine.tabId())?.playhead).toBe(6000);
  });

  it('filling up while the user works: one notice, and the stored session is left as it was', async () => {
    const shared = sharedStorage();
    const t = await ownTab(shared);
    shared.fill();
    t.work(sessionAt('Mine', 9_000_000));
    await t.elapse();
    t.work(sessionAt('Mine', 9_000_001));
    await t.elapse();
    expect(t.notices).toEqual([{ tone: 'error', text: FULL_NOW }]);
    expect(sessionIn(t.storage, t.tabId())).toEqual(sessionAt('Mine', 3000));
  });
});

describe('session keeper: an unreadable saved session is kept and the user is told', () => {
  const variants: [string, string, string][] = [
    ['a lone brace', '{', 'it is not valid JSON (it may have been cut off)'],
    ['an array', '[]', 'expected a session, an object'],
    ['a truncated copy', JSON.stringify(sessionAt('Mine', 3000)).slice(0, 40), 'it is not valid JSON'],
    [
      'a newer format',
      JSON.stringify({ ...sessionAt('Mine', 3000), format: 2 }),
      'it was saved by a newer version of the playground (session format 2)',
    ],
    ['a negative playhead', JSON.stringify(sessionAt('Mine', -1)), 'at playhead, expected the playhead, at least 0'],
  ];
  for (const [what, text, problem] of variants) {
    it(`${what}: backed up before anything can overwrite it`, async () => {
      const t = await tab({ seed: (s) => s.setItem(LEGACY_AUTOSAVE_KEY, text) });
      expect(t.loaded).toEqual(['first']);
      expect(t.banner()?.tone).toBe('error');
      expect(t.banner()?.text).toContain(problem);
      expect(t.banner()?.text).toContain(`"${BACKUP_KEY}"`);
      const backup = JSON.parse(t.shared.data.get(BACKUP_KEY) ?? '{}') as { text?: string; from?: string };
      expect(backup).toMatchObject({ text, from: LEGACY_AUTOSAVE_KEY });
      // The user's first change is saved elsewhere: the backup is still there.
      t.work(sessionAt('New', 10));
      await t.elapse();
      expect((JSON.parse(t.shared.data.get(BACKUP_KEY) ?? '{}') as { text?: string }).text).toBe(text);
    });
  }

  it('4 MB of garbage in a storage too full to copy it: left in place, never written over, and said so', async () => {
    const shared = sharedStorage();
    shared.setQuota(5_000_000);
    const garbage = 'x'.repeat(4 * 1024 * 1024);
    const t = await tab({ shared, seed: (s) => s.setItem(LEGACY_AUTOSAVE_KEY, garbage) });
    expect(t.banner()?.text).toContain(`"${LEGACY_AUTOSAVE_KEY}"`);
    expect(t.shared.data.get(LEGACY_AUTOSAVE_KEY)).toBe(garbage);
    t.work(sessionAt('New', 10));
    await t.elapse();
    expect(t.shared.data.get(LEGACY_AUTOSAVE_KEY)).toBe(garbage);
  });

  it("this tab's own entry unreadable: backed up, then the tab saves afresh", async () => {
    const mine = await ownTab();
    mine.shared.data.set(entryKey(mine.tabId()), '{"session":{"format":1,"engine":1,"scenario":{},"playhead":-5}}');
    const t = await tab({ shared: mine.shared, tabData: mine.tabData });
    expect(t.loaded).toEqual(['first']);
    expect(t.banner()?.text).toContain('at playhead, expected the playhead, at least 0');
    expect(JSON.parse(t.shared.data.get(BACKUP_KEY) ?? '{}')).toMatchObject({ from: entryKey(mine.tabId()) });
  });
});

describe('session keeper: the first layout is moved into entries', () => {
  it('the autosave and the previous session become recent entries; the old keys go', async () => {
    const t = await tab({
      seed: (s) => {
        s.setItem(LEGACY_AUTOSAVE_KEY, JSON.stringify(sessionAt('Autosave', 1000)));
        s.setItem(LEGACY_PREVIOUS_KEY, JSON.stringify(sessionAt('Previous', 500)));
      },
    });
    expect(t.names()).toEqual(['Autosave']);
    expect(t.banners).toEqual([]);
    expect(listRecent(t.storage).map((e) => [e.name, e.fromLink])).toEqual([
      ['Autosave', false],
      ['Previous', false],
    ]);
    expect(t.shared.data.has(LEGACY_AUTOSAVE_KEY)).toBe(false);
    expect(t.shared.data.has(LEGACY_PREVIOUS_KEY)).toBe(false);
  });

  it('with storage full the old keys stay, and the autosave is still restored', async () => {
    const shared = sharedStorage();
    const t = await tab({
      shared,
      storageMode: 'full',
      seed: (s) => {
        s.setItem(LEGACY_AUTOSAVE_KEY, JSON.stringify(sessionAt('Autosave', 1000)));
        shared.fill();
      },
    });
    expect(t.names()).toEqual(['Autosave']);
    expect(t.shared.data.has(LEGACY_AUTOSAVE_KEY)).toBe(true);
    expect(t.banner()?.text).toBe(FULL_AT_START);
  });
});

describe('session keeper: the Recent sessions menu', () => {
  it('lists the entries newest first, marks the one on screen, and restores another', async () => {
    const shared = sharedStorage();
    const a = await ownTab(shared, sessionAt('A', 1));
    const b = await ownTab(shared, sessionAt('B', 2));
    expect(b.keeper.recent().map((e) => [e.name, e.current])).toEqual([
      ['B', true],
      ['A', false],
    ]);
    await b.keeper.restore(a.tabId());
    expect(b.names().at(-1)).toBe('A');
    expect(b.keeper.recent().find((e) => e.current)?.name).toBe('A');
  });

  it('an entry gone meanwhile (another tab pushed it out) is said so', async () => {
    const t = await ownTab();
    await t.keeper.restore('gone');
    expect(t.banner()).toEqual({ tone: 'error', text: 'That session is no longer stored.' });
  });

  it('an entry whose scenario cannot start leaves the session as it is', async () => {
    const t = await ownTab();
    writeEntry(t.storage, 'bad', sessionAt('broken', 1), { fromLink: true, now: 5 });
    await t.keeper.restore('bad');
    expect(t.banner()?.text).toBe(`“broken” could not be opened: ${CANNOT_START} Your session is unchanged.`);
    expect(t.keeper.recent().find((e) => e.current)?.id).toBe(t.tabId());
    expect(t.shared.data.has(INDEX_KEY)).toBe(true);
  });
});
