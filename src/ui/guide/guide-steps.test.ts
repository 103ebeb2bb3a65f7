import { describe, expect, it } from 'vitest';
import { cardPosition, GUIDE_STEPS } from './guide-steps';

describe('cardPosition', () => {
  const viewport = { width: 1280, height: 720 };
  const card = { width: 320, height: 160 };
  it('puts the card under its target, centred on it', () => {
    expect(cardPosition({ left: 400, top: 10, width: 80, height: 30 }, card, viewport)).toEqual({ left: 280, top: 52 });
  });
  it('puts it above a target near the bottom and keeps it inside the viewport sideways', () => {
    expect(cardPosition({ left: 1250, top: 650, width: 30, height: 30 }, card, viewport)).toEqual({
      left: 1280 - 12 - 320,
      top: 650 - 12 - 160,
    });
  });
  it('centres it when the target is not on the page', () => {
    expect(cardPosition(null, card, viewport)).toEqual({ left: 480, top: 560 / 3 });
  });
});

describe('GUIDE_STEPS', () => {
  it('points at Play, the scenario picker, a worker and Share, in that order', () => {
    expect(GUIDE_STEPS.map((s) => s.target)).toEqual([
      '[data-testid="play-pause"]',
      '[data-testid="scenario-select"]',
      '.cn-worker',
      '[data-testid="share"]',
    ]);
  });
});
