// The "submit an application" dialog: a form for spark-submit's options and the command line they
// make, kept in step both ways (editing the line re-reads it into the form; editing the form
// rewrites the line), with Spark's own validation of the line shown under it. The logic lives in
// submit-form.ts; this file only lays it out.
import {
  type ChangeEvent,
  type FormEvent,
  type KeyboardEvent,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ModalDialog, ModalHeader } from '../ModalDialog';
import { registeredAppName } from '../../engine/public';
import { useController, usePlayground } from '../PlaygroundProvider';
import {
  argsToText,
  confRowNotes,
  type DialogState,
  defaultWorkload,
  type DriverFaultFields,
  type ExecutorFaultFields,
  formToLine,
  initialDialogState,
  lineToForm,
  masterUrlOf,
  otherOptionsText,
  type RequestField,
  type SparkDefaults,
  type SubmitForm,
  type SubmitRequest,
  textToArgs,
  toSubmitRequest,
  validate,
} from './submit-form';
import './submit-dialog.css';

export interface SubmitDialogProps {
  open: boolean;
  /** Called for Cancel, Escape and after a submit; the owner sets `open` to false. */
  onClose: () => void;
  /** The scenario's `submit` action without `at` and `type`. */
  onSubmit: (request: SubmitRequest) => void;
  /** The cluster's spark-defaults.conf now: spark-submit reads it too. */
  conf: SparkDefaults;
  /** The cluster's Master URL, e.g. spark://master:7077: the starting --master. */
  masterUrl: string;
  /** A line to start from instead of the SparkPi example. */
  defaultLine?: string;
}

/**
 * The dialog as the page shows it: open while the store says so, starting from the cluster's
 * Master URL and spark-defaults.conf; a submit goes to the controller and its outcome to a notice.
 */
