// The session's life cycle on the page (docs/sessions.md): what the page opens with (a share link,
// else this tab's saved session, else the newest saved one, else the first built-in), the autosave
// as the user works, a link pasted into the address bar of a page already open, the Recent
// sessions menu, and another tab writing the same entry. Everything it touches comes in as a
// parameter (the store, the controller, storage, the address bar, the window's events and timers),
// the way the TypeScript playground's getInitialCode.ts takes `location`, so its tests run without
// a browser. It declares the few members it needs of the store and the controller.
import { ENGINE_VERSION } from '../engine/public';
import {
  backUpUnreadable,
  BACKUP_KEY,
  entryKey,
  forgetEntry,
  type KeyValueStore,
  LEGACY_AUTOSAVE_KEY,
  LEGACY_PREVIOUS_KEY,
  listRecent,
  migrateLegacy,
  ownEntries,
  parseStoredSession,
  readEntry,
  type RecentEntry,
  unreadableNote,
  type WriteOutcome,
  writeEntry,
} from './autosave';
import { decodeSession, shareFragment } from './codec';
import type { Banner, BannerAction, OpenOutcome, Session } from './session-types';

/** The autosave waits this long (wall ms) after the user's last change… */
export const AUTOSAVE_DELAY_MS = 1000;
/** …but no longer than this after the first unsaved one: while time runs, changes never stop. */
export const AUTOSAVE_MAX_WAIT_MS = 5000;
/** In sessionStorage: this tab's id and the entry it shows, so a reload of the tab finds its own. */
export const TAB_KEY = 'spark-playground.tab';

export const NOT_PERSISTENT =
  'This browser does not allow local storage here: the session is not saved between visits.';
export const FULL_AT_START =
  "This browser's storage is full, so saving has stopped: the last saved session was restored, but changes are not kept until there is room again (use Share or Export to keep this session meanwhile).";
export const FULL_NOW =
  "This browser's storage is full, so saving has stopped: use Share or Export to keep this session. Saving resumes by itself once there is room.";
export const REFUSED_NOW =
  'This browser refused to save the session (storage is disabled); use Share or Export to keep it.';
export const SAVING_AGAIN = 'Saving works again: this session is kept in the browser.';

/** What the keeper reads and writes of the page's state. */
export interface KeeperState {
  readonly status: string;
  readonly time: number;
  /** The timeline's actions; `recorded` marks those the user applied in this session. */
  readonly actions: readonly { readonly recorded: boolean }[];
  readonly scenarioId: string;
  readonly selection: unknown;
  setBanner(banner: Banner | null): void;
  notify(tone: 'info' | 'error', text: string): void;
  failed(message: string): void;
}

export interface KeeperStore {
  getState(): KeeperState;
  subscribe(listener: (state: KeeperState, prev: KeeperState) => void): () => void;
}

/** What the keeper asks of the page's controller. */
export interface KeeperController {
  session(): Promise<Session | null>;
  /** Never rejects by contract (the keeper catches anyway); `ok: false` leaves the page as it was. */
  openSession(session: Session): Promise<OpenOutcome>;
  load(scenarioId: string, scenario: unknown): Promise<void>;
}

/** The address bar as the keeper reads it (the page passes `location`; it is read when needed). */
export interface AddressBar {
  readonly hash: string;
  readonly pathname: string;
  readonly search: string;
}

