// The Spark the lab runs (docs/conformance-lab.md, "Spark"): pyspark 4.0.5 from the Python package
// index, whose source archive carries a whole Spark distribution (deps/bin, deps/sbin, deps/jars:
// spark-core_2.13-4.0.5.jar and the rest, ZooKeeper's and Curator's jars among them). pip fetches
// it with its hash pinned here; the distribution is unpacked into .cache/spark-4.0.5/ (ignored by
// git), checked with `spark-submit --version`, and the workload (conformance/workload) is compiled
// against its jars. A second call finds everything in the cache and downloads nothing.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LabUnavailable } from './errors';
import { hasProgram, run } from './exec';

export const SPARK_VERSION = '4.0.5';
/** sha256 of pyspark-4.0.5.tar.gz as the Python package index serves it. */
const PYSPARK_SHA256 = 'a0d44b0e7faf0458ad83b7aa664e7ed8b96beed8a55d66ce3b0dfac2309dfca6';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORKLOAD_SOURCE = join(REPO, 'conformance', 'workload', 'LabJob.java');
/** The workload's main class (the default package: its jar holds it at the root). */
export const JOB_CLASS = 'LabJob';
export const JOB_CRASH_PLUGIN = 'LabJob$CrashPlugin';

export interface SparkDist {
  /** SPARK_HOME: bin/, sbin/, jars/. */
  home: string;
  /** What `spark-submit --version` reports ("4.0.5"). */
  version: string;
  /** The compiled workload. */
  jobJar: string;
  /** JAVA_HOME of the `java` on the PATH. */
  javaHome: string;
  /** How long this call took, and whether it downloaded. */
  ms: number;
  downloaded: boolean;
}

interface Stamp {
  version: string;
  sha256: string;
  jobSourceSha256: string;
}

export function defaultCacheDir(): string {
  return join(REPO, '.cache', `spark-${SPARK_VERSION}`);
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The Java on the PATH, which must be 17 or newer (Spark 4.0's minimum); its JAVA_HOME. */
function checkJava(): string {
  if (!hasProgram('java'))
    throw new LabUnavailable('Java is not installed: the real Spark lab needs a Java 17 runtime (`java` on the PATH).');
  const r = run('java', ['-XshowSettings:properties', '-version']);
  const text = r.stderr + r.stdout;
  const version = /java\.specification\.version = (\d+)/.exec(text)?.[1];
  if (version === undefined || Number(version) < 17)
    throw new LabUnavailable(
      `Spark 4.0 needs Java 17 or newer, and the \`java\` on the PATH is ${version ?? 'of an unknown version'}.`,
    );
  if (!hasProgram('javac'))
    throw new LabUnavailable(
      'The Java compiler is missing: the lab compiles its workload with `javac` (a JDK 17, not only a JRE).',
    );
  const home = /java\.home = (.+)/.exec(text)?.[1]?.trim();
  if (!home)
    throw new LabUnavailable(
      'Cannot tell where Java is installed: `java -XshowSettings:properties` names no java.home.',
    );
  return home;
}

function readStamp(dir: string): Stamp | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'stamp.json'), 'utf8')) as Stamp;
  } catch {
    return null;
  }
}

function distributionPresent(home: string): boolean {
  return (
    existsSync(join(home, 'bin', 'spark-submit')) &&
    existsSync(join(home, 'bin', 'spark-class')) &&
    existsSync(join(home, 'jars', `spark-core_2.13-${SPARK_VERSION}.jar`))
  );
}

