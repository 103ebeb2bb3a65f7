// Timelines kept aside by forks: switching to one keeps the current timeline as a branch too, so
// nothing is lost by going back and forth (Branches.tsx shows this menu once there is a branch).
// The branches are a compact button and a menu (a long label such as "until 0:00:31.950 (left at
// 0:00:10.000)" must not widen the header): ↑/↓ move, Enter chooses, Escape gives the focus back.
import { type KeyboardEvent } from 'react';
import { formatSimTime } from '../format';
import { useController, usePlayground } from '../PlaygroundProvider';
import { rovingIndex } from '../popover/roving';
import { usePopover } from '../popover/use-popover';

export function BranchesMenu() {
  const controller = useController();
  const branches = usePlayground((s) => s.branches);
  const time = usePlayground((s) => s.time);
  const horizon = usePlayground((s) => s.horizon);
  const addBranch = usePlayground((s) => s.addBranch);
  const removeBranch = usePlayground((s) => s.removeBranch);
  const { open, setOpen, close, root, trigger, popup, onBlur } = usePopover();
  const switchTo = async (id: number) => {
    const target = branches.find((b) => b.id === id);
    if (!target) return;
    const current = await controller.session();
    if (current) {
      current.playhead = Math.max(time, horizon);
      addBranch(`until ${formatSimTime(current.playhead)} (left at ${formatSimTime(time)})`, current);
    }
    removeBranch(id);
    await controller.openSession(target.session);
  };

  const items = () => Array.from(popup.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  const openMenu = (last = false) => {
    setOpen(true);
    requestAnimationFrame(() => {
      const list = items();
      list[last ? list.length - 1 : 0]?.focus();
    });
  };
  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const to = rovingIndex(e.key, list.indexOf(document.activeElement as HTMLElement), list.length);
    if (to === null) return;
    e.preventDefault();
    list[to]?.focus();
  };

  return (
    <div className="branches" ref={root} onBlur={onBlur}>
      <button
        ref={trigger}
        type="button"
        data-testid="branches"
        data-count={branches.length}
        aria-haspopup="menu"
        aria-expanded={open}
        title="Timelines kept aside by a fork"
        onClick={() => (open ? close(false) : openMenu())}
        onKeyDown={(e) => {
          if (open || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
          e.preventDefault();
          openMenu(e.key === 'ArrowUp');
        }}
      >
        Branches <span className="branches-count">{branches.length}</span> <span aria-hidden="true">▾</span>
      </button>
      <div
        ref={popup}
        className="branches-menu"
        role="menu"
        aria-label="Branches"
        data-testid="branches-menu"
        hidden={!open}
        onKeyDown={onMenuKey}
      >
        <p className="branches-note">This timeline is the one on screen. Switching keeps it as a branch.</p>
        {branches.map((b) => (
          <button
            key={b.id}
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="branches-item"
            data-testid="branch-item"
            data-branch={b.id}
            onClick={() => {
              close(true);
              void switchTo(b.id);
            }}
          >
            {b.label}
          </button>
        ))}
      </div>
    </div>
  );
}
