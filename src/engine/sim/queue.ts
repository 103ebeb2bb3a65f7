// The kernel's event queue: a binary min-heap ordered by (time, insertion sequence), so events at
// the same simulated millisecond run in the order they were scheduled. Hand-written because it is
// the hot loop: no comparator closures, no allocation per operation beyond the array slot.

export interface Timed {
  t: number;
  seq: number;
}

function before(a: Timed, b: Timed): boolean {
  return a.t < b.t || (a.t === b.t && a.seq < b.seq);
}

export function heapPush<E extends Timed>(heap: E[], ev: E): void {
  let i = heap.length;
  heap.push(ev);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent] as E;
    if (!before(ev, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = ev;
}

export function heapPop<E extends Timed>(heap: E[]): E | undefined {
  const n = heap.length;
  if (n === 0) return undefined;
  const top = heap[0] as E;
  const last = heap.pop() as E;
  if (n === 1) return top;
  const size = n - 1;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= size) break;
    const r = l + 1;
    let c = l;
    let child = heap[l] as E;
    if (r < size) {
      const right = heap[r] as E;
      if (before(right, child)) {
        c = r;
        child = right;
      }
    }
    if (!before(child, last)) break;
    heap[i] = child;
    i = c;
  }
  heap[i] = last;
  return top;
}
