// Tests for the submit dialog's model: the form and the spark-submit line stay in step both ways,
// options the form has no field for survive, and Spark's (and the scenario format's) own messages
// come through unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { behaviourOf } from '../../engine/public';
import { isSparkPi, parseSparkSubmit, parseSubmitCommandLine, registeredAppName } from '../../engine/public';
import {
  argsToText,
  confRowNotes,
  defaultSubmitForm,
  defaultWorkload,
  formToLine,
  initialDialogState,
  LAUNCHER_CONF_SLOTS,
  lineToForm,
  type OtherOptions,
  otherOptionsText,
  SPARK_EXAMPLES_JAR,
  SPARK_PI_CLASS,
  type SubmitForm,
  textToArgs,
  toSubmitRequest,
  validate,
} from './submit-form';

const M = 'spark://master:7077';
const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

/** lineToForm, failing the test when the form could not take the line. */
function read(line: string, previous: SubmitForm = defaultSubmitForm(M)): SubmitForm {
  const r = lineToForm(line, previous);
  expect(r.error).toBeUndefined();
  return r.form;
}

describe('the starting form', () => {
  it('is SparkPi from the examples jar in cluster mode against the given master', () => {
    const form = defaultSubmitForm(M);
    expect(isSparkPi(SPARK_PI_CLASS)).toBe(true);
    expect(registeredAppName(SPARK_PI_CLASS, 'x')).toBe('Spark Pi');
    expect(formToLine(form)).toBe(
      `spark-submit --master ${M} --deploy-mode cluster --class org.apache.spark.examples.SparkPi ${SPARK_EXAMPLES_JAR} 100`,
    );
    expect(validate(formToLine(form), {})).toEqual({ error: undefined, warnings: [], masterHosts: ['master'] });
    expect(formToLine(defaultSubmitForm('spark://m1:7077,m2:7077'))).toContain('--master spark://m1:7077,m2:7077 ');
  });

  it('starts from defaultLine as given when there is one', () => {
    const line = `spark-submit --master ${M} --class A a.jar`;
    const s = initialDialogState(M, line);
    expect(s.line).toBe(line);
    expect(s.lineNote).toBeUndefined();
    expect(s.form.mainClass).toBe('A');
    expect(s.form.deployMode).toBe('client');
    expect(initialDialogState(M).line).toBe(formToLine(defaultSubmitForm(M)));
    expect(initialDialogState(M, 'spark-submit "x').lineNote).toBe('unexpected EOF while looking for matching `"\'');
  });
});

describe('form → line', () => {
  it('writes every form field as its spark-submit option', () => {
    const form: SubmitForm = {
      ...defaultSubmitForm(M),
      deployMode: 'client',
      supervise: true,
      name: 'my app',
      driverCores: '2',
      driverMemory: '2g',
      executorCores: '3',
      executorMemory: '4g',
      totalExecutorCores: '12',
      conf: [
        { key: 'spark.deploy.spreadOut', value: 'false' },
        { key: 'spark.x', value: "it's" },
      ],
      appArgs: ['10', 'two words'],
    };
    expect(formToLine(form)).toBe(
      `spark-submit --master ${M} --deploy-mode client --name 'my app' --class ${SPARK_PI_CLASS} --supervise ` +
        `--driver-memory 2g --driver-cores 2 --executor-memory 4g --executor-cores 3 --total-executor-cores 12 ` +
        `--conf spark.deploy.spreadOut=false --conf 'spark.x=it'\\''s' ${SPARK_EXAMPLES_JAR} 10 'two words'`,
    );
  });

  it('leaves unset options off the line (Spark then uses its defaults)', () => {
    const form: SubmitForm = { ...defaultSubmitForm(M), master: undefined, mainClass: undefined, appArgs: [] };
    expect(formToLine(form)).toBe(`spark-submit --deploy-mode cluster ${SPARK_EXAMPLES_JAR}`);
    expect(validate(formToLine(form), {}).error).toBe('Cluster deploy mode is not compatible with master "local"');
  });

  it('writes a later --conf for the same key only, and an empty new row not at all', () => {
    const form: SubmitForm = {
      ...defaultSubmitForm(M),
      conf: [
        { key: 'spark.a', value: '1' },
        { key: '', value: '' },
        { key: 'spark.b', value: '2' },
        { key: 'spark.a', value: '3' },
      ],
    };
    expect(formToLine(form)).toContain('--conf spark.b=2 --conf spark.a=3 ');
    expect(confRowNotes(form)).toEqual(['Not written: a later --conf sets spark.a.', undefined, undefined, undefined]);
  });

  it('lets a driver flag win over the --conf key it shares a launcher slot with', () => {
    const form: SubmitForm = {
      ...defaultSubmitForm(M),
      driverMemory: '4g',
      conf: [{ key: 'spark.driver.memory', value: '2g' }],
    };
    expect(formToLine(form)).toContain('--driver-memory 4g');
    expect(formToLine(form)).not.toContain('spark.driver.memory');
    expect(confRowNotes(form)).toEqual(['Not written: --driver-memory sets spark.driver.memory and wins.']);
    expect(formToLine({ ...form, driverMemory: undefined })).toContain('--conf spark.driver.memory=2g');
  });

  it('knows the same launcher slots as the engine', () => {
    for (const slot of LAUNCHER_CONF_SLOTS) {
      const r = parseSubmitCommandLine(`spark-submit ${slot.flag} a --conf ${slot.key}=b x.jar`);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect((r.commandLine as unknown as Record<string, unknown>)[slot.field]).toBeUndefined();
      expect(r.commandLine.conf[slot.key]).toBe('b');
    }
  });
});

