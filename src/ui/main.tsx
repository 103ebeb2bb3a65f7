// Page entry: one store, one engine worker, one pacing loop, then React on top. Last, the session
// keeper (src/share/session-keeper.ts) installs the autosave and the link listener and opens the
// first session (a share link, else this tab's saved session, else the first built-in).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { builtinCatalogue, firstBuiltin } from '../scenarios/catalogue';
import { probeStorage } from '../share/storage-probe';
import { createSessionKeeper, type KeeperController } from '../share/session-keeper';
import { App } from './App';
import { createController } from './controller';
import { createEngineClient } from './engine-client';
import { flightBoard } from './flights';
import { SessionKeeperContext } from './session/keeper-context';
import { playgroundStore } from './store';
import './styles.css';

// localStorage; read-only while it is full; a memory stand-in where it cannot be read at all.
const storage = probeStorage(() => localStorage);

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

/** The keeper's view of the controller: `openSession` answers `{ ok, error }`, and nothing on the page changed when it failed. */
const keeperController: KeeperController = {
  session: () => controller.session(),
  // The keeper needs no outcome: a built-in that fails shows its problems on the page itself.
  load: async (id, scenario) => {
    await controller.load(id, scenario);
  },
  openSession: (session) => controller.openSession(session),
};

const keeper = createSessionKeeper({
  store: playgroundStore,
  controller: keeperController,
  storage: storage.store,
  storageMode: storage.mode,
  tabStorage: tabStorage(),
  location,
  history,
  events: window,
  visibility: document,
  timers: window,
  // Only the first-visit scenario is opened from here; a session naming another loads it itself.
  builtins: [firstBuiltin],
});

/** sessionStorage, or a memory stand-in (a reload of the tab then counts as a new tab). */
function tabStorage() {
  return probeStorage(() => sessionStorage).store;
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <SessionKeeperContext.Provider value={keeper}>
      <App
        scenarios={builtinCatalogue}
        store={playgroundStore}
        controller={controller}
        embed={embed}
        storage={storage.store}
      />
    </SessionKeeperContext.Provider>
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

void keeper.start();
