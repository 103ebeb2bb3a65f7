// The Event log lives in the bottom dock, yet a session still names the open panel with one
// SideTab ('inspector', 'master' or 'log', as share links and autosaves have always written it).
// While 'log' is the open panel, the side panel goes on showing the tab it showed last.
import { useState } from 'react';
import type { SideTab } from '../../share/session-types';
import { usePlayground } from '../PlaygroundProvider';

/** The side panel's own tabs: every SideTab but the log. */
export type PanelTab = Exclude<SideTab, 'log'>;

/** The tab the side panel shows: the session's, or the last one shown while the log is the open panel. */
export function useSidePanelTab(): PanelTab {
  const tab = usePlayground((s) => s.sideTab);
  const [last, setLast] = useState<PanelTab>(tab === 'log' ? 'master' : tab);
  if (tab !== 'log' && tab !== last) setLast(tab);
  return tab === 'log' ? last : tab;
}
