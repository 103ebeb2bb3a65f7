// The store's slices combined once: the starting values come from getInitialState() (with a test's
// overrides), reset() returns to them, and loading a scenario clears the run but not the user's
// preferences or the session around it.
import { describe, expect, it } from 'vitest';
import { createPlaygroundStore, DEFAULT_SPEED, getInitialState } from './store';

describe('createPlaygroundStore', () => {
  it('starts from getInitialState(), with the overrides given', () => {
    const store = createPlaygroundStore({ time: 12_345, theme: 'dark' });
    const s = store.getState();
    expect(s.time).toBe(12_345);
    expect(s.theme).toBe('dark');
    expect(s.speed).toBe(DEFAULT_SPEED);
    expect(s.sideTab).toBe('master');
    expect(store.getInitialState()).toMatchObject(getInitialState({ time: 12_345, theme: 'dark' }));
  });

  it('reset() goes back to the state it was created with, keeping the actions', () => {
    const store = createPlaygroundStore({ theme: 'light' });
    const s = store.getState();
    s.setTheme('dark');
    s.setSpeed(10);
    s.notify('info', 'hello');
    s.select({ kind: 'worker', id: 'w1' });
    store.getState().reset();
    const after = store.getState();
    expect(after.theme).toBe('light');
    expect(after.speed).toBe(DEFAULT_SPEED);
    expect(after.notices).toEqual([]);
    expect(after.selection).toBeNull();
    expect(typeof after.applyFrame).toBe('function');
    // Ids keep counting after a reset: a notice shown before it cannot be dismissed by a new one's id.
    after.notify('info', 'again');
    expect(store.getState().notices[0]?.id).toBe(2);
  });

  it('loading a scenario clears the run and what is open over it, not preferences or the session', () => {
    const store = createPlaygroundStore({
      time: 5000,
      horizon: 9000,
      rate: 3,
      rateReason: 'normal',
      selection: { kind: 'worker', id: 'w1' },
      menu: { target: { kind: 'worker', id: 'w1' }, x: 1, y: 2 },
      showTasks: false,
      theme: 'dark',
      banner: { tone: 'info', text: 'Opened a shared session.', offerPrevious: false },
      speed: 50,
    });
    store.getState().loading('client-mode');
    const s = store.getState();
    expect(s).toMatchObject({
      scenarioId: 'client-mode',
      status: 'loading',
      time: 0,
      horizon: 0,
      rate: 0,
      rateReason: 'paused',
      selection: null,
      menu: null,
    });
    expect(s).toMatchObject({ showTasks: false, theme: 'dark', speed: 50 });
    expect(s.banner?.text).toBe('Opened a shared session.');
  });

  it('each store is its own: two stores share no state', () => {
    const a = createPlaygroundStore();
    const b = createPlaygroundStore();
    a.getState().setTheme('dark');
    expect(b.getState().theme).toBe('system');
  });
});
