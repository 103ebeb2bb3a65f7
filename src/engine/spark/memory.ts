// Models network/util/JavaUtils.java (byteStringAs, timeStringAs), network/util/ByteUnit.java,
// util/Utils.scala memoryStringToMb and deploy/worker/WorkerArguments.scala checkWorkerMemory:
// Spark's size and time strings, with Spark's own error texts.
//
// Values are Java longs, so the exact functions return bigint; the helpers the engine uses most
// (MiB, ms) return numbers, which are exact for every value Spark can produce in those units.

/** A Java exception as Spark would throw it: the JVM class name and the message. */
export class JvmException extends Error {
  readonly javaClass: string;

  constructor(javaClass: string, message: string) {
    super(message);
    this.name = 'JvmException';
    this.javaClass = javaClass;
  }

  /** Throwable.toString(): what follows `Exception in thread "main" ` on a console. */
  override toString(): string {
    return `${this.javaClass}: ${this.message}`;
  }
}

const NUMBER_FORMAT_EXCEPTION = 'java.lang.NumberFormatException';
export const ILLEGAL_ARGUMENT_EXCEPTION = 'java.lang.IllegalArgumentException';
const ILLEGAL_STATE_EXCEPTION = 'java.lang.IllegalStateException';

/** Either a value or the JvmException Spark would have thrown. */
export type JvmResult<T> = { ok: true; value: T } | { ok: false; error: JvmException };

/** Runs a throwing model function and captures a JvmException as a result (Scala's Try). */
export function attempt<T>(fn: () => T): JvmResult<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof JvmException) return { ok: false, error: e };
    throw e;
  }
}

const LONG_MAX = 9223372036854775807n;
const LONG_MIN = -9223372036854775808n;

/** java.lang.String.trim(): strips every char <= U+0020 (not the same set as JS trim()). */
export function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return s.slice(start, end);
}

/**
 * Long.parseLong for the ASCII digit strings the JavaUtils patterns let through; overflow gives
 * Java's own message (NumberFormatException.forInputString, radix 10).
 */
