// Scenario files as editors save them: UTF-8 with or without a byte order mark, UTF-16 either way
// round, with a mark or without; and a clear refusal of what is none of these.
import { describe, expect, it } from 'vitest';
import { decodeTextFile } from './text-file';

const text = '{"name":"café ☕ 𝄞","workers":[]}';
const utf8 = new TextEncoder().encode(text);

function utf16(littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

const cat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('decodeTextFile', () => {
  it.each([
    ['UTF-8', utf8, 'UTF-8'],
    ['UTF-8 with a byte order mark', cat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8), 'UTF-8'],
    ['UTF-16LE with a byte order mark', cat(Uint8Array.of(0xff, 0xfe), utf16(true)), 'UTF-16LE'],
    ['UTF-16BE with a byte order mark', cat(Uint8Array.of(0xfe, 0xff), utf16(false)), 'UTF-16BE'],
    ['UTF-16LE without a mark', utf16(true), 'UTF-16LE'],
    ['UTF-16BE without a mark', utf16(false), 'UTF-16BE'],
  ])('reads %s', (_name, bytes, encoding) => {
    expect(decodeTextFile(bytes)).toEqual({ ok: true, text, encoding });
  });

  it('reads an empty file as empty text (JSON.parse then says what is wrong)', () => {
    expect(decodeTextFile(new Uint8Array())).toEqual({ ok: true, text: '', encoding: 'UTF-8' });
  });

  it('refuses bytes that are not valid in the encoding they start as, and UTF-32', () => {
    expect(decodeTextFile(Uint8Array.of(0x7b, 0x22, 0xe9, 0x22, 0x7d))).toEqual({
      ok: false,
      error: 'it is not UTF-8 text (nor UTF-16 with a byte order mark): save it as UTF-8.',
    });
    expect(decodeTextFile(Uint8Array.of(0xff, 0xfe, 0x7b, 0x00, 0x00, 0xd8))).toEqual({
      ok: false,
      error: 'it starts as UTF-16LE text but is not valid UTF-16LE: save it as UTF-8.',
    });
    expect(decodeTextFile(Uint8Array.of(0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0))).toMatchObject({ ok: false });
    expect(decodeTextFile(Uint8Array.of(0, 0, 0, 0x7b))).toMatchObject({ ok: false });
  });
});