/** The timers of the autosave's wait (the page passes `window`; tests drive their own). */
export interface Timers {
  setTimeout(run: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

/**
 * How the page's storage answered at start: 'local' works, 'full' reads but refuses writes (the
 * quota), 'memory' is a stand-in because localStorage cannot be read at all.
 */
export type StorageMode = 'local' | 'full' | 'memory';

/** The members of a `storage` event the keeper reads. */
interface StorageChange {
  key?: string | null;
  newValue?: string | null;
}

export interface SessionKeeperOptions {
  store: KeeperStore;
  controller: KeeperController;
  storage: KeyValueStore;
  storageMode: StorageMode;
  /** sessionStorage: per tab, kept across its reloads. */
  tabStorage: KeyValueStore;
  location: AddressBar;
  /** Drops an opened link from the address bar (a reload then restores the autosave). */
  history: { replaceState(data: null, unused: string, url: string): void };
  /** Where 'hashchange', 'pagehide' and 'storage' are heard (the page passes `window`). */
  events: { addEventListener(type: 'hashchange' | 'pagehide' | 'storage', listener: (event: Event) => void): void };
  /** Where 'visibilitychange' is heard (the page passes `document`). */
  visibility: {
    readonly visibilityState: string;
    addEventListener(type: 'visibilitychange', listener: () => void): void;
  };
  timers: Timers;
  /** The built-in scenarios: the first opens when there is neither a link nor a saved session. */
  builtins: readonly { id: string; scenario: unknown }[];
  /** Wall-clock ms (Date.now; tests pass their own). */
  now?: () => number;
  /** A fresh id for a tab or an entry (tests pass a counter). */
  newId?: () => string;
}

/** A line of the Recent sessions menu. */
export interface RecentSession extends RecentEntry {
  /** The entry this tab shows (and saves to). */
  current: boolean;
}

export interface SessionKeeper {
  /** Installs the autosave and the listeners, then opens the page's first session. Never rejects. */
  start(): Promise<void>;
  /** The recent sessions, newest first. */
  recent(): RecentSession[];
  /** Opens a recent session; this tab then saves to it. */
  restore(id: string): Promise<void>;
}

const randomId = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
/** How many of the timeline's actions the user applied (a scenario's own do not count). */
const appliedCount = (actions: readonly { recorded: boolean }[]): number =>
  actions.reduce((n, a) => n + (a.recorded ? 1 : 0), 0);

/** What the autosave compares of the timeline: how many actions, and how many the user applied. */
const actionsKey = (actions: readonly { recorded: boolean }[]): string => `${actions.length}:${appliedCount(actions)}`;

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function createSessionKeeper(options: SessionKeeperOptions): SessionKeeper {
  const { store, controller, storage, storageMode, tabStorage, location, history, events, visibility, timers } =
    options;
  const now = options.now ?? (() => Date.now());
  const newId = options.newId ?? randomId;
  const state = () => store.getState();

  // ------------------------------------------------------------ this tab

  /** This tab's own entry id, and the entry it shows and saves to (its own, or a link's). */
  let tabId = '';
  let currentId = '';
  let currentFromLink = false;

  const readTab = (): void => {
    try {
      const doc = JSON.parse(tabStorage.getItem(TAB_KEY) ?? 'null') as Partial<Record<string, unknown>> | null;
      if (doc && typeof doc.id === 'string' && /^[\w-]{1,64}$/.test(doc.id)) {
        tabId = doc.id;
        if (typeof doc.current === 'string' && /^[\w-]{1,64}$/.test(doc.current)) {
          currentId = doc.current;
          currentFromLink = doc.fromLink === true;
        }
      }
    } catch {
      // A damaged tab record: the tab starts afresh under a new id.
    }
    if (!tabId) tabId = newId();
  };
  const keepTab = (): void => {
    try {
      tabStorage.setItem(TAB_KEY, JSON.stringify({ id: tabId, current: currentId, fromLink: currentFromLink }));
    } catch {
      // Without sessionStorage a reload is a new tab: it opens the newest saved session.
    }
  };
  const show = (id: string, fromLink: boolean): void => {
    left.delete(id);
    currentId = id;
    currentFromLink = fromLink;
    keepTab();
  };

  // ------------------------------------------------------------ saving

  let saving: 'ok' | 'full' | 'refused' = storageMode === 'full' ? 'full' : 'ok';
  /** The text this tab last wrote to each entry: a `storage` event with another text is another tab. */
  const written = new Map<string, string>();
  /** Entries another tab wrote while this one showed them: this tab left them and writes none of them. */
  const left = new Set<string>();
  /** Opening a session: the store's changes then are the opening's, not the user's. */
  let busy = 0;
  let debounce: number | null = null;
  let maxWait: number | null = null;

  const cancelTimers = (): void => {
    if (debounce !== null) timers.clearTimeout(debounce);
    if (maxWait !== null) timers.clearTimeout(maxWait);
    debounce = maxWait = null;
  };

  const report = (outcome: WriteOutcome): void => {
    if (outcome === 'saved') {
      if (saving !== 'ok') state().notify('info', SAVING_AGAIN);
    } else if (outcome !== saving) {
      state().notify('error', outcome === 'full' ? FULL_NOW : REFUSED_NOW);
    }
    saving = outcome === 'saved' ? 'ok' : outcome;
  };

  const put = (id: string, session: Session, fromLink: boolean): void => {
    const { outcome, text } = writeEntry(storage, id, session, { fromLink, now: now() });
    if (outcome === 'saved') written.set(id, text);
    report(outcome);
  };

  /** Saves the session on screen to the entry this tab shows. */
  const saveNow = async (): Promise<void> => {
    cancelTimers();
    if (busy > 0) return;
    // The entry is the one shown when the session was asked for: the answer is that session's.
    const id = currentId;
    const fromLink = currentFromLink;
    if (left.has(id)) return;
    const timeline = timelineKey();
    let session: Session | null;
    try {
      session = await controller.session();
    } catch {
      return;
    }
    if (session) lastRead = { id, timeline, session };
    // The other tab may have written meanwhile, and this tab moved to an entry of its own.
    if (session && !left.has(id)) put(id, session, fromLink);
  };

  /**
   * The session last read from the engine, and what its timeline was when it was asked for. The
   * engine answers asynchronously, and a page being left (a reload, a closed tab) does not wait
   * for an answer; but while the timeline is the same, the session on screen is that one with the
   * playhead and the selection of now, which the store holds: so the last moment is written at once.
   */
  let lastRead: { id: string; timeline: string; session: Session } | null = null;
  const timelineKey = (): string => {
    const s = state();
    return `${s.status}|${s.scenarioId}|${actionsKey(s.actions)}`;
  };

  /** On pagehide: the session as it stands, written synchronously when the last read still holds. */
  const saveOnLeave = (): void => {
    const read = lastRead;
    const s = state();
    if (busy > 0 || !read || read.id !== currentId || left.has(read.id)) return void saveNow();
    if (read.timeline !== timelineKey() || s.status !== 'ready') return void saveNow();
    cancelTimers();
    const view = { ...read.session.view };
    if (s.selection) view.selection = s.selection as NonNullable<Session['view']>['selection'];
    else delete view.selection;
    put(read.id, { ...read.session, playhead: s.time, view }, currentFromLink);
  };

  /** At most AUTOSAVE_DELAY_MS after the last change, and at most AUTOSAVE_MAX_WAIT_MS after the first. */
  const schedule = (): void => {
    if (debounce !== null) timers.clearTimeout(debounce);
    debounce = timers.setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    if (maxWait === null) maxWait = timers.setTimeout(() => void saveNow(), AUTOSAVE_MAX_WAIT_MS);
  };

  /** The scenario last seen ready, and whether the user had applied actions to it. */
  let lastReady: { scenarioId: string; worked: boolean } | null = null;

  const onChange = (s: KeeperState, prev: KeeperState): void => {
    if (busy > 0) lastReady = null;
    // Another scenario is on its way in (a load passes through 'loading'): the last read is not it.
    if (busy > 0 || s.status !== 'ready') lastRead = null;
    if (busy > 0 || s.status !== 'ready') return;
    // Another scenario picked after the user applied actions to the last one: that work keeps its
    // entry (in Recent), and the tab goes on in an entry of its own. A scenario only looked at is
    // simply replaced, so clicking through the library does not push real work out of the list.
    // (The pick passes through 'loading', so the last ready state is compared, not `prev`.)
    if (lastReady && lastReady.worked && s.scenarioId !== lastReady.scenarioId) {
      tabId = newId();
      show(tabId, false);
    }
    lastReady = { scenarioId: s.scenarioId, worked: s.actions.some((a) => a.recorded) };
    // An action the user applied (or a fork that dropped one) is saved at once: it is the work a
    // reload must never lose, and it may be followed by nothing else to save for a while.
    if (
      s.actions !== prev.actions &&
      s.scenarioId === prev.scenarioId &&
      prev.status === 'ready' &&
      appliedCount(s.actions) !== appliedCount(prev.actions)
    ) {
      void saveNow();
      return;
    }
    if (
      s.time === prev.time &&
      s.actions === prev.actions &&
      s.scenarioId === prev.scenarioId &&
      s.selection === prev.selection
    )
      return;
    schedule();
  };

  // ------------------------------------------------------------ opening

  const dropLink = (): void => history.replaceState(null, '', location.pathname + location.search);

  const tryOpen = async (session: Session): Promise<OpenOutcome> => {
    try {
      return await controller.openSession(session);
    } catch (err) {
      return { ok: false, error: messageOf(err) };
    }
  };

  /** While a session opens, the store's changes are not the user's work: nothing is saved. */
  const opening = async <T>(run: () => Promise<T>): Promise<T> => {
    cancelTimers();
    busy++;
    try {
      return await run();
    } finally {
      busy--;
    }
  };

  /** Keeps an unreadable entry's text in the backup slot; the sentence for the banner. */
  const quarantine = (id: string, problem: string, text: string): string => {
    if (backUpUnreadable(storage, entryKey(id), text, problem, now())) {
      forgetEntry(storage, id);
      return unreadableNote(problem, BACKUP_KEY);
    }
    // No room for a copy: the entry stays where it is, and this tab never writes over it.
    if (id === tabId) {
      tabId = newId();
      keepTab();
    }
    return unreadableNote(problem, entryKey(id));
  };

  /** The user's own session to go back to: this tab's entry, else the newest not from a link. */
  const ownCandidate = (): string | null => {
    if (readEntry(storage, tabId).ok) return tabId;
    return ownEntries(storage).find((e) => e.id !== currentId && readEntry(storage, e.id).ok)?.id ?? null;
  };

  const banner = (tone: Banner['tone'], text: string, actions: BannerAction[] = []): void => {
    const offerPrevious = actions.some((a) => a.testId === 'restore-previous');
    state().setBanner(actions.length > 0 ? { tone, text, offerPrevious, actions } : { tone, text });
  };

  /** "Back to my own session", when what is on screen is not it and there is one to go back to. */
  const backActions = (): BannerAction[] => {
    if (currentId === tabId && !currentFromLink) return [];
    const own = ownCandidate();
    if (own === null) return [];
    return [{ label: 'Back to my own session', testId: 'restore-previous', run: () => void restore(own) }];
  };

  const engineNote = (session: Session): string =>
    session.engine !== ENGINE_VERSION
      ? ` It was made with engine version ${session.engine}; this is version ${ENGINE_VERSION}, so its replay may differ.`
      : '';

  /** A link's session that opened: kept as an entry of its own, which this tab now shows. */
  const adoptLink = (session: Session): void => {
    const id = `link-${newId()}`;
    put(id, session, true);
    show(id, true);
  };

  /**
   * The tab's own session at start: the entry it showed (a reload), its own entry, else the newest
   * saved session as a copy under this tab's id (a new tab), else the first built-in.
   */
  const openSaved = async (notes: string[]): Promise<'saved' | 'builtin' | 'none'> => {
    const tried = new Set<string>();
    const candidates: { id: string; copy: boolean }[] = [];
    if (currentId) candidates.push({ id: currentId, copy: false });
    candidates.push({ id: tabId, copy: false });
    for (const e of listRecent(storage)) candidates.push({ id: e.id, copy: true });
    for (const { id, copy } of candidates) {
      if (tried.has(id)) continue;
      tried.add(id);
      const read = readEntry(storage, id);
      if (!read.ok) {
        if (!read.missing) notes.push(quarantine(id, read.problem, read.text));
        continue;
      }
      const opened = await tryOpen(read.session);
      if (!opened.ok) {
        notes.push(`The saved session “${read.entry.name}” could not be opened: ${opened.error}`);
        continue;
      }
      if (copy) show(tabId, false);
      else show(id, read.entry.fromLink);
      return 'saved';
    }
    // The first layout's keys, when storage was too full to move them: read where they are.
    for (const key of [LEGACY_AUTOSAVE_KEY, LEGACY_PREVIOUS_KEY]) {
      const text = storage.getItem(key);
      const parsed = text === null ? null : parseStoredSession(text);
      if (parsed?.ok && (await tryOpen(parsed.session)).ok) {
        show(tabId, false);
        return 'saved';
      }
    }
    show(tabId, false);
    const first = options.builtins[0];
    if (!first) {
      state().failed('There are no built-in scenarios.');
      return 'none';
    }
    try {
      await controller.load(first.id, first.scenario);
    } catch (err) {
      state().failed(messageOf(err));
    }
    return 'builtin';
  };

  const openFirst = async (): Promise<void> => {
    const notes: string[] = [];
    if (storageMode === 'memory') state().notify('info', NOT_PERSISTENT);
    else notes.push(...migrateLegacy(storage, now()).notes);
    let linkError: string | null = null;
    const fragment = shareFragment(location.hash);
    if (fragment !== null) {
      dropLink();
      const decoded = await decodeSession(fragment);
      if (decoded.ok) {
        const opened = await tryOpen(decoded.session);
        if (opened.ok) {
          adoptLink(decoded.session);
          const text = [`Opened a shared session.${engineNote(decoded.session)}`, ...notes];
          if (storageMode === 'full') text.push(FULL_AT_START);
          banner(decoded.session.engine !== ENGINE_VERSION || notes.length > 0 ? 'error' : 'info', text.join(' '), [
            ...backActions(),
          ]);
          return;
        }
        if (opened.superseded) return;
        linkError = `This link's session could not be opened: ${opened.error}`;
      } else {
        linkError = decoded.error;
      }
    }
    const from = await openSaved(notes);
    const text: string[] = [];
    if (linkError !== null)
      text.push(from === 'saved' ? `${linkError} Your own last session was restored instead.` : linkError);
    text.push(...notes);
    if (storageMode === 'full') text.push(FULL_AT_START);
    if (text.length > 0) banner('error', text.join(' '), linkError !== null ? backActions() : []);
  };

  // ------------------------------------------------------------ later

  /** Opens a saved entry (the Recent sessions menu, "Back to my own session"); this tab then saves to it. */
  const restore = async (id: string): Promise<void> => {
    await saveNow();
    await opening(async () => {
      const read = readEntry(storage, id);
      if (!read.ok) {
        banner('error', read.missing ? 'That session is no longer stored.' : quarantine(id, read.problem, read.text));
        return;
      }
      const opened = await tryOpen(read.session);
      if (!opened.ok) {
        if (opened.superseded) return;
        banner('error', `“${read.entry.name}” could not be opened: ${opened.error} Your session is unchanged.`);
        return;
      }
      show(id, read.entry.fromLink);
      state().setBanner(null);
    });
  };

  /** A link pasted into the address bar of an open page changes only the hash: open it the same way. */
  const onHashChange = async (): Promise<void> => {
    const fragment = shareFragment(location.hash);
    if (fragment === null) return;
    dropLink();
    const decoded = await decodeSession(fragment);
    if (!decoded.ok) {
      banner('error', `${decoded.error} Your session is unchanged.`, backActions());
      return;
    }
    // The session on screen is saved now (not a second from now): nothing of it is lost.
    await saveNow();
    await opening(async () => {
      const opened = await tryOpen(decoded.session);
      if (opened.ok) {
        adoptLink(decoded.session);
        banner(
          decoded.session.engine !== ENGINE_VERSION ? 'error' : 'info',
          `Opened a shared session.${engineNote(decoded.session)}`,
          backActions(),
        );
        return;
      }
      if (opened.superseded) return;
      // By contract a failed opening changed nothing; if the page lost its session anyway, bring it back.
      if (state().status !== 'ready') {
        const kept = readEntry(storage, currentId);
        if (kept.ok) await tryOpen(kept.session);
      }
      banner(
        'error',
        `This link's session could not be opened: ${opened.error} Your session is unchanged.`,
        backActions(),
      );
    });
  };

  /**
   * Another tab wrote the entry this tab shows (a duplicated tab has the same id; or both opened it
   * from the Recent menu). Neither replaces the other: this tab goes on under a new entry at once,
   * so nothing is lost however the banner is answered, and the banner offers to replace the other
   * tab's copy instead (that tab then moves to an entry of its own in turn).
   */
  const onStorage = (event: Event): void => {
    const { key, newValue } = event as StorageChange;
    if (key !== entryKey(currentId) || newValue === null || newValue === undefined) return;
    if (newValue === written.get(currentId)) return;
    const theirs = currentId;
    const fromLink = currentFromLink;
    const wasOwn = currentId === tabId;
    left.add(theirs);
    const mine = newId();
    if (wasOwn) tabId = mine;
    show(mine, fromLink);
    void saveNow();
    const replace = (): void => {
      if (wasOwn) tabId = theirs;
      show(theirs, fromLink);
      state().setBanner(null);
      void saveNow();
    };
    banner(
      'error',
      'Another tab has just saved this same session. So that neither replaces the other, this tab now keeps its work as a session of its own (both are in Recent).',
      [{ label: "Replace the other tab's copy", testId: 'conflict-replace', run: replace }],
    );
  };

  return {
    async start() {
      // First of all, whatever happens when the first session opens: the autosave and the listeners.
      readTab();
      store.subscribe(onChange);
      events.addEventListener('hashchange', () => void onHashChange().catch(fail));
      events.addEventListener('storage', onStorage);
      events.addEventListener('pagehide', saveOnLeave);
      visibility.addEventListener('visibilitychange', () => {
        if (visibility.visibilityState === 'hidden') saveOnLeave();
      });
      try {
        await opening(openFirst);
      } catch (err) {
        fail(err);
      }
    },
    recent: () => listRecent(storage).map((e) => ({ ...e, current: e.id === currentId })),
    restore,
  };

  function fail(err: unknown): void {
    banner('error', `Something went wrong while opening a session: ${messageOf(err)}`);
  }
}
