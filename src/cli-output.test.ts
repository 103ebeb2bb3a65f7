// The runner's document written in pieces: the same text as JSON.stringify(doc, null, 2), and a
// bound that stops the writing as soon as it is passed.
import { describe, expect, it } from 'vitest';
import { LazyList, OutputTooLarge, jsonPieces } from './cli-output';

const doc = {
  time: 1,
  master: null,
  empty: {},
  none: [],
  skipped: undefined,
  nested: { a: [1, 'two', { three: [null, true, false] }], 'key "quoted"': 'é\n\u0001', n: -0.5 },
  holes: [undefined, () => 1, 3],
  big: 2 ** 53,
  nan: Number.NaN,
};

describe('jsonPieces', () => {
  it('writes exactly what JSON.stringify(doc, null, 2) writes', () => {
    expect(jsonPieces(doc, Infinity).join('')).toBe(JSON.stringify(doc, null, 2));
    expect(jsonPieces([], Infinity).join('')).toBe('[]');
  });

  it('writes a LazyList as the array it maps to, without building it', () => {
    const source = [1, 2, 3];
    const lazy = { trace: new LazyList(source, (n) => ({ n, twice: n * 2 })) };
    expect(jsonPieces(lazy, Infinity).join('')).toBe(
      JSON.stringify({ trace: source.map((n) => ({ n, twice: n * 2 })) }, null, 2),
    );
  });

  it('keeps few, large pieces (about a MiB each)', () => {
    const pieces = jsonPieces({ log: Array.from({ length: 100_000 }, (_, i) => `line ${i}`) }, Infinity);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.length).toBeLessThan(5);
  });

  it('stops at the bound and names the top-level key being written', () => {
    const big = { time: 1, apps: Array.from({ length: 1000 }, (_, i) => ({ id: i })), log: [] };
    const size = JSON.stringify(big, null, 2).length;
    expect(jsonPieces(big, size).join('')).toHaveLength(size);
    let thrown: unknown;
    try {
      jsonPieces(big, 1000);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(OutputTooLarge);
    expect((thrown as OutputTooLarge).key).toBe('apps');
  });
});
