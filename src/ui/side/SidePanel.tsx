// The side panel: Inspector and Master UI as ARIA tabs (arrow keys move between tabs, the selected
// tab's panel is the only one rendered); the event log is in the bottom dock (src/ui/shell/Dock.tsx). The Master UI asks the controller to keep
// its data fresh only while it is on screen, since reading it costs the engine a full view. A
// selection made anywhere but the event log opens the Inspector (controller.select's `reveal`).
import { type KeyboardEvent as ReactKeyboardEvent, lazy, useEffect, useId, useRef } from 'react';
import { LazyPart } from '../LazyPart';
import { useController, usePlayground } from '../PlaygroundProvider';
// Before the tabs' modules: the side panel's rules come first, as the tabs build on them.
import './side.css';
import { MasterPage } from './MasterPage';
import type { SideTab } from '../../share/session-types';
import { type PanelTab, useSidePanelTab } from '../shell/side-tab';
import { needsScrollIntoView } from './reveal';

// Nothing is selected when a scenario opens, so the Inspector is not part of the first draw: its
// code comes when first shown (the page's initial JavaScript is budgeted, README "Performance").
const Inspector = lazy(() => import('./Inspector').then((m) => ({ default: m.Inspector })));

const TABS: readonly { id: PanelTab; label: string }[] = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'master', label: 'Master UI' },
];

interface SidePanelProps {
  /** The tab shown first: the Master UI, since nothing is selected yet when a scenario loads. */
  initialTab?: SideTab;
}

export function SidePanel({ initialTab = 'master' }: SidePanelProps) {
  const controller = useController();
  // In the store, not local: the open tab is part of a shared session's view.
  const tab = useSidePanelTab();
  const setTab = usePlayground((s) => s.setSideTab);
  useEffect(() => {
    if (initialTab !== 'master') setTab(initialTab);
  }, [initialTab, setTab]);
  const selection = usePlayground((s) => s.selection);
  const baseId = useId();
  const tabRefs = useRef<Partial<Record<PanelTab, HTMLButtonElement | null>>>({});
  const rootRef = useRef<HTMLDivElement>(null);

  // A selection brought the Inspector forward: where the panel sits below the canvas (a tablet in
  // portrait) and little of it shows, scroll it up so the choice is seen. Where it sits beside the
  // canvas it is on screen already, and nothing moves.
  const reveals = usePlayground((s) => s.inspectorReveals);
  useEffect(() => {
    const el = rootRef.current;
    if (reveals === 0 || !el) return;
    if (!needsScrollIntoView(el.getBoundingClientRect(), window.innerHeight)) return;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    el.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
  }, [reveals]);

  useEffect(() => {
    if (tab !== 'master') return;
    controller.watchMasterPage(true);
    return () => controller.watchMasterPage(false);
  }, [tab, controller]);

  const onTabKey = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const moves: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = TABS[(to + TABS.length) % TABS.length];
    if (!next) return;
    // Automatic activation: the panels are cheap to switch.
    setTab(next.id);
    tabRefs.current[next.id]?.focus();
  };

  return (
    <div className="side-panel" data-testid="side-panel" ref={rootRef}>
      <div className="side-tabs" role="tablist" aria-label="Panels" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`${baseId}-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            data-testid={`tab-${t.id}`}
            className="side-tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {/* A hint of what each tab holds now, so a selection made on the canvas is noticed. */}
            {t.id === 'inspector' && selection && (
              <span className="tab-dot" aria-hidden="true" title="Something is selected" />
            )}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`${baseId}-panel-${t.id}`}
          aria-labelledby={`${baseId}-tab-${t.id}`}
          hidden={tab !== t.id}
          className={`side-tabpanel tabpanel-${t.id}`}
          tabIndex={0}
        >
          {tab === t.id && t.id === 'inspector' && (
            <LazyPart
              what="The Inspector"
              fallback={
                <p role="status" className="side-loading">
                  Loading the Inspector…
                </p>
              }
            >
              <Inspector />
            </LazyPart>
          )}
          {tab === t.id && t.id === 'master' && <MasterPage />}
        </div>
      ))}
    </div>
  );
}
