// Which message kinds the canvas draws: heartbeats and tasks are numerous and can be hidden. One
// toggle per row of TOGGLES, named with the kind's label (colors.ts) and coloured with its swatch.
import { MESSAGE_KIND_LABELS, messageColorVar } from '../colors';
import { usePlayground } from '../PlaygroundProvider';
import type { MessageKind } from '../../engine/public';
import type { PrefsActions, PrefsState } from '../store';
import './header.css';

const TOGGLES = [
  { kind: 'heartbeat', shown: 'showHeartbeats', set: 'setShowHeartbeats', key: 'H', testId: 'toggle-heartbeats' },
  { kind: 'task', shown: 'showTasks', set: 'setShowTasks', key: 'T', testId: 'toggle-tasks' },
] as const satisfies readonly {
  kind: MessageKind;
  shown: keyof PrefsState;
  set: keyof PrefsActions;
  key: string;
  testId: string;
}[];

function MessageToggle({ toggle }: { toggle: (typeof TOGGLES)[number] }) {
  const shown = usePlayground((s) => s[toggle.shown]);
  const setShown = usePlayground((s) => s[toggle.set]);
  return (
    <button
      type="button"
      className="toggle"
      aria-pressed={shown}
      aria-keyshortcuts={toggle.key}
      data-testid={toggle.testId}
      title={`Show ${toggle.kind} messages (${toggle.key})`}
      onClick={() => setShown(!shown)}
    >
      <span className="swatch" style={{ background: `var(${messageColorVar(toggle.kind)})` }} aria-hidden="true" />
      {MESSAGE_KIND_LABELS[toggle.kind]}
    </button>
  );
}

export function MessageToggles() {
  return (
    <div className="toggle-group" role="group" aria-label="Messages shown on the canvas">
      {TOGGLES.map((t) => (
        <MessageToggle key={t.kind} toggle={t} />
      ))}
    </div>
  );
}
