// @vitest-environment jsdom
// The palette checks an edited memory with Spark's own check, which it loads when first needed:
// the shipped presets are valid without it, an edited value waits for it and then reads as Spark
// would have it.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Controller } from '../controller-api';
import { PlaygroundProvider } from '../PlaygroundProvider';
import { createPlaygroundStore } from '../store';
import { Palette } from './Palette';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root.render(
      <PlaygroundProvider store={createPlaygroundStore({ status: 'ready' })} controller={{} as Controller}>
        <Palette />
      </PlaygroundProvider>,
    ),
  );
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const byTestId = (id: string) => host.querySelector<HTMLElement>(`[data-testid="${id}"]`);

function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('Palette', () => {
  it('offers the shipped presets at once, and checks an edited memory as Spark would', async () => {
    expect(byTestId('palette-preset-0')?.textContent).toContain('4 cores · 8g');
    expect((byTestId('palette-add-0') as HTMLButtonElement).disabled).toBe(false);
    type(byTestId('palette-memory-0') as HTMLInputElement, '8x');
    await vi.waitFor(() => expect(host.textContent).toContain('SPARK_WORKER_MEMORY="8x" would not start'));
    expect((byTestId('palette-add-0') as HTMLButtonElement).disabled).toBe(true);
    type(byTestId('palette-memory-0') as HTMLInputElement, '12g');
    await vi.waitFor(() => expect(byTestId('palette-preset-0')?.textContent).toContain('4 cores · 12g'));
    expect((byTestId('palette-add-0') as HTMLButtonElement).disabled).toBe(false);
  });
});
