// Page entry: one store, one engine worker, one pacing loop, then React on top. Last, the session
// keeper (src/share/session-keeper.ts) opens the first session (a share link, else the autosaved
// session, else the first built-in) and keeps the autosave current as the user works.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { builtinScenarios } from '../scenarios';
import type { KeyValueStore } from '../share/autosave';
import { createSessionKeeper } from '../share/session-keeper';
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
    return {
      store: {
        getItem: (k) => data.get(k) ?? null,
        setItem: (k, v) => void data.set(k, v),
        removeItem: (k) => void data.delete(k),
      },
      persistent: false,
    };
  }
}

const storage = browserStorage();

// The theme the user chose last time (a UI preference, not part of any session).
const THEME_KEY = 'spark-playground.theme';
const savedTheme = storage.store.getItem(THEME_KEY);
if (savedTheme === 'light' || savedTheme === 'dark' || savedTheme === 'system')
  playgroundStore.getState().setTheme(savedTheme);
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
    <App
      scenarios={builtinScenarios}
      store={playgroundStore}
      controller={controller}
      embed={embed}
      storage={storage.store}
    />
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

void createSessionKeeper({
  store: playgroundStore,
  controller,
  storage: storage.store,
  persistent: storage.persistent,
  location,
  history,
  events: window,
  timers: window,
  builtins: builtinScenarios,
}).start();
