// Models java.util.Formatter (JDK 17), which Spark's id patterns go through: Master.scala's
// newApplicationId and newDriverId call `appIdPattern.format(date, number)` and Worker.scala's
// generateWorkerId `workerIdPattern.format(date, host, port)`. The arguments are only ever a
// String and a java.lang.Integer, so every conversion is modelled for those two types: the ones
// that print them (%s %S %d %o %x %X %b %B %h %H %c %C, %% and %n, with flags, width, precision
// and argument indices, explicit `%2$05d` and relative `%<s`), and the ones that cannot
// (%e %f %g %a and the %t date/time family), which throw as Java does. Every exception has
// Java's class and message, checked against a JDK 17 `String.format` (see java-format.test.ts).
// Java parses the whole pattern before printing anything, so a malformed specifier anywhere wins
// over a missing argument earlier on; this does the same.

import { JvmException } from './memory';

/** A format argument: a string is a java.lang.String, a number a java.lang.Integer. */
export type JavaFormatArg = string | number;

// Formatter.fsPattern: %[argument_index$][flags][width][.precision][t]conversion
const FS_PATTERN = /%(\d+\$)?([-#+ 0,(<]*)?(\d+)?(\.\d+)?([tT])?([a-zA-Z%])/y;

/** Conversion.isValid: the conversions Formatter knows (t and T are prefixes, not conversions). */
const VALID_CONVERSIONS = new Set('bBhHsScCdoxXeEgGfaAn%');
/** DateTime.isValid: the suffixes of %t. */
const DATE_TIME_SUFFIXES = new Set('HIklMSLNpzZsQBbhAaCYyjmdeRTrDFc');

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** Formatter.Flags, in Flags.toString's order. */
const FLAG_ORDER = ['-', '^', '#', '+', ' ', '0', ',', '(', '<'] as const;
type Flag = (typeof FLAG_ORDER)[number];

function flagsText(flags: ReadonlySet<Flag>): string {
  return FLAG_ORDER.filter((f) => flags.has(f)).join('');
}

function fail(cls: string, message: string): never {
  throw new JvmException(`java.util.${cls}`, message);
}

/** Integer.parseInt of a run of digits: undefined when it does not fit an int. */
function parseIntOrUndefined(digits: string): number | undefined {
  const n = Number(digits);
  return n <= INT_MAX ? n : undefined;
}

interface Specifier {
  /** -2: fixed text, %n or %%; -1: relative (%<); 0: ordinary; n > 0: explicit %n$. */
  index: number;
  flags: Set<Flag>;
  width: number;
  precision: number;
  dt: boolean;
  /** The conversion, lower-cased (UPPERCASE is then a flag). */
  c: string;
}

type Piece = { text: string } | { spec: Specifier };

/** FormatSpecifier.toString: how Java names a specifier in its exceptions. */
function specText(s: Specifier): string {
  const flags = new Set(s.flags);
  flags.delete('^');
  const upper = s.flags.has('^');
  return (
    '%' +
    flagsText(flags) +
    (s.index > 0 ? `${s.index}$` : '') +
    (s.width !== -1 ? String(s.width) : '') +
    (s.precision !== -1 ? `.${s.precision}` : '') +
    (s.dt ? (upper ? 'T' : 't') : '') +
    (upper ? s.c.toUpperCase() : s.c)
  );
}

function failMismatch(flag: Flag, c: string): never {
  return fail('FormatFlagsConversionMismatchException', `Conversion = ${c}, Flags = ${flag}`);
}

function checkBadFlags(s: Specifier, ...bad: Flag[]): void {
  for (const f of bad) if (s.flags.has(f)) failMismatch(f, s.c);
}

function checkNumeric(s: Specifier): void {
  if (s.width === -1 && (s.flags.has('-') || s.flags.has('0'))) fail('MissingFormatWidthException', specText(s));
  if ((s.flags.has('+') && s.flags.has(' ')) || (s.flags.has('-') && s.flags.has('0')))
    fail('IllegalFormatFlagsException', `Flags = '${flagsText(s.flags)}'`);
}

/** FormatSpecifier's constructor: parse one matched specifier and run its parse-time checks. */
function specifier(m: RegExpExecArray): Specifier {
  const [, indexText, flagText = '', widthText, precisionText, tT, conv = ''] = m;
  const s: Specifier = { index: 0, flags: new Set(), width: -1, precision: -1, dt: false, c: conv };
  if (indexText !== undefined) {
    const n = parseIntOrUndefined(indexText.slice(0, -1));
    if (n === undefined)
      fail('IllegalFormatArgumentIndexException', 'Format argument index: (not representable as int)');
    if (n <= 0) fail('IllegalFormatArgumentIndexException', `Illegal format argument index = ${n}`);
    s.index = n;
  }
  for (const ch of flagText) {
    const f = ch as Flag;
    if (s.flags.has(f)) fail('DuplicateFormatFlagsException', `Flags = '${f}'`);
    s.flags.add(f);
  }
  if (s.flags.has('<')) s.index = -1;
  if (widthText !== undefined) s.width = parseIntOrUndefined(widthText) ?? INT_MIN;
  if (s.width < -1) fail('IllegalFormatWidthException', String(s.width));
  if (precisionText !== undefined) s.precision = parseIntOrUndefined(precisionText.slice(1)) ?? INT_MIN;
  if (s.precision < -1) fail('IllegalFormatPrecisionException', String(s.precision));
  if (tT !== undefined) {
    s.dt = true;
    if (tT === 'T') s.flags.add('^');
  }
  if (!s.dt) {
    if (!VALID_CONVERSIONS.has(conv)) fail('UnknownFormatConversionException', `Conversion = '${conv}'`);
    if (conv !== conv.toLowerCase()) {
      s.flags.add('^');
      s.c = conv.toLowerCase();
    }
    if (s.c === 'n' || s.c === '%') s.index = -2;
  }
  checkSpecifier(s);
  return s;
}

function checkSpecifier(s: Specifier): void {
  const c = s.c;
  if (s.dt) {
    if (s.precision !== -1) fail('IllegalFormatPrecisionException', String(s.precision));
    if (!DATE_TIME_SUFFIXES.has(c)) fail('UnknownFormatConversionException', `Conversion = 't${c}'`);
    checkBadFlags(s, '#', '+', ' ', '0', ',', '(');
    if (s.width === -1 && s.flags.has('-')) fail('MissingFormatWidthException', specText(s));
  } else if (c === 'b' || c === 'h' || c === 's') {
    if ((c === 'b' || c === 'h') && s.flags.has('#')) failMismatch('#', c);
    if (s.width === -1 && s.flags.has('-')) fail('MissingFormatWidthException', specText(s));
    checkBadFlags(s, '+', ' ', '0', ',', '(');
  } else if (c === 'c') {
    if (s.precision !== -1) fail('IllegalFormatPrecisionException', String(s.precision));
    checkBadFlags(s, '#', '+', ' ', '0', ',', '(');
    if (s.width === -1 && s.flags.has('-')) fail('MissingFormatWidthException', specText(s));
  } else if (c === 'd' || c === 'o' || c === 'x') {
    checkNumeric(s);
    if (s.precision !== -1) fail('IllegalFormatPrecisionException', String(s.precision));
    checkBadFlags(s, c === 'd' ? '#' : ',');
  } else if (c === 'e' || c === 'f' || c === 'g' || c === 'a') {
    checkNumeric(s);
    if (c === 'a') checkBadFlags(s, '(', ',');
    else if (c === 'e') checkBadFlags(s, ',');
    else if (c === 'g') checkBadFlags(s, '#');
  } else {
    // %% and %n
    if (s.precision !== -1) fail('IllegalFormatPrecisionException', String(s.precision));
    if (c === '%') {
      const only = flagsText(s.flags);
      if (only !== '' && only !== '-') fail('IllegalFormatFlagsException', `Flags = '${only}'`);
      if (s.width === -1 && s.flags.has('-')) fail('MissingFormatWidthException', specText(s));
    } else {
      if (s.width !== -1) fail('IllegalFormatWidthException', String(s.width));
      if (s.flags.size > 0) fail('IllegalFormatFlagsException', `Flags = '${flagsText(s.flags)}'`);
    }
  }
}

/** Formatter.parse: fixed text and specifiers, or the exception of the first malformed one. */
function parse(pattern: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < pattern.length) {
    const n = pattern.indexOf('%', i);
    if (n < 0) {
      pieces.push({ text: pattern.slice(i) });
      break;
    }
    if (n > i) pieces.push({ text: pattern.slice(i, n) });
    if (n + 1 >= pattern.length) fail('UnknownFormatConversionException', "Conversion = '%'");
    FS_PATTERN.lastIndex = n;
    const m = FS_PATTERN.exec(pattern);
    if (m === null) fail('UnknownFormatConversionException', `Conversion = '${pattern.charAt(n + 1)}'`);
    pieces.push({ spec: specifier(m) });
    i = FS_PATTERN.lastIndex;
  }
  return pieces;
}

function javaClass(arg: JavaFormatArg): string {
  return typeof arg === 'string' ? 'java.lang.String' : 'java.lang.Integer';
}

function failConversion(c: string, arg: JavaFormatArg): never {
  return fail('IllegalFormatConversionException', `${c} != ${javaClass(arg)}`);
}

function justify(s: Specifier, text: string): string {
  if (s.width === -1 || text.length >= s.width) return text;
  const pad = ' '.repeat(s.width - text.length);
  return s.flags.has('-') ? text + pad : pad + text;
}

/** String.hashCode over UTF-16 code units, as a 32-bit int. */
function stringHashCode(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

/** Integer.toHexString / toOctalString: the 32-bit two's complement, unsigned. */
function unsigned(value: number, radix: number): string {
  return (value >>> 0).toString(radix);
}

function printString(s: Specifier, text: string): string {
  let t = s.precision !== -1 && s.precision < text.length ? text.slice(0, s.precision) : text;
  if (s.flags.has('^')) t = t.toUpperCase();
  return justify(s, t);
}

/** Formatter's print(long) for %d: sign, grouping (`,` every three digits), zero padding. */
function printDecimal(s: Specifier, value: number): string {
  const neg = value < 0;
  const f = s.flags;
  let sb = neg ? (f.has('(') ? '(' : '-') : f.has('+') ? '+' : f.has(' ') ? ' ' : '';
  let digits = String(Math.abs(value));
  if (f.has(',')) digits = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  const width = s.width !== -1 && neg && f.has('(') ? s.width - 1 : s.width;
  if (width !== -1 && f.has('0') && sb.length + digits.length < width)
    digits = '0'.repeat(width - sb.length - digits.length) + digits;
  sb += digits;
  if (neg && f.has('(')) sb += ')';
  return justify(s, sb);
}

function printRadix(s: Specifier, value: number): string {
  checkBadFlags(s, '(', ' ', '+');
  const hex = s.c === 'x';
  let digits = unsigned(value, hex ? 16 : 8);
  const prefix = s.flags.has('#') ? (hex ? (s.flags.has('^') ? '0X' : '0x') : '0') : '';
  if (s.flags.has('0') && prefix.length + digits.length < s.width)
    digits = '0'.repeat(s.width - prefix.length - digits.length) + digits;
  if (s.flags.has('^')) digits = digits.toUpperCase();
  return justify(s, prefix + digits);
}

function print(s: Specifier, arg: JavaFormatArg): string {
  if (s.dt) return failConversion(s.c, arg);
  switch (s.c) {
    case 's':
      // A String or an Integer is not Formattable: '#' is refused when it is printed.
      if (s.flags.has('#')) failMismatch('#', 's');
      return printString(s, String(arg));
    case 'b':
      return printString(s, 'true');
    case 'h':
      return printString(s, unsigned(typeof arg === 'string' ? stringHashCode(arg) : arg, 16));
    case 'c': {
      if (typeof arg === 'string') return failConversion('c', arg);
      if (arg < 0 || arg > 0x10ffff) fail('IllegalFormatCodePointException', `Code point = 0x${unsigned(arg, 16)}`);
      const ch = String.fromCodePoint(arg);
      return justify(s, s.flags.has('^') ? ch.toUpperCase() : ch);
    }
    case 'd':
      if (typeof arg === 'string') return failConversion('d', arg);
      return printDecimal(s, arg);
    case 'o':
    case 'x':
      if (typeof arg === 'string') return failConversion(s.c, arg);
      return printRadix(s, arg);
    default:
      // e, f, g, a: neither a String nor an Integer is a floating-point value.
      return failConversion(s.c, arg);
  }
}

/**
 * String.format(pattern, args) as JDK 17 runs it. Throws a JvmException with Java's exception
 * class and message (UnknownFormatConversionException, MissingFormatArgumentException,
 * IllegalFormatConversionException, ...) when Java would throw.
 */
export function javaFormat(pattern: string, args: readonly JavaFormatArg[]): string {
  const pieces = parse(pattern);
  let out = '';
  let last = -1;
  let lastOrdinary = -1;
  for (const piece of pieces) {
    if ('text' in piece) {
      out += piece.text;
      continue;
    }
    const s = piece.spec;
    if (s.index === -2) {
      out += s.c === 'n' ? '\n' : justify(s, '%');
      continue;
    }
    if (s.index === -1) {
      if (last < 0 || last > args.length - 1)
        fail('MissingFormatArgumentException', `Format specifier '${specText(s)}'`);
    } else if (s.index === 0) {
      lastOrdinary += 1;
      last = lastOrdinary;
      if (last > args.length - 1) fail('MissingFormatArgumentException', `Format specifier '${specText(s)}'`);
    } else {
      last = s.index - 1;
      if (last > args.length - 1) fail('MissingFormatArgumentException', `Format specifier '${specText(s)}'`);
    }
    out += print(s, args[last] as JavaFormatArg);
  }
  return out;
}
