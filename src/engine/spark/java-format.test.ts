import { describe, expect, it } from 'vitest';
import { javaFormat, type JavaFormatArg } from './java-format';

type Expected = { out: string } | { error: string };

/**
 * Each pattern and arguments (a number is a java.lang.Integer) with what JDK 17's
 * `String.format` printed or threw for them (`Exception.toString()`), recorded from a real JVM.
 */
const JDK17: [string, JavaFormatArg[], Expected][] = [
  ['app-%s-%04d', ['20260101000000', 7], { out: 'app-20260101000000-0007' }],
  ['my-app-%2$05d', ['20260101000000', 0], { out: 'my-app-00000' }],
  ['%2$d', ['20260101000000', 5], { out: '5' }],
  ['driver-%2$d-%1$s', ['20260101000000', 19], { out: 'driver-19-20260101000000' }],
  ['%2$05d-%<d-%1$s', ['x', 3], { out: '00003-3-x' }],
  ['%s-%<S', ['ab', 1], { out: 'ab-AB' }],
  ['%2$s %s %<s %s', ['a', 'b'], { out: 'b a a b' }],
  ['%1$s %s %s', ['a', 'b'], { out: 'a a b' }],
  ['%2$s-%s-%s', ['a', 1], { out: '1-a-1' }],
  ['%<s', ['x', 1], { error: "java.util.MissingFormatArgumentException: Format specifier '%<s'" }],
  ['%1$<s', ['x', 1], { error: "java.util.MissingFormatArgumentException: Format specifier '%<s'" }],
  ['%0$s', ['x', 1], { error: 'java.util.IllegalFormatArgumentIndexException: Illegal format argument index = 0' }],
  [
    '%99999999999$s',
    ['x', 1],
    { error: 'java.util.IllegalFormatArgumentIndexException: Format argument index: (not representable as int)' },
  ],
  ['%3$s', ['x', 1], { error: "java.util.MissingFormatArgumentException: Format specifier '%3$s'" }],
  ['%s%s%s', ['x', 1], { error: "java.util.MissingFormatArgumentException: Format specifier '%s'" }],
  ['%q', ['x', 1], { error: "java.util.UnknownFormatConversionException: Conversion = 'q'" }],
  ['%Q', [1], { error: "java.util.UnknownFormatConversionException: Conversion = 'Q'" }],
  ['100%', ['x', 1], { error: "java.util.UnknownFormatConversionException: Conversion = '%'" }],
  ['%$s', ['x', 1], { error: "java.util.UnknownFormatConversionException: Conversion = '$'" }],
  ['%.s', ['x', 1], { error: "java.util.UnknownFormatConversionException: Conversion = '.'" }],
  ['%-1$s', ['x', 1], { error: "java.util.UnknownFormatConversionException: Conversion = '-'" }],
  ['%-s', ['x', 1], { error: 'java.util.MissingFormatWidthException: %-s' }],
  ['%05s', ['x', 1], { error: 'java.util.FormatFlagsConversionMismatchException: Conversion = s, Flags = 0' }],
  ['%+s', ['x', 1], { error: 'java.util.FormatFlagsConversionMismatchException: Conversion = s, Flags = +' }],
  ['%#s', ['x', 1], { error: 'java.util.FormatFlagsConversionMismatchException: Conversion = s, Flags = #' }],
  ['%-05d', ['x', 1], { error: "java.util.IllegalFormatFlagsException: Flags = '-0'" }],
  ['%0d', ['x', 1], { error: 'java.util.MissingFormatWidthException: %0d' }],
  ['%--5d', ['x', 1], { error: "java.util.DuplicateFormatFlagsException: Flags = '-'" }],
  ['%+ d', ['x', 1], { error: "java.util.IllegalFormatFlagsException: Flags = '+ '" }],
  ['%#d', ['x', 1], { error: 'java.util.FormatFlagsConversionMismatchException: Conversion = d, Flags = #' }],
  ['%,x', ['x', 1], { error: 'java.util.FormatFlagsConversionMismatchException: Conversion = x, Flags = ,' }],
  ['%2$-5d|', ['x', 1], { out: '1    |' }],
  ['%-5s|', ['ab', 1], { out: 'ab   |' }],
  ['%10.2s|', ['abc', 1], { out: '        ab|' }],
  ['%.2s', ['abc', 1], { out: 'ab' }],
  ['%.2d', ['abc', 1], { error: 'java.util.IllegalFormatPrecisionException: 2' }],
  ['%2147483648d', [1], { error: 'java.util.IllegalFormatWidthException: -2147483648' }],
  ['%.2147483648s', [1], { error: 'java.util.IllegalFormatPrecisionException: -2147483648' }],
  ['%5n', ['x', 1], { error: 'java.util.IllegalFormatWidthException: 5' }],
  ['%,n', ['x', 1], { error: "java.util.IllegalFormatFlagsException: Flags = ','" }],
  ['%-%', ['x', 1], { error: 'java.util.MissingFormatWidthException: %-%' }],
  ['%-5%|', ['x', 1], { out: '%    |' }],
  ['%0%', ['x', 1], { error: "java.util.IllegalFormatFlagsException: Flags = '0'" }],
  ['%%%n%s', ['x'], { out: '%\nx' }],
  ['%d', ['x', 1], { error: 'java.util.IllegalFormatConversionException: d != java.lang.String' }],
  ['%,d', [1234567], { out: '1,234,567' }],
  ['%,08d', [1234567], { out: '1,234,567' }],
  ['%,d', [-1234567], { out: '-1,234,567' }],
  ['%(,010d', [-1234567], { out: '(1,234,567)' }],
  ['%0,10d', [1234], { out: '000001,234' }],
  ['%+d', [5], { out: '+5' }],
  ['% d', [5], { out: ' 5' }],
  ['%(d', [-5], { out: '(5)' }],
  ['%(5d', [-3], { out: '  (3)' }],
  ['%-(6d|', [-3], { out: '(3)   |' }],
  ['%05d', [-3], { out: '-0003' }],
  ['%+05d', [-3], { out: '-0003' }],
  ['%x', [255], { out: 'ff' }],
  ['%x', [-255], { out: 'ffffff01' }],
  ['%#X', [255], { out: '0XFF' }],
  ['%#x', [-1], { out: '0xffffffff' }],
  ['%08X', [255], { out: '000000FF' }],
  ['%#010x', [255], { out: '0x000000ff' }],
  ['%-#8x|', [255], { out: '0xff    |' }],
  ['%(x', [-255], { error: 'java.util.FormatFlagsConversionMismatchException: Conversion = x, Flags = (' }],
  ['% x', [1], { error: 'java.util.FormatFlagsConversionMismatchException: Conversion = x, Flags =  ' }],
  ['%o', [8], { out: '10' }],
  ['%#o', [8], { out: '010' }],
  ['%(o', [1], { error: 'java.util.FormatFlagsConversionMismatchException: Conversion = o, Flags = (' }],
  ['%b', ['x'], { out: 'true' }],
  ['%B', ['ab'], { out: 'TRUE' }],
  ['%.3b', [1], { out: 'tru' }],
  ['%#b', [1], { error: 'java.util.FormatFlagsConversionMismatchException: Conversion = b, Flags = #' }],
  ['%h', ['abc'], { out: '17862' }],
  ['%H', ['ab'], { out: 'C21' }],
  ['%h', [255], { out: 'ff' }],
  ['%h', [-1], { out: 'ffffffff' }],
  ['%c', [65], { out: 'A' }],
  ['%C', [97], { out: 'A' }],
  ['%5c|', [66], { out: '    B|' }],
  ['%c', ['x'], { error: 'java.util.IllegalFormatConversionException: c != java.lang.String' }],
  ['%c', [-1], { error: 'java.util.IllegalFormatCodePointException: Code point = 0xffffffff' }],
  ['%.1c', [97], { error: 'java.util.IllegalFormatPrecisionException: 1' }],
  ['%#c', [97], { error: 'java.util.FormatFlagsConversionMismatchException: Conversion = c, Flags = #' }],
  ['%f', [1], { error: 'java.util.IllegalFormatConversionException: f != java.lang.Integer' }],
  ['%E', [1], { error: 'java.util.IllegalFormatConversionException: e != java.lang.Integer' }],
  ['%,e', [1], { error: 'java.util.FormatFlagsConversionMismatchException: Conversion = e, Flags = ,' }],
  ['%(a', [1], { error: 'java.util.FormatFlagsConversionMismatchException: Conversion = a, Flags = (' }],
  ['%#g', [1], { error: 'java.util.FormatFlagsConversionMismatchException: Conversion = g, Flags = #' }],
  ['%tY', [1], { error: 'java.util.IllegalFormatConversionException: Y != java.lang.Integer' }],
  ['%Ty', ['ab'], { error: 'java.util.IllegalFormatConversionException: y != java.lang.String' }],
  ['%t', [1], { error: "java.util.UnknownFormatConversionException: Conversion = 't'" }],
  ['%tq', [1], { error: "java.util.UnknownFormatConversionException: Conversion = 'tq'" }],
  ['%-tY', [1], { error: 'java.util.MissingFormatWidthException: %-tY' }],
  ['%.2tY', [1], { error: 'java.util.IllegalFormatPrecisionException: 2' }],
  ['worker-%s-%s-%d', ['20260101000000', 'w1', 7078], { out: 'worker-20260101000000-w1-7078' }],
];

function run(pattern: string, args: JavaFormatArg[]): Expected {
  try {
    return { out: javaFormat(pattern, args) };
  } catch (e) {
    return { error: String(e) };
  }
}

describe('java.util.Formatter as JDK 17 runs it', () => {
  it.each(JDK17)('%j with %j', (pattern, args, expected) => {
    expect(run(pattern, args)).toEqual(expected);
  });

  it("passes Spark's own MasterSuite cases for the app id pattern", () => {
    // SPARK-45754: "my-app-%2$05d" gives my-app-00000, my-app-00001.
    expect(javaFormat('my-app-%2$05d', ['20260101000000', 0])).toBe('my-app-00000');
    expect(javaFormat('my-app-%2$05d', ['20260101000000', 1])).toBe('my-app-00001');
    // SPARK-45785: "%2$d" with spark.deploy.appNumberModulo.
    expect(javaFormat('%2$d', ['20260101000000', 999])).toBe('999');
  });
});
