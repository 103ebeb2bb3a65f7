// The legend, in the canvas's corner: which colour is which application (its number as the cards
// show it, its id and its name), what the message colours mean, and what the timeline's markers
// are. A button and a popover; Escape or a press elsewhere closes it. Its contents load on first use.
import { lazy, Suspense, useId } from 'react';
import { usePopover } from '../popover/use-popover';
import './legend.css';

const LegendPanel = lazy(() => import('./LegendPanel').then((m) => ({ default: m.LegendPanel })));

export function Legend() {
  const { open, setOpen, close, root, trigger, popup, onBlur } = usePopover();
  const titleId = useId();
  return (
    <div className="canvas-legend" ref={root} onBlur={onBlur}>
      <button
        ref={trigger}
        type="button"
        className="legend-button"
        data-testid="legend-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        title="What the colours and markers mean"
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        Legend
      </button>
      <div
        ref={popup}
        role="dialog"
        aria-labelledby={titleId}
        className="legend-popover"
        data-testid="legend"
        hidden={!open}
        tabIndex={-1}
      >
        {open && (
          <Suspense fallback={<p>Loading…</p>}>
            <LegendPanel titleId={titleId} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
