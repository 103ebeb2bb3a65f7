// Import and Export and their dialogs (src/ui/interop), loaded on first use. A hook, so the header
// can put the two commands in its More menu while the dialogs stay mounted outside it (a menu
// that closes must not take an open dialog, or what it was loading, with it). An imported
// document is checked in the page (src/interop/import-check.ts: restoreScenario, whose first
// question is how deep it nests, so a document too deep to hand to the worker never is) and then
// started by the engine before it replaces anything, so a bad file costs the user nothing: its
// problems are listed in the dialog and the current session runs on.
import { lazy, type ReactNode, Suspense, useState } from 'react';
import type { Scenario } from '../engine/public';
import { problemsSentence } from '../interop/problems';
import { useController, usePlayground } from './PlaygroundProvider';

const ExportDialog = lazy(() => import('./interop/ExportDialog').then((m) => ({ default: m.ExportDialog })));
const ImportDialog = lazy(() => import('./interop/ImportDialog').then((m) => ({ default: m.ImportDialog })));

export interface ImportExportCommands {
  /** Export needs a loaded session. */
  ready: boolean;
  openImport(): void;
  openExport(): Promise<void>;
  /** The dialogs, to mount where no menu hides them. */
  dialogs: ReactNode;
}

export function useImportExport(): ImportExportCommands {
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

  return {
    ready,
    openImport: () => {
      setImportUsed(true);
      setImportOpen(true);
    },
    openExport,
    dialogs: (
      <Suspense fallback={null}>
        {importUsed && <ImportDialog open={importOpen} onClose={() => setImportOpen(false)} onLoad={load} />}
        {exportScenario && (
          <ExportDialog open={exportOpen} onClose={() => setExportOpen(false)} scenario={exportScenario} />
        )}
      </Suspense>
    ),
  };
}
