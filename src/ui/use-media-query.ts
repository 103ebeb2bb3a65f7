// One hook for CSS media queries (the OS's dark mode, reduced motion): whether `query` matches,
// kept current through the MediaQueryList's change event. Server rendering (the tests) sees false.
import { useCallback, useSyncExternalStore } from 'react';

/** The OS asks for a dark theme. */
export const DARK_SCHEME_QUERY = '(prefers-color-scheme: dark)';
/** The OS asks for less motion. */
export const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}
