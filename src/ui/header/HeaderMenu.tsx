// The header's More menu: what is used now and then (which messages the canvas draws, the theme,
// Import and Export, the guided start) in one popover, so the header stays one row at 1280 px.
// A button with aria-haspopup opens it and focuses its first control; ↑/↓ (and Home/End) move
// between its controls, ←/→ still move within the theme's radio group, Escape closes it and gives
// the focus back to the button. The message toggles keep their own keys (H, T) while it is closed.
import { type KeyboardEvent, lazy, useId } from 'react';
import { MountedOnce } from '../LazyPart';
import { rovingIndex } from '../popover/roving';
import { usePopover } from '../popover/use-popover';
import './header.css';

// The contents come with the first opening (HeaderMenuBody.tsx): not in the page's entry script.
const HeaderMenuBody = lazy(() => import('./HeaderMenuBody').then((m) => ({ default: m.HeaderMenuBody })));
const prefetchBody = () => void import('./HeaderMenuBody').catch(() => undefined);

/** The controls ↑/↓ move between: every enabled button, and the theme radio that is checked. */
const CONTROLS = 'button:not(:disabled), input[type="radio"]:checked';

export function HeaderMenu({ onGuidedStart }: { onGuidedStart?: () => void }) {
  const { open, setOpen, close, root, trigger, popup, onBlur } = usePopover();
  const titleId = useId();

  const controls = () => Array.from(popup.current?.querySelectorAll<HTMLElement>(CONTROLS) ?? []);
  const focusFirst = () => controls()[0]?.focus();
  const openMenu = () => {
    setOpen(true);
    // After the render that shows it (the first time, HeaderMenuBody does it when it arrives).
    requestAnimationFrame(focusFirst);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    const list = controls();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const to = rovingIndex(e.key, at, list.length);
    if (to === null) return;
    e.preventDefault();
    list[to]?.focus();
  };
  /** A command that opens a dialog: the menu closes first, so the dialog gives the focus back to its button. */
  const run = (command: () => void) => () => {
    close(true);
    command();
  };

  return (
    <div className="header-menu" ref={root} onBlur={onBlur}>
      <button
        ref={trigger}
        type="button"
        className="header-menu-button"
        data-testid="header-menu"
        aria-haspopup="dialog"
        aria-expanded={open}
        title="Messages shown, theme, Import and Export, guided start"
        onClick={() => (open ? close(false) : openMenu())}
        onPointerEnter={prefetchBody}
        onFocus={prefetchBody}
        onKeyDown={(e) => {
          if (!open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
            e.preventDefault();
            openMenu();
          }
        }}
      >
        More <span aria-hidden="true">▾</span>
      </button>
      <div
        ref={popup}
        className="header-menu-popover"
        role="dialog"
        aria-labelledby={titleId}
        data-testid="header-menu-popover"
        hidden={!open}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="visually-hidden">
          More
        </h2>
        <MountedOnce when={open} what="The menu" fallback={<p>Loading…</p>}>
          <HeaderMenuBody run={run} onGuidedStart={onGuidedStart} focusFirst={focusFirst} />
        </MountedOnce>
      </div>
    </div>
  );
}
