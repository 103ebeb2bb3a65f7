// The Recent sessions menu: the sessions kept in this browser (the user's own, each tab's, and
// each link opened), newest first; choosing one opens it in this tab. The list is read when the
// menu opens, so it includes what other tabs saved meanwhile; it is drawn by RecentMenu.tsx,
// loaded on the first opening.
import { lazy, useRef, useState } from 'react';
import { LazyPart } from '../LazyPart';
import type { RecentSession } from '../../share/session-keeper';
import { useSessionKeeper } from './keeper-context';

const RecentMenu = lazy(() => import('./RecentMenu').then((m) => ({ default: m.RecentMenu })));

export function RecentSessions() {
  const keeper = useSessionKeeper();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<RecentSession[]>([]);
  const root = useRef<HTMLSpanElement>(null);

  if (!keeper) return null;
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
        <LazyPart what="The list of sessions">
          <RecentMenu
            items={items}
            root={root}
            onClose={() => setOpen(false)}
            onRestore={(id) => {
              setOpen(false);
              void keeper.restore(id);
            }}
          />
        </LazyPart>
      )}
    </span>
  );
}
