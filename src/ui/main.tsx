// Page entry: one store, one engine worker, one pacing loop, then React on top.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { builtinScenarios } from '../scenarios';
import { App } from './App';
import { createController } from './controller';
import { createEngineClient } from './engine-client';
import { flightBoard } from './flights';
import { playgroundStore } from './store';
import './styles.css';

// The theme the user chose last time (a UI preference, not part of any scenario).
const THEME_KEY = 'spark-playground.theme';
try {
  const saved = localStorage.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark' || saved === 'system') playgroundStore.getState().setTheme(saved);
  playgroundStore.subscribe((s, prev) => {
    if (s.theme !== prev.theme) localStorage.setItem(THEME_KEY, s.theme);
  });
} catch {
  // Storage can be unavailable (private modes, sandboxed iframes): the theme is then per visit.
}

const client = createEngineClient({ onFatal: (message) => playgroundStore.getState().failed(message) });
const controller = createController(playgroundStore, client);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App scenarios={builtinScenarios} controller={controller} />
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

const first = builtinScenarios[0];
if (first) void controller.load(first.id, first.scenario);
else playgroundStore.getState().failed('There are no built-in scenarios.');