describe('line → form', () => {
  it('fills the form from a pasted line', () => {
    const form = read(
      'spark-submit --master spark://m:7077 --deploy-mode cluster --supervise --name N --class C ' +
        '--driver-memory 1g --driver-cores 1 --executor-memory 2g --executor-cores 2 --total-executor-cores 8 ' +
        '--conf spark.a=1 --conf "spark.b=x y" app.jar 400 "a b"',
    );
    expect(form).toMatchObject({
      master: 'spark://m:7077',
      deployMode: 'cluster',
      supervise: true,
      name: 'N',
      mainClass: 'C',
      driverMemory: '1g',
      driverCores: '1',
      executorMemory: '2g',
      executorCores: '2',
      totalExecutorCores: '8',
      conf: [
        { key: 'spark.a', value: '1' },
        { key: 'spark.b', value: 'x y' },
      ],
      appResource: 'app.jar',
      appArgs: ['400', 'a b'],
      extraArgs: [],
    });
  });

  it('keeps options the form has no field for, and writes them back', () => {
    const line = `MASTER=${M} ./bin/spark-submit --jars a.jar,b.jar --verbose --driver-java-options '-Dx=1 -Dy=2' --class A $SPARK_HOME/a.jar`;
    const form = read(line);
    expect(form.rest).toMatchObject({
      program: './bin/spark-submit',
      env: { MASTER: M },
      jars: 'a.jar,b.jar',
      verbose: true,
      driverJavaOptions: '-Dx=1 -Dy=2',
    });
    expect(form.appResource).toBe('/opt/spark/a.jar');
    expect(otherOptionsText(form)).toBe(`MASTER=${M} --driver-java-options '-Dx=1 -Dy=2' --jars a.jar,b.jar --verbose`);
    const edited = formToLine({ ...form, executorMemory: '3g' });
    expect(edited).toBe(
      `MASTER=${M} ./bin/spark-submit --deploy-mode client --class A --driver-java-options '-Dx=1 -Dy=2' --executor-memory 3g --jars a.jar,b.jar --verbose /opt/spark/a.jar`,
    );
    expect(validate(edited, {}).error).toBeUndefined();
  });

  it('keeps unknown options as extra args, so Spark still refuses them', () => {
    const line = `spark-submit --master ${M} --frobnicate --class A --x=1 -Z a.jar 1 --not-an-option`;
    const form = read(line);
    expect(form.extraArgs).toEqual(['--frobnicate', '--x=1', '-Z']);
    expect(form.mainClass).toBe('A');
    expect(form.appArgs).toEqual(['1', '--not-an-option']);
    expect(otherOptionsText(form)).toBe('--frobnicate --x=1 -Z');
    const written = formToLine(form);
    expect(written).toBe(
      `spark-submit --master ${M} --deploy-mode client --class A --frobnicate --x=1 -Z a.jar 1 --not-an-option`,
    );
    expect(validate(written, {}).error).toBe('Unrecognized option: --frobnicate');
    expect(validate(line, {}).error).toBe('Unrecognized option: --frobnicate');
  });

  it('treats an option word used as a value as that value, not as an unknown option', () => {
    const form = read(`spark-submit --name --frob --frob --class A a.jar`);
    expect(form.name).toBe('--frob');
    expect(form.extraArgs).toEqual(['--frob']);
  });

  it('takes the deploy mode Spark would use when the line has no --deploy-mode', () => {
    const base = `spark-submit --master ${M} --class A a.jar`;
    expect(read(base).deployMode).toBe('client');
    expect(read(base.replace('--class', '--conf spark.submit.deployMode=cluster --class')).deployMode).toBe('cluster');
    expect(read(`DEPLOY_MODE=cluster ${base}`).deployMode).toBe('cluster');
    expect(lineToForm(base, defaultSubmitForm(M), { 'spark.submit.deployMode': 'cluster ' }).form.deployMode).toBe(
      'cluster',
    );
  });

  it('keeps the previous deploy mode, and says so, for one Spark does not know', () => {
    const previous = { ...defaultSubmitForm(M), deployMode: 'client' as const };
    const r = lineToForm(`spark-submit --master ${M} --deploy-mode foo --class A a.jar`, previous);
    expect(r.form.deployMode).toBe('client');
    expect(r.form.mainClass).toBe('A');
    expect(r.error).toBe(
      'The form cannot show the deploy mode "foo" (Spark knows only client and cluster); it keeps client.',
    );
    expect(validate(`spark-submit --master ${M} --deploy-mode foo --class A a.jar`, {}).error).toBe(
      '--deploy-mode must be either "client" or "cluster"',
    );
  });

  it('keeps the previous form, with the reason, for a line it cannot read', () => {
    const previous = { ...defaultSubmitForm(M), name: 'kept' };
    const cases: [string, string][] = [
      ["spark-submit --name 'open", "unexpected EOF while looking for matching `''"],
      [
        'spark-submit --class A a.jar | tee log',
        "shell operator '|' is not supported: give a single spark-submit command",
      ],
      ['spark-submit --master', "Missing argument for option '--master'."],
      ['spark-submit --conf novalue a.jar', 'Invalid argument to --conf: novalue'],
      ['spark-shell --master x', "The simulator runs spark-submit command lines; 'spark-shell' is not spark-submit."],
    ];
    for (const [line, error] of cases) {
      const r = lineToForm(line, previous);
      expect(r.form).toBe(previous);
      expect(r.error).toBe(error);
    }
  });

  it('carries the workload and faults over from the previous form', () => {
    const previous: SubmitForm = {
      ...defaultSubmitForm(M),
      workload: { tasks: '60', taskMs: '500' },
      executorFault: { kind: 'crash', afterMs: '100', exitCode: '137' },
      driverFault: { kind: 'crash', afterMs: '5', exitCode: '1' },
    };
    const form = read(`spark-submit --master ${M} --class A a.jar`, previous);
    expect(form.workload).toEqual(previous.workload);
    expect(form.executorFault).toEqual(previous.executorFault);
    expect(form.driverFault).toEqual(previous.driverFault);
  });
});

