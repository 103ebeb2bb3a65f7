// @vitest-environment jsdom
// The explanation pane while a built-in's text comes from its chunk: the first-visit scenario's at
// once, another's after a "Loading the explanation…" line (never the last scenario's text), and a
// sentence when the chunk cannot be fetched.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as catalogue from '../../scenarios/catalogue';
import type { Controller } from '../controller-api';
import { PlaygroundProvider } from '../PlaygroundProvider';
import { createPlaygroundStore, type PlaygroundStore } from '../store';
import { ScenarioExplanation } from './ScenarioExplanation';

vi.mock('../../scenarios/catalogue', async (importOriginal) => {
  const real = await importOriginal<typeof catalogue>();
  return { ...real, builtinAtHand: vi.fn(real.builtinAtHand), loadBuiltin: vi.fn(real.loadBuiltin) };
});

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;
let store: PlaygroundStore;

function show(scenarioId: string) {
  act(() => store.setState({ scenarioId, status: 'ready' }));
}

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  store = createPlaygroundStore({});
  act(() =>
    root.render(
      <PlaygroundProvider store={store} controller={{} as Controller}>
        <ScenarioExplanation scenarios={catalogue.builtinCatalogue} />
      </PlaygroundProvider>,
    ),
  );
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.mocked(catalogue.builtinAtHand).mockClear();
  vi.mocked(catalogue.loadBuiltin).mockClear();
});

const text = () => host.querySelector('[data-testid="scenario-explanation"]')?.textContent ?? '';

describe('ScenarioExplanation', () => {
  it("shows the first-visit scenario's explanation at once", () => {
    show('client-mode');
    expect(text()).toContain(catalogue.firstBuiltin.summary);
    expect(text()).toContain('RegisterApplication');
    expect(host.querySelector('[data-testid="explanation-loading"]')).toBeNull();
    expect(catalogue.loadBuiltin).not.toHaveBeenCalled();
  });

  it("says the explanation is on its way, never showing the last one's, then shows it", async () => {
    show('client-mode');
    vi.mocked(catalogue.builtinAtHand).mockImplementation((id) =>
      id === 'client-mode' ? catalogue.firstBuiltin : undefined,
    );
    let arrive: () => void = () => undefined;
    const real = (await vi.importActual<typeof catalogue>('../../scenarios/catalogue')).loadBuiltin;
    const doc = await real('worker-power-off');
    vi.mocked(catalogue.loadBuiltin).mockImplementation(() => new Promise((resolve) => (arrive = () => resolve(doc))));
    show('worker-power-off');
    expect(text()).toContain('Loading the explanation…');
    expect(text()).not.toContain('RegisterApplication');
    await act(async () => arrive());
    expect(host.querySelector('[data-testid="explanation-loading"]')).toBeNull();
    expect(text()).toContain('power');
    vi.mocked(catalogue.builtinAtHand).mockReset();
  });

  it('says in a sentence when the chunk cannot be fetched', async () => {
    vi.mocked(catalogue.builtinAtHand).mockReturnValue(undefined);
    vi.mocked(catalogue.loadBuiltin).mockRejectedValue(new TypeError('Failed to fetch dynamically imported module'));
    show('cluster-mode');
    await act(async () => undefined);
    const error = host.querySelector('[data-testid="explanation-error"]');
    expect(error?.textContent).toMatch(/^The explanation could not be loaded \(Failed to fetch/);
    expect(error?.getAttribute('role')).toBe('alert');
  });
});
