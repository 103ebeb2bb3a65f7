// The helpers the page calls before it hands anything to the engine's worker must agree with the
// engine's own checks: the page reads them through public.ts, so this test does too.
import { describe, expect, it } from 'vitest';
import { exceedsNesting, LIMITS, MAX_NESTING, restoreScenario, WORK_BUDGET } from './public';

function nested(depth: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = { v };
  return v;
}

describe('the page’s nesting check', () => {
  it('refuses exactly what restoreScenario refuses for its depth', () => {
    // The document itself is one level, so `extra` may nest MAX_NESTING - 1 more.
    const fits = { version: 1, workers: [], extra: nested(MAX_NESTING - 1) };
    const deep = { version: 1, workers: [], extra: nested(MAX_NESTING) };
    expect(exceedsNesting(fits, MAX_NESTING)).toBe(false);
    expect(restoreScenario(fits).ok).toBe(true);
    expect(exceedsNesting(deep, MAX_NESTING)).toBe(true);
    expect(restoreScenario(deep).ok).toBe(false);
  });

  it('answers for a document far too deep to post, without overflowing the stack', () => {
    expect(exceedsNesting(nested(200_000), MAX_NESTING)).toBe(true);
  });
});

describe('the limits the page shows and enforces', () => {
  it('are the engine’s numbers', () => {
    expect(LIMITS.simulatedMs).toBe(7 * 24 * 60 * 60 * 1000);
    expect(LIMITS.tasks).toBeLessThan(WORK_BUDGET.events);
  });
});
