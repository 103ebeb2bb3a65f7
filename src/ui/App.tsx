// The first page: pick a built-in scenario, run it in the engine worker, and watch the Master's
// page change as simulated time runs. The canvas of DESIGN.md §5 comes later; this page is the
// plain, testable view of the same data.
import type { Controller } from './controller';
import { Controls } from './components/Controls';
import { LogPane } from './components/LogPane';
import { Markdown } from './components/Markdown';
import { MasterPage } from './components/MasterPage';
import { usePlayground } from './store';

/** What the page needs of a built-in scenario (src/scenarios). */
export interface ScenarioEntry {
  id: string;
  title: string;
  summary: string;
  explanation: string;
  scenario: unknown;
}

function ScenarioPicker({ scenarios, controller }: { scenarios: readonly ScenarioEntry[]; controller: Controller }) {
  const scenarioId = usePlayground((s) => s.scenarioId);
  const current = scenarios.find((s) => s.id === scenarioId);
  return (
    <section className="scenario" aria-label="About this scenario">
      <label>
        Scenario{' '}
        <select
          data-testid="scenario-select"
          value={scenarioId}
          onChange={(e) => {
            const next = scenarios.find((s) => s.id === e.target.value);
            if (next) void controller.load(next.id, next.scenario);
          }}
        >
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      {current && (
        <div className="explanation" data-testid="scenario-explanation">
          <p>
            <strong>{current.summary}</strong>
          </p>
          <Markdown text={current.explanation} />
        </div>
      )}
    </section>
  );
}

function Problems({ items }: { items: { path: string; message: string }[] }) {
  return (
    <ul>
      {items.map((e, i) => (
        <li key={i}>
          {e.path && <code>{e.path}</code>} {e.message}
        </li>
      ))}
    </ul>
  );
}

function StatusBanner() {
  const status = usePlayground((s) => s.status);
  const errors = usePlayground((s) => s.errors);
  const warnings = usePlayground((s) => s.warnings);
  if (status === 'loading') {
    return (
      <p role="status" data-testid="engine-status">
        Loading the scenario…
      </p>
    );
  }
  if (status === 'ready') {
    if (warnings.length === 0) return null;
    return (
      <div role="status" className="warnings" data-testid="scenario-warnings">
        <p>The scenario loaded, with these remarks:</p>
        <Problems items={warnings} />
      </div>
    );
  }
  return (
    <div role="alert" data-testid="engine-status" data-status={status}>
      <p>{status === 'invalid' ? 'This scenario is not valid:' : 'The engine stopped:'}</p>
      <Problems items={errors} />
    </div>
  );
}

export function App({ scenarios, controller }: { scenarios: readonly ScenarioEntry[]; controller: Controller }) {
  return (
    <div className="app">
      <header>
        <p className="brand">Spark Standalone Playground</p>
        <Controls controller={controller} />
      </header>
      <main>
        <ScenarioPicker scenarios={scenarios} controller={controller} />
        <StatusBanner />
        <MasterPage />
        <LogPane />
      </main>
    </div>
  );
}
