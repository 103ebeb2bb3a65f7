// The side panel's frame: the splitter on its left edge, a collapse button in its corner, and the
// narrow rail that stands in for it while collapsed. What it holds (the explanation, the Inspector
// and the Master UI) is the page's to give.
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { SIDE_WIDTH } from './pane-prefs';
import { Splitter } from './Splitter';

interface SidePaneProps {
  open: boolean;
  width: number;
  onOpenChange(open: boolean): void;
  onWidthChange(width: number): void;
  children: ReactNode;
}

export function SidePane({ open, width, onOpenChange, onWidthChange, children }: SidePaneProps) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);
  // After a collapse or an expand, the focus goes to the button that undoes it (the one it was on is gone).
  useEffect(() => {
    if (toggled.current) button.current?.focus();
    toggled.current = false;
  }, [open]);
  const toggle = (next: boolean) => {
    toggled.current = true;
    onOpenChange(next);
  };
  if (!open) {
    return (
      <div className="side-rail">
        <button
          type="button"
          className="side-rail-button"
          ref={button}
          data-testid="side-expand"
          aria-expanded="false"
          title="Show the details panel (explanation, Inspector, Master UI)"
          onClick={() => toggle(true)}
        >
          <span aria-hidden="true">‹</span> Details
        </button>
      </div>
    );
  }
  return (
    <>
      <Splitter
        orientation="vertical"
        pane="after"
        value={width}
        range={SIDE_WIDTH}
        label="Details panel width"
        controls={id}
        testId="side-splitter"
        onChange={onWidthChange}
        onCollapse={() => toggle(false)}
      />
      <aside id={id} className="app-side" aria-label="Details" data-testid="side-pane">
        <button
          type="button"
          className="side-collapse"
          ref={button}
          data-testid="side-collapse"
          aria-expanded="true"
          aria-controls={id}
          title="Hide the details panel"
          onClick={() => toggle(false)}
        >
          <span aria-hidden="true">›</span>
          <span className="visually-hidden">Hide the details panel</span>
        </button>
        {children}
      </aside>
    </>
  );
}
