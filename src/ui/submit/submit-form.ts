// The model behind the "submit an application" dialog, without React: the form's fields, the
// spark-submit line they stand for (written and read with the engine's own spark-submit model, so
// quoting and option parsing are the engine's), Spark's verdict on a line, and the scenario
// `submit` action the dialog hands over.
import {
  DEFAULT_MASTER_HOST,
  DEFAULT_MASTER_PORT,
  DEFAULT_SPARK_HOME,
  DEFAULT_SPARK_VERSION,
  DEFAULT_TASK_MS,
  SPARK_PI_DEFAULT_SLICES,
  actionSchemas,
  checkSubmitCommand,
  isSparkPi,
  parseSparkSubmit,
  parseStandaloneMasterUrls,
  parseSubmitCommandLine,
  renderSparkSubmit,
  restAddressFromSparkUrl,
  shellQuote,
  splitShellWords,
  type Action,
  type DeployMode,
  type DriverFault,
  type ExecutorFault,
  type NodeView,
  type SubmitCheck,
  type SubmitCommandLine,
  type Workload,
} from '../../engine/public';

// =============================================================================================
// The form

/** spark-defaults.conf as the cluster has it (what spark-submit reads besides the line). */
export type SparkDefaults = Readonly<Record<string, string>>;

/** The scenario's `submit` action without `at` and `type`: what the dialog submits. */
export type SubmitRequest = Omit<Extract<Action, { type: 'submit' }>, 'at' | 'type'>;

/** The options of the line that have a field of their own in the form. */
type FormOption =
  | 'master'
  | 'deployMode'
  | 'mainClass'
  | 'name'
  | 'supervise'
  | 'driverMemory'
  | 'driverCores'
  | 'executorMemory'
  | 'executorCores'
  | 'totalExecutorCores'
  | 'conf'
  | 'primaryResource'
  | 'appArgs';

/**
 * Everything else the engine's parser reads from a line (program word, `NAME=value` prefix,
 * --jars, --verbose, --driver-java-options…): the form has no field for it but writes it back.
 */
export type OtherOptions = Omit<SubmitCommandLine, FormOption>;

/** One --conf pair as the form edits it. */
export interface ConfPair {
  key: string;
  value: string;
}

/** Raw input text; '' leaves the value to the engine's default. */
export interface WorkloadFields {
  tasks: string;
  taskMs: string;
}

export interface ExecutorFaultFields {
  kind: 'none' | ExecutorFault['kind'];
  /** Raw input text (crash only). */
  afterMs: string;
  exitCode: string;
}

export interface DriverFaultFields {
  kind: 'none' | DriverFault['kind'];
  afterMs: string;
  exitCode: string;
}

/**
 * The dialog's fields. Option values are the strings the line carries, unchecked, so that Spark
 * (not the form) judges them; `undefined` means the option is not on the line.
 */
export interface SubmitForm {
  deployMode: DeployMode;
  supervise: boolean;
  /** --master */
  master?: string;
  /** --class */
  mainClass?: string;
  /** The primary resource (application jar). */
  appResource?: string;
  appArgs: string[];
  /** --name */
  name?: string;
  driverCores?: string;
  driverMemory?: string;
  /** --executor-cores; unset: each executor takes all free cores of its worker. */
  executorCores?: string;
  executorMemory?: string;
  /** --total-executor-cores (spark.cores.max). */
  totalExecutorCores?: string;
  /** --conf pairs in line order; a later pair for the same key wins, as in Spark. */
  conf: ConfPair[];
  /** The other options the engine's parser knows, written back unchanged. */
  rest: OtherOptions;
  /**
   * Words the engine's parser refuses as options (`--frobnicate`, `-Z`), kept verbatim and written
   * just before the application jar, so Spark's own "Unrecognized option" error stays visible.
   */
  extraArgs: string[];
  /** Not on the line: the simulated application's work and its injected failures. */
  workload: WorkloadFields;
  executorFault: ExecutorFaultFields;
  driverFault: DriverFaultFields;
}

