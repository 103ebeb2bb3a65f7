// The Import and Export buttons and their dialogs (src/ui/interop), loaded on first use. An imported
// document is checked with restoreScenario before it replaces anything, so a bad file costs the
// user nothing: its problems are listed and the current session runs on.
import { lazy, Suspense, useState } from 'react';
import type { Scenario } from '../engine/public';
import type { Controller } from './controller-api';
import { usePlayground } from './store';

const ExportDialog = lazy(() => import('./interop/ExportDialog').then((m) => ({ default: m.ExportDialog })));
const ImportDialog = lazy(() => import('./interop/ImportDialog').then((m) => ({ default: m.ImportDialog })));

export function ImportExport({ controller }: { controller: Controller }) {
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
    const { restoreScenario } = await import('../engine/scenario/restore');
    const checked = restoreScenario(doc, { source: 'file' });
    if (!checked.ok) {
      const problems = checked.errors.slice(0, 3).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
      const more = checked.errors.length > 3 ? ` (and ${checked.errors.length - 3} more)` : '';
      notify('error', `This scenario cannot be opened: ${problems.join(' ')}${more} Your session is unchanged.`);
      return;
    }
    setImportOpen(false);
    await controller.load('', doc, 'file');
    notify('info', `Opened “${checked.scenario.name}”.`);
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
        {importUsed && <ImportDialog open={importOpen} onClose={() => setImportOpen(false)} onLoad={(doc) => void load(doc)} />}
        {exportScenario && <ExportDialog open={exportOpen} onClose={() => setExportOpen(false)} scenario={exportScenario} />}
      </Suspense>
    </>
  );
}
