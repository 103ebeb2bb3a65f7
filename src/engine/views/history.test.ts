import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../scenarios';
import { createEngineApi } from '../api';
import { HISTORY_KINDS, type HistoryQuery } from './history';

function loaded(id: string) {
  const api = createEngineApi();
  const b = builtinScenarios.find((s) => s.id === id);
  if (!b) throw new Error(`no built-in ${id}`);
  api.load(b.scenario, 'builtin');
  return api;
}

const ALL: HistoryQuery = {
  kinds: HISTORY_KINDS,
  query: '',
  levels: ['INFO', 'WARN', 'ERROR'],
  limit: 2_000,
};

describe('the event log over the whole recorded run', () => {
  it('finds messages by their Spark name, not only log lines', async () => {
    const api = loaded('cluster-mode');
    api.seekTo(32_000, { maxEvents: Infinity });
    const page = await api.history({ ...ALL, kinds: ['message'], query: 'LaunchDriver' });
    expect(page?.matched).toBeGreaterThanOrEqual(1);
    expect(page?.entries[0]).toMatchObject({ kind: 'message', source: expect.stringContaining('Master@') });
    expect(page?.entries[0]?.text).toContain('LaunchDriver(driver-');
    // Log lines alone hold no such name, which is what the user met before.
    expect((await api.history({ ...ALL, kinds: ['log'], query: 'LaunchDriver' }))?.matched).toBe(0);
  });

  it('lists a reply as what it answers, as the canvas draws it, never as a bare Boolean', async () => {
    const api = loaded('client-mode');
    api.seekTo(20_000, { maxEvents: Infinity });
    const page = await api.history({ ...ALL, kinds: ['message'], query: '' });
    const texts = page?.entries.map((e) => e.text) ?? [];
    expect(texts.some((t) => t.includes('↩ RegisterExecutor: true'))).toBe(true);
    expect(texts.filter((t) => t.includes('Boolean('))).toEqual([]);
  });

  it('a seek back keeps the later entries (the page greys them), and is the same list as before', async () => {
    const api = loaded('cluster-mode');
    api.seekTo(32_000, { maxEvents: Infinity });
    const atEnd = await api.history(ALL);
    api.seekTo(5_000, { maxEvents: Infinity });
    const back = await api.history(ALL);
    expect(back?.time).toBe(5_000);
    expect(back?.horizon).toBe(32_000);
    expect(back?.entries).toEqual(atEnd?.entries);
    expect(back?.entries.some((e) => e.t > 5_000 && e.kind === 'change')).toBe(true);
    expect(back?.entries.some((e) => e.t > 5_000 && e.kind === 'log')).toBe(true);
    expect(back?.entries.some((e) => e.t > 5_000 && e.kind === 'message')).toBe(true);
    // Forward again, part replayed and part from checkpoints: still the same.
    api.seekTo(20_000, { maxEvents: Infinity });
    expect((await api.history(ALL))?.entries).toEqual(atEnd?.entries);
    api.seekTo(32_000, { maxEvents: Infinity });
    expect((await api.history(ALL))?.entries).toEqual(atEnd?.entries);
  });

  it('an action after a seek back drops the old future from the log', async () => {
    const api = loaded('cluster-mode');
    api.seekTo(32_000, { maxEvents: Infinity });
    api.seekTo(5_000, { maxEvents: Infinity });
    expect(api.apply({ type: 'kill-worker', target: 'w1' }, { dropFuture: true }).ok).toBe(true);
    const page = await api.history(ALL);
    expect(page?.entries.every((e) => e.t <= 5_000)).toBe(true);
    expect(page?.entries.at(-1)).toMatchObject({ kind: 'action', source: 'You', text: 'kill-worker w1' });
  });

  it('filters by kind and level, keeps the newest `limit`, oldest first, and chatter stays apart', async () => {
    const api = loaded('client-mode');
    api.seekTo(22_000, { maxEvents: Infinity });
    const control = await api.history({ ...ALL, kinds: ['message'] });
    const chatter = await api.history({ ...ALL, kinds: ['chatter'] });
    expect(control?.entries.some((e) => /Heartbeat|LaunchTask|StatusUpdate/.test(e.text))).toBe(false);
    expect(chatter?.entries.some((e) => /LaunchTask|StatusUpdate/.test(e.text))).toBe(true);
    const few = await api.history({ ...ALL, limit: 5 });
    expect(few?.entries).toHaveLength(5);
    expect(few?.matched).toBe((await api.history(ALL))?.matched);
    const times = few?.entries.map((e) => e.t) ?? [];
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(
      (await api.history({ ...ALL, kinds: ['log'], levels: ['ERROR'] }))?.entries.every((e) => e.level === 'ERROR'),
    ).toBe(true);
  });
});
