// The Inspector tab: the selected thing as the engine describes it at the current simulated time
// (Spark's field names), and its state history with causes; a history line seeks to its moment.
import type { Selection } from '../../engine/public';
import { useAttempt } from '../attempt';
import { useController, usePlayground } from '../PlaygroundProvider';
import { describeChange } from './cause';
import { WhySection } from './WhySection';

const KIND_LABELS: Record<Selection['kind'], string> = {
  worker: 'Worker',
  master: 'Master',
  zookeeper: 'ZooKeeper',
  client: 'Client machine',
  executor: 'Executor',
  driver: 'Driver',
  application: 'Application',
};

const sameSelection = (a: Selection | null, b: Selection | null): boolean =>
  a !== null && b !== null && a.kind === b.kind && a.id === b.id;

export function Inspector() {
  const controller = useController();
  const attempt = useAttempt();
  const selection = usePlayground((s) => s.selection);
  const inspect = usePlayground((s) => s.inspect);
  const time = usePlayground((s) => s.time);
  const openMenu = usePlayground((s) => s.openMenu);

  if (!selection) {
    return (
      <div className="inspector empty-state" data-testid="inspector" data-state="empty">
        <p>Select a worker, process or app on the canvas</p>
        <p className="muted">
          …or click an id in the Master UI or a line of the event log. Its fields and the history of its states, with
          what caused each change, show here.
        </p>
      </div>
    );
  }
  if (!inspect || !sameSelection(inspect.selection, selection)) {
    return (
      <div className="inspector" data-testid="inspector" data-state="loading">
        <p role="status">
          Reading {KIND_LABELS[selection.kind].toLowerCase()} {selection.id}…
        </p>
      </div>
    );
  }

  // The history line in effect now: the last change at or before the playhead.
  let current = -1;
  inspect.history.forEach((c, i) => {
    if (c.t <= time) current = i;
  });
  const subjects = new Set(inspect.history.map((c) => c.subject));

  return (
    <div className="inspector" data-testid="inspector" data-state={inspect.exists ? 'ready' : 'absent'}>
      <div className="inspector-head">
        <div>
          <span className="kind-badge">{KIND_LABELS[selection.kind]}</span>
          <h2 className="inspector-title">{inspect.title}</h2>
        </div>
        <div className="inspector-actions">
          <button
            type="button"
            aria-haspopup="menu"
            aria-keyshortcuts="M"
            data-testid="inspector-actions"
            onClick={(e) => {
              const r = e.currentTarget.getBoundingClientRect();
              openMenu({ target: selection, x: r.left, y: r.bottom + 4 });
            }}
          >
            Actions…
          </button>
          <button type="button" title="Clear the selection (Esc)" onClick={() => controller.select(null)}>
            Clear
          </button>
        </div>
      </div>
      {!inspect.exists && (
        <p className="note" role="status">
          It does not exist at this simulated time.
        </p>
      )}
      {inspect.fields.length > 0 && (
        <table className="fields" aria-label={`${inspect.title} fields`}>
          <tbody>
            {inspect.fields.map((f) => (
              <tr key={f.name}>
                <th scope="row">{f.name}</th>
                <td>{f.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <WhySection why={inspect.why} chain={inspect.chain} onSeek={(t) => attempt(controller.seek(t))} />
      <h3 className="inspector-subhead">State history</h3>
      {inspect.history.length === 0 ? (
        <p className="muted">No state changes yet.</p>
      ) : (
        <ol className="history" data-testid="inspector-history">
          {inspect.history.map((c, i) => {
            const d = describeChange(c);
            return (
              <li
                key={`${c.t}|${c.subject}|${c.to}|${i}`}
                className={i === current ? 'current' : undefined}
                data-t={c.t}
                data-to={c.to}
              >
                <button type="button" title={`Go to ${d.time}`} onClick={() => attempt(controller.seek(c.t))}>
                  <time className="history-time">{d.time}</time>
                  {' · '}
                  {subjects.size > 1 && <span className="history-subject">{c.subject} </span>}
                  <span className="history-transition">{d.transition}</span>
                  {' · '}
                  <span className="history-cause">{d.cause}</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
