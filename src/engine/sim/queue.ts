// The kernel's event queue: a binary min-heap ordered by (time, insertion sequence), so events at
// the same simulated millisecond run in the order they were scheduled. Hand-written because it is
// the hot loop: no comparator closures, no allocation per operation beyond the array slot.
//
// The keys live beside the events, as (t, seq) pairs in one Float64Array kept in the heap's own
// order (HeapKeys). Sifting compares only those: in a large run the events are objects scattered
// over the heap memory among everything else the model allocates, and reading `t` from each
// object the sift passes was the engine's largest single cost (cache misses, measured with
// `npm run bench -- engine`). The events array stays plain data, so a snapshot of the kernel can
// be structured-cloned; the keys are rebuilt from it (`HeapKeys.rebuild`) after a restore.

export interface Timed {
  t: number;
  seq: number;
}

/** The heap's (t, seq) keys: entry i's are at 2i and 2i + 1. */
export class HeapKeys {
  buf = new Float64Array(2048);

  /** Room for `n` entries. */
  ensure(n: number): void {
    if (2 * n <= this.buf.length) return;
    const next = new Float64Array(Math.max(2 * n, 2 * this.buf.length));
    next.set(this.buf);
    this.buf = next;
  }

  /** The keys of `heap`, which must already be in heap order (a snapshot's queue is). */
  rebuild(heap: readonly Timed[]): void {
    this.ensure(heap.length);
    const b = this.buf;
    for (let i = 0; i < heap.length; i++) {
      const e = heap[i] as Timed;
      b[2 * i] = e.t;
      b[2 * i + 1] = e.seq;
    }
  }
}

export function heapPush<E extends Timed>(heap: E[], keys: HeapKeys, ev: E): void {
  let i = heap.length;
  heap.push(ev);
  keys.ensure(i + 1);
  const b = keys.buf;
  const t = ev.t;
  const seq = ev.seq;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pt = b[2 * parent] as number;
    const ps = b[2 * parent + 1] as number;
    if (pt < t || (pt === t && ps < seq)) break;
    heap[i] = heap[parent] as E;
    b[2 * i] = pt;
    b[2 * i + 1] = ps;
    i = parent;
  }
  heap[i] = ev;
  b[2 * i] = t;
  b[2 * i + 1] = seq;
}

export function heapPop<E extends Timed>(heap: E[], keys: HeapKeys): E | undefined {
  const n = heap.length;
  if (n === 0) return undefined;
  const top = heap[0] as E;
  const last = heap.pop() as E;
  if (n === 1) return top;
  const b = keys.buf;
  const size = n - 1;
  const lt = b[2 * size] as number;
  const ls = b[2 * size + 1] as number;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= size) break;
    const r = l + 1;
    let c = l;
    let ct = b[2 * l] as number;
    let cs = b[2 * l + 1] as number;
    if (r < size) {
      const rt = b[2 * r] as number;
      const rs = b[2 * r + 1] as number;
      if (rt < ct || (rt === ct && rs < cs)) {
        c = r;
        ct = rt;
        cs = rs;
      }
    }
    if (!(ct < lt || (ct === lt && cs < ls))) break;
    heap[i] = heap[c] as E;
    b[2 * i] = ct;
    b[2 * i + 1] = cs;
    i = c;
  }
  heap[i] = last;
  b[2 * i] = lt;
  b[2 * i + 1] = ls;
  return top;
}
