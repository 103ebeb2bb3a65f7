// Cards leave gently and final states stay readable. A card the engine stops sending stays on its
// machine, at the place it had, for LEAVE_MS more, wearing its leaving look (process-card.css
// fades it out), so nothing pops. A card that reached a final state (KILLED, FAILED, EXITED, LOST,
// ERROR, FINISHED) stays at least LINGER_WALL_MS of wall time, even when the engine drops it sooner
// (its ended cards last ENDED_CARD_MS of simulated time, which a quiet stretch at 20× or a high
// speed passes in a blink), and fades out in its last LEAVE_MS. Pure: the list keeps the state and
// asks again at `nextAt`.
import type { ProcessCardView } from '../../engine/public';
import { cardStatus } from './card-status';

/** Wall ms a final state stays on screen at least. */
export const LINGER_WALL_MS = 1000;
/** Wall ms a card wears its leaving look before it goes (process-card.css fades it in a little less). */
export const LEAVE_MS = 220;

export interface LingerState {
  /** The engine's cards at the last step, with the wall ms each was first seen final (null: not final). */
  last: Map<string, { card: ProcessCardView; since: number | null }>;
  /** Cards the engine no longer sends that are still on screen, until `until` (wall ms). */
  gone: Map<string, { card: ProcessCardView; until: number }>;
  /** The ids on screen at the last step, in order: a gone card keeps its place among them. */
  order: readonly string[];
}

export const emptyLinger = (): LingerState => ({ last: new Map(), gone: new Map(), order: [] });

export interface LingerResult {
  state: LingerState;
  /** The engine's cards, with those it dropped that must stay a little longer at the places they had. */
  shown: ProcessCardView[];
  /** The ids of the shown cards that are on their way out (their last LEAVE_MS). */
  leaving: ReadonlySet<string>;
  /** Wall ms at which a kept card is due to start leaving or to go, null when none is kept. */
  nextAt: number | null;
}

/** Incoming cards in their order, each kept card placed where it was among the cards shown before. */
function merge(
  order: readonly string[],
  incoming: readonly ProcessCardView[],
  gone: ReadonlyMap<string, { card: ProcessCardView }>,
): ProcessCardView[] {
  const index = new Map(incoming.map((c, i) => [c.id, i]));
  const shown: ProcessCardView[] = [];
  let next = 0;
  for (const id of order) {
    const kept = gone.get(id);
    if (kept) {
      shown.push(kept.card);
      continue;
    }
    const at = index.get(id);
    if (at === undefined) continue;
    while (next <= at) shown.push(incoming[next++] as ProcessCardView);
  }
  while (next < incoming.length) shown.push(incoming[next++] as ProcessCardView);
  return shown;
}

export function lingerStep(prev: LingerState, incoming: readonly ProcessCardView[], now: number): LingerResult {
  const last = new Map<string, { card: ProcessCardView; since: number | null }>();
  for (const card of incoming) {
    const since = cardStatus(card).struck ? (prev.last.get(card.id)?.since ?? now) : null;
    last.set(card.id, { card, since });
  }
  const gone = new Map<string, { card: ProcessCardView; until: number }>();
  for (const [id, entry] of prev.gone) if (!last.has(id) && entry.until > now) gone.set(id, entry);
  for (const [id, entry] of prev.last) {
    if (last.has(id)) continue;
    const until = Math.max(now + LEAVE_MS, entry.since === null ? 0 : entry.since + LINGER_WALL_MS);
    gone.set(id, { card: entry.card, until });
  }
  const leaving = new Set<string>();
  let nextAt: number | null = null;
  for (const [id, { until }] of gone) {
    const leaveFrom = until - LEAVE_MS;
    if (now >= leaveFrom) leaving.add(id);
    const due = now >= leaveFrom ? until : leaveFrom;
    nextAt = nextAt === null ? due : Math.min(nextAt, due);
  }
  const shown = merge(prev.order, incoming, gone);
  return { state: { last, gone, order: shown.map((c) => c.id) }, shown, leaving, nextAt };
}
