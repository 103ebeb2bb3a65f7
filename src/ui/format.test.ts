import { describe, expect, it } from 'vitest';
import { bytesToString, formatDate, formatDuration, formatSimTime, megabytesToString } from './format';

describe('Master UI formatting', () => {
  it('prints memory like Utils.megabytesToString', () => {
    expect(megabytesToString(0)).toBe('0.0 B');
    expect(megabytesToString(1024)).toBe('1024.0 MiB');
    expect(megabytesToString(2048)).toBe('2.0 GiB');
    expect(megabytesToString(16384)).toBe('16.0 GiB');
    expect(bytesToString(1)).toBe('1.0 B');
  });

  it('prints durations like UIUtils.formatDuration', () => {
    expect(formatDuration(42)).toBe('42 ms');
    expect(formatDuration(420)).toBe('0.4 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(90_000)).toBe('1.5 min');
    expect(formatDuration(30 * 60_000)).toBe('30 min');
    expect(formatDuration(3 * 3_600_000)).toBe('3.0 h');
  });

  it('prints dates in UTC and the simulated clock', () => {
    expect(formatDate(1767225605000)).toBe('2026/01/01 00:00:05');
    expect(formatSimTime(0)).toBe('0:00:00.000');
    expect(formatSimTime(3_723_045)).toBe('1:02:03.045');
  });
});
