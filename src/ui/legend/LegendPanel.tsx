// The legend's contents (Legend.tsx is its button and popover), loaded when first opened.
import type { MessageKind } from '../../engine/public';
import { useMemo } from 'react';
import { MESSAGE_KIND_LABELS, messageColorVar } from '../colors';
import { usePlayground } from '../PlaygroundProvider';
import { FAILURE_STATES } from '../store';
import { failureTone } from '../timeline/timeline-scale';
import { legendApps, shortAppId } from './legend-model';

const KINDS = Object.keys(MESSAGE_KIND_LABELS) as MessageKind[];
/** The states the timeline marks, by the tone its marker has. */
const FAILED = [...FAILURE_STATES].filter((s) => failureTone(s) === 'danger').join(', ');
const WARNED = [...FAILURE_STATES].filter((s) => failureTone(s) === 'warn').join(', ');

function Apps() {
  const changes = usePlayground((s) => s.changes);
  const logs = usePlayground((s) => s.logs);
  const nodes = usePlayground((s) => s.nodes);
  const apps = useMemo(() => legendApps(changes, logs, nodes), [changes, logs, nodes]);
  if (apps.length === 0)
    return <p className="legend-empty">No application yet. Its colour marks its driver, executors and cores.</p>;
  return (
    <ul className="legend-apps" data-testid="legend-apps">
      {apps.map((a) => (
        <li key={a.appId} data-testid="legend-app" data-app={a.appId} data-color={a.color}>
          <span className="legend-swatch" style={{ background: a.color }} aria-hidden="true" />
          <span className="legend-app-short">{shortAppId(a.appId)}</span>
          <span className="legend-app-text">
            <span className="legend-app-name">{a.name ?? 'unnamed'}</span>
            <code className="legend-app-id">{a.appId}</code>
            <span className="legend-app-meta">
              {[
                a.state,
                a.driver ? 'driver on a card' : null,
                a.executors > 0 ? `${a.executors} executor${a.executors === 1 ? '' : 's'} now` : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function LegendPanel({ titleId }: { titleId: string }) {
  return (
    <>
      <h2 id={titleId}>Legend</h2>
      <h3>Applications</h3>
      <p className="legend-note">
        An app’s colour fills the cores and memory it holds and marks its driver and executor cards.
      </p>
      <Apps />
      <h3>Messages</h3>
      <ul className="legend-kinds">
        {KINDS.map((k) => (
          <li key={k}>
            <span className="legend-line" style={{ background: `var(${messageColorVar(k)})` }} aria-hidden="true" />
            {MESSAGE_KIND_LABELS[k]}
          </li>
        ))}
        <li>
          <span className="legend-lost" aria-hidden="true">
            ✕
          </span>
          A message lost on the way (its reason beside it)
        </li>
      </ul>
      <h3>Timeline</h3>
      <ul className="legend-markers">
        <li>
          <span className="legend-marker action" aria-hidden="true" />
          An action that came with the scenario
        </li>
        <li>
          <span className="legend-marker action recorded" aria-hidden="true" />
          An action you applied in this session
        </li>
        <li>
          <span className="legend-marker failure danger" aria-hidden="true" />A failure: {FAILED}
        </li>
        <li>
          <span className="legend-marker failure warn" aria-hidden="true" />
          Stopped on purpose or in doubt: {WARNED}
        </li>
      </ul>
    </>
  );
}
