// How the header words the current pace of simulated time ("× 0.004 — message in flight").
import type { RateReason } from '../store';

const REASONS: Record<RateReason, string> = {
  paused: 'paused',
  flight: 'message in flight',
  normal: 'normal',
  quiet: 'quiet',
};

/** Simulated ms per wall ms, short: "0.004", "0.25", "2.5", "10", "1000". */
export function formatRate(rate: number): string {
  if (!Number.isFinite(rate) || rate <= 0) return '0';
  if (rate >= 100) return String(Math.round(rate));
  if (rate >= 1) return String(Number(rate.toFixed(1)));
  if (rate < 0.0001) return '< 0.0001';
  // Two significant digits below 1: the exact pace of a slowed-down flight is not the point.
  return String(Number(rate.toPrecision(2)));
}

export function rateText(rate: number, reason: RateReason): string {
  if (reason === 'paused') return REASONS.paused;
  return `× ${formatRate(rate)} — ${REASONS[reason]}`;
}
