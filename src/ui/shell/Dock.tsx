// The bottom dock, under the canvas: views that want the canvas's width rather than the side
// panel's height. It holds the Event log now, as tabs so the views to come (a space-time diagram,
// metrics plots) are more tabs here. Collapsed it is one bar with the log's line count; open it is
// as tall as the user dragged it. The log being open is what a session calls its 'log' panel, so
// a share link or an autosave that had the log open opens the dock on it.
import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { usePlayground } from '../PlaygroundProvider';
import type { LogFilterState } from '../side/EventLog';
import { DOCK_HEIGHT } from './pane-prefs';
import { useSidePanelTab } from './side-tab';
import { Splitter } from './Splitter';

const DockLog = lazy(() => import('./DockLog').then((m) => ({ default: m.DockLog })));

interface DockProps {
  open: boolean;
  height: number;
  onOpenChange(open: boolean): void;
  onHeightChange(height: number): void;
}

export function Dock({ open, height, onOpenChange, onHeightChange }: DockProps) {
  const sideTab = usePlayground((s) => s.sideTab);
  const setSideTab = usePlayground((s) => s.setSideTab);
  const logCount = usePlayground((s) => s.logs.length);
  const panelTab = useSidePanelTab();
  // Here, not in the log: the filter outlives the dock being collapsed.
  const [logFilter, setLogFilter] = useState<LogFilterState | null>(null);
  const baseId = useId();
  const panelId = `${baseId}-log`;

  useEffect(() => {
    if (sideTab === 'log') onOpenChange(true);
  }, [sideTab, onOpenChange]);

  const collapse = () => {
    // The log is no longer the open panel: the session names the side panel's tab again.
    if (sideTab === 'log') setSideTab(panelTab);
    onOpenChange(false);
  };

  return (
    <section className={open ? 'dock dock-open' : 'dock'} aria-label="Dock" data-testid="dock">
      {open && (
        <Splitter
          orientation="horizontal"
          pane="after"
          value={height}
          range={DOCK_HEIGHT}
          label="Dock height"
          controls={panelId}
          testId="dock-splitter"
          onChange={onHeightChange}
          onCollapse={collapse}
        />
      )}
      <div className="dock-bar">
        <div role="tablist" aria-label="Dock views" className="dock-tabs">
          <button
            type="button"
            role="tab"
            id={`${baseId}-tab-log`}
            aria-selected={open}
            aria-controls={panelId}
            className="side-tab dock-tab"
            data-testid="tab-log"
            onClick={() => {
              onOpenChange(true);
              setSideTab('log');
            }}
          >
            Event log
            {logCount > 0 && <span className="tab-hint"> {logCount}</span>}
          </button>
        </div>
        <button
          type="button"
          className="dock-toggle"
          data-testid="dock-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          title={open ? 'Collapse the dock' : 'Open the dock'}
          onClick={() => (open ? collapse() : onOpenChange(true))}
        >
          <span aria-hidden="true">{open ? '▾' : '▴'}</span>
          <span className="visually-hidden">{open ? 'Collapse the dock' : 'Open the dock'}</span>
        </button>
      </div>
      <div
        role="tabpanel"
        id={panelId}
        aria-labelledby={`${baseId}-tab-log`}
        hidden={!open}
        className="side-tabpanel tabpanel-log dock-panel"
        style={{ height }}
      >
        {open && (
          <Suspense fallback={<p className="dock-loading">Loading the log…</p>}>
            <DockLog filter={logFilter} onFilterChange={setLogFilter} />
          </Suspense>
        )}
      </div>
    </section>
  );
}
