// The playground page (DESIGN.md §5): header with the time controls, the timeline, then the
// palette, the cluster canvas and the side panel (Inspector, Master UI, event log); menus,
// dialogs and notices float above. Components read the store and act through the controller.
import { ClusterCanvas } from './canvas/ClusterCanvas';
import { Palette } from './canvas/Palette';
import type { Controller } from './controller';
import { ContextMenu, Markdown, MessageToggles, Notices, ShortcutsOverlay, SidePanel, ThemeSwitch, TimeControls, Timeline, useAppliedTheme, useShortcuts } from './panels';
import type { KeyValueStore } from '../share/autosave';
import { Branches } from './session/Branches';
import { ForkDialog } from './session/ForkDialog';
import { SessionBanner } from './session/SessionBanner';
import { ShareButton } from './session/ShareButton';
import { ImportExport } from './ImportExport';
import { usePlayground } from './store';
import { lazy, Suspense, useEffect, useState } from 'react';

// The dialog brings spark-submit's parser and the scenario schema (zod): loaded when first opened,
// so the first paint does not wait for them.
const SubmitDialog = lazy(() => import('./submit/SubmitDialog').then((m) => ({ default: m.SubmitDialog })));

/** What the page needs of a built-in scenario (src/scenarios). */
export interface ScenarioEntry {
  id: string;
  title: string;
  summary: string;
  explanation: string;
  scenario: unknown;
}

function ScenarioPicker({ scenarios, controller }: { scenarios: readonly ScenarioEntry[]; controller: Controller }) {
  const scenarioId = usePlayground((s) => s.scenarioId);
  return (
    <label className="scenario-picker">
      <span>Scenario</span>
      <select
        data-testid="scenario-select"
        value={scenarioId}
        onChange={(e) => {
          const next = scenarios.find((s) => s.id === e.target.value);
          if (next) void controller.load(next.id, next.scenario);
        }}
      >
        {scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
    </label>
  );
}

function ScenarioExplanation({ scenarios }: { scenarios: readonly ScenarioEntry[] }) {
  const scenarioId = usePlayground((s) => s.scenarioId);
  const current = scenarios.find((s) => s.id === scenarioId);
  if (!current) return null;
  return (
    <details className="explanation" data-testid="scenario-explanation" open>
      <summary>
        <strong>{current.summary}</strong>
      </summary>
      <Markdown text={current.explanation} />
    </details>
  );
}

function Problems({ items }: { items: { path: string; message: string }[] }) {
  return (
    <ul>
      {items.map((e, i) => (
        <li key={i}>
          {e.path && <code>{e.path}</code>} {e.message}
        </li>
      ))}
    </ul>
  );
}

function StatusBanner() {
  const status = usePlayground((s) => s.status);
  const errors = usePlayground((s) => s.errors);
  const warnings = usePlayground((s) => s.warnings);
  if (status === 'loading') {
    return (
      <p role="status" className="status-banner" data-testid="engine-status">
        Loading the scenario…
      </p>
    );
  }
  if (status === 'ready') {
    if (warnings.length === 0) return null;
    return (
      <div role="status" className="warnings status-banner" data-testid="scenario-warnings">
        <p>The scenario loaded, with these remarks:</p>
        <Problems items={warnings} />
      </div>
    );
  }
  return (
    <div role="alert" className="banner status-banner" data-testid="engine-status" data-status={status}>
      <p>{status === 'invalid' ? 'This scenario is not valid:' : 'The engine stopped:'}</p>
      <Problems items={errors} />
    </div>
  );
}

/** spark://m1:7077,m2:7077 — what spark-submit's --master names for this cluster. */
function useMasterUrl(): string {
  return usePlayground((s) => {
    const masters = s.nodeOrder.map((id) => s.nodes[id]).filter((n) => n?.kind === 'master');
    const list = masters.map((m) => (m && m.kind === 'master' ? `${m.host}:${m.port}` : '')).join(',');
    return `spark://${list || 'master:7077'}`;
  });
}

function Submit({ controller }: { controller: Controller }) {
  const open = usePlayground((s) => s.submitOpen);
  const setOpen = usePlayground((s) => s.setSubmitOpen);
  const conf = usePlayground((s) => s.sparkConf);
  const masterUrl = useMasterUrl();
  const notify = usePlayground((s) => s.notify);
  // Mounted from the first opening on (not before: its code loads then), so what the user typed
  // is still there when the dialog is opened again.
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (open) setOpened(true);
  }, [open]);
  if (!open && !opened) return null;
  return (
    <Suspense fallback={<p role="status" className="status-banner">Loading the submit dialog…</p>}>
    <SubmitDialog
      open={open}
      onClose={() => setOpen(false)}
      conf={conf}
      masterUrl={masterUrl}
      onSubmit={(request) => {
        void controller.apply({ type: 'submit', ...request }).then((r) => {
          if (!r.ok) notify('error', r.error);
          else notify('info', 'spark-submit started');
        });
      }}
    />
    </Suspense>
  );
}

export function App({
  scenarios,
  controller,
  embed = false,
  storage = null,
}: {
  scenarios: readonly ScenarioEntry[];
  controller: Controller;
  /** `?embed`: only the canvas and the time controls, for blog posts. */
  embed?: boolean;
  storage?: KeyValueStore | null;
}) {
  useAppliedTheme();
  useShortcuts(controller);
  return (
    <div className={embed ? 'app app-embed' : 'app'}>
      <header className="app-header">
        <h1 className="brand">Spark Standalone Playground</h1>
        {!embed && <ScenarioPicker scenarios={scenarios} controller={controller} />}
        <TimeControls controller={controller} />
        {!embed && <ShareButton controller={controller} />}
        {!embed && <ImportExport controller={controller} />}
        {!embed && <Branches controller={controller} />}
        {!embed && <MessageToggles />}
        {!embed && <ThemeSwitch />}
      </header>
      <Timeline controller={controller} />
      <div className="app-body">
        {!embed && <Palette controller={controller} />}
        <main className="app-canvas" aria-label="Cluster">
          <StatusBanner />
          <SessionBanner controller={controller} storage={storage} />
          <ClusterCanvas controller={controller} />
        </main>
        {!embed && (
          <aside className="app-side" aria-label="Details">
            <ScenarioExplanation scenarios={scenarios} />
            <SidePanel controller={controller} />
          </aside>
        )}
      </div>
      <ContextMenu controller={controller} />
      <ForkDialog controller={controller} />
      <ShortcutsOverlay />
      <Notices />
      <Submit controller={controller} />
    </div>
  );
}
