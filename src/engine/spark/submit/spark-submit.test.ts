import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SubmitCommandLine, SubmitFailure, SubmitResult, SubmitSuccess } from '.';
import {
  legacyClientJarUrlError,
  parseSparkSubmit,
  parseStandaloneMasterUrls,
  parseSubmitCommandLine,
  renderSparkSubmit,
  resolveURI,
  resolveURIs,
  restAddressFromSparkUrl,
  rpcAddressFromSparkUrl,
  shellQuote,
  singleQuote,
  SPARK_SUBMIT_USAGE,
  sparkVersionBanner,
  splitShellWords,
} from '.';

const M = 'spark://master:7077';

function ok(r: SubmitResult): SubmitSuccess {
  if (!r.ok) throw new Error(`expected success, got ${r.stage}: ${r.console}`);
  return r;
}

function fail(r: SubmitResult): SubmitFailure {
  if (r.ok) throw new Error('expected a failure');
  return r;
}

/** The message and console of a SparkException thrown inside the SparkSubmit JVM. */
function expectSparkException(r: SubmitResult, message: string, stage?: SubmitFailure['stage']): void {
  const f = fail(r);
  expect(f.kind).toBe('error');
  expect(f.error).toBe(message);
  expect(f.exception).toBe('org.apache.spark.SparkException');
  expect(f.console.split('\n').at(-1)).toBe(`Exception in thread "main" org.apache.spark.SparkException: ${message}`);
  expect(f.exitCode).toBe(1);
  if (stage) expect(f.stage).toBe(stage);
}

/** The launcher's `Error: <message>`, a blank line and the usage, exit 1. */
function expectLauncherError(r: SubmitResult, message: string): void {
  const f = fail(r);
  expect(f.stage).toBe('launcher');
  expect(f.error).toBe(message);
  expect(f.console).toBe(`Error: ${message}\n\n${SPARK_SUBMIT_USAGE}`);
  expect(f.exitCode).toBe(1);
}

const submit = (line: string, defaults: Record<string, string> = {}, env: Record<string, string> = {}) =>
  parseSparkSubmit(line, defaults, { env });
const direct = (line: string, defaults: Record<string, string> = {}) =>
  parseSparkSubmit(line, defaults, { viaLauncher: false });

// ---------------------------------------------------------------------------------------------

describe('splitShellWords', () => {
  it('splits on blanks and keeps quoted text together', () => {
    expect(splitShellWords(`a  'b c' "d e" f\\ g`)).toEqual({ ok: true, words: ['a', 'b c', 'd e', 'f g'] });
  });

  it('joins adjacent quoted parts and keeps empty quoted words', () => {
    expect(splitShellWords(`--conf 'spark.a=it'\\''s' "" x""y`)).toEqual({
      ok: true,
      words: ['--conf', "spark.a=it's", '', 'xy'],
    });
  });

  it('removes backslash-newline continuations, inside double quotes too', () => {
    expect(splitShellWords('spark-submit \\\n  --master m \\\r\n  app.jar "a\\\nb"')).toEqual({
      ok: true,
      words: ['spark-submit', '--master', 'm', 'app.jar', 'ab'],
    });
  });

  it('keeps backslashes that escape nothing inside double quotes', () => {
    expect(splitShellWords(`"a\\b \\$x \\" \\\\"`)).toEqual({ ok: true, words: ['a\\b $x " \\'] });
  });

  it('expands $VAR and ${VAR}, unset to nothing, and splits unquoted values', () => {
    const env = { SPARK_HOME: '/opt/spark', OPTS: '--verbose  --supervise', EMPTY: '' };
    expect(
      splitShellWords('$SPARK_HOME/bin/spark-submit ${SPARK_HOME}x "$OPTS" $OPTS $UNSET $EMPTY "$UNSET" $', env),
    ).toEqual({
      ok: true,
      words: [
        '/opt/spark/bin/spark-submit',
        '/opt/sparkx',
        '--verbose  --supervise',
        '--verbose',
        '--supervise',
        '',
        '$',
      ],
    });
  });

  it('drops comments and leaves globs and tildes as written', () => {
    expect(splitShellWords('a local[*] ~/x.jar # the rest\nb#c')).toEqual({
      ok: true,
      words: ['a', 'local[*]', '~/x.jar', 'b#c'],
    });
  });

  it('refuses what is not a single simple command', () => {
    expect(splitShellWords("a 'b")).toEqual({ ok: false, error: "unexpected EOF while looking for matching `''" });
    expect(splitShellWords('a "b')).toEqual({ ok: false, error: 'unexpected EOF while looking for matching `"\'' });
    expect(splitShellWords('a | b')).toEqual({
      ok: false,
      error: "shell operator '|' is not supported: give a single spark-submit command",
    });
    expect(splitShellWords('a; b').ok).toBe(false);
    expect(splitShellWords('a > log').ok).toBe(false);
    expect(splitShellWords('a $(date)')).toEqual({ ok: false, error: 'command substitution $(…) is not supported' });
    expect(splitShellWords('a `date`')).toEqual({ ok: false, error: 'command substitution `…` is not supported' });
    expect(splitShellWords('a "`date`"').ok).toBe(false);
    expect(splitShellWords('a $1')).toEqual({ ok: false, error: 'special parameter $1 is not supported' });
    expect(splitShellWords('a ${x:-y}')).toEqual({ ok: false, error: 'only ${NAME} parameter expansion is supported' });
  });

  it('keeps a trailing lone backslash', () => {
    expect(splitShellWords('a\\')).toEqual({ ok: true, words: ['a\\'] });
  });
});

