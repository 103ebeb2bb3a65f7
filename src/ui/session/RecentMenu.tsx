// The Recent sessions menu's list (RecentSessions.tsx is its button): loaded on the first opening,
// so it is not in the page's entry script. Escape or a press outside the menu closes it.
import { type RefObject, useEffect, useRef } from 'react';
import type { RecentSession } from '../../share/session-keeper';
import { usePlayground } from '../PlaygroundProvider';
import { useKeepInView } from './keep-in-view';

/** "14:03" today, else "2 Dec, 14:03": when the entry was last saved. */
function savedLabel(savedAt: number, now: Date): string {
  const at = new Date(savedAt);
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (at.toDateString() === now.toDateString()) return time;
  return `${at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })}, ${time}`;
}

interface RecentMenuProps {
  items: readonly RecentSession[];
  /** The button and the menu: a press inside it does not close the menu. */
  root: RefObject<HTMLSpanElement | null>;
  onClose(): void;
  onRestore(id: string): void;
}

export function RecentMenu({ items, root, onClose, onRestore }: RecentMenuProps) {
  const status = usePlayground((s) => s.status);
  const menu = useRef<HTMLDivElement>(null);
  useKeepInView(menu, true);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node))
        closeRef.current();
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [root]);

  const now = new Date();
  return (
    <div ref={menu} className="recent-menu" role="menu" aria-label="Recent sessions" data-testid="recent-menu">
      {items.length === 0 && <p className="recent-empty">Nothing saved in this browser yet.</p>}
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="menuitem"
          className={item.current ? 'recent-item recent-item--current' : 'recent-item'}
          data-testid="recent-item"
          data-entry={item.id}
          data-from-link={item.fromLink}
          // The one on screen is already open, unless the page lost it (a problem or a stopped engine).
          disabled={status === 'loading' || (item.current && status === 'ready')}
          onClick={() => onRestore(item.id)}
        >
          <span className="recent-name">{item.name}</span>
          <span className="recent-meta">
            {savedLabel(item.savedAt, now)}
            {item.fromLink ? ' · from a link' : ''}
            {item.current ? ' · on screen' : ''}
          </span>
        </button>
      ))}
    </div>
  );
}