/** The bundled example the dialog starts with (see engine/spark/examples.ts). */
export const SPARK_PI_CLASS = 'org.apache.spark.examples.SparkPi';
/** Where the examples jar is in a Spark distribution at $SPARK_HOME. */
export const SPARK_EXAMPLES_JAR = `${DEFAULT_SPARK_HOME}/examples/jars/spark-examples_2.13-${DEFAULT_SPARK_VERSION}.jar`;
/** SparkPi's argument in the dialog's starting line: the number of slices (tasks). */
export const DEFAULT_SPARK_PI_SLICES = '100';
export const DEFAULT_MASTER_URL = `spark://${DEFAULT_MASTER_HOST}:${DEFAULT_MASTER_PORT}`;

/** The environment the engine splits a line with ($SPARK_HOME is the simulator's Spark home). */
const SHELL_ENV: Readonly<Record<string, string>> = { SPARK_HOME: DEFAULT_SPARK_HOME };

function emptyOtherOptions(): OtherOptions {
  return {
    program: 'spark-submit',
    env: {},
    loadSparkDefaults: false,
    verbose: false,
    help: false,
    version: false,
    usageError: false,
  };
}

/** spark://m1:7077,m2:7077 — what spark-submit's --master names for the cluster's Masters. */
export function masterUrlOf(cluster: {
  nodeOrder: readonly string[];
  nodes: Readonly<Record<string, NodeView | undefined>>;
}): string {
  const list = cluster.nodeOrder
    .map((id) => cluster.nodes[id])
    .map((m) => (m?.kind === 'master' ? `${m.host}:${m.port}` : ''))
    .filter((hostPort) => hostPort !== '')
    .join(',');
  return `spark://${list || 'master:7077'}`;
}

/** The starting form: SparkPi from the examples jar, in cluster mode, against `masterUrl`. */
export function defaultSubmitForm(masterUrl: string = DEFAULT_MASTER_URL): SubmitForm {
  return {
    deployMode: 'cluster',
    supervise: false,
    master: masterUrl,
    mainClass: SPARK_PI_CLASS,
    appResource: SPARK_EXAMPLES_JAR,
    appArgs: [DEFAULT_SPARK_PI_SLICES],
    conf: [],
    rest: emptyOtherOptions(),
    extraArgs: [],
    workload: { tasks: '', taskMs: '' },
    executorFault: { kind: 'none', afterMs: '2000', exitCode: '1' },
    driverFault: { kind: 'none', afterMs: '2000', exitCode: '1' },
  };
}

// =============================================================================================
// Form → line

/**
 * Driver flags that the launcher turns into a --conf key: the flag and the key share one slot, so
 * the later of the two on a line wins (engine/spark/submit/launcher.ts, LAUNCHER_CONF_FLAGS). The form
 * lets the flag win: a --conf pair for the same key is not written while the flag is set.
 */
export const LAUNCHER_CONF_SLOTS: readonly { flag: string; field: keyof SubmitCommandLine; key: string }[] = [
  { flag: '--driver-memory', field: 'driverMemory', key: 'spark.driver.memory' },
  { flag: '--driver-java-options', field: 'driverJavaOptions', key: 'spark.driver.extraJavaOptions' },
  { flag: '--driver-library-path', field: 'driverLibraryPath', key: 'spark.driver.extraLibraryPath' },
  { flag: '--driver-class-path', field: 'driverClassPath', key: 'spark.driver.extraClassPath' },
  { flag: '--driver-default-class-path', field: 'driverDefaultClassPath', key: 'spark.driver.defaultExtraClassPath' },
];

/** Java's `pair.split("=", 2)` on `key=value`, as Spark reads the --conf word the form writes. */
function confWord(pair: ConfPair): [string, string] {
  const word = `${pair.key}=${pair.value}`;
  const eq = word.indexOf('=');
  return [word.slice(0, eq), word.slice(eq + 1)];
}

/** Whether a row is an empty one the user has just added (not written to the line). */
function isBlankRow(pair: ConfPair): boolean {
  return pair.key === '' && pair.value === '';
}

