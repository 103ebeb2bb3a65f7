// The kernel's one source of randomness: a seeded xoroshiro128+ from pure-rand.
// Everything random in a run (network jitter, Spark's Random.shuffle, registration back-off
// factors, ephemeral ports) draws from this generator in event order, so a run is a pure
// function of its seed.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

type Generator = ReturnType<typeof xoroshiro128plus>;

export class Random {
  private gen: Generator;

  constructor(seedOrState: number | readonly number[]) {
    this.gen =
      typeof seedOrState === 'number' ? xoroshiro128plus(seedOrState | 0) : xoroshiro128plusFromState(seedOrState);
  }

  /** Plain-data state, for snapshots. */
  getState(): number[] {
    return this.gen.getState() as number[];
  }

  /** Uniform integer in [from, to], both included. */
  int(from: number, to: number): number {
    if (from === to) return from;
    const n = to - from + 1;
    // Every message draws its jitter here (a range of 2 by default), so a range of 2^k integers
    // (k <= 31) takes a shortcut with the same draw and the same result as uniformInt: its
    // rejection bound is 2^32 there, so it never redraws, and (next + 2^31) % 2^k is the low k
    // bits of next. That skips a floating-point modulo (a C call) on every send.
    if (n >= 2 && n <= 2147483648 && (n & (n - 1)) === 0 && Number.isSafeInteger(from) && Number.isSafeInteger(to)) {
      return from + (this.gen.next() & (n - 1));
    }
    return uniformInt(this.gen, from, to);
  }

  /** Uniform float in [0, 1) with 32 bits of precision (like java.util.Random.nextDouble for our purposes). */
  float(): number {
    return (this.gen.next() >>> 0) / 4294967296;
  }

  /** Fisher–Yates shuffle into a new array (Scala's Random.shuffle returns a new collection). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }
}
