// When the guided start offers itself. Shown once, on a first visit: not in an embedded page (a
// reader of a blog post did not come to learn the tool), not when the visit opens a share link
// (its sender chose what to show), and not in an automated browser (a test or the benchmark sees
// the page as a returning user would) unless the address asks for it with `?tour`. Apart from the
// steps, which load with the guided start itself.

export const GUIDE_SEEN_KEY = 'spark-playground.guided-start';

export interface GuideConditions {
  /** The guided start was finished or skipped before, in this browser. */
  seen: boolean;
  embed: boolean;
  /** The address holds a share link. */
  fromLink: boolean;
  /** navigator.webdriver: a test or benchmark drives the browser. */
  automated: boolean;
  /** `?tour` in the address. */
  asked: boolean;
}

export function shouldOfferGuide(c: GuideConditions): boolean {
  if (c.embed || c.seen || c.fromLink) return false;
  return !c.automated || c.asked;
}
