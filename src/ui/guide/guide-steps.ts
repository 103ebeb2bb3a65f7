// The guided start's steps and where each step's card goes (guide-offer.ts says when it is shown).

export interface GuideStep {
  /** The element it points at: a CSS selector, the first match is used. */
  target: string;
  title: string;
  text: string;
}

export const GUIDE_STEPS: readonly GuideStep[] = [
  {
    target: '[data-testid="play-pause"]',
    title: 'Press Play',
    text: 'Time runs in simulated seconds (Space plays and pauses). While a message is in flight the clock slows, so each arrow can be read as it crosses.',
  },
  {
    target: '[data-testid="scenario-select"]',
    title: 'Pick a scenario',
    text: 'Each one shows one behaviour of a Standalone cluster, with what to watch in the panel on the right. The first follows one spark-submit to its sc.stop().',
  },
  {
    target: '.cn-worker',
    title: 'Break a worker',
    text: 'Right-click a worker (or focus it and press M) to kill its process, power it off or cut it from the Master, and watch what Spark does about it.',
  },
  {
    target: '[data-testid="share"]',
    title: 'Share what you found',
    text: 'Share puts the whole session, with every action you applied, in a link that replays it to the same instant.',
  },
];

/**
 * Where the step's card goes beside its target's box: below it when there is room, else above,
 * slid sideways to stay `margin` inside the viewport. All in CSS px, viewport coordinates.
 */
export function cardPosition(
  target: { left: number; top: number; width: number; height: number } | null,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  margin = 12,
): { left: number; top: number } {
  if (!target) return { left: (viewport.width - card.width) / 2, top: (viewport.height - card.height) / 3 };
  const below = target.top + target.height + margin;
  const top =
    below + card.height <= viewport.height - margin ? below : Math.max(margin, target.top - margin - card.height);
  const centred = target.left + target.width / 2 - card.width / 2;
  const left = Math.min(Math.max(margin, centred), Math.max(margin, viewport.width - margin - card.width));
  return { left, top };
}
