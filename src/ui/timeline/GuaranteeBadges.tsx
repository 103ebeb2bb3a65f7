// The row of Spark's guarantees under the timeline (engine/checks/guarantees.ts, one badge each):
// green while a guarantee has held at every state change so far, amber while a liveness one is
// awaited, red once one broke. A red badge is a button to the first state change that broke it;
// every badge says in its tooltip (and to a screen reader) what it checks and how it stands.
import type { GuaranteeBadgeView } from '../../engine/public';
import { useAttempt } from '../attempt';
import { formatSimTime } from '../format';
import { useController, usePlayground } from '../PlaygroundProvider';
import './guarantees.css';

/** Short labels for the row; the engine's title is the tooltip's first line. */
const SHORT: Record<string, string> = {
  'worker-accounting': 'accounting',
  'launch-on-alive': 'ALIVE only',
  'cores-max': 'cores.max',
  'app-id-unique': 'unique ids',
  'supervised-relaunch': 'supervise',
  'dead-within-two-timeouts': 'timeout',
};

const MARK: Record<GuaranteeBadgeView['status'], string> = { ok: '✓', pending: '…', violated: '✗' };
const WORD: Record<GuaranteeBadgeView['status'], string> = { ok: 'holds', pending: 'pending', violated: 'broken' };

export function badgeLabel(b: GuaranteeBadgeView): string {
  const at = b.status === 'violated' && b.at !== undefined ? ` at ${formatSimTime(b.at)}` : '';
  return `${b.title}: ${WORD[b.status]}${at}. ${b.detail}`;
}

export function GuaranteeBadges() {
  const badges = usePlayground((s) => s.guarantees);
  const controller = useController();
  const attempt = useAttempt();
  if (badges.length === 0) return null;
  return (
    <ul className="guarantees" aria-label="Spark's guarantees" data-testid="guarantees">
      {badges.map((b) => {
        const label = badgeLabel(b);
        const text = (
          <>
            <span aria-hidden="true">{MARK[b.status]}</span> {SHORT[b.id] ?? b.id}
          </>
        );
        return (
          <li
            key={b.id}
            className={`guarantee guarantee--${b.status}`}
            data-testid={`guarantee-${b.id}`}
            data-status={b.status}
          >
            {b.status === 'violated' && b.at !== undefined ? (
              <button type="button" title={label} aria-label={label} onClick={() => attempt(controller.seek(b.at!))}>
                {text}
              </button>
            ) : (
              <span title={label} aria-label={label} role="img">
                {text}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
