// The check an imported scenario file passes before it replaces anything: restoreScenario, the
// one way into the engine, with its first problems put in a sentence for the user. The page loads
// this with the import dialog (ImportExport.tsx imports it on demand), so the scenario schema
// stays out of the page's entry script.
import { restoreScenario } from '../engine/public';
import { problemsSentence } from './problems';

export type ImportCheck = { ok: true; name: string } | { ok: false; message: string };

export function checkImportedScenario(doc: unknown): ImportCheck {
  const checked = restoreScenario(doc, { source: 'file' });
  if (checked.ok) return { ok: true, name: checked.scenario.name };
  return {
    ok: false,
    message: `This scenario cannot be opened: ${problemsSentence(checked.errors)} Your session is unchanged.`,
  };
}
