// The check of an imported scenario file: a good document by its name, a bad one as one sentence
// with its first problems and a count of the rest.
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import { checkImportedScenario } from './import-check';

describe('checkImportedScenario', () => {
  it('passes a library scenario, by its name', () => {
    const builtin = builtinScenarios[0];
    expect(checkImportedScenario(builtin?.scenario)).toEqual({ ok: true, name: builtin?.scenario.name });
  });

  it('puts the problems of a bad file in one sentence, and says the session is unchanged', () => {
    const doc = { ...builtinScenarios[0]?.scenario, workers: [{ host: 'w1', cores: 0, memory: '8g' }] };
    const checked = checkImportedScenario(doc);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.message).toMatch(
      /^This scenario cannot be opened: workers\[0\]\.cores: .+ Your session is unchanged\.$/,
    );
    expect(checked.message).not.toContain('more)');
  });

  it('spells out three problems and counts the rest', () => {
    const workers = Array.from({ length: 5 }, (_, i) => ({ host: `w${i}`, cores: 0, memory: '8g' }));
    const checked = checkImportedScenario({ ...builtinScenarios[0]?.scenario, workers });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.message.match(/workers\[\d\]\.cores/g)).toEqual([
      'workers[0].cores',
      'workers[1].cores',
      'workers[2].cores',
    ]);
    expect(checked.message).toContain('(and 2 more) Your session is unchanged.');
  });
});
