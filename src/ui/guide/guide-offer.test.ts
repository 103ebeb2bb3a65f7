import { describe, expect, it } from 'vitest';
import { shouldOfferGuide } from './guide-offer';

const first = { seen: false, embed: false, fromLink: false, automated: false, asked: false };

describe('shouldOfferGuide', () => {
  it('offers itself on a first visit only', () => {
    expect(shouldOfferGuide(first)).toBe(true);
    expect(shouldOfferGuide({ ...first, seen: true })).toBe(false);
  });
  it('stays away from an embed and from a share link, even when asked', () => {
    expect(shouldOfferGuide({ ...first, embed: true, asked: true })).toBe(false);
    expect(shouldOfferGuide({ ...first, fromLink: true, asked: true })).toBe(false);
  });
  it('stays away from an automated browser unless the address asks for it', () => {
    expect(shouldOfferGuide({ ...first, automated: true })).toBe(false);
    expect(shouldOfferGuide({ ...first, automated: true, asked: true })).toBe(true);
    expect(shouldOfferGuide({ ...first, automated: true, asked: true, seen: true })).toBe(false);
  });
});
