// The wording of a run stopped by its work budget: numbers grouped by hand (no host locale) and
// simulated time in its two largest units.
import { describe, expect, it } from 'vitest';
import { groupDigits, simulatedDuration } from './work-budget';

describe('the work budget sentence', () => {
  it('groups digits in threes', () => {
    expect([0, 999, 1000, 50_000_000, 1_234_567].map(groupDigits)).toEqual([
      '0',
      '999',
      '1,000',
      '50,000,000',
      '1,234,567',
    ]);
  });

  it('writes simulated time in its two largest units, leaving out a zero', () => {
    expect(
      [850, 12_345, 60_000, 243_000, 3_600_000, 11_520_000, 86_400_000, 190_800_000, 604_800_000].map(
        simulatedDuration,
      ),
    ).toEqual(['850 ms', '12.3 s', '1 min', '4 min 3 s', '1 h', '3 h 12 min', '24 h', '2 d 5 h', '7 d']);
  });
});
