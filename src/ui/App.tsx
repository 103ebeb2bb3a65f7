// The playground page (docs/architecture.md, "The page"): header with the time controls, the
// timeline, then the palette, the cluster canvas and the side panel (Inspector, Master UI, event
// log); menus, dialogs and notices float above. App provides the store and the controller once
// (PlaygroundProvider); components read the store and act through the controller from there.
import { ClusterCanvas } from './canvas/ClusterCanvas';
import { Palette } from './canvas/Palette';
import type { Controller } from './controller';
import type { BuiltinScenario } from '../scenarios';
// The places below bring their stylesheets in this order (widgets, header, timeline, side panel,
// menus, shortcuts, notices), then the session's: the cascade is written for that order.
import './widgets.css';
import { MessageToggles } from './header/MessageToggles';
import { ThemeSwitch } from './header/ThemeSwitch';
import { TimeControls } from './header/TimeControls';
import { useAppliedTheme } from './header/use-applied-theme';
import { Timeline } from './timeline/Timeline';
import { Markdown } from './side/Markdown';
import { SidePanel } from './side/SidePanel';
import { ContextMenu } from './menus/ContextMenu';
import { ShortcutsOverlay } from './shortcuts/ShortcutsOverlay';
import { useShortcuts } from './shortcuts/useShortcuts';
import { Notices } from './Notices';
import type { KeyValueStore } from '../share/autosave';
import { Branches } from './session/Branches';
import { ForkDialog } from './session/ForkDialog';
import { SessionBanner } from './session/SessionBanner';
import { ShareButton } from './session/ShareButton';
import { ImportExport } from './ImportExport';
import { ReplayProgress } from './ReplayProgress';
import { PlaygroundProvider, useController, usePlayground } from './PlaygroundProvider';
import type { PlaygroundStore } from './store';
import { lazy, Suspense, useEffect, useState } from 'react';

// The dialog brings spark-submit's parser and the scenario schema (zod): loaded when first opened,
// so the first paint does not wait for them.
const SubmitAppDialog = lazy(() => import('./submit/SubmitDialog').then((m) => ({ default: m.SubmitAppDialog })));

function ScenarioPicker({ scenarios }: { scenarios: readonly BuiltinScenario[] }) {
  const controller = useController();
  const scenarioId = usePlayground((s) => s.scenarioId);
  const name = usePlayground((s) => s.scenarioName);
  // A file's or a link's own scenario is none of the built-ins: the picker names it rather than
  // showing the first built-in as if it were loaded.
  const ready = usePlayground((s) => s.status === 'ready');
  const own = ready && !scenarios.some((s) => s.id === scenarioId);
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
        {own && (
          <option value={scenarioId} disabled>
            {name || 'Own scenario'}
          </option>
        )}
        {scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * A built-in's explanation, or the scenario's own name and description (a file's, a link's). The
 * controller names a built-in only when the scenario is that built-in, so a link claiming one never
 * gets its text beside another scenario. Both go through the same Markdown subset: React elements,
 * never HTML.
 */
function ScenarioExplanation({ scenarios }: { scenarios: readonly BuiltinScenario[] }) {
  const scenarioId = usePlayground((s) => s.scenarioId);
  const status = usePlayground((s) => s.status);
  const name = usePlayground((s) => s.scenarioName);
  const description = usePlayground((s) => s.scenarioDescription);
  const current = scenarioId ? scenarios.find((s) => s.id === scenarioId) : undefined;
  if (current) {
    return (
      <details className="explanation" data-testid="scenario-explanation" open>
        <summary>
          <strong>{current.summary}</strong>
        </summary>
        <Markdown text={current.explanation} />
      </details>
    );
  }
  if (status !== 'ready' || (!name && !description.trim())) return null;
  return (
    <details className="explanation" data-testid="scenario-description" open>
      <summary>
        <strong>{name || 'This scenario'}</strong>
      </summary>
      {description.trim() && <Markdown text={description} />}
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
  const exhausted = usePlayground((s) => s.exhausted);
  // A replay's progress says what the page is busy with, in more detail.
  const replaying = usePlayground((s) => s.progress !== null);
  if (status === 'loading') {
    if (replaying) return null;
    return (
      <p role="status" className="status-banner" data-testid="engine-status">
        Loading the scenario…
      </p>
    );
  }
  if (status === 'ready') {
    if (exhausted) {
      return (
        <div role="alert" className="banner status-banner" data-testid="run-exhausted">
          <p>{exhausted}</p>
        </div>
      );
    }
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

function Submit() {
  const open = usePlayground((s) => s.submitOpen);
  // Mounted from the first opening on (not before: its code loads then), so what the user typed
  // is still there when the dialog is opened again.
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (open) setOpened(true);
  }, [open]);
  if (!open && !opened) return null;
  return (
    <Suspense
      fallback={
        <p role="status" className="status-banner">
          Loading the submit dialog…
        </p>
      }
    >
      <SubmitAppDialog />
    </Suspense>
  );
}

export function App({
  scenarios,
  store,
  controller,
  embed = false,
  storage = null,
}: {
  scenarios: readonly BuiltinScenario[];
  store: PlaygroundStore;
  controller: Controller;
  /** `?embed`: only the canvas and the time controls, for blog posts. */
  embed?: boolean;
  storage?: KeyValueStore | null;
}) {
  return (
    <PlaygroundProvider store={store} controller={controller}>
      <Page scenarios={scenarios} embed={embed} storage={storage} />
    </PlaygroundProvider>
  );
}

function Page({
  scenarios,
  embed,
  storage,
}: {
  scenarios: readonly BuiltinScenario[];
  embed: boolean;
  storage: KeyValueStore | null;
}) {
  useAppliedTheme();
  useShortcuts();
  return (
    <div className={embed ? 'app app-embed' : 'app'}>
      <header className="app-header">
        <h1 className="brand">Spark Standalone Playground</h1>
        {!embed && <ScenarioPicker scenarios={scenarios} />}
        <TimeControls />
        {!embed && <ShareButton />}
        {!embed && <ImportExport />}
        {!embed && <Branches />}
        {!embed && <MessageToggles />}
        {!embed && <ThemeSwitch />}
      </header>
      <Timeline />
      <div className="app-body">
        {!embed && <Palette />}
        <main className="app-canvas" aria-label="Cluster">
          {/* One stack at the canvas's top, so a replay's progress, the engine's status and the
              session's banner never lie on top of each other. */}
          <div className="canvas-notices">
            <ReplayProgress />
            <StatusBanner />
            <SessionBanner storage={storage} />
          </div>
          <ClusterCanvas />
        </main>
        {!embed && (
          <aside className="app-side" aria-label="Details">
            <ScenarioExplanation scenarios={scenarios} />
            <SidePanel />
          </aside>
        )}
      </div>
      <ContextMenu />
      <ForkDialog />
      <ShortcutsOverlay />
      <Notices />
      <Submit />
    </div>
  );
}
