// Notices after applying an action: success names what and when, failure shows the engine's words.
import { describe, expect, it } from 'vitest';
import { createPlaygroundStore } from '../store';
import { applyWithNotice } from './apply-action';

const item = { action: { type: 'kill-worker', target: 'w1' } as const, done: 'Worker on w1 killed (kill -9)' };

describe('applyWithNotice', () => {
  it('notifies what was done and at which simulated time', async () => {
    const store = createPlaygroundStore({ time: 12_345 });
    const applied: unknown[] = [];
    const ok = await applyWithNotice({ apply: async (a) => (applied.push(a), { ok: true }) }, store, item);
    expect(ok).toBe(true);
    expect(applied).toEqual([item.action]);
    expect(store.getState().notices).toMatchObject([
      { tone: 'info', text: 'Worker on w1 killed (kill -9) at 0:00:12.345' },
    ]);
  });

  it("shows the engine's error", async () => {
    const store = createPlaygroundStore();
    const ok = await applyWithNotice(
      { apply: async () => ({ ok: false, error: '"w9" is not a worker at 0 ms.' }) },
      store,
      item,
    );
    expect(ok).toBe(false);
    expect(store.getState().notices).toMatchObject([{ tone: 'error', text: '"w9" is not a worker at 0 ms.' }]);
  });

  it('turns a thrown error into an error notice', async () => {
    const store = createPlaygroundStore();
    const ok = await applyWithNotice(
      {
        apply: async () => {
          throw new Error('worker gone');
        },
      },
      store,
      item,
    );
    expect(ok).toBe(false);
    expect(store.getState().notices).toMatchObject([{ tone: 'error', text: 'worker gone' }]);
  });
});