describe('Spark validation', () => {
  const line = (opts: string) => `spark-submit --master ${M} --deploy-mode cluster ${opts} --class A /opt/a.jar`;

  it("shows Spark's own messages", () => {
    expect(validate(line('--driver-memory 0'), {}).error).toBe('Driver memory must be a positive number');
    expect(validate(line('--executor-memory -1g'), {}).error).toBe('Executor memory must be a positive number');
    expect(validate(line('--driver-cores x'), {}).error).toBe('Driver cores must be a positive number');
    expect(validate(line('--executor-cores 0'), {}).error).toBe('Executor cores must be a positive number');
    expect(validate(line('--total-executor-cores 0'), {}).error).toBe('Total executor cores must be a positive number');
    expect(validate('spark-submit', {}).error).toBe(
      'This spark-submit line only prints its usage; it submits nothing.',
    );
  });

  it("shows Spark's warnings and reads the cluster's spark-defaults.conf", () => {
    expect(validate(line('--conf foo=bar'), {}).warnings).toEqual(['Ignoring non-Spark config property: foo']);
    expect(validate(line(''), { 'spark.master.rest.enabled': 'maybe' }).error).toBe('For input string: "maybe"');
  });

  it("warns when the line would contact a host that is not this cluster's Master", () => {
    const other = `spark-submit --master spark://elsewhere:7077 --class A a.jar`;
    expect(validate(other, {}, M).warnings).toEqual([
      `spark-submit will contact a Master on "elsewhere", which is not this cluster's Master (${M}), so the submission will fail.`,
    ]);
    expect(validate(other, {}, 'spark://m1:7077,elsewhere:7077').warnings).toEqual([]);
    expect(validate(line(''), {}, M).warnings).toEqual([]);
  });
});

