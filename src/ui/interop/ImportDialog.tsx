// The "Import" dialog: open a scenario file, or paste a real Master's /json to build a scenario of that cluster; problems are shown inline and nothing typed is lost.
import { type ChangeEvent, useId, useRef, useState } from 'react';
import { jsonErrorMessage } from '../../engine/public';
import { scenarioFromMasterJson } from '../../interop/import-master-json';
import { decodeTextFile } from '../../interop/text-file';
import { ModalDialog } from '../ModalDialog';
import './interop.css';

export interface ImportDialogProps {
  open: boolean;
  onClose(): void;
  /**
   * A parsed document, not yet validated: the caller checks it and starts it, then answers null
   * (opened: the caller closes the dialog) or the sentence saying why not, shown here.
   */
  onLoad(scenario: unknown, source: 'file'): Promise<string | null>;
}

/** Scenario files are a few kB; anything this large is not one, and parsing it would freeze the page. */
const MAX_SCENARIO_FILE_BYTES = 5 * 1024 * 1024;

type Problem = { where: 'file' | 'json'; message: string };

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function ImportDialog({ open, onClose, onLoad }: ImportDialogProps) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notes, setNotes] = useState<string[] | null>(null);

  const openFile = async (e: ChangeEvent<HTMLInputElement>) => {
    // Read before the first await: React's event object is not to be used after the handler returns.
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setProblem(null);
    setNotes(null);
    try {
      if (file.size > MAX_SCENARIO_FILE_BYTES) {
        setProblem({
          where: 'file',
          message: `${file.name} is ${Math.round(file.size / 1024 / 1024)} MB: too large for a scenario file (at most 5 MB).`,
        });
        return;
      }
      let content: string;
      try {
        // The runner's decoder: UTF-8 with or without a byte order mark, and UTF-16 as Windows saves it.
        const decoded = decodeTextFile(new Uint8Array(await file.arrayBuffer()));
        if (!decoded.ok) {
          setProblem({ where: 'file', message: `${file.name} could not be read: ${decoded.error}` });
          return;
        }
        content = decoded.text;
      } catch (err) {
        setProblem({ where: 'file', message: `${file.name} could not be read: ${messageOf(err)}` });
        return;
      }
      let doc: unknown;
      try {
        doc = JSON.parse(content) as unknown;
      } catch (err) {
        setProblem({ where: 'file', message: `${file.name} is not valid JSON: ${jsonErrorMessage(content, err)}` });
        return;
      }
      const refused = await onLoad(doc, 'file');
      if (refused !== null) setProblem({ where: 'file', message: refused });
    } finally {
      // Choosing the same file again (after fixing it) must fire `change` again.
      input.value = '';
    }
  };

  const buildFromJson = async () => {
    const r = scenarioFromMasterJson(text);
    if (!r.ok) {
      setNotes(null);
      setProblem({ where: 'json', message: r.error });
      return;
    }
    setProblem(null);
    setNotes(r.notes);
    const refused = await onLoad(r.scenario, 'file');
    if (refused !== null) setProblem({ where: 'json', message: refused });
  };

  const alert = (where: Problem['where']) =>
    problem?.where === where ? (
      <p id={`${id}-${where}-error`} role="alert" className="interop-error" data-testid="import-error">
        {problem.message}
      </p>
    ) : null;

  return (
    <ModalDialog
      className="interop-dialog"
      data-testid="import-dialog"
      aria-labelledby={`${id}-title`}
      open={open}
      onClose={onClose}
      dialogRef={dialogRef}
    >
      <div className="interop-dialog__body">
        <header className="interop-dialog__header">
          <h2 id={`${id}-title`}>Import a scenario</h2>
          <button type="button" className="interop-dialog__close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>

        <section className="interop-section" aria-labelledby={`${id}-file-title`}>
          <h3 id={`${id}-file-title`}>Open a scenario file</h3>
          <p id={`${id}-file-help`} className="interop-muted">
            A scenario saved from this playground (a <code>.json</code> file).
          </p>
          <label htmlFor={`${id}-file`} className="interop-label">
            Scenario file
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".json,application/json"
            data-testid="import-file"
            aria-describedby={problem?.where === 'file' ? `${id}-file-help ${id}-file-error` : `${id}-file-help`}
            onChange={(e) => void openFile(e)}
          />
          {alert('file')}
        </section>

        <section className="interop-section" aria-labelledby={`${id}-json-title`}>
          <h3 id={`${id}-json-title`}>Paste a Master /json</h3>
          <p id={`${id}-json-help`} className="interop-muted">
            Open <code>http://&lt;master-host&gt;:8080/json</code> of a real Spark Standalone Master, copy all of it and
            paste it here: the scenario gets that cluster&apos;s masters and ALIVE workers.
          </p>
          <label htmlFor={`${id}-json`} className="interop-label">
            Master /json
          </label>
          <textarea
            id={`${id}-json`}
            className="interop-textarea"
            data-testid="import-json-text"
            rows={8}
            spellCheck={false}
            placeholder='{"url": "spark://master:7077", "workers": [ … ] }'
            aria-describedby={problem?.where === 'json' ? `${id}-json-help ${id}-json-error` : `${id}-json-help`}
            aria-invalid={problem?.where === 'json' ? true : undefined}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <div className="interop-actions">
            <button
              type="button"
              className="primary"
              data-testid="import-json-button"
              onClick={() => void buildFromJson()}
            >
              Build scenario from /json
            </button>
          </div>
          {alert('json')}
          {notes !== null && (
            <div className="interop-notes">
              <p role="status">
                Scenario built.{' '}
                {notes.length === 0
                  ? 'Everything carried over.'
                  : `${notes.length === 1 ? 'One thing' : `${notes.length} things`} did not carry over:`}
              </p>
              {notes.length > 0 && (
                <ul data-testid="import-notes">
                  {notes.map((note, i) => (
                    // Notes are fixed for an import and may repeat: their place is their identity.
                    <li key={i}>{note}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </section>

        <footer className="interop-dialog__footer">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </footer>
      </div>
    </ModalDialog>
  );
}
