// Formatting that mirrors Spark's Master UI, so numbers read the way they do on port 8080.

const KiB = 1024;
const MiB = KiB * 1024;
const GiB = MiB * 1024;
const TiB = GiB * 1024;
const PiB = TiB * 1024;

/** Utils.bytesToString: the largest unit that keeps the value at 2 or more, one decimal. */
export function bytesToString(bytes: number): string {
  const units: [number, string][] = [
    [PiB, 'PiB'],
    [TiB, 'TiB'],
    [GiB, 'GiB'],
    [MiB, 'MiB'],
    [KiB, 'KiB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= 2 * size) return `${(bytes / size).toFixed(1)} ${unit}`;
  }
  return `${bytes.toFixed(1)} B`;
}

/** Utils.megabytesToString: the Master's memory figures are MiB. */
export function megabytesToString(mb: number): string {
  return bytesToString(mb * MiB);
}

/** UIUtils.formatDuration. */
export function formatDuration(ms: number): string {
  if (ms < 100) return `${Math.max(0, Math.round(ms))} ms`;
  const seconds = ms / 1000;
  if (seconds < 1) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${seconds.toFixed(0)} s`;
  const minutes = seconds / 60;
  if (minutes < 10) return `${minutes.toFixed(1)} min`;
  if (minutes < 60) return `${minutes.toFixed(0)} min`;
  return `${(minutes / 60).toFixed(1)} h`;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * UIUtils.formatDate ("yyyy/MM/dd HH:mm:ss"). Spark prints the server's zone; the simulation's
 * epoch is UTC, so UTC keeps the page identical on every machine.
 */
export function formatDate(epochMs: number): string {
  const d = new Date(epochMs);
  return (
    `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** The header clock: simulated time since the scenario's start as h:mm:ss.mmm. */
export function formatSimTime(ms: number): string {
  const t = Math.max(0, Math.floor(ms));
  const h = Math.floor(t / 3_600_000);
  const m = Math.floor((t % 3_600_000) / 60_000);
  const s = Math.floor((t % 60_000) / 1000);
  return `${h}:${pad(m)}:${pad(s)}.${pad(t % 1000, 3)}`;
}
