// Whether the guided start is on screen: offered by itself on a first visit (guide-steps.ts),
// opened again from the More menu; closing it, however, remembers it was seen.
import { useCallback, useState } from 'react';
import type { KeyValueStore } from '../../share/autosave';
import { shareFragment } from '../../share/codec';
import { GUIDE_SEEN_KEY, shouldOfferGuide } from './guide-offer';

export function useGuide(storage: KeyValueStore | null, embed: boolean) {
  const [open, setOpen] = useState(() =>
    shouldOfferGuide({
      seen: (storage?.getItem(GUIDE_SEEN_KEY) ?? null) !== null,
      embed,
      fromLink: shareFragment(window.location.hash) !== null,
      automated: navigator.webdriver,
      asked: new URLSearchParams(window.location.search).has('tour'),
    }),
  );
  const close = useCallback(() => {
    setOpen(false);
    try {
      storage?.setItem(GUIDE_SEEN_KEY, 'seen');
    } catch {
      // Storage full or refused: it may then be offered again next visit.
    }
  }, [storage]);
  const show = useCallback(() => setOpen(true), []);
  return { open, show, close };
}
