// What the legend lists: every application seen so far in the run, with its colour, its id, its
// name and what of it is on the cluster now. Apps come from the state changes (every app has one
// when it registers) and from the cards on screen; names from the Master's "Registered app <name>
// with ID <id>" log line, which is what the Master's page shows too. Pure, for the tests.
import type { LogEntry, NodeView, StateChangeView } from '../../engine/public';
import { appColor } from '../colors';

export interface LegendApp {
  appId: string;
  name: string | null;
  color: string;
  /** The app's latest state as the Master last reported it (WAITING, RUNNING, FINISHED…). */
  state: string | null;
  /** Its executors on the cluster now, and whether its driver is on a card now. */
  executors: number;
  driver: boolean;
}

const REGISTERED = /^Registered app (.+) with ID (\S+)$/;

/** The app number at the end of its id ("app-20260101000005-0003" → "0003"), as cards label it. */
export function shortAppId(appId: string): string {
  return /-(\d+)$/.exec(appId)?.[1] ?? appId;
}

export function legendApps(
  changes: readonly StateChangeView[],
  logs: readonly LogEntry[],
  nodes: Readonly<Record<string, NodeView>>,
): LegendApp[] {
  const apps = new Map<string, LegendApp>();
  const entry = (appId: string) => {
    let app = apps.get(appId);
    if (!app) {
      app = { appId, name: null, color: appColor(appId), state: null, executors: 0, driver: false };
      apps.set(appId, app);
    }
    return app;
  };
  for (const c of changes) if (c.kind === 'application') entry(c.subject).state = c.to;
  for (const node of Object.values(nodes)) {
    if (node.kind !== 'worker' && node.kind !== 'client') continue;
    for (const p of node.processes) {
      if (p.appId === null || p.ended) continue;
      const app = entry(p.appId);
      if (p.kind === 'executor') app.executors++;
      else app.driver = true;
    }
  }
  for (const line of logs) {
    const m = REGISTERED.exec(line.text);
    if (m?.[1] && m[2] && apps.has(m[2])) entry(m[2]).name = m[1];
  }
  return [...apps.values()].sort((a, b) => a.appId.localeCompare(b.appId));
}
