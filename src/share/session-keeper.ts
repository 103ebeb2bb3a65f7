// The session's life cycle on the page: what the page opens with (a share link, else the autosaved
// session, else the first built-in), the autosave a second after the user last changed something,
// and a link pasted into the address bar of a page already open. Everything it touches comes in
// as a parameter (the store, the controller, storage, the address bar, the window's events and
// timers), the way the TypeScript playground's getInitialCode.ts takes `location`, so its tests
// run without a browser. It declares the few members it needs of the store and the controller;
// the page's own (src/ui/store.ts, src/ui/controller.ts) have them as they are.
import { ENGINE_VERSION } from '../engine/public';
import { type KeyValueStore, keepAsPrevious, saveSession, startupSession } from './autosave';
import { decodeSession, shareFragment } from './codec';
import type { Banner, Session } from './session-types';

/** The autosave waits this long (wall ms) after the user's last change. */
export const AUTOSAVE_DELAY_MS = 1000;

/** What the keeper reads and writes of the page's state. */
export interface KeeperState {
  readonly status: string;
  readonly time: number;
  readonly actions: unknown;
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
  openSession(session: Session): Promise<{ ok: true } | { ok: false; error: string }>;
  load(scenarioId: string, scenario: unknown): Promise<unknown>;
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

export interface SessionKeeperOptions {
  store: KeeperStore;
  controller: KeeperController;
  storage: KeyValueStore;
  /** false when `storage` is a memory stand-in: the page then says once that nothing is kept between visits. */
  persistent: boolean;
  location: AddressBar;
  /** Drops an opened link from the address bar (a reload then restores the autosave). */
  history: { replaceState(data: null, unused: string, url: string): void };
  /** Where 'hashchange' is heard (the page passes `window`). */
  events: { addEventListener(type: 'hashchange', listener: () => void): void };
  timers: Timers;
  /** The built-in scenarios: the first opens when there is neither a link nor an autosave. */
  builtins: readonly { id: string; scenario: unknown }[];
}

export interface SessionKeeper {
  /** Opens the page's first session, then keeps the autosave current and listens for pasted links. */
  start(): Promise<void>;
}

export function createSessionKeeper({
  store,
  controller,
  storage,
  persistent,
  location,
  history,
  events,
  timers,
  builtins,
}: SessionKeeperOptions): SessionKeeper {
  const dropLink = (): void => history.replaceState(null, '', location.pathname + location.search);

  /** Saves the session a second after the user last changed it (an action, a seek, a new scenario). */
  const keepAutosaved = (): void => {
    let timer: number | null = null;
    let warned = false;
    store.subscribe((s, prev) => {
      if (s.status !== 'ready') return;
      if (
        s.time === prev.time &&
        s.actions === prev.actions &&
        s.scenarioId === prev.scenarioId &&
        s.selection === prev.selection
      )
        return;
      if (timer !== null) timers.clearTimeout(timer);
      timer = timers.setTimeout(() => {
        timer = null;
        void controller.session().then((session) => {
          if (!session) return;
          if (!saveSession(storage, session) && !warned) {
            warned = true;
            store
              .getState()
              .notify(
                'error',
                'This browser refused to save the session (storage is full or disabled); use Share or Export to keep it.',
              );
          }
        });
      }, AUTOSAVE_DELAY_MS);
    });
  };

  /** Opens a decoded link's session; the address bar then drops it (a reload restores the autosave). */
  const openLinked = async (session: Session, previousKept: boolean): Promise<void> => {
    dropLink();
    const { ok } = await controller.openSession(session);
    const engineNote =
      session.engine !== ENGINE_VERSION
        ? ` It was made with engine version ${session.engine}; this is version ${ENGINE_VERSION}, so its replay may differ.`
        : '';
    if (ok)
      store.getState().setBanner({
        tone: engineNote ? 'error' : 'info',
        text: `Opened a shared session.${engineNote}`,
        offerPrevious: previousKept,
      });
  };

  /** A link pasted into the address bar of an open page changes only the hash: open it the same way. */
  const onHashChange = async (): Promise<void> => {
    const fragment = shareFragment(location.hash);
    if (fragment === null) return;
    const decoded = await decodeSession(fragment);
    if (!decoded.ok) {
      dropLink();
      store
        .getState()
        .setBanner({ tone: 'error', text: `${decoded.error} Your session is unchanged.`, offerPrevious: false });
      return;
    }
    // Save the session on screen now (not a second from now) so it can be brought back.
    const own = await controller.session();
    if (own) saveSession(storage, own);
    keepAsPrevious(storage);
    await openLinked(decoded.session, own !== null);
  };

  return {
    async start() {
      const s = store.getState();
      const first = builtins[0];
      const opening = await startupSession(location.hash, storage);
      if (opening.from === 'link') {
        await openLinked(opening.session, opening.previous !== null);
      } else if (opening.from === 'autosave') {
        await controller.openSession(opening.session);
        if (opening.linkError)
          s.setBanner({
            tone: 'error',
            text: `${opening.linkError} Your own last session was restored instead.`,
            offerPrevious: false,
          });
      } else {
        if (first) await controller.load(first.id, first.scenario);
        else s.failed('There are no built-in scenarios.');
        if (opening.linkError) s.setBanner({ tone: 'error', text: opening.linkError, offerPrevious: false });
      }
      if (!persistent)
        s.notify('info', 'This browser does not allow local storage here: the session is not saved between visits.');
      keepAutosaved();
      events.addEventListener('hashchange', () => void onHashChange());
    },
  };
}
