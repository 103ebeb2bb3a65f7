// @vitest-environment jsdom
// The cards' animations are CSS classes the list sets: a card that arrives enters, the cards there
// at mount do not, a badge that changes flashes, and a card the engine drops stays in its place
// wearing its leaving look until linger.ts lets it go.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProcessCardView } from '../../engine/public';
import type { Controller } from '../controller-api';
import { PlaygroundProvider } from '../PlaygroundProvider';
import { createPlaygroundStore } from '../store';
import { LEAVE_MS } from './linger';
import { ProcessList } from './ProcessList';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const card = (n: number, over: Partial<ProcessCardView> = {}): ProcessCardView => ({
  id: `app-1/${n}`,
  kind: 'executor',
  label: `exec ${n}`,
  appId: 'app-1',
  state: 'RUNNING',
  cores: 1,
  memoryMb: 512,
  exitCode: null,
  ended: false,
  ...over,
});

let root: Root;
let host: HTMLElement;
const store = createPlaygroundStore({});
const controller = {} as Controller;
const render = (processes: ProcessCardView[]) =>
  act(() =>
    root.render(
      <PlaygroundProvider store={store} controller={controller}>
        <ProcessList processes={processes} />
      </PlaygroundProvider>,
    ),
  );
const cardEl = (n: number) => host.querySelector<HTMLElement>(`[data-testid="proc-app-1/${n}"]`);

beforeEach(() => {
  vi.useFakeTimers();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.useRealTimers();
});

describe('ProcessList animations', () => {
  it('enters only the cards that arrive after it mounted', () => {
    render([card(0)]);
    expect(cardEl(0)?.classList.contains('pcard--enter')).toBe(false);
    render([card(0), card(1)]);
    expect(cardEl(0)?.classList.contains('pcard--enter')).toBe(false);
    expect(cardEl(1)?.classList.contains('pcard--enter')).toBe(true);
  });

  it('flashes a badge that changes, on a new badge element, and not the first one', () => {
    render([card(0)]);
    const first = cardEl(0)?.querySelector('[data-testid="proc-badge"]');
    expect(first?.classList.contains('pcard-state--flash')).toBe(false);
    render([card(0, { state: 'KILLED', ended: true, exitCode: 143 })]);
    const next = cardEl(0)?.querySelector('[data-testid="proc-badge"]');
    expect(next).not.toBe(first);
    expect(next?.textContent).toBe('KILLED');
    expect(next?.classList.contains('pcard-state--flash')).toBe(true);
    expect(cardEl(0)?.classList.contains('pcard--ended')).toBe(true);
  });

  it('keeps a dropped card in its place, leaving, then lets it go', () => {
    render([card(0), card(1), card(2)]);
    render([card(0), card(2)]);
    const ids = [...host.querySelectorAll('.pcard')].map((el) => el.getAttribute('data-testid'));
    expect(ids).toEqual(['proc-app-1/0', 'proc-app-1/1', 'proc-app-1/2']);
    expect(cardEl(1)?.classList.contains('pcard--leaving')).toBe(true);
    expect(cardEl(1)?.hasAttribute('data-leaving')).toBe(true);
    expect(cardEl(0)?.hasAttribute('data-leaving')).toBe(false);
    act(() => vi.advanceTimersByTime(LEAVE_MS + 50));
    expect(cardEl(1)).toBeNull();
    expect(host.querySelectorAll('.pcard')).toHaveLength(2);
  });
});
