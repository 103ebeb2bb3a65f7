// A window splitter (the WAI-ARIA pattern): a focusable role="separator" whose aria-valuenow is the
// pane's size in px. Drag it with a pointer; ←/→ (or ↑/↓ for a horizontal one) step 16 px, 64 with
// Shift; Home and End go to the smallest and largest size; Enter collapses the pane.
import { type KeyboardEvent, type PointerEvent, useRef } from 'react';
import { clampSize, keyedSize } from './pane-prefs';

interface SplitterProps {
  /** 'vertical' sits between two columns (it moves left and right); 'horizontal' between two rows. */
  orientation: 'vertical' | 'horizontal';
  /** The pane it sizes lies before it (left or above) or after it (right or below). */
  pane: 'before' | 'after';
  value: number;
  range: { min: number; max: number };
  label: string;
  controls: string;
  testId: string;
  onChange(value: number): void;
  onCollapse(): void;
}

export function Splitter({
  orientation,
  pane,
  value,
  range,
  label,
  controls,
  testId,
  onChange,
  onCollapse,
}: SplitterProps) {
  const drag = useRef<{ from: number; start: number } | null>(null);
  const vertical = orientation === 'vertical';
  // Moving towards the pane shrinks it: a side panel on the right grows when dragged left.
  const sign = pane === 'after' ? -1 : 1;
  const grow: [string, string] = vertical
    ? pane === 'after'
      ? ['ArrowLeft', 'ArrowRight']
      : ['ArrowRight', 'ArrowLeft']
    : pane === 'after'
      ? ['ArrowUp', 'ArrowDown']
      : ['ArrowDown', 'ArrowUp'];

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    drag.current = { from: vertical ? e.clientX : e.clientY, start: value };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const moved = (vertical ? e.clientX : e.clientY) - d.from;
    onChange(clampSize(d.start + sign * moved, range));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      onCollapse();
      return;
    }
    const next = keyedSize(e.key, e.shiftKey, value, range, grow);
    if (next === null) return;
    e.preventDefault();
    onChange(next);
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-orientation={orientation}
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={value}
      aria-valuemin={range.min}
      aria-valuemax={range.max}
      className={`splitter splitter-${orientation}`}
      data-testid={testId}
      title={`${label}: drag, or arrow keys (Enter collapses)`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
