// A scenario file's bytes as text, decoded the same way wherever a file comes in (the runner's
// file or standard input, the page's Import dialog on `await file.arrayBuffer()`). JSON text is
// UTF-8 (RFC 8259), but editors write a UTF-8 byte order mark or save as UTF-16 (Windows'
// "Unicode"), and a bare "Unexpected token" says nothing about that.

export type DecodedText =
  { ok: true; text: string; encoding: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' } | { ok: false; error: string };

type Encoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE';

/** The encoding and the length of its byte order mark, from the first bytes. */
function sniff(b: Uint8Array): { encoding: Encoding; bom: number } | { refuse: string } {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'UTF-8', bom: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) {
    if (b[2] === 0 && b[3] === 0) return { refuse: 'UTF-32' };
    return { encoding: 'UTF-16LE', bom: 2 };
  }
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'UTF-16BE', bom: 2 };
  if (b[0] === 0 && b[1] === 0) return { refuse: 'UTF-32' };
  // No mark: JSON text starts with an ASCII character, so a zero byte beside it tells UTF-16
  // (the detection RFC 4627 section 3 describes).
  if (b.length >= 2 && b[0] !== 0 && b[1] === 0) return { encoding: 'UTF-16LE', bom: 0 };
  if (b.length >= 2 && b[0] === 0 && b[1] !== 0) return { encoding: 'UTF-16BE', bom: 0 };
  return { encoding: 'UTF-8', bom: 0 };
}

/**
 * Decodes UTF-8 (with or without a byte order mark) and UTF-16 (little or big endian, with a mark
 * or recognisable from its zero bytes). Bytes that are not valid in that encoding are an error
 * that says which encoding was tried, never replacement characters that would then fail as JSON.
 */
export function decodeTextFile(bytes: Uint8Array): DecodedText {
  const s = sniff(bytes);
  if ('refuse' in s)
    return { ok: false, error: `it looks like ${s.refuse} text, which is not read here: save it as UTF-8.` };
  try {
    const label = s.encoding.toLowerCase();
    const text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(s.bom));
    return { ok: true, text, encoding: s.encoding };
  } catch {
    return {
      ok: false,
      error:
        s.encoding === 'UTF-8'
          ? 'it is not UTF-8 text (nor UTF-16 with a byte order mark): save it as UTF-8.'
          : `it starts as ${s.encoding} text but is not valid ${s.encoding}: save it as UTF-8.`,
    };
  }
}
