// The Recent sessions menu: the sessions kept in this browser (the user's own, each tab's, and
// each link opened), newest first; choosing one opens it in this tab. The list is read when the
// menu opens, so it includes what other tabs saved meanwhile.
import { useEffect, useRef, useState } from 'react';
import type { RecentSession } from '../../share/session-keeper';
import { usePlayground } from '../PlaygroundProvider';
import { useSessionKeeper } from './keeper-context';
import { useKeepInView } from './keep-in-view';

/** "14:03" today, else "2 Dec, 14:03": when the entry was last saved. */
function savedLabel(savedAt: number, now: Date): string {
  const at = new Date(savedAt);
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (at.toDateString() === now.toDateString()) return time;
  return `${at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })}, ${time}`;
}

export function RecentSessions() {
  const keeper = useSessionKeeper();
  const status = usePlayground((s) => s.status);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<RecentSession[]>([]);
  const root = useRef<HTMLSpanElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  useKeepInView(menu, open);

  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  if (!keeper) return null;
  const now = new Date();
  return (
    <span className="recent-anchor" ref={root}>
      <button
        type="button"
        data-testid="recent-sessions"
        aria-haspopup="menu"
        aria-expanded={open}
        title="Sessions kept in this browser"
        onClick={() => {
          if (!open) setItems(keeper.recent());
          setOpen(!open);
        }}
      >
        Recent ▾
      </button>
      {open && (
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
              onClick={() => {
                setOpen(false);
                void keeper.restore(item.id);
              }}
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
      )}
    </span>
  );
}