export function SubmitAppDialog() {
  const controller = useController();
  const open = usePlayground((s) => s.submitOpen);
  const setOpen = usePlayground((s) => s.setSubmitOpen);
  const conf = usePlayground((s) => s.sparkConf);
  const masterUrl = usePlayground(masterUrlOf);
  const notify = usePlayground((s) => s.notify);
  return (
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
  );
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function SubmitDialog({ open, onClose, onSubmit, conf, masterUrl, defaultLine }: SubmitDialogProps) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const lineRef = useRef<HTMLTextAreaElement>(null);
  const [state, setState] = useState<DialogState>(() => initialDialogState(masterUrl, defaultLine, conf));
  const [focusConfRow, setFocusConfRow] = useState<number | undefined>(undefined);
  /** Whether the user has changed anything since the dialog (re)started from its props. */
  const [touched, setTouched] = useState(false);
  const { form, line, lineNote } = state;

  // Each opening: untouched, the dialog starts from this opening's props (the cluster may have
  // changed), and the line has focus. Only `open` triggers it: the other props are read as it opens.
  const openedRef = useRef(false);
  useEffect(() => {
    if (open && !openedRef.current) {
      if (!touched) setState(initialDialogState(masterUrl, defaultLine, conf));
      lineRef.current?.focus();
    }
    openedRef.current = open;
  }, [open, touched, masterUrl, defaultLine, conf]);

  useEffect(() => {
    if (focusConfRow === undefined) return;
    document.getElementById(`${id}-conf-${focusConfRow}-key`)?.focus();
    setFocusConfRow(undefined);
  }, [focusConfRow, id]);

  const check = useMemo(() => validate(line, conf, masterUrl), [line, conf, masterUrl]);
  const submission = useMemo(() => toSubmitRequest(form, line, conf), [form, line, conf]);
  const workloadDefault = useMemo(() => defaultWorkload(line, conf), [line, conf]);
  const rowNotes = useMemo(() => confRowNotes(form), [form]);
  const other = useMemo(() => otherOptionsText(form), [form]);
  const problems = submission.problems;
  const canSubmit = check.error === undefined && Object.keys(problems).length === 0;

  /** The line was edited: read it into the form, keep the text as typed. */
  const editLine = (text: string) => {
    const r = lineToForm(text, form, conf);
    setState({ form: r.form, line: text, lineNote: r.error });
    setTouched(true);
  };
  /** A field was edited: the line becomes the form's rendering. */
  const editForm = (patch: Partial<SubmitForm>) => {
    const next = { ...form, ...patch };
    setState({ form: next, line: formToLine(next) });
    setTouched(true);
  };
  /** Fields that are not on the line (workload, faults): the line stays as it is. */
  const editRequestFields = (patch: Partial<Pick<SubmitForm, 'workload' | 'executorFault' | 'driverFault'>>) => {
    setState({ ...state, form: { ...form, ...patch } });
    setTouched(true);
  };
  const optional = (value: string) => (value === '' ? undefined : value);

  const trapFocus = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab' || !dialogRef.current) return;
    const items = [...dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!canSubmit) return;
    onSubmit(submission.request);
    onClose();
  };

  const appName = form.mainClass !== undefined ? registeredAppName(form.mainClass, '') : '';
  const lineHelpId = `${id}-line-help`;
  const lineErrorId = `${id}-line-error`;

  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      dialogRef={dialogRef}
      keepOnBackdrop
      className="submit-dialog"
      data-testid="submit-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onKeyDown={trapFocus}
    >
      <form className="submit-dialog__form" onSubmit={submit} noValidate>
        <ModalHeader block="submit-dialog" titleId={`${id}-title`} title="Submit an application" onClose={onClose} />
        <p id={`${id}-intro`} className="submit-dialog__muted">
          The spark-submit line and the form below it are the same command: edit either one.
        </p>

        <div className="submit-dialog__line">
          <label htmlFor={`${id}-line`}>spark-submit command line</label>
          <textarea
            id={`${id}-line`}
            ref={lineRef}
            data-testid="submit-line"
            value={line}
            rows={4}
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            aria-invalid={check.error !== undefined}
            aria-describedby={`${check.error !== undefined ? `${lineErrorId} ` : ''}${lineHelpId}`}
            onChange={(e: ChangeEvent<HTMLTextAreaElement>) => editLine(e.target.value)}
          />
          {check.error !== undefined && (
            <p id={lineErrorId} role="alert" className="submit-dialog__error" data-testid="submit-error">
              {check.error}
            </p>
          )}
          <div role="status" id={lineHelpId} className="submit-dialog__status">
            {check.warnings.map((w) => (
              <p key={w} className="submit-dialog__warning">
                Warning: {w}
              </p>
            ))}
            {lineNote !== undefined && lineNote !== check.error && (
              <p className="submit-dialog__muted">The form shows the last line it could read: {lineNote}</p>
            )}
          </div>
          {other !== '' && (
            <p className="submit-dialog__muted">
              Also on the line (edit them there): <code>{other}</code>
            </p>
          )}
        </div>

        <div className="submit-dialog__grid">
          <fieldset>
            <legend>Application</legend>
            <div className="submit-dialog__field">
              <label htmlFor={`${id}-deploy-mode`}>Deploy mode (--deploy-mode)</label>
              <select
                id={`${id}-deploy-mode`}
                data-testid="submit-deploy-mode"
                value={form.deployMode}
                aria-describedby={`${id}-deploy-mode-help`}
                onChange={(e) => editForm({ deployMode: e.target.value === 'client' ? 'client' : 'cluster' })}
              >
                <option value="cluster">cluster</option>
                <option value="client">client</option>
              </select>
              <span id={`${id}-deploy-mode-help`} className="submit-dialog__hint">
                {form.deployMode === 'cluster'
                  ? 'The driver runs on a worker, started by the Master.'
                  : 'The driver runs inside spark-submit, on the client machine.'}
              </span>
            </div>
            <div className="submit-dialog__field submit-dialog__check">
              <input
                id={`${id}-supervise`}
                type="checkbox"
                data-testid="submit-supervise"
                checked={form.supervise}
                aria-describedby={`${id}-supervise-help`}
                onChange={(e) => editForm({ supervise: e.target.checked })}
              />
              <label htmlFor={`${id}-supervise`}>Restart the driver if it fails (--supervise)</label>
              <span id={`${id}-supervise-help`} className="submit-dialog__hint">
                {form.deployMode === 'cluster'
                  ? 'The worker relaunches a driver that exits non-zero.'
                  : 'Spark uses it in cluster mode only.'}
              </span>
            </div>
            <TextField
              id={`${id}-master`}
              label="Master URL (--master)"
              value={form.master}
              onChange={(v) => editForm({ master: optional(v) })}
              placeholder={masterUrl}
            />
            <TextField
              id={`${id}-class`}
              label="Main class (--class)"
              value={form.mainClass}
              onChange={(v) => editForm({ mainClass: optional(v) })}
              placeholder="org.apache.spark.examples.SparkPi"
            />
            <TextField
              id={`${id}-jar`}
              label="Application jar"
              value={form.appResource}
              onChange={(v) => editForm({ appResource: optional(v) })}
            />
            <ArgsField id={`${id}-args`} args={form.appArgs} onChange={(appArgs) => editForm({ appArgs })} />
            <TextField
              id={`${id}-name`}
              label="Name (--name)"
              value={form.name}
              onChange={(v) => editForm({ name: optional(v) })}
              placeholder={form.mainClass ?? ''}
              hint={appName !== '' ? `Its code names the application "${appName}", which wins over --name.` : undefined}
            />
          </fieldset>

          <fieldset>
            <legend>Resources</legend>
            <TextField
              id={`${id}-driver-cores`}
              testId="submit-driver-cores"
              label="Driver cores (--driver-cores)"
              value={form.driverCores}
              onChange={(v) => editForm({ driverCores: optional(v) })}
              placeholder="default: 1"
              numeric
            />
            <TextField
              id={`${id}-driver-memory`}
              testId="submit-driver-memory"
              label="Driver memory (--driver-memory)"
              value={form.driverMemory}
              onChange={(v) => editForm({ driverMemory: optional(v) })}
              placeholder="default: 1024m"
            />
            <TextField
              id={`${id}-executor-cores`}
              testId="submit-executor-cores"
              label="Executor cores (--executor-cores)"
              value={form.executorCores}
              onChange={(v) => editForm({ executorCores: optional(v) })}
              placeholder="all free cores"
              hint="Unset: each executor takes all the free cores of its worker."
              numeric
            />
            <TextField
              id={`${id}-executor-memory`}
              testId="submit-executor-memory"
              label="Executor memory (--executor-memory)"
              value={form.executorMemory}
              onChange={(v) => editForm({ executorMemory: optional(v) })}
              placeholder="default: 1g"
            />
            <TextField
              id={`${id}-total-cores`}
              testId="submit-total-cores"
              label="Total executor cores (--total-executor-cores)"
              value={form.totalExecutorCores}
              onChange={(v) => editForm({ totalExecutorCores: optional(v) })}
              placeholder="no limit"
              hint="spark.cores.max; unset: spark.deploy.defaultCores (unlimited by default)."
              numeric
            />
          </fieldset>

          <fieldset className="submit-dialog__wide">
            <legend>Spark properties (--conf)</legend>
            {form.conf.length === 0 && <p className="submit-dialog__muted">None.</p>}
            {form.conf.map((pair, i) => (
              <div className="submit-dialog__conf-row" key={i}>
                <input
                  id={`${id}-conf-${i}-key`}
                  aria-label={`--conf ${i + 1}: key`}
                  value={pair.key}
                  spellCheck={false}
                  placeholder="spark.key"
                  onChange={(e) =>
                    editForm({ conf: form.conf.map((p, j) => (j === i ? { ...p, key: e.target.value } : p)) })
                  }
                />
                <span aria-hidden="true">=</span>
                <input
                  aria-label={`--conf ${i + 1}: value`}
                  value={pair.value}
                  spellCheck={false}
                  placeholder="value"
                  aria-describedby={rowNotes[i] !== undefined ? `${id}-conf-${i}-note` : undefined}
                  onChange={(e) =>
                    editForm({ conf: form.conf.map((p, j) => (j === i ? { ...p, value: e.target.value } : p)) })
                  }
                />
                <button
                  type="button"
                  aria-label={`Remove --conf ${i + 1}`}
                  onClick={() => editForm({ conf: form.conf.filter((_, j) => j !== i) })}
                >
                  Remove
                </button>
                {rowNotes[i] !== undefined && (
                  <span id={`${id}-conf-${i}-note`} className="submit-dialog__hint submit-dialog__row-note">
                    {rowNotes[i]}
                  </span>
                )}
              </div>
            ))}
            <button
              type="button"
              onClick={() => {
                editForm({ conf: [...form.conf, { key: '', value: '' }] });
                setFocusConfRow(form.conf.length);
              }}
            >
              Add a property
            </button>
          </fieldset>

          <fieldset className="submit-dialog__wide">
            <legend>Simulation (not part of the line)</legend>
            <div className="submit-dialog__row">
              <TextField
                id={`${id}-tasks`}
                testId="submit-tasks"
                label="Tasks"
                type="number"
                min={1}
                value={form.workload.tasks}
                onChange={(tasks) => editRequestFields({ workload: { ...form.workload, tasks } })}
                placeholder={String(workloadDefault.tasks)}
                error={problems['workload.tasks']}
                hint="Blank: SparkPi's argument (its slices)."
              />
              <TextField
                id={`${id}-task-ms`}
                testId="submit-task-ms"
                label="Task duration (ms)"
                type="number"
                min={1}
                value={form.workload.taskMs}
                onChange={(taskMs) => editRequestFields({ workload: { ...form.workload, taskMs } })}
                placeholder={String(workloadDefault.taskMs)}
                error={problems['workload.taskMs']}
              />
            </div>
            <FaultFields
              id={`${id}-executor-fault`}
              who="Executors"
              kinds={[
                ['none', 'none'],
                ['launch-failure', 'fail to launch'],
                ['crash', 'crash'],
              ]}
              fault={form.executorFault}
              problems={problems}
              prefix="executorFault"
              onChange={(executorFault) => editRequestFields({ executorFault })}
            />
            <FaultFields
              id={`${id}-driver-fault`}
              who="Driver"
              kinds={[
                ['none', 'none'],
                ['crash', 'crash'],
              ]}
              fault={form.driverFault}
              problems={problems}
              prefix="driverFault"
              onChange={(driverFault) => editRequestFields({ driverFault })}
            />
          </fieldset>
        </div>

        <footer className="submit-dialog__footer">
          <button
            type="button"
            onClick={() => {
              setState(initialDialogState(masterUrl, defaultLine, conf));
              setTouched(false);
            }}
          >
            Reset
          </button>
          <span className="submit-dialog__spacer" />
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="submit-dialog__primary" data-testid="submit-button" disabled={!canSubmit}>
            Submit
          </button>
        </footer>
      </form>
    </ModalDialog>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
  testId?: string;
  placeholder?: string;
  hint?: string;
  error?: string;
  numeric?: boolean;
  type?: 'text' | 'number';
  min?: number;
}

