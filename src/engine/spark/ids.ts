// Models the id formats of deploy/master/Master.scala (newApplicationId, newDriverId) and
// deploy/worker/Worker.scala (generateWorkerId), and java.util.Date#toString as the Master UI shows
// `submitdate`. Times come from the simulated clock (scenario start epoch + simulated ms), in UTC.

import { javaFormat, type JavaFormatArg } from './java-format';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function utcParts(epochMs: number) {
  const d = new globalThis.Date(epochMs);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth(),
    day: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    dow: d.getUTCDay(),
  };
}

/** SimpleDateFormat("yyyyMMddHHmmss") */
export function createDateFormat(epochMs: number): string {
  const p = utcParts(epochMs);
  return `${pad(p.y, 4)}${pad(p.mo + 1, 2)}${pad(p.day, 2)}${pad(p.h, 2)}${pad(p.mi, 2)}${pad(p.s, 2)}`;
}

/** java.util.Date#toString: "EEE MMM dd HH:mm:ss zzz yyyy", e.g. "Thu Jan 01 00:00:05 UTC 2026". */
export function javaDateString(epochMs: number): string {
  const p = utcParts(epochMs);
  return `${DAYS[p.dow]} ${MONTHS[p.mo]} ${pad(p.day, 2)} ${pad(p.h, 2)}:${pad(p.mi, 2)}:${pad(p.s, 2)} UTC ${p.y}`;
}

/**
 * Java's String.format, as Spark applies the id patterns (`app-%s-%04d`, `driver-%s-%04d`,
 * `worker-%s-%s-%d`, or a user's `my-app-%2$05d`): a string argument is a java.lang.String, a
 * number a java.lang.Integer. A pattern Java throws on throws its JvmException here; restoreScenario
 * refuses such patterns before a run (settings.ts), as Spark's own conf check does.
 */
export function formatPattern(pattern: string, args: JavaFormatArg[]): string {
  return javaFormat(pattern, args);
}

export function newApplicationId(pattern: string, epochMs: number, appNumber: number): string {
  return formatPattern(pattern, [createDateFormat(epochMs), appNumber]);
}

/**
 * Master.createApplication with spark.master.useAppNameAsAppId.enabled:
 * `desc.name.toLowerCase().replaceAll("\\s+", "")`. Java's `\s` is ASCII whitespace only
 * (space, \t, \n, \x0B, \f, \r), and toLowerCase uses the JVM's default locale (taken as an
 * English one). The app number is not used and does not advance.
 */
export function appIdFromName(name: string): string {
  return name.toLowerCase().replace(/[ \t\n\v\f\r]+/g, '');
}

export function newDriverId(pattern: string, epochMs: number, driverNumber: number): string {
  return formatPattern(pattern, [createDateFormat(epochMs), driverNumber]);
}

export function generateWorkerId(pattern: string, epochMs: number, host: string, port: number): string {
  return formatPattern(pattern, [createDateFormat(epochMs), host, port]);
}
