import { describe, expect, it } from 'vitest';
import { thrown } from '../test-support/jvm';
import {
  bytesToString,
  megabytesToString,
  attempt,
  byteStringAs,
  byteStringAsBytes,
  byteStringAsGb,
  byteStringAsKb,
  byteStringAsMb,
  bytesConfAsMb,
  convertByteUnit,
  convertTimeUnit,
  javaTrim,
  memoryStringToMb,
  millisPerTimeUnit,
  timeStringAs,
  timeStringAsMs,
  timeStringAsSec,
  workerMemoryMb,
} from './memory';

const SIZE_HELP =
  'Size must be specified as bytes (b), kibibytes (k), mebibytes (m), gibibytes (g), tebibytes (t), ' +
  'or pebibytes(p). E.g. 50b, 100k, or 250m.';
const TIME_HELP =
  'Time must be specified as seconds (s), milliseconds (ms), microseconds (us), minutes (m or min), ' +
  'hour (h), or day (d). E.g. 50s, 100ms, or 250us.';

describe('byteStringAs (JavaUtils)', () => {
  it('reads every suffix as a binary unit, case-insensitively', () => {
    expect(byteStringAsBytes('50b')).toBe(50n);
    expect(byteStringAsBytes('1k')).toBe(1024n);
    expect(byteStringAsBytes('1kb')).toBe(1024n);
    expect(byteStringAsBytes('1m')).toBe(1048576n);
    expect(byteStringAsBytes('1MB')).toBe(1048576n);
    expect(byteStringAsBytes('2G')).toBe(2147483648n);
    expect(byteStringAsBytes('1gb')).toBe(1073741824n);
    expect(byteStringAsBytes('1t')).toBe(1099511627776n);
    expect(byteStringAsBytes('1tb')).toBe(1099511627776n);
    expect(byteStringAsBytes('1p')).toBe(1125899906842624n);
    expect(byteStringAsBytes('1PB')).toBe(1125899906842624n);
  });

  it('uses the requested unit when there is no suffix', () => {
    expect(byteStringAsBytes('512')).toBe(512n);
    expect(byteStringAsKb('512')).toBe(512n);
    expect(byteStringAsMb('512')).toBe(512n);
    expect(byteStringAsGb('2')).toBe(2n);
  });

  it('converts down with truncation, like Java long division', () => {
    expect(byteStringAsMb('1000M')).toBe(1000n);
    expect(byteStringAsMb('1g')).toBe(1024n);
    expect(byteStringAsMb('1500k')).toBe(1n);
    expect(byteStringAsGb('1023m')).toBe(0n);
    expect(byteStringAs('3k', 'KiB')).toBe(3n);
  });

  it('ignores surrounding blanks', () => {
    expect(byteStringAsMb('  2g \t')).toBe(2048n);
  });

  it('rejects fractions with Spark’s message', () => {
    const e = thrown(() => byteStringAsBytes('1.5g'));
    expect(e.javaClass).toBe('java.lang.NumberFormatException');
    expect(e.message).toBe(`${SIZE_HELP}\nFractional values are not supported. Input was: 1.5`);
  });

  it('rejects unknown suffixes with Spark’s message', () => {
    const e = thrown(() => byteStringAsBytes('10x'));
    expect(e.message).toBe(`${SIZE_HELP}\nInvalid suffix: "x"`);
    expect(thrown(() => byteStringAsMb('2GiB')).message).toBe(`${SIZE_HELP}\nInvalid suffix: "gib"`);
  });

  it('quotes the original string when it cannot be parsed at all', () => {
    expect(thrown(() => byteStringAsBytes(' -1g')).message).toBe(`${SIZE_HELP}\nFailed to parse byte string:  -1g`);
    expect(thrown(() => byteStringAsBytes('')).message).toBe(`${SIZE_HELP}\nFailed to parse byte string: `);
    expect(thrown(() => byteStringAsBytes('1 g')).message).toBe(`${SIZE_HELP}\nFailed to parse byte string: 1 g`);
  });

  it('reports a long overflow the way Long.parseLong does', () => {
    expect(thrown(() => byteStringAsBytes('99999999999999999999')).message).toBe(
      `${SIZE_HELP}\nFor input string: "99999999999999999999"`,
    );
  });

  it('reports a unit conversion overflow as an unwrapped IllegalArgumentException', () => {
    const e = thrown(() => byteStringAsBytes('9000000p'));
    expect(e.javaClass).toBe('java.lang.IllegalArgumentException');
    expect(e.message).toBe(
      'Conversion of 9000000 exceeds Long.MAX_VALUE in PiB. Try a larger unit (e.g. MiB instead of KiB)',
    );
  });

  it('convertByteUnit mirrors ByteUnit.convertTo', () => {
    expect(convertByteUnit(3n, 'GiB', 'MiB')).toBe(3072n);
    expect(convertByteUnit(3072n, 'MiB', 'GiB')).toBe(3n);
    expect(convertByteUnit(7n, 'MiB', 'MiB')).toBe(7n);
  });
});

