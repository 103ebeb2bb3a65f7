// The check an imported scenario file passes before it replaces anything: restoreScenario, the
// one way into the engine, with its first problems put in a sentence for the user. The page loads
// this with the import dialog (ImportExport.tsx imports it on demand), so the scenario schema
// stays out of the page's entry script.
import { restoreScenario } from '../engine/public';

export type ImportCheck = { ok: true; name: string } | { ok: false; message: string };

/** At most this many problems are spelled out; the rest are counted. */
const SHOWN_PROBLEMS = 3;

export function checkImportedScenario(doc: unknown): ImportCheck {
  const checked = restoreScenario(doc, { source: 'file' });
  if (checked.ok) return { ok: true, name: checked.scenario.name };
  const problems = checked.errors.slice(0, SHOWN_PROBLEMS).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  const more = checked.errors.length > SHOWN_PROBLEMS ? ` (and ${checked.errors.length - SHOWN_PROBLEMS} more)` : '';
  return {
    ok: false,
    message: `This scenario cannot be opened: ${problems.join(' ')}${more} Your session is unchanged.`,
  };
}
