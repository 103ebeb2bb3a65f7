// The runner's JSON document, written in pieces under a size bound (docs/architecture.md, "The
// headless runner"). JSON.stringify of a long run builds one string that can pass V8's largest
// string (about 512 MiB) or fill memory first; this writes the same text (JSON.stringify(doc,
// null, 2), byte for byte) container by container and stops as soon as the bound is passed.

/** A list serialized as a JSON array without being built as one (the trace of a long run). */
export class LazyList<S, T> {
  constructor(
    private readonly source: readonly S[],
    private readonly map: (s: S) => T,
  ) {}

  get length(): number {
    return this.source.length;
  }

  at(i: number): T {
    return this.map(this.source[i] as S);
  }
}

/** Thrown when the document passes its bound; `key` is the top-level key being written then. */
export class OutputTooLarge extends Error {
  constructor(readonly key: string) {
    super(`output too large at "${key}"`);
  }
}

/** Collects text in pieces of about a MiB (few, large strings), counting characters. */
class Sink {
  readonly pieces: string[] = [];
  private piece = '';
  size = 0;
  key = '';

  constructor(private readonly limit: number) {}

  push(s: string): void {
    this.size += s.length;
    if (this.size > this.limit) throw new OutputTooLarge(this.key);
    this.piece += s;
    if (this.piece.length >= 1 << 20) {
      this.pieces.push(this.piece);
      this.piece = '';
    }
  }

  close(): string[] {
    if (this.piece) this.pieces.push(this.piece);
    this.piece = '';
    return this.pieces;
  }
}

function write(v: unknown, indent: string, out: Sink): void {
  if (v instanceof LazyList || Array.isArray(v)) {
    const list = v as { length: number; at(i: number): unknown };
    if (list.length === 0) return out.push('[]');
    const inner = `${indent}  `;
    out.push('[');
    for (let i = 0; i < list.length; i++) {
      out.push(i === 0 ? `\n${inner}` : `,\n${inner}`);
      const item = v instanceof LazyList ? v.at(i) : (v as unknown[])[i];
      // As JSON.stringify: a value with no JSON form is null inside an array.
      write(item === undefined || typeof item === 'function' ? null : item, inner, out);
    }
    return out.push(`\n${indent}]`);
  }
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
    const inner = `${indent}  `;
    let first = true;
    for (const [k, x] of Object.entries(v)) {
      // As JSON.stringify: keys whose value has no JSON form are left out.
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
      if (indent === '') out.key = k;
      out.push(`${first ? '{' : ','}\n${inner}${JSON.stringify(k)}: `);
      first = false;
      write(x, inner, out);
    }
    return out.push(first ? '{}' : `\n${indent}}`);
  }
  out.push(JSON.stringify(v) ?? 'null');
}

/** JSON.stringify(doc, null, 2) as pieces, or OutputTooLarge once it passes `limit` characters. */
export function jsonPieces(doc: object, limit: number): string[] {
  const sink = new Sink(limit);
  write(doc, '', sink);
  return sink.close();
}
