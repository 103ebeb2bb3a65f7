// Short messages after an action (store.notices) as toasts: information in a polite live region,
// errors in an alert region. Each goes away by itself after a while (not while hovered or
// focused, so it can be read) or with its Dismiss button.
import { useEffect, useState } from 'react';
import { usePlayground } from './PlaygroundProvider';
import type { Notice } from './store';
import './notices.css';

/** How long a notice stays, in wall ms: errors longer, they may need reading twice. */
const LIFETIME_MS: Record<Notice['tone'], number> = { info: 5000, error: 10_000 };

function Toast({ notice, onDismiss }: { notice: Notice; onDismiss: (id: number) => void }) {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const timer = window.setTimeout(() => onDismiss(notice.id), LIFETIME_MS[notice.tone]);
    return () => window.clearTimeout(timer);
  }, [held, notice.id, notice.tone, onDismiss]);
  return (
    <div
      className={`notice notice-${notice.tone}`}
      data-testid="notice"
      data-tone={notice.tone}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span className="notice-text">{notice.text}</span>
      <button
        type="button"
        className="notice-dismiss"
        aria-label="Dismiss"
        title="Dismiss"
        onClick={() => onDismiss(notice.id)}
      >
        ×
      </button>
    </div>
  );
}

export function Notices() {
  const notices = usePlayground((s) => s.notices);
  const dismiss = usePlayground((s) => s.dismissNotice);
  // The regions are always in the page: screen readers announce what is added to a live region
  // that already exists, not a region that appears with its content.
  return (
    <div className="notices" data-testid="notices">
      <div role="alert" className="notice-region">
        {notices
          .filter((n) => n.tone === 'error')
          .map((n) => (
            <Toast key={n.id} notice={n} onDismiss={dismiss} />
          ))}
      </div>
      <div role="status" aria-live="polite" className="notice-region">
        {notices
          .filter((n) => n.tone === 'info')
          .map((n) => (
            <Toast key={n.id} notice={n} onDismiss={dismiss} />
          ))}
      </div>
    </div>
  );
}
