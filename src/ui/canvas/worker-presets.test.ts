import { describe, expect, it } from 'vitest';
import { checkWorkerMemory } from '../../engine/public';
import {
  accessibleAddLabel,
  checkPreset,
  decodeDragPayload,
  encodeDragPayload,
  memoryError,
  nextWorkerHost,
  parseCores,
  WORKER_PRESETS,
} from './worker-presets';

describe('parseCores', () => {
  it('accepts whole numbers 1..1024', () => {
    expect(parseCores('1')).toEqual({ ok: true, cores: 1 });
    expect(parseCores(' 1024 ')).toEqual({ ok: true, cores: 1024 });
  });

  it.each(['0', '1025', '-1', '2.5', '', 'eight', '1e3'])('refuses %j', (text) => {
    expect(parseCores(text).ok).toBe(false);
  });
});

describe('memoryError', () => {
  it('accepts what a Worker starts with', () => {
    expect(memoryError('512m', checkWorkerMemory)).toBeUndefined();
    expect(memoryError('8g', checkWorkerMemory)).toBeUndefined();
  });

  it('shows Spark’s own complaint', () => {
    expect(memoryError('8x', checkWorkerMemory)).toMatch(/SPARK_WORKER_MEMORY="8x" would not start/);
    expect(memoryError('   ', checkWorkerMemory)).toBe('Memory is required, e.g. 512m or 8g.');
  });

  it('cannot tell (null) before Spark’s check is at hand, but an empty value is always wrong', () => {
    expect(memoryError('8x', null)).toBeNull();
    expect(memoryError('', null)).toBe('Memory is required, e.g. 512m or 8g.');
    expect(checkPreset('8', '16g', null)).toEqual({ ok: false, error: null });
    expect(checkPreset('0', '16g', null).ok).toBe(false);
  });
});

describe('checkPreset', () => {
  it('returns the checked preset or the first problem', () => {
    expect(checkPreset('8', ' 16g ', checkWorkerMemory)).toEqual({ ok: true, preset: { cores: 8, memory: '16g' } });
    expect(checkPreset('0', '16g', checkWorkerMemory).ok).toBe(false);
    expect(checkPreset('8', 'lots', checkWorkerMemory).ok).toBe(false);
  });

  it('has valid built-in presets', () => {
    for (const p of WORKER_PRESETS) expect(checkPreset(String(p.cores), p.memory, checkWorkerMemory).ok).toBe(true);
  });
});

describe('nextWorkerHost', () => {
  it('goes one past the highest w<N>', () => {
    expect(nextWorkerHost([])).toBe('w1');
    expect(nextWorkerHost(['master', 'client', 'w1', 'w2'])).toBe('w3');
    expect(nextWorkerHost(['w1', 'w7'])).toBe('w8');
  });

  it('ignores names that only look alike', () => {
    expect(nextWorkerHost(['w01x', 'worker3', 'w'])).toBe('w1');
  });
});

describe('drag payload', () => {
  it('round-trips a preset', () => {
    expect(decodeDragPayload(encodeDragPayload({ cores: 4, memory: '8g' }))).toEqual({ cores: 4, memory: '8g' });
  });

  it.each([
    '',
    'not json',
    'null',
    '{"cores":"4","memory":"8g"}',
    '{"cores":0,"memory":"8g"}',
    '{"cores":4,"memory":""}',
  ])('refuses %j', (text) => {
    expect(decodeDragPayload(text)).toBeNull();
  });

  it('refuses a memory Spark would refuse when the check is at hand, else leaves it to the engine', () => {
    const text = '{"cores":4,"memory":"8q"}';
    expect(decodeDragPayload(text, checkWorkerMemory)).toBeNull();
    // Adding it then has the engine refuse it in Spark's words (engine/api.test.ts).
    expect(decodeDragPayload(text)).toEqual({ cores: 4, memory: '8q' });
  });
});

describe('accessibleAddLabel', () => {
  it('names the preset', () => {
    expect(accessibleAddLabel({ cores: 8, memory: '16g' })).toBe('Add worker with 8 cores and 16g');
    expect(accessibleAddLabel({ cores: 1, memory: '512m' })).toBe('Add worker with 1 core and 512m');
  });
});