function parseJavaLong(digits: string): bigint {
  const value = BigInt(digits);
  if (value > LONG_MAX || value < LONG_MIN) {
    throw new JvmException(NUMBER_FORMAT_EXCEPTION, `For input string: "${digits}"`);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Sizes (ByteUnit.java + JavaUtils.byteStringAs)

export type ByteUnit = 'BYTE' | 'KiB' | 'MiB' | 'GiB' | 'TiB' | 'PiB';

const BYTE_MULTIPLIER: Record<ByteUnit, bigint> = {
  BYTE: 1n,
  KiB: 1n << 10n,
  MiB: 1n << 20n,
  GiB: 1n << 30n,
  TiB: 1n << 40n,
  PiB: 1n << 50n,
};

/** JavaUtils.byteSuffixes: binary units; "k" and "kb" are the same thing. */
const BYTE_SUFFIXES: Readonly<Record<string, ByteUnit>> = {
  b: 'BYTE',
  k: 'KiB',
  kb: 'KiB',
  m: 'MiB',
  mb: 'MiB',
  g: 'GiB',
  gb: 'GiB',
  t: 'TiB',
  tb: 'TiB',
  p: 'PiB',
  pb: 'PiB',
};

/**
 * ByteUnit.convertTo: `d` read in `from`, expressed in `to`. Going to a smaller unit can overflow
 * a long, which Spark reports as an IllegalArgumentException naming the source unit; going to a
 * larger unit truncates, as Java's long division does.
 */
export function convertByteUnit(d: bigint, from: ByteUnit, to: ByteUnit): bigint {
  const fromMul = BYTE_MULTIPLIER[from];
  const toMul = BYTE_MULTIPLIER[to];
  if (fromMul > toMul) {
    const ratio = fromMul / toMul;
    if (LONG_MAX / ratio < d) {
      throw new JvmException(
        ILLEGAL_ARGUMENT_EXCEPTION,
        `Conversion of ${d} exceeds Long.MAX_VALUE in ${from}. Try a larger unit (e.g. MiB instead of KiB)`,
      );
    }
    return d * ratio;
  }
  return d / (toMul / fromMul);
}

const BYTE_STRING = /^([0-9]+)([a-z]+)?$/;
const BYTE_STRING_FRACTION = /^([0-9]+\.[0-9]+)([a-z]+)?$/;

const BYTE_ERROR =
  'Size must be specified as bytes (b), kibibytes (k), mebibytes (m), gibibytes (g), tebibytes (t), ' +
  'or pebibytes(p). E.g. 50b, 100k, or 250m.';

/**
 * JavaUtils.byteStringAs: `<digits>[suffix]`, case-insensitive, surrounding blanks ignored; a
 * missing suffix means `unit`. Every NumberFormatException is rethrown with Spark's explanation
 * first, a newline, then the detail.
 */
export function byteStringAs(str: string, unit: ByteUnit): bigint {
  const lower = javaTrim(str.toLowerCase());
  try {
    const m = BYTE_STRING.exec(lower);
    if (m) {
      const val = parseJavaLong(m[1] ?? '');
      const suffix = m[2];
      if (suffix !== undefined && BYTE_SUFFIXES[suffix] === undefined) {
        throw new JvmException(NUMBER_FORMAT_EXCEPTION, `Invalid suffix: "${suffix}"`);
      }
      const from = suffix !== undefined ? (BYTE_SUFFIXES[suffix] ?? unit) : unit;
      return convertByteUnit(val, from, unit);
    }
    const fraction = BYTE_STRING_FRACTION.exec(lower);
    if (fraction) {
      throw new JvmException(
        NUMBER_FORMAT_EXCEPTION,
        `Fractional values are not supported. Input was: ${fraction[1] ?? ''}`,
      );
    }
    // Spark quotes the string as given, not the lower-cased, trimmed one.
    throw new JvmException(NUMBER_FORMAT_EXCEPTION, `Failed to parse byte string: ${str}`);
  } catch (e) {
    if (e instanceof JvmException && e.javaClass === NUMBER_FORMAT_EXCEPTION) {
      throw new JvmException(NUMBER_FORMAT_EXCEPTION, `${BYTE_ERROR}\n${e.message}`);
    }
    throw e;
  }
}

/** JavaUtils.byteStringAsBytes: no suffix means bytes. */
export function byteStringAsBytes(str: string): bigint {
  return byteStringAs(str, 'BYTE');
}

/** JavaUtils.byteStringAsKb: no suffix means KiB. */
export function byteStringAsKb(str: string): bigint {
  return byteStringAs(str, 'KiB');
}

/** JavaUtils.byteStringAsMb: no suffix means MiB. */
export function byteStringAsMb(str: string): bigint {
  return byteStringAs(str, 'MiB');
}

/** JavaUtils.byteStringAsGb: no suffix means GiB. */
export function byteStringAsGb(str: string): bigint {
  return byteStringAs(str, 'GiB');
}

/**
 * Utils.memoryStringToMb: parses as bytes first ("no suffix = bytes", so "512" is 0 MiB), then
 * integer-divides to MiB and narrows with Scala's Long.toInt (which wraps). Used by
 * SPARK_WORKER_MEMORY, the Worker's -m, the legacy cluster client's --memory and the REST
 * server's spark.driver.memory.
 */
export function memoryStringToMb(str: string): number {
  const mb = byteStringAsBytes(str) / 1024n / 1024n;
  return Number(BigInt.asIntN(32, mb));
}

/**
 * ConfigHelpers.byteFromString for `bytesConf(ByteUnit.MiB)` entries (spark.executor.memory,
 * spark.driver.memory): "no suffix = MiB", and a leading '-' (checked before any trimming) negates.
 */
export function bytesConfAsMb(str: string): number {
  return Number(bytesConfAs(str, 'MiB'));
}

/** ConfigHelpers.byteFromString: optional leading '-' then JavaUtils.byteStringAs. */
export function bytesConfAs(str: string, unit: ByteUnit): bigint {
  if (str.length > 0 && str.charAt(0) === '-') return -byteStringAs(str.slice(1), unit);
  return byteStringAs(str, unit);
}

/**
 * WorkerArguments: SPARK_WORKER_MEMORY and -m/--memory go through memoryStringToMb (so "512"
 * without a suffix is 0 MiB), then checkWorkerMemory refuses anything below 1 MiB. Returns the
 * Worker's memory in MiB or the exception the Worker would die with at start-up.
 */
export function workerMemoryMb(str: string): JvmResult<number> {
  const parsed = attempt(() => memoryStringToMb(str));
  if (!parsed.ok) return parsed;
  if (parsed.value <= 0) {
    return {
      ok: false,
      error: new JvmException(
        ILLEGAL_STATE_EXCEPTION,
        'Memory is below 1MB, or missing a M/G at the end of the memory specification?',
      ),
    };
  }
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// Times (JavaUtils.timeStringAs + java.util.concurrent.TimeUnit)

export type TimeUnit = 'MICROSECONDS' | 'MILLISECONDS' | 'SECONDS' | 'MINUTES' | 'HOURS' | 'DAYS';

/** Each TimeUnit in microseconds, the finest unit Spark's time strings accept. */
const TIME_IN_MICROS: Record<TimeUnit, bigint> = {
  MICROSECONDS: 1n,
  MILLISECONDS: 1_000n,
  SECONDS: 1_000_000n,
  MINUTES: 60_000_000n,
  HOURS: 3_600_000_000n,
  DAYS: 86_400_000_000n,
};

/** JavaUtils.timeSuffixes. Note "m" is minutes here (for sizes it is MiB). */
const TIME_SUFFIXES: Readonly<Record<string, TimeUnit>> = {
  us: 'MICROSECONDS',
  ms: 'MILLISECONDS',
  s: 'SECONDS',
  m: 'MINUTES',
  min: 'MINUTES',
  h: 'HOURS',
  d: 'DAYS',
};

/**
 * TimeUnit.convert: to a finer unit multiplies and saturates at Long.MAX_VALUE / MIN_VALUE, to a
 * coarser unit divides, truncating toward zero ("1500ms" in SECONDS is 1).
 */
export function convertTimeUnit(d: bigint, from: TimeUnit, to: TimeUnit): bigint {
  const fromMicros = TIME_IN_MICROS[from];
  const toMicros = TIME_IN_MICROS[to];
  if (fromMicros >= toMicros) {
    const product = d * (fromMicros / toMicros);
    if (product > LONG_MAX) return LONG_MAX;
    if (product < LONG_MIN) return LONG_MIN;
    return product;
  }
  return d / (toMicros / fromMicros);
}

const TIME_STRING = /^(-?[0-9]+)([a-z]+)?$/;

const TIME_ERROR =
  'Time must be specified as seconds (s), milliseconds (ms), microseconds (us), minutes (m or min), ' +
  'hour (h), or day (d). E.g. 50s, 100ms, or 250us.';

/**
 * JavaUtils.timeStringAs: `[-]<digits>[suffix]`, case-insensitive, surrounding blanks ignored; a
 * missing suffix means `unit`, and the result is expressed in `unit` (truncated).
 */
export function timeStringAs(str: string, unit: TimeUnit): bigint {
  const lower = javaTrim(str.toLowerCase());
  try {
    const m = TIME_STRING.exec(lower);
    if (!m) throw new JvmException(NUMBER_FORMAT_EXCEPTION, `Failed to parse time string: ${str}`);
    const val = parseJavaLong(m[1] ?? '');
    const suffix = m[2];
    if (suffix !== undefined && TIME_SUFFIXES[suffix] === undefined) {
      throw new JvmException(NUMBER_FORMAT_EXCEPTION, `Invalid suffix: "${suffix}"`);
    }
    const from = suffix !== undefined ? (TIME_SUFFIXES[suffix] ?? unit) : unit;
    return convertTimeUnit(val, from, unit);
  } catch (e) {
    if (e instanceof JvmException && e.javaClass === NUMBER_FORMAT_EXCEPTION) {
      throw new JvmException(NUMBER_FORMAT_EXCEPTION, `${TIME_ERROR}\n${e.message}`);
    }
    throw e;
  }
}

/** JavaUtils.timeStringAsMs: no suffix means milliseconds. */
export function timeStringAsMs(str: string): number {
  return Number(timeStringAs(str, 'MILLISECONDS'));
}

/** JavaUtils.timeStringAsSec (Utils.timeStringAsSeconds): no suffix means seconds, truncated. */
export function timeStringAsSec(str: string): number {
  return Number(timeStringAs(str, 'SECONDS'));
}

/** Milliseconds in one `unit`, for turning a value read in a conf's unit into engine time. */
export function millisPerTimeUnit(unit: TimeUnit): number {
  return Number(TIME_IN_MICROS[unit]) / 1000;
}

// ---------------------------------------------------------------------------------------------
// Sizes in log lines (Utils.bytesToString / megabytesToString)

/**
 * Utils.bytesToString: a unit is used from twice its size up ("%.1f %s"), so 1 GiB prints as
 * "1024.0 MiB" and 8 GiB as "8.0 GiB".
 */
export function bytesToString(size: number): string {
  const units: [number, string][] = [
    [2 ** 60, 'EiB'],
    [2 ** 50, 'PiB'],
    [2 ** 40, 'TiB'],
    [2 ** 30, 'GiB'],
    [2 ** 20, 'MiB'],
    [2 ** 10, 'KiB'],
  ];
  for (const [unit, name] of units) if (size >= 2 * unit) return `${(size / unit).toFixed(1)} ${name}`;
  return `${size.toFixed(1)} B`;
}

/** Utils.megabytesToString */
export function megabytesToString(mb: number): string {
  return bytesToString(mb * 1024 * 1024);
}
