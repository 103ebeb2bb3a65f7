import { describe, expect, it } from 'vitest';
import { closest, formatPath, show } from './issues';

describe('formatPath', () => {
  it('writes paths as a person would in JavaScript', () => {
    expect(formatPath([])).toBe('');
    expect(formatPath(['version'])).toBe('version');
    expect(formatPath(['actions', 2, 'target'])).toBe('actions[2].target');
    expect(formatPath(['actions', 0, 'between', 1])).toBe('actions[0].between[1]');
    expect(formatPath(['conf', 'spark.worker.timeout'])).toBe('conf["spark.worker.timeout"]');
    expect(formatPath(['my field'])).toBe('["my field"]');
  });
});

describe('show', () => {
  it('quotes strings, names containers and cuts long text', () => {
    expect(show('16g')).toBe('"16g"');
    expect(show(undefined)).toBe('nothing');
    expect(show(null)).toBe('null');
    expect(show(8)).toBe('8');
    expect(show([1])).toBe('a list of 1 item');
    expect(show({})).toBe('an object');
    expect(show('x'.repeat(50))).toBe(`"${'x'.repeat(40)}…"`);
  });
});

describe('closest', () => {
  it('suggests near words but not for very short ones', () => {
    expect(closest('core', ['host', 'cores', 'memory'])).toBe('cores');
    expect(closest('tagret', ['at', 'type', 'target'])).toBe('target');
    expect(closest('W1', ['w1', 'w2'])).toBe('w1');
    expect(closest('w9', ['w1', 'w2'])).toBeUndefined();
    expect(closest('colour', ['host', 'cores'])).toBeUndefined();
  });
});
