// Colours that carry meaning: one hue per application (its driver and executors share it, so a
// worker's core grid shows who holds what), and one per message kind (CSS variables, themed).
import type { MessageKind } from '../engine/public';

// Distinct, colour-blind-friendlier hues (Okabe–Ito order first, then Tableau-like extras).
const APP_HUES = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#7f7f7f',
  '#b8860b',
  '#6a3d9a',
  '#1b9e77',
  '#e7298a',
  '#66a61e',
] as const;

/** A stable colour for an application id (the same on every frame and every machine). */
export function appColor(appId: string | null): string {
  if (appId === null) return '#8c959f';
  // The app number at the end of "app-20260101000005-0003" keeps consecutive apps apart.
  const m = /-(\d+)$/.exec(appId);
  let n: number;
  if (m) n = Number(m[1]);
  else {
    n = 0;
    for (let i = 0; i < appId.length; i++) n = (n * 31 + appId.charCodeAt(i)) >>> 0;
  }
  return APP_HUES[n % APP_HUES.length] as string;
}

/** The CSS variable holding a message kind's colour. */
export function messageColorVar(kind: MessageKind): string {
  return `--msg-${kind}`;
}

export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  registration: 'Registration',
  scheduling: 'Scheduling and launch',
  state: 'State change',
  heartbeat: 'Heartbeats',
  kill: 'Kill and failure',
  task: 'Tasks',
  other: 'Other',
};
