// The Import and Export buttons and their dialogs (src/ui/interop), loaded on first use. An imported
// document is checked (src/interop/import-check.ts) before it replaces anything, so a bad file
// costs the user nothing: its problems are listed and the current session runs on.
import { lazy, Suspense, useState } from 'react';
import type { Scenario } from '../engine/public';
import { useController, usePlayground } from './PlaygroundProvider';

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

  const load = async (doc: unknown) => {
    const { checkImportedScenario } = await import('../interop/import-check');
    const checked = checkImportedScenario(doc);
    if (!checked.ok) {
      notify('error', checked.message);
      return;
    }
    setImportOpen(false);
    await controller.load('', doc, 'file');
    notify('info', `Opened “${checked.name}”.`);
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
        {importUsed && (
          <ImportDialog open={importOpen} onClose={() => setImportOpen(false)} onLoad={(doc) => void load(doc)} />
        )}
        {exportScenario && (
          <ExportDialog open={exportOpen} onClose={() => setExportOpen(false)} scenario={exportScenario} />
        )}
      </Suspense>
    </>
  );
}
