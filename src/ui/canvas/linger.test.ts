// Final states stay on screen at least a second of wall time, keyed by wall time, not simulated time.
import { describe, expect, it } from 'vitest';
import type { ProcessCardView } from '../../engine/public';
import { emptyLinger, LEAVE_MS, LINGER_WALL_MS, lingerStep } from './linger';

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
    expect(r.nextAt).toBe(100 + LINGER_WALL_MS - LEAVE_MS);
    r = lingerStep(r.state, [card('a')], 100 + LINGER_WALL_MS - 1);
    expect(r.shown.map((c) => c.id)).toEqual(['a', 'b']);
    r = lingerStep(r.state, [card('a')], 100 + LINGER_WALL_MS);
    expect(r.shown.map((c) => c.id)).toEqual(['a']);
    expect(r.nextAt).toBeNull();
  });

  it('keeps a card that left without a final state for its leaving look only', () => {
    let r = lingerStep(emptyLinger(), [card('a')], 0);
    r = lingerStep(r.state, [], 10);
    expect(r.shown.map((c) => c.id)).toEqual(['a']);
    expect([...r.leaving]).toEqual(['a']);
    expect(r.nextAt).toBe(10 + LEAVE_MS);
    r = lingerStep(r.state, [], 10 + LEAVE_MS);
    expect(r.shown).toEqual([]);
    expect(r.nextAt).toBeNull();
  });

  it('fades a final card out over LEAVE_MS once it has been shown long enough', () => {
    let r = lingerStep(emptyLinger(), [killed('b')], 0);
    expect(r.nextAt).toBeNull();
    r = lingerStep(r.state, [killed('b')], 5_000);
    expect(r.shown.map((c) => c.id)).toEqual(['b']);
    expect(r.leaving.size).toBe(0);
    // Shown long enough while the engine kept it: once dropped it only fades out.
    r = lingerStep(r.state, [], 5_001);
    expect(r.shown.map((c) => c.id)).toEqual(['b']);
    expect(r.leaving.has('b')).toBe(true);
    r = lingerStep(r.state, [], 5_001 + LEAVE_MS);
    expect(r.shown).toEqual([]);
  });

  it('gives a lingering final card its leaving look in its last LEAVE_MS only', () => {
    let r = lingerStep(emptyLinger(), [killed('b')], 0);
    r = lingerStep(r.state, [], 100);
    expect(r.leaving.size).toBe(0);
    expect(r.nextAt).toBe(LINGER_WALL_MS - LEAVE_MS);
    r = lingerStep(r.state, [], LINGER_WALL_MS - LEAVE_MS);
    expect(r.leaving.has('b')).toBe(true);
    expect(r.nextAt).toBe(LINGER_WALL_MS);
  });

  it('keeps a leaving card at the place it had among the others', () => {
    let r = lingerStep(emptyLinger(), [card('a'), card('b'), card('c')], 0);
    r = lingerStep(r.state, [card('a'), card('c'), card('d')], 10);
    expect(r.shown.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    r = lingerStep(r.state, [card('c'), card('d')], 20);
    expect(r.shown.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    expect([...r.leaving].sort()).toEqual(['a', 'b']);
  });

  it('shows a card that comes back as the engine sends it, not as leaving', () => {
    let r = lingerStep(emptyLinger(), [card('a')], 0);
    r = lingerStep(r.state, [], 10);
    r = lingerStep(r.state, [card('a', { state: 'LAUNCHING' })], 20);
    expect(r.shown.map((c) => c.state)).toEqual(['LAUNCHING']);
    expect(r.leaving.size).toBe(0);
    expect(r.nextAt).toBeNull();
  });

  it('forgets a final card that comes back live (a seek back)', () => {
    let r = lingerStep(emptyLinger(), [killed('b')], 0);
    r = lingerStep(r.state, [card('b')], 10);
    r = lingerStep(r.state, [], 20);
    // Only its leaving look, not a final state's second.
    expect(r.nextAt).toBe(20 + LEAVE_MS);
  });
});
