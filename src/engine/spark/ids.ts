// Models the id formats of deploy/master/Master.scala (newApplicationId, newDriverId) and
// deploy/worker/Worker.scala (generateWorkerId), and java.util.Date#toString as the Master UI shows
// `submitdate`. Times come from the simulated clock (scenario start epoch + simulated ms), in UTC.

import { javaFormatForCheck } from './conf';

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
 * Java's String.format for the id patterns Spark allows (`app-%s-%04d`, `driver-%s-%04d`,
 * `worker-%s-%s-%d`): %s takes the next string, %0Nd / %d the next integer (a minimum width).
 */
export function formatPattern(pattern: string, args: (string | number)[]): string {
  // The formatter the conf check uses (restoreScenario refuses the patterns it cannot format).
  const formatted = javaFormatForCheck(pattern, args);
  if (formatted !== undefined) return formatted;
  let i = 0;
  return pattern.replace(/%(0?)(\d*)([sd])/g, (_m, zero: string, width: string, conv: string) => {
    const arg = args[i++];
    const text = String(arg);
    if (conv === 'd' && width) return text.padStart(Number(width), zero ? '0' : ' ');
    return text;
  });
}

export function newApplicationId(pattern: string, epochMs: number, appNumber: number): string {
  return formatPattern(pattern, [createDateFormat(epochMs), appNumber]);
}

export function newDriverId(pattern: string, epochMs: number, driverNumber: number): string {
  return formatPattern(pattern, [createDateFormat(epochMs), driverNumber]);
}

export function generateWorkerId(pattern: string, epochMs: number, host: string, port: number): string {
  return formatPattern(pattern, [createDateFormat(epochMs), host, port]);
}