describe('the submit request', () => {
  const form = defaultSubmitForm(M);
  const line = formToLine(form);

  it('is the line, without a workload or faults by default', () => {
    expect(toSubmitRequest(form, `  ${line}\n`, {})).toEqual({ request: { command: line }, problems: {} });
  });

  it('takes the engine default for a workload field left blank', () => {
    const r = toSubmitRequest({ ...form, workload: { tasks: '7', taskMs: '' } }, line, {});
    expect(r).toEqual({ request: { command: line, workload: { tasks: 7, taskMs: 50 } }, problems: {} });
    const r2 = toSubmitRequest({ ...form, workload: { tasks: '', taskMs: '500' } }, line, {});
    expect(r2.request.workload).toEqual({ tasks: 100, taskMs: 500 });
  });

  it('passes the faults on', () => {
    const r = toSubmitRequest(
      {
        ...form,
        executorFault: { kind: 'launch-failure', afterMs: 'ignored', exitCode: '' },
        driverFault: { kind: 'crash', afterMs: '2000', exitCode: '1' },
      },
      line,
      {},
    );
    expect(r).toEqual({
      request: {
        command: line,
        executorFault: { kind: 'launch-failure' },
        driverFault: { kind: 'crash', afterMs: 2000, exitCode: 1 },
      },
      problems: {},
    });
  });

  it("shows the scenario format's own messages for bad numbers", () => {
    const r = toSubmitRequest(
      {
        ...form,
        workload: { tasks: '0', taskMs: '1.5' },
        executorFault: { kind: 'crash', afterMs: '', exitCode: 'abc' },
        driverFault: { kind: 'crash', afterMs: '-1', exitCode: '256' },
      },
      line,
      {},
    );
    expect(r.problems).toEqual({
      'workload.tasks': 'Expected the number of tasks, a whole number of at least 1; got 0.',
      'workload.taskMs': 'Expected how long each task runs in ms, a whole number of at least 1; got 1.5.',
      'executorFault.afterMs':
        'Missing: how long after its start the process exits, in ms, a whole number of at least 0.',
      'executorFault.exitCode': 'Expected the exit code of the process, a whole number from 0 to 255; got "abc".',
      'driverFault.afterMs':
        'Expected how long after its start the process exits, in ms, a whole number of at least 0; got -1.',
      'driverFault.exitCode': 'Expected the exit code of the process, a whole number from 0 to 255; got 256.',
    });
  });

  it("gives the same default workload as the engine's behaviourOf", () => {
    for (const l of [
      line,
      `spark-submit --master ${M} --class ${SPARK_PI_CLASS} a.jar`,
      `spark-submit --master ${M} --class B a.jar 40`,
      formToLine({ ...form, appArgs: ['x'] }),
    ]) {
      const r = parseSparkSubmit(l, {});
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const { tasks, taskMs } = behaviourOf({ at: 0, type: 'submit', command: l }, r.submit);
      expect(defaultWorkload(l, {})).toEqual({ tasks, taskMs });
    }
  });

  it('reads the arguments as written for the hints when Spark refuses the line', () => {
    expect(defaultWorkload(formToLine({ ...form, driverMemory: '0', appArgs: ['30'] }), {})).toEqual({
      tasks: 30,
      taskMs: 50,
    });
    expect(defaultWorkload('spark-submit "', {})).toEqual({ tasks: 2, taskMs: 50 });
  });
});

describe('application arguments as text', () => {
  it('quotes and splits like the line', () => {
    expect(argsToText(['10', 'a b', "it's", ''])).toBe(`10 'a b' 'it'\\''s' ''`);
    expect(textToArgs(`10 "a b" 'c'`)).toEqual({ ok: true, args: ['10', 'a b', 'c'] });
    expect(textToArgs(`'open`)).toEqual({ ok: false, error: "unexpected EOF while looking for matching `''" });
  });

  it('round-trips any list of words', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 5 }), (args) => {
        expect(textToArgs(argsToText(args))).toEqual({ ok: true, args });
      }),
      { numRuns: RUNS },
    );
  });
});

// ------------------------------------------------------------------------------------------------
// The round trip: formToLine(lineToForm(formToLine(f)).form) === formToLine(f)

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('', '1', '2g', '-1', '0', 'a b', "it's", '"q"', '$SPARK_HOME', 'x\\', '#c', 'a\nb', 'k=v', '--class'),
);
const optText = fc.option(anyText, { nil: undefined });
/** A name that is a plain own property of a record (the engine's records are plain objects). */
const recordKey = (k: string) => k !== '__proto__';
const confKey = fc
  .oneof(
    anyText,
    fc.constantFrom(
      'spark.driver.memory',
      'spark.driver.extraJavaOptions',
      'spark.driver.extraClassPath',
      'spark.executor.memory',
      'spark.submit.deployMode',
      'a=b',
    ),
  )
  .filter(recordKey);
