// Final states stay readable: a card that reached a final state (KILLED, FAILED, EXITED, LOST,
// ERROR, FINISHED) stays on its machine at least LINGER_WALL_MS of wall time, even when the engine
// drops it sooner (its ended cards last ENDED_CARD_MS of simulated time, which a quiet stretch at
// 20× or a high speed passes in a blink). Pure: the list keeps the state and asks again at `nextAt`.
import type { ProcessCardView } from '../../engine/public';
import { cardStatus } from './card-status';

/** Wall ms a final state stays on screen at least. */
export const LINGER_WALL_MS = 1000;

export interface LingerState {
  /** Cards seen in a final state: the card as last seen and the wall ms it was first seen so. */
  finals: Map<string, { card: ProcessCardView; since: number }>;
}

export const emptyLinger = (): LingerState => ({ finals: new Map() });

export interface LingerResult {
  state: LingerState;
  /** The engine's cards, then those it dropped that must stay a little longer (in the order seen). */
  shown: ProcessCardView[];
  /** Wall ms at which a kept card is due to leave, null when none is kept. */
  nextAt: number | null;
}

export function lingerStep(prev: LingerState, incoming: readonly ProcessCardView[], now: number): LingerResult {
  const finals = new Map<string, { card: ProcessCardView; since: number }>();
  const present = new Set<string>();
  for (const card of incoming) {
    present.add(card.id);
    if (cardStatus(card).struck) finals.set(card.id, { card, since: prev.finals.get(card.id)?.since ?? now });
  }
  const shown = incoming.slice();
  let nextAt: number | null = null;
  for (const [id, entry] of prev.finals) {
    if (present.has(id)) continue;
    const due = entry.since + LINGER_WALL_MS;
    if (due <= now) continue;
    finals.set(id, entry);
    shown.push(entry.card);
    nextAt = nextAt === null ? due : Math.min(nextAt, due);
  }
  return { state: { finals }, shown, nextAt };
}
