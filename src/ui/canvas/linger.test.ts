// Final states stay on screen at least a second of wall time, keyed by wall time, not simulated time.
import { describe, expect, it } from 'vitest';
import type { ProcessCardView } from '../../engine/public';
import { emptyLinger, LINGER_WALL_MS, lingerStep } from './linger';

const card = (id: string, over: Partial<ProcessCardView> = {}): ProcessCardView => ({
  id,
  kind: 'executor',
  label: id,
  appId: 'app-1',
  state: 'RUNNING',
  cores: 1,
  memoryMb: 512,
  exitCode: null,
  ended: false,
  ...over,
});
const killed = (id: string) => card(id, { state: 'KILLED', ended: true, exitCode: 143 });

describe('lingerStep', () => {
  it('keeps a final card the engine dropped until a second after it was first seen final', () => {
    let r = lingerStep(emptyLinger(), [card('a'), card('b')], 0);
    expect(r.shown.map((c) => c.id)).toEqual(['a', 'b']);
    expect(r.nextAt).toBeNull();
    r = lingerStep(r.state, [card('a'), killed('b')], 100);
    r = lingerStep(r.state, [card('a')], 150);
    expect(r.shown.map((c) => c.id)).toEqual(['a', 'b']);
    expect(r.shown[1]?.state).toBe('KILLED');
    expect(r.nextAt).toBe(100 + LINGER_WALL_MS);
    r = lingerStep(r.state, [card('a')], 100 + LINGER_WALL_MS - 1);
    expect(r.shown.map((c) => c.id)).toEqual(['a', 'b']);
    r = lingerStep(r.state, [card('a')], 100 + LINGER_WALL_MS);
    expect(r.shown.map((c) => c.id)).toEqual(['a']);
    expect(r.nextAt).toBeNull();
  });

  it('does not keep what left without a final state, nor a card the engine still shows', () => {
    let r = lingerStep(emptyLinger(), [card('a')], 0);
    r = lingerStep(r.state, [], 10);
    expect(r.shown).toEqual([]);
    r = lingerStep(emptyLinger(), [killed('b')], 0);
    expect(r.nextAt).toBeNull();
    r = lingerStep(r.state, [killed('b')], 5_000);
    expect(r.shown.map((c) => c.id)).toEqual(['b']);
    // Shown long enough while the engine kept it: once dropped it leaves at once.
    r = lingerStep(r.state, [], 5_001);
    expect(r.shown).toEqual([]);
  });

  it('forgets a final card that comes back live (a seek back)', () => {
    let r = lingerStep(emptyLinger(), [killed('b')], 0);
    r = lingerStep(r.state, [card('b')], 10);
    r = lingerStep(r.state, [], 20);
    expect(r.shown).toEqual([]);
  });
});
