import { describe, expect, it } from 'vitest';
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
    expect(memoryError('512m')).toBeUndefined();
    expect(memoryError('8g')).toBeUndefined();
  });

  it('shows Spark’s own complaint', () => {
    expect(memoryError('8x')).toMatch(/SPARK_WORKER_MEMORY="8x" would not start/);
    expect(memoryError('   ')).toBe('Memory is required, e.g. 512m or 8g.');
  });
});

describe('checkPreset', () => {
  it('returns the checked preset or the first problem', () => {
    expect(checkPreset('8', ' 16g ')).toEqual({ ok: true, preset: { cores: 8, memory: '16g' } });
    expect(checkPreset('0', '16g').ok).toBe(false);
    expect(checkPreset('8', 'lots').ok).toBe(false);
  });

  it('has valid built-in presets', () => {
    for (const p of WORKER_PRESETS) expect(checkPreset(String(p.cores), p.memory).ok).toBe(true);
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
    '{"cores":4,"memory":"8q"}',
  ])('refuses %j', (text) => {
    expect(decodeDragPayload(text)).toBeNull();
  });
});

describe('accessibleAddLabel', () => {
  it('names the preset', () => {
    expect(accessibleAddLabel({ cores: 8, memory: '16g' })).toBe('Add worker with 8 cores and 16g');
    expect(accessibleAddLabel({ cores: 1, memory: '512m' })).toBe('Add worker with 1 core and 512m');
  });
});