/** The command line the form stands for, before it is written out. */
function formCommandLine(form: SubmitForm): SubmitCommandLine {
  const cl: SubmitCommandLine = {
    ...form.rest,
    master: form.master,
    deployMode: form.deployMode,
    name: form.name,
    mainClass: form.mainClass,
    supervise: form.supervise,
    driverMemory: form.driverMemory,
    driverCores: form.driverCores,
    executorMemory: form.executorMemory,
    executorCores: form.executorCores,
    totalExecutorCores: form.totalExecutorCores,
    conf: {},
    appArgs: [],
  };
  const conf = new Map<string, string>();
  for (const pair of form.conf) {
    if (isBlankRow(pair)) continue;
    const [k, v] = confWord(pair);
    conf.delete(k); // a later pair replaces the earlier one and takes its place in the order
    conf.set(k, v);
  }
  const fields = cl as unknown as Record<string, unknown>;
  for (const slot of LAUNCHER_CONF_SLOTS) if (fields[slot.field] !== undefined) conf.delete(slot.key);
  cl.conf = Object.fromEntries(conf);
  return cl;
}

/**
 * The spark-submit line for a form, written by the engine's renderSparkSubmit (options in its
 * fixed order, words quoted with its shellQuote); unknown words, the jar and its arguments last.
 */
export function formToLine(form: SubmitForm): string {
  const tail = [...form.extraArgs, ...(form.appResource === undefined ? [] : [form.appResource]), ...form.appArgs];
  return [renderSparkSubmit(formCommandLine(form)), ...tail.map(shellQuote)].join(' ');
}

/**
 * For each --conf row, why it is not on the line the form writes (undefined when it is): a later
 * row for the same key, or a driver flag sharing its launcher slot.
 */
export function confRowNotes(form: SubmitForm): (string | undefined)[] {
  const lastRowOfKey = new Map<string, number>();
  form.conf.forEach((pair, i) => {
    if (!isBlankRow(pair)) lastRowOfKey.set(confWord(pair)[0], i);
  });
  const fields = { ...form.rest, driverMemory: form.driverMemory } as unknown as Record<string, unknown>;
  return form.conf.map((pair, i) => {
    if (isBlankRow(pair)) return undefined;
    const [k] = confWord(pair);
    const slot = LAUNCHER_CONF_SLOTS.find((s) => s.key === k && fields[s.field] !== undefined);
    if (slot) return `Not written: ${slot.flag} sets ${k} and wins.`;
    if (lastRowOfKey.get(k) !== i) return `Not written: a later --conf sets ${k}.`;
    return undefined;
  });
}

// =============================================================================================
// Line → form

export interface LineToFormResult {
  form: SubmitForm;
  /** Why the form could not take (all of) the line; the form keeps those parts of previousForm. */
  error?: string;
}

const UNRECOGNIZED = 'Unrecognized option: ';

/** The engine's reading of a list of words (quoted back into a line it splits the same way). */
function readWords(words: readonly string[]): ReturnType<typeof parseSubmitCommandLine> {
  return parseSubmitCommandLine(words.map(shellQuote).join(' '));
}

/** The index of the word the engine refuses as an unknown option: the shortest failing prefix. */
function unknownOptionIndex(words: readonly string[]): number | undefined {
  for (let k = 1; k <= words.length; k++) {
    const r = readWords(words.slice(0, k));
    if (!r.ok && r.error.startsWith(UNRECOGNIZED)) return k - 1;
  }
  return undefined;
}

/**
 * Spark's deploy mode for a line without --deploy-mode: spark.submit.deployMode from --conf, then
 * from spark-defaults.conf, then $DEPLOY_MODE, then client (SparkSubmitArguments).
 */
function effectiveDeployMode(cl: SubmitCommandLine, defaults: SparkDefaults): string {
  return (
    cl.deployMode ??
    cl.conf['spark.submit.deployMode'] ??
    defaults['spark.submit.deployMode']?.trim() ??
    cl.env.DEPLOY_MODE ??
    'client'
  );
}

/**
 * Reads a line into the form with the engine's parser. Options the parser does not know are kept
 * in `extraArgs`; the workload and faults (not on the line) come from `previousForm`. When the line
 * cannot be read (shell syntax, an option without its value…), the result is `previousForm` and
 * the parser's message.
 */