const envName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,5}$/).filter(recordKey);
/** Words the engine's parser refuses as options, as lineToForm would have kept them. */
const unknownOption = fc.oneof(
  fc.stringMatching(/^--x-[a-z]{1,4}$/),
  fc.stringMatching(/^--y-[a-z]{1,3}=[a-z0-9 =]{1,3}$/),
  fc.constantFrom('-Z', '-', '--', '--x=', '-cx'),
);
const words = fc.array(anyText, { maxLength: 3 });

const otherOptions: fc.Arbitrary<OtherOptions> = fc.record(
  {
    program: fc.constantFrom('spark-submit', './bin/spark-submit', '/opt/spark/bin/spark-submit', ''),
    env: fc.dictionary(envName, anyText, { maxKeys: 2 }),
    loadSparkDefaults: fc.boolean(),
    verbose: fc.boolean(),
    help: fc.boolean(),
    version: fc.boolean(),
    usageError: fc.boolean(),
    remote: anyText,
    driverJavaOptions: anyText,
    driverLibraryPath: anyText,
    driverClassPath: anyText,
    driverDefaultClassPath: anyText,
    numExecutors: anyText,
    queue: anyText,
    propertiesFile: anyText,
    jars: anyText,
    packages: anyText,
    files: anyText,
    proxyUser: anyText,
    kill: anyText,
    status: anyText,
  },
  { requiredKeys: ['program', 'env', 'loadSparkDefaults', 'verbose', 'help', 'version', 'usageError'] },
);

const faultKind = fc.constantFrom('none', 'crash');
const formArb: fc.Arbitrary<SubmitForm> = fc
  .record({
    deployMode: fc.constantFrom('client', 'cluster'),
    supervise: fc.boolean(),
    master: optText,
    mainClass: optText,
    appResource: fc.option(
      anyText.filter((s) => !s.startsWith('-')),
      { nil: undefined },
    ),
    appArgs: words,
    name: optText,
    driverCores: optText,
    driverMemory: optText,
    executorCores: optText,
    executorMemory: optText,
    totalExecutorCores: optText,
    conf: fc.array(fc.record({ key: confKey, value: anyText }), { maxLength: 4 }),
    rest: otherOptions,
    extraArgs: fc.array(unknownOption, { maxLength: 3 }),
    workload: fc.record({ tasks: fc.constantFrom('', '10'), taskMs: fc.constantFrom('', '500') }),
    executorFault: fc.record({
      kind: fc.constantFrom('none', 'launch-failure', 'crash'),
      afterMs: anyText,
      exitCode: anyText,
    }),
    driverFault: fc.record({ kind: faultKind, afterMs: anyText, exitCode: anyText }),
  })
  // Without a jar, the first argument is read as the jar: it cannot look like an option either.
  .filter((f) => f.appResource !== undefined || !(f.appArgs[0] ?? '').startsWith('-')) as fc.Arbitrary<SubmitForm>;

describe('the round trip form → line → form → line', () => {
  it('gives the same line back, with or without the previous form', () => {
    fc.assert(
      fc.property(formArb, (f) => {
        const line = formToLine(f);
        const back = lineToForm(line);
        expect(back.error).toBeUndefined();
        expect(formToLine(back.form)).toBe(line);
        expect(formToLine(lineToForm(line, f).form)).toBe(line);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps every field the line carries', () => {
    fc.assert(
      fc.property(formArb, (f) => {
        const back = lineToForm(formToLine(f), f).form;
        expect(back.deployMode).toBe(f.deployMode);
        expect(back.supervise).toBe(f.supervise);
        expect(back.extraArgs).toEqual(f.extraArgs);
        for (const k of [
          'master',
          'mainClass',
          'name',
          'driverCores',
          'executorCores',
          'executorMemory',
          'totalExecutorCores',
        ] as const) {
          expect(back[k]).toBe(f[k]);
        }
        if (f.appResource !== undefined) {
          expect(back.appResource).toBe(f.appResource);
          expect(back.appArgs).toEqual(f.appArgs);
        }
        expect(back.workload).toBe(f.workload);
      }),
      { numRuns: RUNS },
    );
  });

  it('is read the same by the engine whether it comes from the form or from the form read back', () => {
    fc.assert(
      fc.property(formArb, (f) => {
        const line = formToLine(f);
        const a = parseSubmitCommandLine(line);
        const b = parseSubmitCommandLine(formToLine(lineToForm(line).form));
        expect(b).toEqual(a);
      }),
      { numRuns: RUNS },
    );
  });
});
