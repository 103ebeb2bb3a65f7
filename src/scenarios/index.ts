// The built-in scenarios whole: each is a scenario document (docs/scenario-format.md, kept as JSON
// so it reads like an exported file) plus what the page shows beside it. They are loaded like any
// other scenario, through restoreScenario({ source: 'builtin' }); index.test.ts proves each
// restores cleanly. The page itself never imports this module: it starts with catalogue.ts (the
// picker's list and the first-visit scenario) and loads library.ts when it needs another one.
// Tests, the benchmarks and the command line use this.
import { builtinCatalogue, type BuiltinScenario, firstBuiltin } from './catalogue';
import { builtinDetails } from './library';

export type { BuiltinScenario } from './catalogue';

export const builtinScenarios: readonly BuiltinScenario[] = builtinCatalogue.map((entry) => {
  if (entry.id === firstBuiltin.id) return firstBuiltin;
  const details = builtinDetails[entry.id];
  if (!details) throw new Error(`The built-in ${entry.id} has no document in library.ts.`);
  return { ...entry, ...details };
});
