import { describe, expect, it } from 'vitest';
import { needsScrollIntoView, VISIBLE_ENOUGH_PX } from './reveal';

describe('bringing the Inspector into view', () => {
  it('leaves a panel beside the canvas (wholly on screen) where it is', () => {
    expect(needsScrollIntoView({ top: 60, bottom: 700, height: 640 }, 720)).toBe(false);
  });

  it('scrolls a panel below the fold (a tablet in portrait: the panel under the canvas)', () => {
    expect(needsScrollIntoView({ top: 1100, bottom: 1700, height: 600 }, 1180)).toBe(true);
    expect(needsScrollIntoView({ top: 1300, bottom: 1900, height: 600 }, 1180)).toBe(true);
  });

  it('leaves one that already shows a useful part of itself', () => {
    expect(needsScrollIntoView({ top: 1180 - VISIBLE_ENOUGH_PX, bottom: 1800, height: 620 }, 1180)).toBe(false);
  });

  it('scrolls one scrolled away above the viewport', () => {
    expect(needsScrollIntoView({ top: -700, bottom: -100, height: 600 }, 1180)).toBe(true);
  });

  it('a panel shorter than the threshold needs only to be whole', () => {
    expect(needsScrollIntoView({ top: 900, bottom: 1000, height: 100 }, 1180)).toBe(false);
  });
});
