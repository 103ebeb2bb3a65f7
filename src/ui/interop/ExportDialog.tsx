// The "Run on real Spark" dialog: the generated files (docker-compose.yml, scripts, configuration) in tabs, each to copy or download, and the scenario itself as JSON.
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Scenario } from '../../engine/public';
import { downloadText, scenarioJsonFileName, scenarioJsonText, selectContents, tabAfterKey } from './dialog-helpers';
import { type ExportFile, exportForRealSpark } from '../../interop/export-real-spark';
import { ModalDialog } from '../ModalDialog';
import './interop.css';

export interface ExportDialogProps {
  open: boolean;
  onClose(): void;
  /** The scenario to export; null when none is loaded (only a message is shown). */
  scenario: Scenario | null;
}

export function ExportDialog({ open, onClose, scenario }: ExportDialogProps) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const exported = useMemo(() => {
    if (!scenario) return { bundle: null, error: '' };
    try {
      return { bundle: exportForRealSpark(scenario), error: '' };
    } catch (e) {
      // The page has no error boundary around dialogs: a failed export is a message, not a blank page.
      return { bundle: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [scenario]);
  const bundle = exported.bundle;
  const files = bundle?.files ?? [];
  const [selected, setSelected] = useState(0);
  const [status, setStatus] = useState('');
  // A message from the last opening ("Copied …") would be stale in the next one.
  useEffect(() => {
    if (open) setStatus('');
  }, [open]);
  // Another scenario may have fewer files than the tab that was selected.
  const current = Math.min(selected, Math.max(files.length - 1, 0));

  const tabId = (i: number) => `${id}-tab-${i}`;
  const panelId = (i: number) => `${id}-panel-${i}`;
  const preId = (i: number) => `${id}-pre-${i}`;

  const select = (i: number) => {
    setSelected(i);
    setStatus('');
  };

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const next = tabAfterKey(e.key, i, files.length);
    if (next === undefined) return;
    e.preventDefault();
    select(next);
    document.getElementById(tabId(next))?.focus();
  };

  const copy = async (file: ExportFile, i: number) => {
    try {
      await navigator.clipboard.writeText(file.content);
      setStatus(`Copied ${file.name} to the clipboard.`);
    } catch {
      // No clipboard (an insecure origin, a refused permission): leave the text selected instead.
      const pre = document.getElementById(preId(i));
      if (pre) selectContents(pre);
      setStatus(`The browser did not allow copying; the text of ${file.name} is selected: press Ctrl+C (⌘C on a Mac).`);
    }
  };

  const download = (name: string, text: string, mediaType: string) => {
    downloadText(name, text, mediaType, dialogRef.current ?? undefined);
    setStatus(`Downloaded ${name}.`);
  };

  return (
    <ModalDialog
      className="interop-dialog"
      data-testid="export-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      open={open}
      onClose={onClose}
      dialogRef={dialogRef}
    >
      <div className="interop-dialog__body">
        <header className="interop-dialog__header">
          <h2 id={`${id}-title`}>Run this scenario on real Spark</h2>
          <button type="button" className="interop-dialog__close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {bundle === null || scenario === null ? (
          exported.error !== '' ? (
            <p id={`${id}-intro`} role="alert" className="interop-error">
              The files could not be generated: {exported.error}
            </p>
          ) : (
            <p id={`${id}-intro`} className="interop-muted">
              No scenario is loaded, so there is nothing to export yet.
            </p>
          )
        ) : (
          <>
            <p id={`${id}-intro`} className="interop-muted">
              A Spark Standalone cluster on the official <code>{bundle.image}</code> image with Docker Compose, and
              scripts that replay the scenario&apos;s timeline. Save the files in one folder, run{' '}
              <code>docker compose up -d</code>, then <code>bash submit.sh &amp; bash faults.sh; wait</code>.
            </p>
            <p className="interop-muted" data-testid="export-real-lab">
              Or compare it with the simulation check by check: with <strong>Download scenario JSON</strong> and the
              playground&apos;s repository, <code>sudo npm run real -- {scenarioJsonFileName(scenario.name)}</code> runs
              it on real Spark 4.0 daemons on your own machine, one network namespace per host, and prints where real
              Spark and the simulation agree.
            </p>
            {bundle.notes.length > 0 && (
              <details className="interop-notes">
                <summary>What differs from the simulation ({bundle.notes.length})</summary>
                <ul>
                  {bundle.notes.map((note, i) => (
                    // Notes are fixed for a bundle and may repeat: their place is their identity.
                    <li key={i}>{note}</li>
                  ))}
                </ul>
              </details>
            )}
            <div className="interop-files">
              <div role="tablist" aria-label="Generated files" aria-orientation="vertical" className="interop-tabs">
                {files.map((f, i) => (
                  <button
                    key={f.name}
                    type="button"
                    role="tab"
                    id={tabId(i)}
                    aria-selected={i === current}
                    aria-controls={panelId(i)}
                    tabIndex={i === current ? 0 : -1}
                    className="interop-tab"
                    data-testid={`export-tab-${f.name}`}
                    onClick={() => select(i)}
                    onKeyDown={(e) => onTabKey(e, i)}
                  >
                    {f.name}
                  </button>
                ))}
              </div>
              {files.map((f, i) => (
                <section
                  key={f.name}
                  role="tabpanel"
                  id={panelId(i)}
                  aria-labelledby={tabId(i)}
                  hidden={i !== current}
                  className="interop-panel"
                  data-testid={`export-file-${f.name}`}
                >
                  <div className="interop-panel__bar">
                    <p className="interop-muted">{f.description}</p>
                    <button type="button" aria-label={`Copy ${f.name}`} onClick={() => void copy(f, i)}>
                      Copy
                    </button>
                    <button
                      type="button"
                      aria-label={`Download ${f.name}`}
                      onClick={() => download(f.name, f.content, f.mediaType)}
                    >
                      Download
                    </button>
                  </div>
                  {/* A named, focusable region so keyboard users can scroll it (a bare <pre> may not carry a label); read-only by nature. */}
                  <pre
                    id={preId(i)}
                    className="interop-pre"
                    role="region"
                    tabIndex={0}
                    aria-label={`Contents of ${f.name}`}
                  >
                    <code>{f.content}</code>
                  </pre>
                </section>
              ))}
            </div>
          </>
        )}
        <p role="status" className="interop-status">
          {status}
        </p>
        <footer className="interop-dialog__footer">
          <button
            type="button"
            data-testid="export-download-json"
            disabled={scenario === null}
            onClick={() => {
              if (scenario)
                download(scenarioJsonFileName(scenario.name), scenarioJsonText(scenario), 'application/json');
            }}
          >
            Download scenario JSON
          </button>
          <button type="button" className="primary" onClick={onClose}>
            Close
          </button>
        </footer>
      </div>
    </ModalDialog>
  );
}
