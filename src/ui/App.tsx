// The playground page (docs/architecture.md, "The page"): a one-row header (the scenario picker,
// the time controls, Share, the More menu), the timeline, then the palette, the cluster canvas
// with the bottom dock (the event log) under it, and the side panel (explanation, Inspector,
// Master UI), both resizable and collapsible; menus, dialogs and notices float above. App provides the store and the controller once
// (PlaygroundProvider); components read the store and act through the controller from there.
import { ClusterCanvas } from './canvas/ClusterCanvas';
import { Palette } from './canvas/Palette';
import type { Controller } from './controller';
import type { BuiltinEntry } from '../scenarios/catalogue';
// The places below bring their stylesheets in this order (widgets, header, timeline, side panel,
// menus, shortcuts, notices), then the session's: the cascade is written for that order.
import './widgets.css';
import { HeaderMenu } from './header/HeaderMenu';
import { ScenarioPicker } from './header/ScenarioPicker';
import { TimeControls } from './header/TimeControls';
import { useAppliedTheme } from './header/use-applied-theme';
import { Timeline } from './timeline/Timeline';
import { ScenarioExplanation } from './side/ScenarioExplanation';
import { SidePanel } from './side/SidePanel';
import { useShortcuts } from './shortcuts/useShortcuts';
import { Notices } from './Notices';
import type { KeyValueStore } from '../share/autosave';
import { Branches } from './session/Branches';
import { ShareButton } from './session/ShareButton';
import { PlaygroundProvider, usePlayground } from './PlaygroundProvider';
import { Dock } from './shell/Dock';
import { SidePane } from './shell/SidePane';
import { usePanes } from './shell/use-panes';
import { Legend } from './legend/Legend';
import { useGuide } from './guide/use-guide';
import type { PlaygroundStore } from './store';
import { type CSSProperties, lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { MountedOnce } from './LazyPart';

// The dialog brings spark-submit's parser and the scenario schema (zod): loaded when first opened,
// so the first paint does not wait for them.
const SubmitAppDialog = lazy(() => import('./submit/SubmitDialog').then((m) => ({ default: m.SubmitAppDialog })));
// What only a user's gesture (or a first visit) shows: the context menu, the shortcuts overlay
// and the guided start. Kept out of the page's entry script, whose size is budgeted.
const ContextMenu = lazy(() => import('./menus/ContextMenu').then((m) => ({ default: m.ContextMenu })));
const ShortcutsOverlay = lazy(() =>
  import('./shortcuts/ShortcutsOverlay').then((m) => ({ default: m.ShortcutsOverlay })),
);
// Shown only while something is under way or needs saying: a long replay's progress, what
// happened to a link or a restore. Their code comes the first time.
const ReplayProgress = lazy(() => import('./ReplayProgress').then((m) => ({ default: m.ReplayProgress })));
const SessionBanner = lazy(() => import('./session/SessionBanner').then((m) => ({ default: m.SessionBanner })));
// Asked only when an action rewrites the future (a fork).
const ForkDialog = lazy(() => import('./session/ForkDialog').then((m) => ({ default: m.ForkDialog })));
const GuidedStart = lazy(() => import('./guide/GuidedStart').then((m) => ({ default: m.GuidedStart })));

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
  scenarios: readonly BuiltinEntry[];
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
  scenarios: readonly BuiltinEntry[];
  embed: boolean;
  storage: KeyValueStore | null;
}) {
  useAppliedTheme();
  useShortcuts();
  const [panes, setPanes] = usePanes(embed ? null : storage);
  const guide = useGuide(storage, embed);
  const menuOpen = usePlayground((s) => s.menu !== null);
  const helpOpen = usePlayground((s) => s.helpOpen);
  const forkOpen = usePlayground((s) => s.forkPrompt !== null);
  const replaying = usePlayground((s) => s.progress !== null);
  const bannerShown = usePlayground((s) => s.banner !== null);
  const dock = {
    onOpenChange: useCallback((dockOpen: boolean) => setPanes({ dockOpen }), [setPanes]),
    onHeightChange: useCallback((dockHeight: number) => setPanes({ dockHeight }), [setPanes]),
  };
  const sizes = { '--side-width': `${panes.sideWidth}px`, '--dock-height': `${panes.dockHeight}px` } as CSSProperties;
  return (
    <div className={embed ? 'app app-embed' : 'app'}>
      <header className="app-header">
        <h1 className="brand">Spark Standalone Playground</h1>
        {!embed && <ScenarioPicker scenarios={scenarios} />}
        <TimeControls />
        {!embed && <ShareButton />}
        {!embed && <Branches />}
        {!embed && <HeaderMenu onGuidedStart={guide.show} />}
      </header>
      <Timeline />
      <div className={panes.sideOpen ? 'app-body' : 'app-body side-closed'} style={sizes}>
        {!embed && <Palette />}
        <div className="app-main">
          <main className="app-canvas" aria-label="Cluster">
            {/* One stack at the canvas's top, so a replay's progress, the engine's status and the
                session's banner never lie on top of each other. */}
            <div className="canvas-notices">
              <MountedOnce when={replaying} what="The replay's progress">
                <ReplayProgress />
              </MountedOnce>
              <StatusBanner />
              <MountedOnce when={bannerShown} what="The session's notice">
                <SessionBanner storage={storage} />
              </MountedOnce>
            </div>
            <ClusterCanvas />
            {!embed && <Legend />}
          </main>
          {!embed && (
            <Dock
              open={panes.dockOpen}
              height={panes.dockHeight}
              onOpenChange={dock.onOpenChange}
              onHeightChange={dock.onHeightChange}
            />
          )}
        </div>
        {!embed && (
          <SidePane
            open={panes.sideOpen}
            width={panes.sideWidth}
            onOpenChange={(sideOpen) => setPanes({ sideOpen })}
            onWidthChange={(sideWidth) => setPanes({ sideWidth })}
          >
            <ScenarioExplanation scenarios={scenarios} />
            <SidePanel />
          </SidePane>
        )}
      </div>
      <MountedOnce when={menuOpen} what="The actions menu">
        <ContextMenu />
      </MountedOnce>
      <MountedOnce when={forkOpen} what="The question about the future">
        <ForkDialog />
      </MountedOnce>
      <MountedOnce when={helpOpen} what="The list of shortcuts">
        <ShortcutsOverlay />
      </MountedOnce>
      <Notices />
      <Submit />
      {guide.open && (
        <Suspense fallback={null}>
          <GuidedStart onClose={guide.close} />
        </Suspense>
      )}
    </div>
  );
}
