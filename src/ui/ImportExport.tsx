// The Import and Export buttons and their dialogs (src/ui/interop), loaded on first use. An imported
// document is checked (its nesting, then src/interop/import-check.ts) and started by the engine
// before it replaces anything, so a bad file costs the user nothing: its problems are listed in
// the dialog and the current session runs on.
import { lazy, Suspense, useState } from 'react';
import type { Scenario } from '../engine/public';
import { problemsSentence } from './controller';
import { nestedDeeperThan } from './interop/dialog-helpers';
import { useController, usePlayground } from './PlaygroundProvider';

/** Deeper than any scenario (its deepest field is a few levels down): refused before it is parsed further. */
const MAX_NESTING = 32;

const ExportDialog = lazy(() => import('./interop/ExportDialog').then((m) => ({ default: m.ExportDialog })));
const ImportDialog = lazy(() => import('./interop/ImportDialog').then((m) => ({ default: m.ImportDialog })));

export function ImportExport() {
  const controller = useController();
  const ready = usePlayground((s) => s.status === 'ready');
  const notify = usePlayground((s) => s.notify);
  const [importOpen, setImportOpen] = useState(false);
  const [importUsed, setImportUsed] = useState(false);
  const [exportScenario, setExportScenario] = useState<Scenario | null>(null);
  const [exportOpen, setExportOpen] = useState(false);

  const openExport = async () => {
    const session = await controller.session();
    if (!session) return;
    setExportScenario(session.scenario as Scenario);
    setExportOpen(true);
  };

  /** Null once the document replaced the session; otherwise why not, for the dialog to show. */
  const load = async (doc: unknown): Promise<string | null> => {
    try {
      if (nestedDeeperThan(doc, MAX_NESTING))
        return `This file cannot be opened: it nests more than ${MAX_NESTING} levels deep, and a scenario is only a few levels deep. Your session is unchanged.`;
      const { checkImportedScenario } = await import('../interop/import-check');
      const checked = checkImportedScenario(doc);
      if (!checked.ok) return checked.message;
      const outcome = await controller.load('', doc, 'file');
      if (!outcome.ok)
        return `This scenario cannot be opened: ${problemsSentence(outcome.errors)} Your session is unchanged.`;
      setImportOpen(false);
      notify('info', `Opened “${checked.name}”.`);
      return null;
    } catch (err) {
      return `This file cannot be opened: ${err instanceof Error ? err.message : String(err)}. Your session is unchanged.`;
    }
  };

  return (
    <>
      <button
        type="button"
        data-testid="open-import"
        onClick={() => {
          setImportUsed(true);
          setImportOpen(true);
        }}
      >
        Import
      </button>
      <button type="button" data-testid="open-export" disabled={!ready} onClick={() => void openExport()}>
        Export
      </button>
      <Suspense fallback={null}>
        {importUsed && <ImportDialog open={importOpen} onClose={() => setImportOpen(false)} onLoad={load} />}
        {exportScenario && (
          <ExportDialog open={exportOpen} onClose={() => setExportOpen(false)} scenario={exportScenario} />
        )}
      </Suspense>
    </>
  );
}
