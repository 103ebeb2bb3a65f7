// The Master page's numbers and orderings, as deploy/master/ui/MasterPage.scala (4.0) computes
// them from the Master's state: kept apart from the markup so each rule is unit-tested.
import type {
  ApplicationInfoJson,
  DriverInfoJson,
  MasterStateJson,
  ResourceInfoJson,
  WorkerInfoJson,
} from '../../engine/public';

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Workers by id. */
export function sortedWorkers(workers: readonly WorkerInfoJson[]): WorkerInfoJson[] {
  return [...workers].sort((a, b) => byString(a.id, b.id));
}

/** Running applications, newest start first. */
export function sortedActiveApps(apps: readonly ApplicationInfoJson[]): ApplicationInfoJson[] {
  return [...apps].sort((a, b) => b.starttime - a.starttime);
}

/** Completed applications, latest end first (Spark sorts by endTime; duration = end − start). */
export function sortedCompletedApps(apps: readonly ApplicationInfoJson[]): ApplicationInfoJson[] {
  return [...apps].sort((a, b) => b.starttime + b.duration - (a.starttime + a.duration));
}

/** Drivers, newest start first (the JSON's starttime is a string of epoch ms). */
export function sortedDrivers(drivers: readonly DriverInfoJson[]): DriverInfoJson[] {
  return [...drivers].sort((a, b) => Number(b.starttime) - Number(a.starttime));
}

export interface MasterSummary {
  alive: number;
  dead: number;
  decommissioned: number;
  unknown: number;
  /** "1 / 4 gpu" per resource, "" when the workers have none. */
  resourcesInUse: string;
  runningApps: number;
  completedApps: number;
  runningDrivers: number;
  waitingDrivers: number;
  completedDrivers: number;
  killedDrivers: number;
  failedDrivers: number;
  errorDrivers: number;
  relaunchingDrivers: number;
}

const count = <T>(rows: readonly T[], pick: (r: T) => boolean): number =>
  rows.reduce((n, r) => n + (pick(r) ? 1 : 0), 0);

/** The summary list's counts (cores and memory are the JSON's own alive-worker sums). */
export function masterSummary(m: MasterStateJson): MasterSummary {
  return {
    alive: count(m.workers, (w) => w.state === 'ALIVE'),
    dead: count(m.workers, (w) => w.state === 'DEAD'),
    decommissioned: count(m.workers, (w) => w.state === 'DECOMMISSIONED'),
    unknown: count(m.workers, (w) => w.state === 'UNKNOWN'),
    resourcesInUse: formatResourcesUsed(m.resources, m.resourcesused),
    runningApps: m.activeapps.length,
    completedApps: m.completedapps.length,
    runningDrivers: m.activedrivers.length,
    waitingDrivers: count(m.activedrivers, (d) => d.state === 'SUBMITTED'),
    completedDrivers: m.completeddrivers.length,
    killedDrivers: count(m.completeddrivers, (d) => d.state === 'KILLED'),
    failedDrivers: count(m.completeddrivers, (d) => d.state === 'FAILED'),
    errorDrivers: count(m.completeddrivers, (d) => d.state === 'ERROR'),
    // Spark counts these among completed drivers too, though a relaunching driver is not there.
    relaunchingDrivers: count(m.completeddrivers, (d) => d.state === 'RELAUNCHING'),
  };
}

const addresses = (r: ResourceInfoJson | undefined): string => `[${(r?.addresses ?? []).join(', ')}]`;

/** StandaloneResourceUtils.formatResourcesUsed over the alive workers: "1 / 4 gpu, 0 / 2 fpga". */
export function formatResourcesUsed(
  total: readonly Record<string, ResourceInfoJson>[],
  used: readonly Record<string, ResourceInfoJson>[],
): string {
  const sum = (maps: readonly Record<string, ResourceInfoJson>[]): Map<string, number> => {
    const out = new Map<string, number>();
    for (const m of maps)
      for (const [name, info] of Object.entries(m)) out.set(name, (out.get(name) ?? 0) + info.addresses.length);
    return out;
  };
  const usedBy = sum(used);
  return [...sum(total)].map(([name, n]) => `${usedBy.get(name) ?? 0} / ${n} ${name}`).join(', ');
}

/** formatResourcesDetails for a worker row: "gpu: Free: [1] / Used: [0]". */
export function workerResourcesDetails(w: WorkerInfoJson): string {
  return Object.entries(w.resourcesused)
    .map(([name, info]) => `${name}: Free: ${addresses(w.resourcesfree[name])} / Used: ${addresses(info)}`)
    .join(', ');
}

/** Spark shows the Workers table's Resources column only when some worker has resources in use. */
export function showWorkerResources(workers: readonly WorkerInfoJson[]): boolean {
  return workers.some((w) => Object.keys(w.resourcesused).length > 0);
}

/** formatResourceRequirements: "1 gpu". */
export function formatResourceRequirements(reqs: readonly { name: string; amount: number }[]): string {
  return reqs.map((r) => `${r.amount} ${r.name}`).join(', ');
}

/** formatResourcesAddresses for a driver: "gpu: [0, 1]". */
export function formatResourcesAddresses(resources: Readonly<Record<string, ResourceInfoJson>>): string {
  return Object.entries(resources)
    .map(([name, info]) => `${name}: ${addresses(info)}`)
    .join(', ');
}

/** The page offers "(kill)" only for applications still waiting or running… */
export function canKillApp(state: string): boolean {
  return state === 'RUNNING' || state === 'WAITING';
}

/** …and for drivers submitted or running. */
export function canKillDriver(state: string): boolean {
  return state === 'RUNNING' || state === 'SUBMITTED';
}

/** The host of a worker id on this page (drivers name their worker by id); null for "None" or unknown. */
export function workerHost(m: MasterStateJson, workerId: string): string | null {
  return m.workers.find((w) => w.id === workerId)?.host ?? null;
}

/**
 * The "REST URL" summary line: Spark's Master starts its REST submission server only with
 * spark.master.rest.enabled=true, on spark.master.rest.port (6066), on the Master's own host.
 */
export function restUrl(masterUrl: string, conf: Readonly<Record<string, string>>): string | null {
  if ((conf['spark.master.rest.enabled'] ?? 'false').trim().toLowerCase() !== 'true') return null;
  const host = /^spark:\/\/([^:/]+)/.exec(masterUrl)?.[1];
  if (!host) return null;
  const port = (conf['spark.master.rest.port'] ?? '6066').trim();
  return `spark://${host}:${port}`;
}

/** ApplicationState values of an application that has ended (its duration no longer grows). */
const ENDED_APP_STATES: ReadonlySet<string> = new Set(['FINISHED', 'FAILED', 'KILLED', 'UNKNOWN']);

/**
 * An application's Duration at `nowEpochMs`: Spark's ApplicationInfo.duration is endTime − startTime
 * once it ended, else "now" − startTime. The /json was written at one instant; the page on screen
 * is drawn at the clock's, so a running app's duration is computed here, not read.
 */
export function appDuration(a: Pick<ApplicationInfoJson, 'state' | 'starttime' | 'duration'>, nowEpochMs: number) {
  return ENDED_APP_STATES.has(a.state) ? a.duration : Math.max(0, nowEpochMs - a.starttime);
}

/** A running driver's Duration: "now" − its start (the /json's starttime is a string of epoch ms). */
export function runningFor(starttime: string, nowEpochMs: number): number {
  return Math.max(0, nowEpochMs - Number(starttime));
}