describe('shellQuote', () => {
  it('leaves safe words alone and single-quotes the rest', () => {
    expect(shellQuote('spark://m:7077')).toBe('spark://m:7077');
    expect(shellQuote('local[*]')).toBe("'local[*]'");
    expect(shellQuote('')).toBe("''");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('$HOME')).toBe("'$HOME'");
  });

  it('singleQuote quotes every word, and the shell reads it back unchanged', () => {
    for (const word of ['w1', '', "it's", '$HOME', 'a b']) {
      expect(singleQuote(word).startsWith("'")).toBe(true);
      expect(splitShellWords(singleQuote(word))).toEqual({ ok: true, words: [word] });
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('the program word', () => {
  it.each([
    ['spark-submit'],
    ['./bin/spark-submit'],
    ['/opt/spark/bin/spark-submit'],
    ['$SPARK_HOME/bin/spark-submit'],
    ['"${SPARK_HOME}/bin/spark-submit"'],
  ])('accepts %s', (program) => {
    const r = ok(submit(`${program} --master ${M} --class A app.jar`));
    expect(r.submit.mainClass).toBe('A');
  });

  it('accepts a line that starts with the options', () => {
    expect(ok(submit(`--master ${M} --class A app.jar`)).submit.commandLine.program).toBe('');
  });

  it('takes leading NAME=value words as spark-submit’s environment', () => {
    const r = ok(submit('MASTER=spark://env:7077 SPARK_EXECUTOR_CORES=3 spark-submit --class A app.jar'));
    expect(r.submit.masterUrl).toBe('spark://env:7077');
    expect(r.submit.executorCores).toBe(3);
    expect(r.submit.commandLine.env).toEqual({ MASTER: 'spark://env:7077', SPARK_EXECUTOR_CORES: '3' });
  });

  it('refuses other programs', () => {
    const f = fail(submit('pyspark --master spark://m:7077'));
    expect(f.stage).toBe('simulator');
    expect(f.error).toBe("The simulator runs spark-submit command lines; 'pyspark' is not spark-submit.");
  });

  it('reports shell syntax it cannot split', () => {
    const f = fail(submit(`spark-submit --master ${M} --class A app.jar | tee log`));
    expect(f.stage).toBe('shell');
    expect(f.error).toBe("shell operator '|' is not supported: give a single spark-submit command");
    expect(f.exitCode).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------

describe('the launcher (bin/spark-submit → launcher.Main)', () => {
  it('refuses unknown options with its own message', () => {
    expectLauncherError(submit(`spark-submit --master ${M} --class A --foo app.jar`), 'Unrecognized option: --foo');
    expectLauncherError(submit('spark-submit --blarg'), 'Unrecognized option: --blarg');
    expectLauncherError(submit('spark-submit -bleg'), 'Unrecognized option: -bleg');
    expectLauncherError(submit(`spark-submit --master= ${M} app.jar`), 'Unrecognized option: --master=');
    expectLauncherError(submit('spark-submit --Master spark://m:7077 app.jar'), 'Unrecognized option: --Master');
  });

  it('reports a missing option value, naming the option as typed', () => {
    expectLauncherError(submit('spark-submit --class A --master'), "Missing argument for option '--master'.");
    // After the primary resource, '--master' is an application argument.
    expect(ok(submit(`spark-submit --master ${M} --class A app.jar --master`)).submit.appArgs).toEqual(['--master']);
    expect(fail(submit('spark-submit --master')).error).toBe("Missing argument for option '--master'.");
    expect(fail(submit('spark-submit -c')).error).toBe("Missing argument for option '-c'.");
  });

  it('refuses --conf without =', () => {
    expectLauncherError(
      submit(`spark-submit --master ${M} --conf spark.foo --class A app.jar`),
      'Invalid argument to --conf: spark.foo',
    );
    expectLauncherError(
      submit(`spark-submit --master ${M} -c spark.foo --class A app.jar`),
      'Invalid argument to --conf: spark.foo',
    );
  });

  it('needs an application resource unless it is a special command', () => {
    expectLauncherError(submit(`spark-submit --master ${M} --class A`), 'Missing application resource.');
    expectLauncherError(submit('spark-submit --verbose'), 'Missing application resource.');
  });

  it('refuses -Xmx in the driver’s Java options, wherever they come from', () => {
    const msg = (opts: string) =>
      `Not allowed to specify max heap(Xmx) memory settings through java options (was ${opts}). ` +
      'Use the corresponding --driver-memory or spark.driver.memory configuration instead.';
    expectLauncherError(
      submit(`spark-submit --master ${M} --driver-java-options "-Dx=1 -Xmx2g" --class A app.jar`),
      msg('-Dx=1 -Xmx2g'),
    );
    expectLauncherError(
      submit(`spark-submit --master ${M} --conf spark.driver.extraJavaOptions=-Xmx2g --class A app.jar`),
      msg('-Xmx2g'),
    );
    expectLauncherError(
      submit(`spark-submit --master ${M} --class A app.jar`, { 'spark.driver.defaultJavaOptions': ' -Xmx1g ' }),
      msg('-Xmx1g'),
    );
    expect(
      ok(submit(`spark-submit --master ${M} --driver-java-options -DXmx=1 --class A app.jar`)).submit.conf[
        'spark.driver.extraJavaOptions'
      ],
    ).toBe('-DXmx=1');
  });

  it('reports --properties-file as outside the simulator', () => {
    const f = fail(submit(`spark-submit --master ${M} --properties-file my.conf --class A app.jar`));
    expect(f.stage).toBe('simulator');
    expect(f.error).toMatch(/^--properties-file is not supported by the simulator/);
    expect(f.error).toContain('my.conf');
  });

  it('passes an empty line through, and SparkSubmit prints its usage with exit -1 (255)', () => {
    for (const line of ['spark-submit', '']) {
      const f = fail(submit(line));
      expect(f.kind).toBe('usage');
      expect(f.console).toBe(SPARK_SUBMIT_USAGE);
      expect(f.exitCode).toBe(255);
    }
  });
});

describe('SparkSubmit.main called directly (viaLauncher: false, as SparkSubmitSuite does)', () => {
  it('prints error with unrecognized options', () => {
    expectSparkException(direct('--blarg'), "Unrecognized option '--blarg'.", 'SparkSubmitArguments');
    expectSparkException(direct('-bleg'), "Unrecognized option '-bleg'.");
  });

  it('reports a missing value as an uncaught IllegalArgumentException', () => {
    const f = fail(direct('--class A --name'));
    expect(f.console).toBe(
      `Exception in thread "main" java.lang.IllegalArgumentException: Missing argument for option '--name'.`,
    );
  });

  it('parses --conf itself', () => {
    expectSparkException(direct(`--master ${M} --conf foo --class A app.jar`), "Spark config without '=': foo");
  });

  it('does not handle --driver-default-class-path itself', () => {
    expectSparkException(
      direct(`--master ${M} --driver-default-class-path /x --class A app.jar`),
      "Unexpected argument '--driver-default-class-path'.",
    );
    // Through the launcher it becomes spark.driver.defaultExtraClassPath.
    expect(
      ok(submit(`spark-submit --master ${M} --driver-default-class-path /x --class A app.jar`)).submit.conf[
        'spark.driver.defaultExtraClassPath'
      ],
    ).toBe('/x');
  });

  it('needs a primary resource', () => {
    expectSparkException(
      direct(`--master ${M} --class A`),
      'Must specify a primary resource (JAR or Python or R file)',
    );
  });

  it('lets --driver-memory beat --conf spark.driver.memory in either order', () => {
    expect(
      ok(direct(`--master ${M} --deploy-mode cluster --driver-memory 4g --conf spark.driver.memory=2g --class A a.jar`))
        .submit.driverMemoryMb,
    ).toBe(4096);
    expect(
      ok(direct(`--master ${M} --deploy-mode cluster --conf spark.driver.memory=2g --driver-memory 4g --class A a.jar`))
        .submit.driverMemoryMb,
    ).toBe(4096);
  });
});

// ---------------------------------------------------------------------------------------------

describe('option syntax', () => {
  it('accepts --opt=value for options with a value (SparkSubmitSuite: handles arguments with --key=val)', () => {
    const r = ok(
      submit(
        `spark-submit --master=${M} --jars=one.jar,two.jar,three.jar --name=myApp --class=org.FooBar --conf=spark.x=a=b app.jar`,
      ),
    );
    expect(r.submit.appName).toBe('myApp');
    expect(r.submit.jars).toEqual([
      'file:/opt/spark/one.jar',
      'file:/opt/spark/two.jar',
      'file:/opt/spark/three.jar',
      'file:/opt/spark/app.jar',
    ]);
    expect(r.submit.conf['spark.x']).toBe('a=b');
  });

  it('passes everything after the primary resource to the application (SparkSubmitSuite)', () => {
    expect(
      ok(submit(`spark-submit --master ${M} --name myApp --class Foo userjar.jar some --weird args`)).submit.appArgs,
    ).toEqual(['some', '--weird', 'args']);
    expect(
      ok(submit(`spark-submit --master ${M} --class Foo userjar.jar --master local some --weird args`)).submit.appArgs,
    ).toEqual(['--master', 'local', 'some', '--weird', 'args']);
    expect(ok(submit(`spark-submit --master ${M} --class Foo userjar.jar`)).submit.masterUrl).toBe(M);
  });

  it('accepts the short aliases -c, -v and -h', () => {
    const r = ok(submit(`spark-submit -v --master ${M} -c spark.executor.cores=2 --class A app.jar`));
    expect(r.submit.verbose).toBe(true);
    expect(r.submit.executorCores).toBe(2);
    expect(fail(submit('spark-submit -h')).kind).toBe('usage');
  });

  it('keeps the last value of a repeated option', () => {
    const r = ok(submit('spark-submit --master spark://a:1 --master spark://b:2 --class A --class B app.jar'));
    expect(r.submit.masterUrl).toBe('spark://b:2');
    expect(r.submit.mainClass).toBe('B');
  });
});

describe('--help, --version, --usage-error', () => {
  it('prints the usage and exits 0', () => {
    const f = fail(submit('spark-submit --help'));
    expect(f.kind).toBe('usage');
    expect(f.exitCode).toBe(0);
    expect(f.console).toBe(SPARK_SUBMIT_USAGE);
    expect(f.console).toContain('  --total-executor-cores NUM  Total cores for all executors.');
    expect(f.console).toContain('(Default: 1024M)');
  });

  it('prints the version banner and exits 0, ignoring what follows', () => {
    const f = parseSparkSubmit('spark-submit --version --kill x', {}, { sparkVersion: '4.0.1' });
    expect(fail(f).kind).toBe('version');
    expect(fail(f).exitCode).toBe(0);
    expect(fail(f).console).toBe(sparkVersionBanner('4.0.1'));
    expect(fail(f).console).toContain('version 4.0.1');
  });

  it('--usage-error prints the usage and exits 1', () => {
    const f = fail(submit('spark-submit --usage-error'));
    expect(f.kind).toBe('usage');
    expect(f.exitCode).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------

describe('SparkSubmitArguments validation (exact texts)', () => {
  it('--deploy-mode must be client or cluster', () => {
    expectSparkException(
      submit(`spark-submit --master ${M} --deploy-mode yarn-cluster --class A app.jar`),
      '--deploy-mode must be either "client" or "cluster"',
    );
    expectSparkException(
      submit(`spark-submit --master ${M} --deploy-mode Cluster --class A app.jar`),
      '--deploy-mode must be either "client" or "cluster"',
    );
  });

  it('memory must be a positive byte string (a bare number counts as bytes here)', () => {
    const line = (flag: string, v: string) => `spark-submit --master ${M} ${flag} ${v} --class A app.jar`;
    for (const v of ['0', '1.5g', '-1g', 'lots', '0k']) {
      expectSparkException(submit(line('--executor-memory', v)), 'Executor memory must be a positive number');
      expectSparkException(submit(line('--driver-memory', v)), 'Driver memory must be a positive number');
    }
    expect(ok(submit(line('--executor-memory', '512'))).submit.executorMemoryMb).toBe(512);
  });

  it('cores must be positive ints', () => {
    const line = (flag: string, v: string) => `spark-submit --master ${M} ${flag} ${v} --class A app.jar`;
    for (const v of ['0', '-2', 'two', '1.5', '3000000000']) {
      expectSparkException(submit(line('--driver-cores', v)), 'Driver cores must be a positive number');
      expectSparkException(submit(line('--executor-cores', v)), 'Executor cores must be a positive number');
      expectSparkException(submit(line('--total-executor-cores', v)), 'Total executor cores must be a positive number');
    }
    expectSparkException(submit(line('--executor-cores', "' 2'")), 'Executor cores must be a positive number');
  });

  it('checks values that come from spark-defaults.conf too', () => {
    expectSparkException(
      submit(`spark-submit --master ${M} --class A app.jar`, { 'spark.executor.cores': '0' }),
      'Executor cores must be a positive number',
    );
    expectSparkException(
      submit(`spark-submit --master ${M} --class A app.jar`, { 'spark.cores.max': 'all' }),
      'Total executor cores must be a positive number',
    );
    expectSparkException(
      submit(`spark-submit --master ${M} --class A app.jar`, {}, { SPARK_DRIVER_MEMORY: '1.5g' }),
      'Driver memory must be a positive number',
    );
  });

  it('number of executors must be positive unless dynamic allocation is on (SPARK-24241)', () => {
    expect(
      ok(
        submit(
          `spark-submit --master ${M} --name myApp --class Foo --num-executors 0 --conf spark.dynamicAllocation.enabled=true thejar.jar`,
        ),
      ).ok,
    ).toBe(true);
    expectSparkException(
      submit(
        `spark-submit --master ${M} --name myApp --class Foo --num-executors 0 --conf spark.dynamicAllocation.enabled=false thejar.jar`,
      ),
      'Number of executors must be a positive number',
    );
  });

  it('an action is exactly one of SUBMIT, KILL, REQUEST_STATUS', () => {
    expectSparkException(
      submit(`spark-submit --master ${M} --kill d1 --status d2`),
      'Action cannot be both KILL and REQUEST_STATUS.',
    );
    expectSparkException(
      submit(`spark-submit --master ${M} --status d2 --kill d1`),
      'Action cannot be both REQUEST_STATUS and KILL.',
    );
  });

  it('--remote cannot go with a master or deploy mode', () => {
    expectSparkException(
      submit(`spark-submit --remote sc://h:15002 --master ${M} --class A app.jar`),
      'Remote cannot be specified with master and/or deploy mode.',
    );
    expectSparkException(
      submit('spark-submit --remote sc://h:15002 --class A app.jar', { 'spark.master': M }),
      'Remote cannot be specified with master and/or deploy mode.',
    );
    expect(fail(submit('spark-submit --remote sc://h:15002 --class A app.jar')).stage).toBe('simulator');
  });

  it('--proxy-user and --principal are exclusive', () => {
    expectSparkException(
      submit(`spark-submit --master ${M} --proxy-user bob --principal bob@X --class A app.jar`),
      'Only one of --proxy-user or --principal can be provided.',
    );
  });

  it('yarn needs HADOOP_CONF_DIR or YARN_CONF_DIR', () => {
    expectSparkException(
      submit('spark-submit --master yarn --class A app.jar'),
      "When running with master 'yarn' either HADOOP_CONF_DIR or YARN_CONF_DIR must be set in the environment.",
    );
    expect(
      fail(submit('spark-submit --master yarn --class A app.jar', {}, { HADOOP_CONF_DIR: '/etc/hadoop' })).stage,
    ).toBe('simulator');
  });

  it('spark.master.rest.enabled is read with Scala’s toBoolean', () => {
    const f = fail(submit(`spark-submit --master ${M} --conf spark.master.rest.enabled=yes --class A app.jar`));
    expect(f.console).toBe('Exception in thread "main" java.lang.IllegalArgumentException: For input string: "yes"');
    expect(
      ok(
        submit(
          `spark-submit --master ${M} --conf spark.master.rest.enabled=TRUE --deploy-mode cluster --class A app.jar`,
        ),
      ).submit.useRest,
    ).toBe(true);
  });
});

describe('prepareSubmitEnvironment (exact texts)', () => {
  it('the master must be yarn or start with spark, k8s or local', () => {
    expectSparkException(
      submit('spark-submit --master mesos://m:5050 --class A app.jar'),
      'Master must either be yarn or start with spark, k8s, or local',
      'prepareSubmitEnvironment',
    );
    expectSparkException(
      submit('spark-submit --master SPARK://m:7077 --class A app.jar'),
      'Master must either be yarn or start with spark, k8s, or local',
    );
  });

  it('a deploy mode from the conf must be client or cluster', () => {
    expectSparkException(
      submit(`spark-submit --master ${M} --conf spark.submit.deployMode=CLUSTER --class A app.jar`),
      'Deploy mode must be either client or cluster',
    );
    expectSparkException(
      submit(`spark-submit --master ${M} --class A app.jar`, {}, { DEPLOY_MODE: 'remote' }),
      'Deploy mode must be either client or cluster',
    );
  });

  it('refuses Python and R apps in standalone cluster mode', () => {
    expectSparkException(
      submit(`spark-submit --master ${M} --deploy-mode cluster app.py`),
      'Cluster deploy mode is currently not supported for python applications on standalone clusters.',
    );
    expectSparkException(
      submit(`spark-submit --master ${M} --deploy-mode cluster app.R`),
      'Cluster deploy mode is currently not supported for R applications on standalone clusters.',
    );
    expectSparkException(
      submit(`spark-submit --master ${M} --deploy-mode cluster app.r`),
      'Cluster deploy mode is currently not supported for R applications on standalone clusters.',
    );
  });

  it('refuses cluster mode with a local master and for shells and servers', () => {
    expectSparkException(
      submit('spark-submit --master local[4] --deploy-mode cluster --class A app.jar'),
      'Cluster deploy mode is not compatible with master "local"',
    );
    expectSparkException(
      submit('spark-submit --deploy-mode cluster --class A app.jar'),
      'Cluster deploy mode is not compatible with master "local"',
    );
    expectSparkException(
      submit(`spark-submit --master ${M} --deploy-mode cluster --class org.apache.spark.repl.Main`),
      'Cluster deploy mode is not applicable to Spark shells.',
    );
    expectSparkException(
      submit(
        `spark-submit --master ${M} --deploy-mode cluster --class org.apache.spark.sql.hive.thriftserver.SparkSQLCLIDriver`,
      ),
      'Cluster deploy mode is not applicable to Spark SQL shell.',
    );
    expectSparkException(
      submit(
        `spark-submit --master ${M} --deploy-mode cluster --class org.apache.spark.sql.hive.thriftserver.HiveThriftServer2`,
      ),
      'Cluster deploy mode is not applicable to Spark Thrift server.',
    );
    expectSparkException(
      submit(
        `spark-submit --master ${M} --deploy-mode cluster --class org.apache.spark.sql.connect.service.SparkConnectServer`,
      ),
      'Cluster deploy mode is not applicable to Spark Connect server.',
    );
  });

  it('needs --class for a jar, since the simulator cannot read its manifest (SparkSubmitSuite: handle binary specified but not class)', () => {
    expectSparkException(
      submit(`spark-submit --master ${M} app.jar`),
      'No main class set in JAR; please specify one with --class.',
    );
    expectSparkException(
      submit(`spark-submit --master ${M} --deploy-mode cluster examples/jars/spark-examples_2.13-4.0.0.jar 100`),
      'No main class set in JAR; please specify one with --class.',
    );
  });

  it('leaves local, YARN, Kubernetes, shells and Connect to Spark', () => {
    for (const line of [
      'spark-submit --class A app.jar',
      'spark-submit --master local[*] --class A app.jar',
      'spark-submit --master k8s://https://h:443 --class A app.jar',
      `spark-submit --master ${M} --class org.apache.spark.repl.Main`,
    ]) {
      const f = fail(submit(line));
      expect(f.stage).toBe('simulator');
      expect(f.exitCode).toBe(2);
    }
    expect(fail(submit('spark-submit --class A app.jar')).error).toBe(
      "The simulator models Spark Standalone only: --master must be a spark:// URL (got 'local[*]').",
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('configuration precedence', () => {
  it('spark-defaults.conf < --conf < dedicated flags (SparkSubmitSuite: handles confs with flag equivalents)', () => {
    const defaults = {
      'spark.executor.memory': '3g',
      'spark.cores.max': '4',
      'spark.app.name': 'fromDefaults',
      'spark.eventLog.enabled': 'true',
    };
    const r = ok(
      submit(
        `spark-submit --master ${M} --executor-memory 5g --conf spark.executor.memory=4g --conf spark.cores.max=6 --class A app.jar`,
        defaults,
      ),
    );
    expect(r.submit.conf['spark.executor.memory']).toBe('5g');
    expect(r.submit.executorMemoryMb).toBe(5120);
    expect(r.submit.coresMax).toBe(6);
    expect(r.submit.appName).toBe('fromDefaults');
    expect(r.submit.conf['spark.eventLog.enabled']).toBe('true');
  });

  it('uses spark-defaults.conf when nothing else sets a value (SparkSubmitSuite: SPARK_CONF_DIR overrides spark-defaults.conf)', () => {
    const r = ok(submit(`spark-submit --master ${M} --class A app.jar`, { 'spark.executor.memory': '3g' }));
    expect(r.submit.executorMemoryMb).toBe(3072);
  });

  it('takes the master and the deploy mode from the conf when there is no flag', () => {
    const r = ok(submit('spark-submit --class A app.jar', { 'spark.master': M, 'spark.submit.deployMode': 'cluster' }));
    expect(r.submit.masterUrl).toBe(M);
    expect(r.submit.deployMode).toBe('cluster');
    expect(
      ok(submit(`spark-submit --master spark://flag:7077 --conf spark.master=spark://conf:7077 --class A app.jar`))
        .submit.masterUrl,
    ).toBe('spark://flag:7077');
  });

  it('specify deploy mode through configuration (SparkSubmitSuite)', () => {
    expect(
      ok(submit(`spark-submit --master ${M} --conf spark.submit.deployMode=client --class org.SomeClass thejar.jar`))
        .submit.conf['spark.submit.deployMode'],
    ).toBe('client');
    const r = ok(
      submit(
        `spark-submit --master ${M} --deploy-mode cluster --conf spark.submit.deployMode=client --class org.SomeClass thejar.jar`,
      ),
    );
    expect(r.submit.deployMode).toBe('cluster');
    expect(r.submit.conf['spark.submit.deployMode']).toBe('cluster');
    expect(
      ok(submit(`spark-submit --master ${M} --class org.SomeClass thejar.jar`)).submit.conf['spark.submit.deployMode'],
    ).toBe('client');
  });

  it('consults environment variables last', () => {
    const env = {
      MASTER: 'spark://env:7077',
      SPARK_EXECUTOR_MEMORY: '6g',
      SPARK_DRIVER_MEMORY: '3g',
      DEPLOY_MODE: 'cluster',
    };
    const r = ok(submit('spark-submit --class A app.jar', {}, env));
    expect(r.submit.masterUrl).toBe('spark://env:7077');
    expect(r.submit.executorMemoryMb).toBe(6144);
    expect(r.submit.driverMemoryMb).toBe(3072);
    expect(r.submit.deployMode).toBe('cluster');
    const r2 = ok(submit('spark-submit --class A app.jar', { 'spark.master': M, 'spark.executor.memory': '2g' }, env));
    expect(r2.submit.masterUrl).toBe(M);
    expect(r2.submit.executorMemoryMb).toBe(2048);
  });

  it('lets the later of --driver-memory and --conf spark.driver.memory win (the launcher’s conf map)', () => {
    const cluster = `spark-submit --master ${M} --deploy-mode cluster --class A`;
    expect(ok(submit(`${cluster} --driver-memory 4g --conf spark.driver.memory=2g a.jar`)).submit.driverMemoryMb).toBe(
      2048,
    );
    expect(ok(submit(`${cluster} --conf spark.driver.memory=2g --driver-memory 4g a.jar`)).submit.driverMemoryMb).toBe(
      4096,
    );
    expect(ok(submit(`${cluster} a.jar`, { 'spark.driver.memory': '8g' })).submit.driverMemoryMb).toBe(8192);
  });

  it('drops non-spark keys with Spark’s warning, from --conf and from the defaults', () => {
    const r = ok(
      submit(`spark-submit --master ${M} --conf foo=bar --conf spark.ok=1 --class A app.jar`, { 'hadoop.x': 'y' }),
    );
    expect(r.warnings).toEqual([
      'Ignoring non-Spark config property: foo',
      'Ignoring non-Spark config property: hadoop.x',
    ]);
    expect(r.submit.conf.foo).toBeUndefined();
    expect(r.submit.conf['spark.ok']).toBe('1');
  });

  it('prints those warnings before a later error', () => {
    const f = fail(
      submit(
        `spark-submit --master ${M} --conf sparkx=1 --class A app.jar --x`.replace(' --x', ''),
        {},
        { DEPLOY_MODE: 'bad' },
      ),
    );
    expect(f.console).toBe(
      'Warning: Ignoring non-Spark config property: sparkx\nException in thread "main" org.apache.spark.SparkException: Deploy mode must be either client or cluster',
    );
    expect(f.warnings).toEqual(['Ignoring non-Spark config property: sparkx']);
  });

  it('trims values read from spark-defaults.conf', () => {
    expect(
      ok(submit(`spark-submit --master ${M} --class A app.jar`, { 'spark.executor.cores': ' 4 ' })).submit
        .executorCores,
    ).toBe(4);
  });
});

// ---------------------------------------------------------------------------------------------

describe('a spark:// submission', () => {
  it('client mode (SparkSubmitSuite: handles standalone client mode)', () => {
    const r = ok(
      submit(
        'spark-submit --deploy-mode client --master spark://h:7077 --executor-memory 5g --total-executor-cores 5 --class org.SomeClass --driver-memory 4g --conf spark.ui.enabled=false thejar.jar arg1 arg2',
      ),
    );
    const s = r.submit;
    expect(s.action).toBe('SUBMIT');
    expect(s.deployMode).toBe('client');
    expect(s.childMainClass).toBe('org.SomeClass');
    expect(s.childArgs).toEqual(['arg1', 'arg2']);
    expect(s.conf['spark.executor.memory']).toBe('5g');
    expect(s.conf['spark.cores.max']).toBe('5');
    expect(s.conf['spark.driver.memory']).toBe('4g');
    expect(s.conf['spark.ui.enabled']).toBe('false');
    expect(s.executorMemoryMb).toBe(5120);
    expect(s.coresMax).toBe(5);
    expect(s.executorCores).toBeUndefined();
    expect(s.masters).toEqual([{ host: 'h', port: 7077 }]);
  });

  it('client mode with archives (SparkSubmitSuite: SPARK-33530)', () => {
    const s = ok(
      submit(
        'spark-submit --master spark://localhost:1234 --executor-memory 5g --executor-cores 5 --class org.SomeClass --jars one.jar,two.jar,three.jar --driver-memory 4g --files file1.txt,file2.txt --archives archive1.zip,archive2.jar --num-executors 6 --name beauty --conf spark.ui.enabled=false thejar.jar arg1 arg2',
      ),
    ).submit;
    expect(s.childMainClass).toBe('org.SomeClass');
    expect(s.childArgs.join(' ')).toContain('arg1 arg2');
    expect(s.conf['spark.executor.memory']).toBe('5g');
    expect(s.conf['spark.driver.memory']).toBe('4g');
    expect(s.conf['spark.executor.cores']).toBe('5');
    expect(s.conf['spark.jars']).toMatch(/.*one\.jar,.*two\.jar,.*three\.jar/);
    expect(s.conf['spark.files']).toMatch(/.*file1\.txt,.*file2\.txt/);
    expect(s.conf['spark.archives']).toMatch(/.*archive1\.zip,.*archive2\.jar/);
    expect(s.conf['spark.app.name']).toBe('beauty');
    expect(s.conf['spark.executor.instances']).toBeUndefined();
    expect(s.conf['spark.repl.local.jars']).toBe(
      'file:/opt/spark/one.jar,file:/opt/spark/two.jar,file:/opt/spark/three.jar',
    );
    expect(s.jars.at(-1)).toBe('file:/opt/spark/thejar.jar');
  });

  it('legacy cluster mode (SparkSubmitSuite: handles legacy standalone cluster mode)', () => {
    const s = ok(
      submit(
        'spark-submit --deploy-mode cluster --master spark://h:7077 --class org.SomeClass --supervise --driver-memory 4g --driver-cores 5 --conf spark.ui.enabled=false thejar.jar arg1 arg2',
      ),
    ).submit;
    expect(s.childMainClass).toBe('org.apache.spark.deploy.ClientApp');
    expect(s.childArgs.join(' ')).toMatch(/^--supervise --memory 4g --cores 5/);
    expect(s.childArgs.join(' ')).toMatch(/launch spark:\/\/h:7077 .*thejar\.jar org\.SomeClass arg1 arg2$/);
    expect(Object.keys(s.conf)).toEqual(
      expect.arrayContaining([
        'spark.master',
        'spark.app.name',
        'spark.jars',
        'spark.driver.memory',
        'spark.driver.cores',
        'spark.driver.supervise',
        'spark.ui.enabled',
        'spark.submit.deployMode',
      ]),
    );
    expect(s.conf['spark.driver.supervise']).toBe('true');
    expect(s.driverMemoryMb).toBe(4096);
    expect(s.driverCores).toBe(5);
    expect(s.supervise).toBe(true);
    expect(s.useRest).toBe(false);
  });

  it('REST cluster mode (SparkSubmitSuite: handles standalone cluster mode)', () => {
    const s = ok(
      submit(
        'spark-submit --deploy-mode cluster --master spark://h:6066 --class org.SomeClass --supervise --driver-memory 4g --driver-cores 5 --conf spark.ui.enabled=false --conf spark.master.rest.enabled=true thejar.jar arg1 arg2',
      ),
    ).submit;
    expect(s.childMainClass).toBe('org.apache.spark.deploy.rest.RestSubmissionClientApp');
    expect(s.childArgs.join(' ')).toMatch(/thejar\.jar org\.SomeClass arg1 arg2$/);
    expect(s.useRest).toBe(true);
    expect(s.masters).toEqual([{ host: 'h', port: 6066 }]);
  });

  it('records spark.driver.supervise=false in cluster mode and nothing in client mode', () => {
    expect(
      ok(submit(`spark-submit --master ${M} --deploy-mode cluster --class A a.jar`)).submit.conf[
        'spark.driver.supervise'
      ],
    ).toBe('false');
    const client = ok(submit(`spark-submit --master ${M} --supervise --class A a.jar`)).submit;
    expect(client.conf['spark.driver.supervise']).toBeUndefined();
    expect(client.supervise).toBe(true);
  });

  it('names the app after --name, spark.app.name, the main class, or the file', () => {
    expect(
      ok(submit(`spark-submit --master ${M} --class org.apache.spark.examples.SparkPi examples.jar 100`)).submit
        .appName,
    ).toBe('org.apache.spark.examples.SparkPi');
    expect(ok(submit(`spark-submit --master ${M} --name Pi --class A a.jar`)).submit.appName).toBe('Pi');
    expect(ok(submit(`spark-submit --master ${M} --conf spark.app.name=Conf --class A a.jar`)).submit.appName).toBe(
      'Conf',
    );
    expect(ok(submit(`spark-submit --master ${M} jobs/etl.py`)).submit.appName).toBe('etl.py');
  });

  it('client-mode Python apps run through PythonRunner and ship their --py-files', () => {
    const s = ok(
      submit(`spark-submit --master ${M} --py-files deps.zip,util.py --files a.txt jobs/etl.py 2024-01-01`),
    ).submit;
    expect(s.mainClass).toBe('org.apache.spark.deploy.PythonRunner');
    expect(s.isPython).toBe(true);
    expect(s.primaryResource).toBe('file:/opt/spark/jobs/etl.py');
    expect(s.files).toEqual(['file:/opt/spark/a.txt', 'file:/opt/spark/deps.zip', 'file:/opt/spark/util.py']);
    expect(s.conf['spark.submit.pyFiles']).toBe('/opt/spark/deps.zip,/opt/spark/util.py');
    expect(s.conf['spark.jars']).toBeUndefined();
    expect(s.appArgs).toEqual(['2024-01-01']);
  });

  it('client-mode R apps run through RRunner', () => {
    const s = ok(submit(`spark-submit --master ${M} report.R`)).submit;
    expect(s.mainClass).toBe('org.apache.spark.deploy.RRunner');
    expect(s.files).toEqual(['file:/opt/spark/report.R']);
  });

  it('keeps URIs with a scheme and resolves relative paths against the working directory', () => {
    const s = parseSparkSubmit(
      `spark-submit --master ${M} --jars hdfs://nn:8020/lib/a.jar,../b.jar --class A ./apps/../app.jar`,
      {},
      { cwd: '/home/me' },
    );
    expect(ok(s).submit.jars).toEqual(['hdfs://nn:8020/lib/a.jar', 'file:/home/b.jar', 'file:/home/me/app.jar']);
  });

  it('resolves paths in spark.jars / spark.files from the conf too', () => {
    const s = ok(
      submit(`spark-submit --master ${M} --class A app.jar`, { 'spark.jars': '/libs/x.jar', 'spark.files': 'f.txt' }),
    ).submit;
    expect(s.conf['spark.jars']).toBe('file:/libs/x.jar,file:/opt/spark/app.jar');
    expect(s.conf['spark.files']).toBe('file:/opt/spark/f.txt');
  });

  it('stores --packages and notes that client mode would resolve them', () => {
    const client = ok(submit(`spark-submit --master ${M} --packages org.x:y:1.0,org.z:w:2 --class A app.jar`));
    expect(client.submit.packages).toEqual(['org.x:y:1.0', 'org.z:w:2']);
    expect(client.notes.some((n) => n.startsWith('--packages'))).toBe(true);
    const cluster = ok(
      submit(
        `spark-submit --master ${M} --deploy-mode cluster --packages org.x:y:1.0 --repositories https://r --class A app.jar`,
      ),
    );
    expect(cluster.submit.conf['spark.jars.packages']).toBe('org.x:y:1.0');
    expect(cluster.submit.conf['spark.jars.repositories']).toBe('https://r');
  });

  it('drops spark.driver.host in cluster mode', () => {
    expect(
      ok(submit(`spark-submit --master ${M} --deploy-mode cluster --conf spark.driver.host=me --class A a.jar`)).submit
        .conf['spark.driver.host'],
    ).toBeUndefined();
    expect(
      ok(submit(`spark-submit --master ${M} --conf spark.driver.host=me --class A a.jar`)).submit.conf[
        'spark.driver.host'
      ],
    ).toBe('me');
  });

  it('reads waitAppCompletion for the legacy client, refusing a non-boolean', () => {
    expect(
      ok(
        submit(
          `spark-submit --master ${M} --deploy-mode cluster --conf spark.standalone.submit.waitAppCompletion=true --class A a.jar`,
        ),
      ).submit.waitAppCompletion,
    ).toBe(true);
    const f = fail(
      submit(
        `spark-submit --master ${M} --deploy-mode cluster --conf spark.standalone.submit.waitAppCompletion=yes --class A a.jar`,
      ),
    );
    expect(f.stage).toBe('ClientApp');
    expect(f.console).toBe(
      'Exception in thread "main" java.lang.IllegalArgumentException: spark.standalone.submit.waitAppCompletion should be boolean, but was yes',
    );
  });
});

describe('driver and executor sizes', () => {
  it('defaults: 1024 MiB, 1 driver core, executor cores unset', () => {
    const s = ok(submit(`spark-submit --master ${M} --class A a.jar`)).submit;
    expect(s.driverMemoryMb).toBe(1024);
    expect(s.driverCores).toBe(1);
    expect(s.executorMemoryMb).toBe(1024);
    expect(s.executorCores).toBeUndefined();
    expect(s.coresMax).toBeUndefined();
  });

  it('cluster mode: a bare --driver-memory number is bytes for the DriverDescription', () => {
    expect(
      ok(submit(`spark-submit --master ${M} --deploy-mode cluster --driver-memory 512 --class A a.jar`)).submit
        .driverMemoryMb,
    ).toBe(0);
    expect(
      ok(submit(`spark-submit --master ${M} --deploy-mode cluster --driver-memory 2048m --class A a.jar`)).submit
        .driverMemoryMb,
    ).toBe(2048);
  });

  it('client mode: the conf reads a bare number as MiB, and a note explains the JVM’s reading', () => {
    const r = ok(submit(`spark-submit --master ${M} --driver-memory 512 --class A a.jar`));
    expect(r.submit.driverMemoryMb).toBe(512);
    expect(r.notes).toContain(
      'Client mode: the launcher starts the driver JVM with -Xmx512, and the JVM reads a number without a unit as bytes.',
    );
  });

  it('executor memory: a bare number is MiB', () => {
    expect(
      ok(submit(`spark-submit --master ${M} --executor-memory 2048 --class A a.jar`)).submit.executorMemoryMb,
    ).toBe(2048);
  });

  it('executor cores from the environment', () => {
    expect(
      ok(submit(`spark-submit --master ${M} --class A a.jar`, {}, { SPARK_EXECUTOR_CORES: '2' })).submit.executorCores,
    ).toBe(2);
  });
});

describe('master URLs', () => {
  it('lists every master of an HA URL', () => {
    const s = ok(submit('spark-submit --master spark://m1:7077,m2:7078 --class A a.jar')).submit;
    expect(s.masters).toEqual([
      { host: 'm1', port: 7077 },
      { host: 'm2', port: 7078 },
    ]);
  });

  it('needs a port for the RPC clients: client mode fails in the driver', () => {
    expectSparkException(
      submit('spark-submit --master spark://m --class A a.jar'),
      'Invalid master URL: spark://m',
      'driver',
    );
    expectSparkException(
      submit('spark-submit --master spark://m1:7077,m2 --class A a.jar'),
      'Invalid master URL: spark://m2',
    );
  });

  it('needs a valid host:port for the legacy cluster client', () => {
    expectSparkException(
      submit('spark-submit --master spark://h:p --deploy-mode cluster --class A a.jar'),
      'Invalid master URL: spark://h:p',
      'ClientApp',
    );
    expectSparkException(
      submit('spark-submit --master spark://my_host:7077 --deploy-mode cluster --class A a.jar'),
      'Invalid master URL: spark://my_host:7077',
    );
  });

  it('the REST client uses HTTP’s default port when there is none', () => {
    const s = ok(
      submit(
        'spark-submit --master spark://m --deploy-mode cluster --conf spark.master.rest.enabled=true --class A a.jar',
      ),
    ).submit;
    expect(s.masters).toEqual([{ host: 'm', port: 80 }]);
  });

  it('client mode needs the spark:// prefix itself', () => {
    expectSparkException(
      submit('spark-submit --master sparky://m:7077 --class A a.jar'),
      "Could not parse Master URL: 'sparky://m:7077'",
      'driver',
    );
  });

  it('cluster mode without spark:// chooses no client class', () => {
    const f = fail(submit('spark-submit --master sparky://m:7077 --deploy-mode cluster --class A a.jar'));
    expect(f.console).toBe('Error: Failed to load class .');
    expect(f.exitCode).toBe(101);
  });

  it('parse helpers', () => {
    expect(parseStandaloneMasterUrls('spark://a:1,b:2,')).toEqual(['spark://a:1', 'spark://b:2']);
    expect(rpcAddressFromSparkUrl('spark://10.0.0.1:7077')).toEqual({ host: '10.0.0.1', port: 7077 });
    expect(rpcAddressFromSparkUrl('spark://[::1]:7077')).toEqual({ host: '[::1]', port: 7077 });
    expect(rpcAddressFromSparkUrl('spark://node-1.example.com:7077')).toEqual({
      host: 'node-1.example.com',
      port: 7077,
    });
    for (const bad of [
      'spark://h:7077/',
      'spark://u@h:7077',
      'spark://h:',
      'spark://',
      'spark://node.123:7077',
      'spark://-h:1',
      'spark://h:99999999999',
      'spark://h:1?x',
    ]) {
      expect(() => rpcAddressFromSparkUrl(bad)).toThrow(`Invalid master URL: ${bad}`);
    }
    expect(restAddressFromSparkUrl('spark://h:6066/')).toEqual({ host: 'h', port: 6066 });
    expect(restAddressFromSparkUrl('spark://h:x')).toBeUndefined();
  });
});

describe('the legacy gateway’s jar URL check (ClientArguments)', () => {
  it('refuses a primary resource that is not a .jar URL', () => {
    const f = fail(submit(`spark-submit --master ${M} --deploy-mode cluster --class A app.zip`));
    expect(f.stage).toBe('ClientApp');
    expect(f.error).toBe("Jar url 'file:/opt/spark/app.zip' is not in valid format.");
    expect(f.console).toMatch(
      /^Jar url 'file:\/opt\/spark\/app\.zip' is not in valid format\.\nMust be a jar file path in URL format \(e\.g\. hdfs:\/\/host:port\/XX\.jar, file:\/\/\/XX\.jar\)\n\nUsage: DriverClient \[options\] launch/,
    );
    expect(f.console).toContain('Megabytes of memory to request (default: 1024)');
    expect(f.exitCode).toBe(255);
  });

  it('accepts local and remote jars', () => {
    expect(
      ok(submit(`spark-submit --master ${M} --deploy-mode cluster --class A hdfs://nn/apps/app.jar`)).submit
        .primaryResource,
    ).toBe('hdfs://nn/apps/app.jar');
    expect(ok(submit(`spark-submit --master ${M} --deploy-mode cluster --class A app.jar`)).ok).toBe(true);
  });

  it('is skipped by the REST gateway but available for its fallback', () => {
    const r = ok(
      submit(
        `spark-submit --master ${M} --deploy-mode cluster --conf spark.master.rest.enabled=true --class A app.zip`,
      ),
    );
    const fallback = legacyClientJarUrlError(r.submit);
    expect(fallback?.error).toBe("Jar url 'file:/opt/spark/app.zip' is not in valid format.");
    expect(
      legacyClientJarUrlError(ok(submit(`spark-submit --master ${M} --deploy-mode cluster --class A app.jar`)).submit),
    ).toBeUndefined();
  });

  it('refuses opaque URIs, which have no path', () => {
    expect(fail(submit(`spark-submit --master ${M} --deploy-mode cluster --class A file:app.jar`)).error).toBe(
      "Jar url 'file:app.jar' is not in valid format.",
    );
  });
});

describe('--kill and --status', () => {
  it('go to the REST client with a spark:// master', () => {
    const k = ok(submit('spark-submit --master spark://m:6066 --kill driver-20260101000000-0000')).submit;
    expect(k.action).toBe('KILL');
    expect(k.killSubmissionId).toBe('driver-20260101000000-0000');
    expect(k.masters).toEqual([{ host: 'm', port: 6066 }]);
    const s = ok(submit('spark-submit --master spark://m:6066 --status driver-1')).submit;
    expect(s.action).toBe('REQUEST_STATUS');
    expect(s.statusSubmissionId).toBe('driver-1');
  });

  it('skip the submit checks', () => {
    expect(ok(submit('spark-submit --master spark://m:6066 --kill d --executor-memory 0')).submit.action).toBe('KILL');
  });

  it('need a cluster manager that can kill', () => {
    const f = fail(submit('spark-submit --kill driver-1'));
    expect(f.console).toBe(
      `Exception in thread "main" java.lang.IllegalArgumentException: No external SparkSubmitOperations clients found for master url: 'local[*]'`,
    );
    expect(fail(submit('spark-submit --master k8s://h:443 --status x')).stage).toBe('simulator');
  });
});

// ---------------------------------------------------------------------------------------------

describe('the command line model and renderSparkSubmit', () => {
  it('records what was written and renders it canonically', () => {
    const line = `./bin/spark-submit \\\n  --class org.apache.spark.examples.SparkPi --master '${M}' --deploy-mode cluster --supervise \\\n  --conf "spark.eventLog.enabled=true" -c spark.x='a b' examples/jars/spark-examples.jar 1000`;
    const r = ok(submit(line));
    expect(r.submit.commandLine).toMatchObject({
      program: './bin/spark-submit',
      master: M,
      deployMode: 'cluster',
      mainClass: 'org.apache.spark.examples.SparkPi',
      supervise: true,
      conf: { 'spark.eventLog.enabled': 'true', 'spark.x': 'a b' },
      primaryResource: 'examples/jars/spark-examples.jar',
      appArgs: ['1000'],
    });
    expect(renderSparkSubmit(r.submit.commandLine)).toBe(
      `./bin/spark-submit --master ${M} --deploy-mode cluster --class org.apache.spark.examples.SparkPi --supervise --conf spark.eventLog.enabled=true --conf 'spark.x=a b' examples/jars/spark-examples.jar 1000`,
    );
    expect(renderSparkSubmit(r.submit.commandLine, { multiline: true })).toBe(
      `./bin/spark-submit \\\n  --master ${M} \\\n  --deploy-mode cluster \\\n  --class org.apache.spark.examples.SparkPi \\\n  --supervise \\\n  --conf spark.eventLog.enabled=true \\\n  --conf 'spark.x=a b' \\\n  examples/jars/spark-examples.jar 1000`,
    );
  });

  it('keeps only the winner of --driver-memory and --conf spark.driver.memory, so rendering keeps the meaning', () => {
    const a = parseSubmitCommandLine(`spark-submit --driver-memory 4g --conf spark.driver.memory=2g x.jar`);
    expect(a.ok && a.commandLine.driverMemory).toBeUndefined();
    expect(a.ok && a.commandLine.conf).toEqual({ 'spark.driver.memory': '2g' });
    const b = parseSubmitCommandLine(`spark-submit --conf spark.driver.memory=2g --driver-memory 4g x.jar`);
    expect(b.ok && b.commandLine.driverMemory).toBe('4g');
    expect(b.ok && b.commandLine.conf).toEqual({});
  });

  it('renders env prefixes and a missing program', () => {
    const r = parseSubmitCommandLine(`MASTER=${M} --class A a.jar`);
    expect(r.ok).toBe(true);
    if (r.ok) expect(renderSparkSubmit(r.commandLine)).toBe(`MASTER=${M} spark-submit --class A a.jar`);
  });

  it('reports lines it cannot read', () => {
    expect(parseSubmitCommandLine('spark-submit --foo')).toEqual({ ok: false, error: 'Unrecognized option: --foo' });
    expect(parseSubmitCommandLine('spark-submit "x')).toEqual({
      ok: false,
      error: 'unexpected EOF while looking for matching `"\'',
    });
  });

  it('keeps a --conf key named __proto__ as an ordinary key', () => {
    const r = parseSubmitCommandLine('spark-submit --conf __proto__=x --class A app.jar');
    if (!r.ok) throw new Error(r.error);
    expect(Object.keys(r.commandLine.conf)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(r.commandLine.conf)).toBe(Object.prototype);
  });

  it('round-trips any command line through render and parse', () => {
    const text = fc.string({ maxLength: 12 });
    const optional = (a: fc.Arbitrary<string>) => fc.option(a, { nil: undefined });
    const confKey = fc
      .oneof(fc.string({ minLength: 1, maxLength: 10 }), fc.constant('__proto__'))
      .filter((k) => !k.includes('='));
    const arb = fc.record({
      master: optional(text),
      deployMode: optional(text),
      mainClass: optional(text),
      name: optional(text),
      supervise: fc.boolean(),
      driverMemory: optional(text),
      executorCores: optional(text),
      conf: fc.dictionary(confKey, text, { maxKeys: 3 }),
      jars: optional(text),
      verbose: fc.boolean(),
      primaryResource: optional(text.filter((s) => !s.startsWith('-'))),
      appArgs: fc.array(text, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(arb, (fields) => {
        const conf = { ...fields.conf };
        if (fields.driverMemory !== undefined) delete conf['spark.driver.memory'];
        const cl: SubmitCommandLine = {
          program: 'spark-submit',
          env: {},
          loadSparkDefaults: false,
          help: false,
          version: false,
          usageError: false,
          ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
          conf,
          appArgs: fields.primaryResource === undefined ? [] : fields.appArgs,
        } as SubmitCommandLine;
        const back = parseSubmitCommandLine(renderSparkSubmit(cl));
        expect(back).toEqual({ ok: true, commandLine: cl });
      }),
      { numRuns: 300 },
    );
  });
});

describe('path helpers', () => {
  it('resolveURI follows Utils.resolveURI', () => {
    expect(resolveURI('app.jar', '/w')).toBe('file:/w/app.jar');
    expect(resolveURI('/a/./b/../c.jar', '/w')).toBe('file:/a/c.jar');
    expect(resolveURI('s3a://bucket/app.jar', '/w')).toBe('s3a://bucket/app.jar');
    expect(resolveURI('local:/opt/app.jar', '/w')).toBe('local:/opt/app.jar');
    expect(resolveURI('my app.jar', '/w')).toBe('file:/w/my%20app.jar');
    expect(resolveURI('a%b.jar', '/w')).toBe('file:/w/a%25b.jar');
    expect(resolveURI('data.zip#dir', '/w')).toBe('file:/w/data.zip#dir');
  });

  it('resolveURIs drops blank entries', () => {
    expect(resolveURIs('a.jar,,b.jar,', '/w')).toBe('file:/w/a.jar,file:/w/b.jar');
    expect(resolveURIs('  ', '/w')).toBe('');
  });
});
