// The labels of the flights on screen, one stack per arrow (from → to): repeats of a message merge
// into one label with a count ("LaunchExecutor ×5", "↩ ExecutorStateChanged: true ×2"), so a
// burst of the Master's launches reads as one line per worker instead of a pile, and the stacks
// come out most telling first (losses, the control plane, then task and heartbeat chatter), newest
// first among equals, which is the order they get a place on the canvas in.
import type { MessageKind } from '../../engine/public';
import type { Flight } from '../flights';

export type StackedFlight = Pick<Flight, 'id' | 't' | 'from' | 'to' | 'type' | 'label' | 'kind' | 'count'> &
  Partial<Pick<Flight, 'dropped' | 'answers'>>;

export interface LabelEntry {
  from: string;
  to: string;
  kind: MessageKind;
  /** What the label reads, once `labelText` was asked (only labels tried for a place need it). */
  text: string;
  /** Messages it stands for (a grouped flight counts all of its own). */
  count: number;
  /** Flights merged into it. */
  flights: number;
  /** Index, in the list given to `build`, of its first flight: the dot a lone label follows. */
  lead: number;
  dropped: string | undefined;
  /** Newest send among its flights, and the smallest id (for a stable order). */
  t: number;
  id: number;
  /** The name repeats merge under ("LaunchExecutor", "↩ ExecutorStateChanged") and the first label. */
  name: string;
  label: string;
  /** Whether every merged flight had the same label (then the label is kept whole). */
  same: boolean;
}

/** How much a label is worth showing: losses first, then the control plane, then the chatter. */
function rank(e: Pick<LabelEntry, 'kind' | 'dropped'>): number {
  if (e.dropped) return 0;
  if (e.kind === 'heartbeat') return 3;
  if (e.kind === 'task') return 2;
  return 1;
}

function byWorth(a: LabelEntry, b: LabelEntry): number {
  return rank(a) - rank(b) || b.t - a.t || a.id - b.id;
}

/** "lost: partition" after a lost message's name. */
export function dropText(reason: string): string {
  return `lost: ${reason.replace(/-/g, ' ')}`;
}

export function entryText(e: Pick<LabelEntry, 'name' | 'label' | 'same' | 'count' | 'dropped'>): string {
  const base = e.same ? e.label : e.name;
  const counted = e.count > 1 ? `${base} ×${e.count}` : base;
  return e.dropped ? `${counted} — ${dropText(e.dropped)}` : counted;
}

/** What an entry's label reads, made once per build. */
export function labelText(e: LabelEntry): string {
  if (e.text === '') e.text = entryText(e);
  return e.text;
}

/**
 * Builds the stacks frame after frame, reusing its entries and the merge key of each flight (a
 * flight is on the board for many frames), so a frame allocates little beyond the label texts.
 */
export class LabelStacks {
  private pool: LabelEntry[] = [];
  private byKey = new Map<string, LabelEntry>();
  private keys = new WeakMap<StackedFlight, string>();
  private out: LabelEntry[] = [];

  /** The stacks of `flights`, ranked; valid until the next call. */
  build(flights: readonly StackedFlight[], count = flights.length): readonly LabelEntry[] {
    this.byKey.clear();
    this.out.length = 0;
    for (let i = 0; i < count; i++) {
      const f = flights[i] as StackedFlight;
      // A lost message keeps a label of its own: its cross and reason belong to it alone.
      const key = f.dropped ? `#${f.id}` : this.keyOf(f);
      const e = this.byKey.get(key);
      if (e) {
        e.count += f.count;
        e.flights++;
        e.t = Math.max(e.t, f.t);
        e.id = Math.min(e.id, f.id);
        if (f.label !== e.label) e.same = false;
        continue;
      }
      const next = this.entry(this.out.length);
      next.from = f.from;
      next.to = f.to;
      next.kind = f.kind;
      next.count = f.count;
      next.flights = 1;
      next.lead = i;
      next.dropped = f.dropped;
      next.t = f.t;
      next.id = f.id;
      next.name = f.answers === undefined ? f.type : `↩ ${f.answers}`;
      next.label = f.label;
      next.same = true;
      next.text = '';
      this.byKey.set(key, next);
      this.out.push(next);
    }
    return this.out.sort(byWorth);
  }

  private keyOf(f: StackedFlight): string {
    let key = this.keys.get(f);
    if (key === undefined) {
      key = `${f.from}\n${f.to}\n${f.answers === undefined ? f.type : `↩${f.answers}`}`;
      this.keys.set(f, key);
    }
    return key;
  }

  private entry(i: number): LabelEntry {
    let e = this.pool[i];
    if (!e) {
      e = {
        from: '',
        to: '',
        kind: 'other',
        text: '',
        count: 0,
        flights: 0,
        lead: 0,
        dropped: undefined,
        t: 0,
        id: 0,
        name: '',
        label: '',
        same: true,
      };
      this.pool[i] = e;
    }
    return e;
  }
}