export function lineToForm(
  line: string,
  previousForm: SubmitForm = defaultSubmitForm(),
  defaults: SparkDefaults = {},
): LineToFormResult {
  const split = splitShellWords(line, SHELL_ENV);
  if (!split.ok) return { form: previousForm, error: split.error };
  let words = split.words;
  const extraArgs: string[] = [];
  for (;;) {
    const r = readWords(words);
    if (r.ok) return fromCommandLine(r.commandLine, extraArgs, previousForm, defaults);
    const at = r.error.startsWith(UNRECOGNIZED) ? unknownOptionIndex(words) : undefined;
    if (at === undefined) return { form: previousForm, error: r.error };
    extraArgs.push(words[at] ?? '');
    words = words.filter((_, i) => i !== at);
  }
}

function fromCommandLine(
  cl: SubmitCommandLine,
  extraArgs: string[],
  previousForm: SubmitForm,
  defaults: SparkDefaults,
): LineToFormResult {
  const {
    master,
    deployMode: _deployMode,
    mainClass,
    name,
    supervise,
    driverMemory,
    driverCores,
    executorMemory,
    executorCores,
    totalExecutorCores,
    conf,
    primaryResource,
    appArgs,
    ...rest
  } = cl;
  const mode = effectiveDeployMode(cl, defaults);
  const known = mode === 'client' || mode === 'cluster';
  const form: SubmitForm = {
    deployMode: known ? mode : previousForm.deployMode,
    supervise,
    master,
    mainClass,
    appResource: primaryResource,
    appArgs: [...appArgs],
    name,
    driverCores,
    driverMemory,
    executorCores,
    executorMemory,
    totalExecutorCores,
    conf: Object.entries(conf).map(([key, value]) => ({ key, value })),
    rest,
    extraArgs,
    workload: previousForm.workload,
    executorFault: previousForm.executorFault,
    driverFault: previousForm.driverFault,
  };
  if (known) return { form };
  return {
    form,
    error: `The form cannot show the deploy mode "${mode}" (Spark knows only client and cluster); it keeps ${form.deployMode}.`,
  };
}

// =============================================================================================
// Helpers for the fields

/** Application arguments as one shell-quoted text (for a single input). */
export function argsToText(args: readonly string[]): string {
  return args.map(shellQuote).join(' ');
}

/** The words of an arguments text, split as the engine splits a line. */
export function textToArgs(text: string): { ok: true; args: string[] } | { ok: false; error: string } {
  const split = splitShellWords(text, SHELL_ENV);
  return split.ok ? { ok: true, args: split.words } : split;
}

/**
 * The options of the line the form has no field for, as they are written (environment prefix
 * first, unknown words last); '' when there are none.
 */
export function otherOptionsText(form: SubmitForm): string {
  const cl: SubmitCommandLine = {
    ...form.rest,
    program: 'spark-submit',
    env: {},
    supervise: false,
    conf: {},
    appArgs: [],
  };
  const split = splitShellWords(renderSparkSubmit(cl), SHELL_ENV);
  const options = split.ok ? split.words.slice(1) : [];
  const env = Object.entries(form.rest.env).map(([k, v]) => `${k}=${shellQuote(v)}`);
  return [...env, ...[...options, ...form.extraArgs].map(shellQuote)].join(' ');
}

// =============================================================================================
// Spark's verdict

/**
 * Spark's verdict on a line with the cluster's spark-defaults.conf (checkSubmitCommand: Spark's
 * own error and warning texts). With `masterUrl`, a warning is added for each Master host the line
 * would contact that is not one of that URL's.
 */
export function validate(line: string, conf: SparkDefaults, masterUrl?: string): SubmitCheck {
  const check = checkSubmitCommand(line, conf);
  if (masterUrl === undefined || check.error !== undefined) return check;
  const known = parseStandaloneMasterUrls(masterUrl).flatMap((u) => restAddressFromSparkUrl(u)?.host ?? []);
  const warnings = [...check.warnings];
  for (const h of new Set(check.masterHosts)) {
    if (!known.includes(h)) {
      warnings.push(
        `spark-submit will contact a Master on "${h}", which is not this cluster's Master (${masterUrl}), so the submission will fail.`,
      );
    }
  }
  return { ...check, warnings };
}

/**
 * The workload the engine gives an application without one (actions.ts behaviourOf): SparkPi's
 * first argument as its number of tasks (else its default slices), DEFAULT_TASK_MS each. For a
 * line Spark refuses, the main class and arguments as written are used (for the form's hints).
 */