/** A labelled text input with an optional hint and error, both tied to it for screen readers. */
function TextField({
  id,
  label,
  value,
  onChange,
  testId,
  placeholder,
  hint,
  error,
  numeric,
  type = 'text',
  min,
}: TextFieldProps) {
  const described = [error !== undefined ? `${id}-error` : '', hint !== undefined ? `${id}-hint` : '']
    .filter((s) => s !== '')
    .join(' ');
  return (
    <div className="submit-dialog__field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        min={min}
        step={type === 'number' ? 1 : undefined}
        data-testid={testId}
        value={value ?? ''}
        placeholder={placeholder}
        spellCheck={false}
        autoCapitalize="off"
        inputMode={numeric ? 'numeric' : undefined}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={described !== '' ? described : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error !== undefined && (
        <span id={`${id}-error`} className="submit-dialog__field-error">
          {error}
        </span>
      )}
      {hint !== undefined && (
        <span id={`${id}-hint`} className="submit-dialog__hint">
          {hint}
        </span>
      )}
    </div>
  );
}

/**
 * The application arguments as one shell-quoted text. The text being typed is kept as it is
 * while it splits into the form's arguments; it is rewritten only when the arguments change
 * elsewhere (the line was edited).
 */
function ArgsField({ id, args, onChange }: { id: string; args: string[]; onChange: (args: string[]) => void }) {
  const [draft, setDraft] = useState(() => argsToText(args));
  const [error, setError] = useState<string | undefined>(undefined);
  const [shown, setShown] = useState(args);
  if (!sameWords(args, shown)) {
    // The arguments changed on the line: show them (state adjusted while rendering, as React advises).
    setShown(args);
    setDraft(argsToText(args));
    setError(undefined);
  }
  const edit = (text: string) => {
    setDraft(text);
    const r = textToArgs(text);
    if (r.ok) {
      setError(undefined);
      setShown(r.args);
      onChange(r.args);
    } else {
      setError(r.error);
    }
  };
  return (
    <TextField
      id={id}
      label="Application arguments"
      value={draft}
      onChange={edit}
      error={error}
      hint="Shell words: quote an argument that has spaces."
    />
  );
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

type FaultLike = ExecutorFaultFields | DriverFaultFields;

interface FaultFieldsProps<F extends FaultLike> {
  id: string;
  who: string;
  /** The kinds offered: value and text. */
  kinds: readonly (readonly [F['kind'], string])[];
  fault: F;
  prefix: 'executorFault' | 'driverFault';
  problems: Partial<Record<RequestField, string>>;
  onChange: (fault: F) => void;
}

/** A fault to inject: its kind, and for a crash when and with which exit code. */
function FaultFields<F extends FaultLike>({ id, who, kinds, fault, prefix, problems, onChange }: FaultFieldsProps<F>) {
  const choose = (value: string) => {
    const kind = kinds.find(([k]) => k === value)?.[0];
    if (kind !== undefined) onChange({ ...fault, kind });
  };
  return (
    <div className="submit-dialog__row">
      <div className="submit-dialog__field">
        <label htmlFor={`${id}-kind`}>{who}: injected fault</label>
        <select id={`${id}-kind`} value={fault.kind} onChange={(e) => choose(e.target.value)}>
          {kinds.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </div>
      {fault.kind === 'crash' && (
        <>
          <TextField
            id={`${id}-after`}
            label={`${who}: exit after (ms)`}
            type="number"
            min={0}
            value={fault.afterMs}
            onChange={(afterMs) => onChange({ ...fault, afterMs })}
            error={problems[`${prefix}.afterMs`]}
          />
          <TextField
            id={`${id}-exit`}
            label={`${who}: exit code`}
            type="number"
            min={0}
            value={fault.exitCode}
            onChange={(exitCode) => onChange({ ...fault, exitCode })}
            error={problems[`${prefix}.exitCode`]}
          />
        </>
      )}
    </div>
  );
}