/** pip download of the pinned archive, then the distribution unpacked as `home`. */
function download(dir: string, home: string, log: (line: string) => void): void {
  if (!hasProgram('python3'))
    throw new LabUnavailable(
      'Python 3 is not installed: the lab fetches Spark as the pyspark package with `python3 -m pip`.',
    );
  if (run('python3', ['-m', 'pip', '--version']).status !== 0)
    throw new LabUnavailable(
      'pip is not installed: the lab fetches Spark as the pyspark package with `python3 -m pip`.',
    );
  if (!hasProgram('tar')) throw new LabUnavailable('`tar` is not installed: the lab needs it to unpack Spark.');
  const dl = join(dir, 'download');
  rmSync(dl, { recursive: true, force: true });
  mkdirSync(dl, { recursive: true });
  const req = join(dl, 'requirements.txt');
  writeFileSync(req, `pyspark==${SPARK_VERSION} --hash=sha256:${PYSPARK_SHA256}\n`);
  log(`downloading pyspark ${SPARK_VERSION} (about 435 MB) from the Python package index`);
  const r = run(
    'python3',
    [
      '-m',
      'pip',
      'download',
      '--no-deps',
      '--no-binary',
      'pyspark',
      '--timeout',
      '30',
      '--retries',
      '2',
      '-r',
      req,
      '-d',
      dl,
    ],
    { timeoutMs: 30 * 60_000 },
  );
  const archive = join(dl, `pyspark-${SPARK_VERSION}.tar.gz`);
  if (r.status !== 0 || !existsSync(archive)) {
    const text = r.stderr + r.stdout;
    const offline =
      /(Connection|NewConnectionError|Temporary failure in name resolution|Network is unreachable|timed out|No matching distribution)/i.test(
        text,
      );
    const errors = text.split('\n').filter((l) => l.startsWith('ERROR:'));
    const last = (errors.at(-1) ?? r.stderr.trim().split('\n').pop() ?? '')
      .replace(/^ERROR:\s*/, '')
      .trim()
      .slice(0, 200);
    throw new LabUnavailable(
      offline
        ? `Cannot download pyspark ${SPARK_VERSION} from the Python package index, is the network reachable (pip said: ${last})?`
        : `pip could not download pyspark ${SPARK_VERSION} (it said: ${last}).`,
    );
  }
  if (sha256(readFileSync(archive)) !== PYSPARK_SHA256)
    throw new LabUnavailable(
      `The downloaded pyspark-${SPARK_VERSION}.tar.gz does not have the pinned sha256 ${PYSPARK_SHA256}.`,
    );
  log('unpacking Spark');
  const tmp = join(dir, 'home.partial');
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const t = run('tar', ['xzf', archive, '-C', tmp, '--strip-components=2', `pyspark-${SPARK_VERSION}/deps`], {
    timeoutMs: 10 * 60_000,
  });
  if (t.status !== 0) throw new LabUnavailable(`Cannot unpack ${archive}: ${t.stderr.trim().split('\n').pop() ?? ''}`);
  rmSync(home, { recursive: true, force: true });
  renameSync(tmp, home);
  rmSync(dl, { recursive: true, force: true });
}

/** `spark-submit --version`: "version 4.0.5" in its banner. */
function reportedVersion(home: string, javaHome: string): string {
  const r = run(join(home, 'bin', 'spark-submit'), ['--version'], {
    env: { ...process.env, SPARK_HOME: home, JAVA_HOME: javaHome },
    timeoutMs: 120_000,
  });
  const v = /version (\d+\.\d+\.\d+)/.exec(r.stderr + r.stdout)?.[1];
  if (v === undefined)
    throw new LabUnavailable(`The Spark in ${home} does not start: \`spark-submit --version\` printed no version.`);
  return v;
}

function compileJob(dir: string, home: string): string {
  const out = join(dir, 'job');
  const jar = join(dir, 'lab-job.jar');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const c = run('javac', ['--release', '17', '-cp', join(home, 'jars', '*'), '-d', out, WORKLOAD_SOURCE]);
  if (c.status !== 0)
    throw new LabUnavailable(`The lab's workload does not compile: ${c.stderr.trim().split('\n')[0] ?? ''}`);
  const j = run('jar', ['cf', jar, '-C', out, '.']);
  if (j.status !== 0) throw new LabUnavailable(`Cannot build the workload's jar: ${j.stderr.trim()}`);
  return jar;
}

/**
 * The pinned Spark, downloaded and unpacked on first use, and the compiled workload. Throws
 * LabUnavailable (one sentence) when the machine lacks what it needs.
 */
export function ensureSpark(opts: { cacheDir?: string; log?: (line: string) => void } = {}): SparkDist {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const dir = opts.cacheDir ?? defaultCacheDir();
  const home = join(dir, 'home');
  const javaHome = checkJava();
  mkdirSync(dir, { recursive: true });
  const jobSourceSha256 = sha256(readFileSync(WORKLOAD_SOURCE));
  const stamp = readStamp(dir);
  let downloaded = false;
  let version: string;
  if (stamp && stamp.sha256 === PYSPARK_SHA256 && distributionPresent(home)) {
    version = stamp.version;
  } else {
    download(dir, home, log);
    downloaded = true;
    if (!distributionPresent(home))
      throw new LabUnavailable(
        `The pyspark ${SPARK_VERSION} archive did not contain bin/spark-submit and jars/spark-core.`,
      );
    version = reportedVersion(home, javaHome);
    if (version !== SPARK_VERSION)
      throw new LabUnavailable(`The unpacked Spark reports version ${version}, not the pinned ${SPARK_VERSION}.`);
  }
  const jobJar = join(dir, 'lab-job.jar');
  if (!stamp || stamp.jobSourceSha256 !== jobSourceSha256 || downloaded || !existsSync(jobJar)) compileJob(dir, home);
  writeFileSync(
    join(dir, 'stamp.json'),
    JSON.stringify({ version, sha256: PYSPARK_SHA256, jobSourceSha256 } satisfies Stamp),
  );
  return { home, version, jobJar, javaHome, ms: Date.now() - started, downloaded };
}
