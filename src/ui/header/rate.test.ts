// The header's rate wording.
import { describe, expect, it } from 'vitest';
import { formatRate, rateText } from './rate';

describe('formatRate', () => {
  it('keeps two significant digits below 1, one decimal below 100, whole numbers above', () => {
    expect(formatRate(0.004)).toBe('0.004');
    expect(formatRate(0.01234)).toBe('0.012');
    expect(formatRate(0.25)).toBe('0.25');
    expect(formatRate(1)).toBe('1');
    expect(formatRate(2.54)).toBe('2.5');
    expect(formatRate(10)).toBe('10');
    expect(formatRate(999.6)).toBe('1000');
    expect(formatRate(0.00001)).toBe('< 0.0001');
    expect(formatRate(0)).toBe('0');
    expect(formatRate(Number.NaN)).toBe('0');
  });
});

describe('rateText', () => {
  it('reads as the header shows it', () => {
    expect(rateText(0.004, 'flight')).toBe('× 0.004 — message in flight');
    expect(rateText(10, 'quiet')).toBe('× 10 — quiet');
    expect(rateText(1, 'normal')).toBe('× 1 — normal');
    expect(rateText(0, 'paused')).toBe('paused');
  });
});
