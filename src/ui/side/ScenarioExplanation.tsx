// A built-in's explanation, or the scenario's own name and description (a file's, a link's). The
// controller names a built-in only when the scenario is that built-in, so a link claiming one never
// gets its text beside another scenario. Both go through the same Markdown subset: React elements,
// never HTML. A built-in's explanation but the first-visit one's is in a chunk of its own
// (scenarios/catalogue.ts): until it has arrived, a line says it is on its way, and if it cannot
// be fetched, a sentence says so; the pane never shows another scenario's text meanwhile.
import { useEffect, useState } from 'react';
import { builtinAtHand, type BuiltinEntry, loadBuiltin } from '../../scenarios/catalogue';
import { usePlayground } from '../PlaygroundProvider';
import { Markdown } from './Markdown';

type Fetched = { id: string; text: string } | { id: string; error: string };

/** The explanation of built-in `id`: its text, 'loading' while its chunk is on its way, or why it failed. */
function useExplanation(id: string): { text: string } | { error: string } | 'loading' {
  const atHand = builtinAtHand(id)?.explanation;
  const [fetched, setFetched] = useState<Fetched | null>(null);
  useEffect(() => {
    if (atHand !== undefined) return;
    let live = true;
    loadBuiltin(id).then(
      (b) => live && setFetched({ id, text: b?.explanation ?? '' }),
      (err: unknown) => live && setFetched({ id, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [id, atHand]);
  if (atHand !== undefined) return { text: atHand };
  // An answer for another scenario (the user moved on) is not this one's.
  if (fetched === null || fetched.id !== id) return 'loading';
  return 'text' in fetched ? { text: fetched.text } : { error: fetched.error };
}

function BuiltinExplanation({ entry }: { entry: BuiltinEntry }) {
  const explanation = useExplanation(entry.id);
  return (
    <details className="explanation" data-testid="scenario-explanation" open>
      <summary>
        <strong>{entry.summary}</strong>
      </summary>
      {explanation === 'loading' ? (
        <p role="status" data-testid="explanation-loading">
          Loading the explanation…
        </p>
      ) : 'error' in explanation ? (
        <p role="alert" data-testid="explanation-error">
          The explanation could not be loaded ({explanation.error}). Check the connection and reload the page to read
          it; the scenario itself runs as usual.
        </p>
      ) : (
        <Markdown text={explanation.text} />
      )}
    </details>
  );
}

export function ScenarioExplanation({ scenarios }: { scenarios: readonly BuiltinEntry[] }) {
  const scenarioId = usePlayground((s) => s.scenarioId);
  const status = usePlayground((s) => s.status);
  const name = usePlayground((s) => s.scenarioName);
  const description = usePlayground((s) => s.scenarioDescription);
  const current = scenarioId ? scenarios.find((s) => s.id === scenarioId) : undefined;
  // Keyed on the scenario: a new one starts from its own state, never from the last one's text.
  if (current) return <BuiltinExplanation key={current.id} entry={current} />;
  if (status !== 'ready' || (!name && !description.trim())) return null;
  return (
    <details className="explanation" data-testid="scenario-description" open>
      <summary>
        <strong>{name || 'This scenario'}</strong>
      </summary>
      {description.trim() && <Markdown text={description} />}
    </details>
  );
}
