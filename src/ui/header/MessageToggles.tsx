// Which messages the canvas draws: heartbeats and tasks are numerous and can be hidden, and so can
// the replies to asks ("↩ ExecutorStateChanged: true"). One toggle per row of TOGGLES: a kind's is
// named with the kind's label (colors.ts) and coloured with its swatch; the replies' shows ↩.
// Self-contained (it reads and sets the store's prefs itself), so the header can place it anywhere.
import { MESSAGE_KIND_LABELS, messageColorVar } from '../colors';
import { usePlayground } from '../PlaygroundProvider';
import type { MessageKind } from '../../engine/public';
import type { PrefsActions, PrefsState } from '../store';
import './header.css';

interface Toggle {
  /** The kind it hides, or null for the replies to asks (of any kind). */
  kind: MessageKind | null;
  shown: keyof PrefsState;
  set: keyof PrefsActions;
  key: string;
  testId: string;
  label: string;
  title: string;
}

const TOGGLES = [
  {
    kind: 'heartbeat',
    shown: 'showHeartbeats',
    set: 'setShowHeartbeats',
    key: 'H',
    testId: 'toggle-heartbeats',
    label: MESSAGE_KIND_LABELS.heartbeat,
    title: 'Show heartbeat messages (H)',
  },
  {
    kind: 'task',
    shown: 'showTasks',
    set: 'setShowTasks',
    key: 'T',
    testId: 'toggle-tasks',
    label: MESSAGE_KIND_LABELS.task,
    title: 'Show task messages (T)',
  },
  {
    kind: null,
    shown: 'showReplies',
    set: 'setShowReplies',
    key: 'R',
    testId: 'toggle-replies',
    label: 'Replies',
    title: 'Show the replies to asks, such as ↩ ExecutorStateChanged: true (R)',
  },
] as const satisfies readonly Toggle[];

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
      title={toggle.title}
      onClick={() => setShown(!shown)}
    >
      {toggle.kind === null ? (
        <span aria-hidden="true">↩</span>
      ) : (
        <span className="swatch" style={{ background: `var(${messageColorVar(toggle.kind)})` }} aria-hidden="true" />
      )}
      {toggle.label}
    </button>
  );
}

export function MessageToggles() {
  return (
    <div className="toggle-group" role="group" aria-label="Messages shown on the canvas">
      {TOGGLES.map((t) => (
        <MessageToggle key={t.testId} toggle={t} />
      ))}
    </div>
  );
}