export function defaultWorkload(line: string, conf: SparkDefaults): Workload {
  const r = parseSparkSubmit(line, conf);
  const written = r.ok ? undefined : parseSubmitCommandLine(line);
  const program = r.ok ? r.submit : written?.ok ? written.commandLine : undefined;
  const first = program?.appArgs[0];
  const slices =
    program !== undefined && isSparkPi(program.mainClass ?? '') && first !== undefined
      ? Number.parseInt(first, 10)
      : NaN;
  return { tasks: Number.isFinite(slices) && slices > 0 ? slices : SPARK_PI_DEFAULT_SLICES, taskMs: DEFAULT_TASK_MS };
}

/** The form fields the scenario format checks, named by their path in the submit action. */
export type RequestField =
  | 'workload.tasks'
  | 'workload.taskMs'
  | 'executorFault.afterMs'
  | 'executorFault.exitCode'
  | 'driverFault.afterMs'
  | 'driverFault.exitCode';

export interface SubmitRequestResult {
  request: SubmitRequest;
  /** The scenario format's complaints about the workload and fault fields (none: submittable). */
  problems: Partial<Record<RequestField, string>>;
}

const REQUEST_FIELDS: readonly RequestField[] = [
  'workload.tasks',
  'workload.taskMs',
  'executorFault.afterMs',
  'executorFault.exitCode',
  'driverFault.afterMs',
  'driverFault.exitCode',
];

/** The field a schema issue belongs to (an issue about a whole object goes to its first field). */
function requestFieldOf(path: string): RequestField {
  return (
    REQUEST_FIELDS.find((f) => f === path) ??
    REQUEST_FIELDS.find((f) => f.startsWith(`${path.split('.')[0] ?? ''}.`)) ??
    'workload.tasks'
  );
}

/** A raw number field as the scenario format will see it: '' is missing, non-numbers stay text. */
function numberOf(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/**
 * The `submit` action the form stands for, with `command` = `line` (the text as shown). The
 * workload and faults are checked with the scenario format's own schema and messages; a workload
 * with one field left blank takes the engine's default for it.
 */
export function toSubmitRequest(form: SubmitForm, line: string, conf: SparkDefaults): SubmitRequestResult {
  const raw: Record<string, unknown> = { at: 0, type: 'submit', command: line.trim() };
  const { tasks, taskMs } = form.workload;
  if (tasks.trim() !== '' || taskMs.trim() !== '') {
    const fallback = defaultWorkload(line, conf);
    raw.workload = { tasks: numberOf(tasks) ?? fallback.tasks, taskMs: numberOf(taskMs) ?? fallback.taskMs };
  }
  const ef = form.executorFault;
  if (ef.kind === 'launch-failure') raw.executorFault = { kind: 'launch-failure' };
  if (ef.kind === 'crash')
    raw.executorFault = { kind: 'crash', afterMs: numberOf(ef.afterMs), exitCode: numberOf(ef.exitCode) };
  const df = form.driverFault;
  if (df.kind === 'crash')
    raw.driverFault = { kind: 'crash', afterMs: numberOf(df.afterMs), exitCode: numberOf(df.exitCode) };

  const parsed = actionSchemas.submit.safeParse(raw);
  if (parsed.success) {
    const { at: _at, type: _type, ...request } = parsed.data;
    return { request, problems: {} };
  }
  const problems: Partial<Record<RequestField, string>> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    if (path === 'command') continue; // the line is judged by Spark (validate)
    problems[requestFieldOf(path)] ??= issue.message;
  }
  const request: SubmitRequest = { command: line.trim() };
  return { request, problems };
}

// =============================================================================================
// The dialog's starting state

export interface DialogState {
  form: SubmitForm;
  /** The line as shown (and submitted): the user's text, or the form's rendering. */
  line: string;
  /** lineToForm's message for the shown line, if any. */
  lineNote?: string;
}

/** The form for `masterUrl`, or `defaultLine` read into it (shown as given). */
export function initialDialogState(masterUrl: string, defaultLine?: string, conf: SparkDefaults = {}): DialogState {
  const form = defaultSubmitForm(masterUrl);
  if (defaultLine === undefined) return { form, line: formToLine(form) };
  const r = lineToForm(defaultLine, form, conf);
  return { form: r.form, line: defaultLine, lineNote: r.error };
}