describe('consumers of byte strings', () => {
  it('memoryStringToMb treats a bare number as bytes', () => {
    expect(memoryStringToMb('512')).toBe(0);
    expect(memoryStringToMb('512m')).toBe(512);
    expect(memoryStringToMb('16g')).toBe(16384);
    expect(memoryStringToMb('1048576')).toBe(1);
  });

  it('memoryStringToMb narrows with Long.toInt', () => {
    // 4096 TiB = 2^32 MiB, which wraps to 0 as a Scala Int.
    expect(memoryStringToMb('4096t')).toBe(0);
    expect(memoryStringToMb('2048t')).toBe(-2147483648);
  });

  it('bytesConfAsMb treats a bare number as MiB and honours a leading minus', () => {
    expect(bytesConfAsMb('512')).toBe(512);
    expect(bytesConfAsMb('1g')).toBe(1024);
    expect(bytesConfAsMb('-1g')).toBe(-1024);
    expect(thrown(() => bytesConfAsMb('lots')).message).toBe(`${SIZE_HELP}\nFailed to parse byte string: lots`);
  });

  it('workerMemoryMb accepts what WorkerArguments accepts', () => {
    expect(workerMemoryMb('16g')).toEqual({ ok: true, value: 16384 });
    expect(workerMemoryMb('1024m')).toEqual({ ok: true, value: 1024 });
  });

  it('workerMemoryMb refuses a bare number below 1 MiB with checkWorkerMemory’s message', () => {
    const r = workerMemoryMb('2048');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.javaClass).toBe('java.lang.IllegalStateException');
    expect(r.error.message).toBe('Memory is below 1MB, or missing a M/G at the end of the memory specification?');
    expect(String(r.error)).toBe(
      'java.lang.IllegalStateException: Memory is below 1MB, or missing a M/G at the end of the memory specification?',
    );
  });

  it('workerMemoryMb passes the NumberFormatException through for garbage', () => {
    const r = workerMemoryMb('16gigs');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.javaClass).toBe('java.lang.NumberFormatException');
    expect(r.error.message).toBe(`${SIZE_HELP}\nInvalid suffix: "gigs"`);
  });
});

describe('timeStringAs (JavaUtils)', () => {
  it('reads every suffix', () => {
    expect(timeStringAsMs('250us')).toBe(0);
    expect(timeStringAs('250us', 'MICROSECONDS')).toBe(250n);
    expect(timeStringAsMs('100ms')).toBe(100);
    expect(timeStringAsMs('60s')).toBe(60000);
    expect(timeStringAsMs('2m')).toBe(120000);
    expect(timeStringAsMs('2min')).toBe(120000);
    expect(timeStringAsMs('1h')).toBe(3600000);
    expect(timeStringAsMs('1d')).toBe(86400000);
    expect(timeStringAsMs('10S')).toBe(10000);
  });

  it('uses the requested unit without a suffix', () => {
    expect(timeStringAsMs('5000')).toBe(5000);
    expect(timeStringAsSec('120')).toBe(120);
  });

  it('truncates toward zero when converting to a coarser unit', () => {
    expect(timeStringAsSec('5000ms')).toBe(5);
    expect(timeStringAsSec('1500ms')).toBe(1);
    expect(timeStringAsSec('500ms')).toBe(0);
    expect(timeStringAsSec('-1500ms')).toBe(-1);
  });

  it('accepts negative values', () => {
    expect(timeStringAsMs('-5s')).toBe(-5000);
  });

  it('saturates when converting to a finer unit', () => {
    expect(timeStringAs('9223372036854775807d', 'MILLISECONDS')).toBe(9223372036854775807n);
    expect(convertTimeUnit(-9223372036854775807n, 'DAYS', 'MICROSECONDS')).toBe(-9223372036854775808n);
  });

  it('rejects unknown suffixes with Spark’s message', () => {
    const e = thrown(() => timeStringAsMs('10x'));
    expect(e.javaClass).toBe('java.lang.NumberFormatException');
    expect(e.message).toBe(`${TIME_HELP}\nInvalid suffix: "x"`);
    expect(thrown(() => timeStringAsMs('5sec')).message).toBe(`${TIME_HELP}\nInvalid suffix: "sec"`);
  });

  it('rejects unparsable strings, quoting them as given', () => {
    expect(thrown(() => timeStringAsMs('1.5s')).message).toBe(`${TIME_HELP}\nFailed to parse time string: 1.5s`);
    expect(thrown(() => timeStringAsMs('Soon')).message).toBe(`${TIME_HELP}\nFailed to parse time string: Soon`);
  });

  it('millisPerTimeUnit converts a unit to engine milliseconds', () => {
    expect(millisPerTimeUnit('SECONDS')).toBe(1000);
    expect(millisPerTimeUnit('MILLISECONDS')).toBe(1);
    expect(millisPerTimeUnit('MINUTES')).toBe(60000);
  });
});

describe('helpers', () => {
  it('javaTrim strips control characters but not non-breaking spaces', () => {
    expect(javaTrim('\u0001 x \n')).toBe('x');
    expect(javaTrim('\u00a0x')).toBe('\u00a0x');
  });

  it('attempt turns a JvmException into a result and rethrows anything else', () => {
    expect(attempt(() => 1)).toEqual({ ok: true, value: 1 });
    const r = attempt(() => byteStringAsBytes('x'));
    expect(r.ok).toBe(false);
    expect(() =>
      attempt(() => {
        throw new TypeError('boom');
      }),
    ).toThrow(TypeError);
  });
});

describe('Utils.bytesToString / megabytesToString', () => {
  it('switches unit at twice its size', () => {
    expect(megabytesToString(8192)).toBe('8.0 GiB');
    expect(megabytesToString(1024)).toBe('1024.0 MiB');
    expect(megabytesToString(2048)).toBe('2.0 GiB');
    expect(megabytesToString(512)).toBe('512.0 MiB');
    expect(bytesToString(1000)).toBe('1000.0 B');
    expect(bytesToString(3 * 1024)).toBe('3.0 KiB');
  });
});
