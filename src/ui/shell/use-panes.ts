// The panes' sizes and open states as React state, read from and written back to the browser's
// storage (pane-prefs.ts) on every change: a drag writes a few dozen short strings, no more.
import { useCallback, useEffect, useState } from 'react';
import type { KeyValueStore } from '../../share/autosave';
import { PANE_PREFS_KEY, type PanePrefs, readPanePrefs } from './pane-prefs';

export function usePanes(storage: KeyValueStore | null): [PanePrefs, (patch: Partial<PanePrefs>) => void] {
  const [panes, setPanes] = useState(() => readPanePrefs(storage?.getItem(PANE_PREFS_KEY) ?? null));
  useEffect(() => {
    try {
      storage?.setItem(PANE_PREFS_KEY, JSON.stringify(panes));
    } catch {
      // Storage full or refused: the panes are then as left for this visit only.
    }
  }, [panes, storage]);
  // Unchanged values keep the same object, so a repeated "open" does not render again.
  const update = useCallback(
    (patch: Partial<PanePrefs>) =>
      setPanes((p) =>
        (Object.keys(patch) as (keyof PanePrefs)[]).every((k) => p[k] === patch[k]) ? p : { ...p, ...patch },
      ),
    [],
  );
  return [panes, update];
}
