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
    return from === to ? from : uniformInt(this.gen, from, to);
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
