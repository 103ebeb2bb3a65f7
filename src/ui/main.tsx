// Page entry: one store, one engine worker, one pacing loop, then React on top. It also decides
// what the page opens with (a share link, else the autosaved session, else the first built-in) and
// keeps the autosave current as the user works.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ENGINE_VERSION } from '../engine/public';
import { builtinScenarios } from '../scenarios';
import { type KeyValueStore, keepAsPrevious, saveSession, startupSession } from '../share/autosave';
import { decodeSession, shareFragment } from '../share/codec';
import type { Session } from '../share/session-types';
import { App } from './App';
import { createController } from './controller';
import { createEngineClient } from './engine-client';
import { flightBoard } from './flights';
import { playgroundStore } from './store';
import './styles.css';

/** localStorage, or a memory stand-in where storage is unavailable (private modes, sandboxed iframes). */
function browserStorage(): { store: KeyValueStore; persistent: boolean } {
  try {
    const probe = '__spark-playground-probe__';
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return { store: localStorage, persistent: true };
  } catch {
    const data = new Map<string, string>();
    return { store: { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) }, persistent: false };
  }
}

const storage = browserStorage();

// The theme the user chose last time (a UI preference, not part of any session).
const THEME_KEY = 'spark-playground.theme';
const savedTheme = storage.store.getItem(THEME_KEY);
if (savedTheme === 'light' || savedTheme === 'dark' || savedTheme === 'system') playgroundStore.getState().setTheme(savedTheme);
playgroundStore.subscribe((s, prev) => {
  if (s.theme !== prev.theme) {
    try {
      storage.store.setItem(THEME_KEY, s.theme);
    } catch {
      // Storage full or refused: the theme is then per visit.
    }
  }
});

const client = createEngineClient({ onFatal: (message) => playgroundStore.getState().failed(message) });
const controller = createController(playgroundStore, client);
const embed = new URLSearchParams(location.search).has('embed');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App scenarios={builtinScenarios} controller={controller} embed={embed} storage={storage.store} />
  </StrictMode>,
);

// The benchmark (bench/ui.ts) installs window.__sspPerf before the page loads; only then can it
// load its own large scenarios and read the flight board. Nothing else on the page uses this.
const probe = (window as { __sspPerf?: Record<string, unknown> }).__sspPerf;
if (probe) {
  probe.load = (scenario: unknown) => controller.load('bench', scenario, 'file');
  probe.flights = () => flightBoard.flights.size;
  probe.store = playgroundStore;
}

/** Saves the session a second after the user last changed it (an action, a seek, a new scenario). */
function keepAutosaved(): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let warned = false;
  playgroundStore.subscribe((s, prev) => {
    if (s.status !== 'ready') return;
    if (s.time === prev.time && s.actions === prev.actions && s.scenarioId === prev.scenarioId && s.selection === prev.selection) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void controller.session().then((session) => {
        if (!session) return;
        if (!saveSession(storage.store, session) && !warned) {
          warned = true;
          playgroundStore.getState().notify('error', 'This browser refused to save the session (storage is full or disabled); use Share or Export to keep it.');
        }
      });
    }, 1000);
  });
}

/** Opens a decoded link's session; the address bar then drops it (a reload restores the autosave). */
async function openLinked(session: Session, previousKept: boolean): Promise<void> {
  history.replaceState(null, '', location.pathname + location.search);
  const ok = await controller.openSession(session);
  const engineNote =
    session.engine !== ENGINE_VERSION ? ` It was made with engine version ${session.engine}; this is version ${ENGINE_VERSION}, so its replay may differ.` : '';
  if (ok) playgroundStore.getState().setBanner({ tone: engineNote ? 'error' : 'info', text: `Opened a shared session.${engineNote}`, offerPrevious: previousKept });
}

/** A link pasted into the address bar of an open page changes only the hash: open it the same way. */
async function onHashChange(): Promise<void> {
  const fragment = shareFragment(location.hash);
  if (fragment === null) return;
  const decoded = await decodeSession(fragment);
  if (!decoded.ok) {
    history.replaceState(null, '', location.pathname + location.search);
    playgroundStore.getState().setBanner({ tone: 'error', text: `${decoded.error} Your session is unchanged.`, offerPrevious: false });
    return;
  }
  // Save the session on screen now (not a second from now) so it can be brought back.
  const own = await controller.session();
  if (own) saveSession(storage.store, own);
  keepAsPrevious(storage.store);
  await openLinked(decoded.session, own !== null);
}

async function start(): Promise<void> {
  const s = playgroundStore.getState();
  const first = builtinScenarios[0];
  const opening = await startupSession(location.hash, storage.store);
  if (opening.from === 'link') {
    await openLinked(opening.session, opening.previous !== null);
  } else if (opening.from === 'autosave') {
    await controller.openSession(opening.session);
    if (opening.linkError) s.setBanner({ tone: 'error', text: `${opening.linkError} Your own last session was restored instead.`, offerPrevious: false });
  } else {
    if (first) await controller.load(first.id, first.scenario);
    else s.failed('There are no built-in scenarios.');
    if (opening.linkError) s.setBanner({ tone: 'error', text: opening.linkError, offerPrevious: false });
  }
  if (!storage.persistent) s.notify('info', 'This browser does not allow local storage here: the session is not saved between visits.');
  keepAutosaved();
  window.addEventListener('hashchange', () => void onHashChange());
}

void start();
