// The page starts with the catalogue and the first-visit scenario only; every other built-in
// comes whole from the library chunk, exactly as index.ts (tests, tools) puts them together.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinAtHand, builtinCatalogue, firstBuiltin, loadBuiltin } from './catalogue';
import { builtinScenarios } from './index';

describe('the built-in catalogue', () => {
  it('lists every built-in in the same order, with the same title and summary', () => {
    expect(builtinCatalogue).toEqual(builtinScenarios.map(({ id, title, summary }) => ({ id, title, summary })));
  });

  it('holds the first-visit scenario whole, at hand without a chunk', () => {
    expect(firstBuiltin).toEqual(builtinScenarios[0]);
    expect(firstBuiltin.id).toBe('client-mode');
    expect(builtinAtHand('client-mode')).toBe(firstBuiltin);
  });

  it('loads every other built-in whole, and then has it at hand', async () => {
    for (const b of builtinScenarios) {
      const loaded = await loadBuiltin(b.id);
      expect(loaded, b.id).toEqual(b);
      expect(builtinAtHand(b.id)).toBe(loaded);
    }
    expect(await loadBuiltin('no-such-scenario')).toBeUndefined();
  });

  it('never imports the library statically (that would put it back in the initial script)', () => {
    const source = readFileSync(new URL('./catalogue.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^import[^;]*from '\.\/library'/m);
    expect(source).toContain("import('./library')");
  });
});
