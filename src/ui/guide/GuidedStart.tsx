// The guided start: four short steps, each a card beside what it points at (Play, the scenario
// picker, a worker, Share) with that element ringed. Not modal: the page stays usable under it.
// Skip, Escape or Done end it for good in this browser (guide-steps.ts says when it offers itself);
// the More menu brings it back.
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { cardPosition, GUIDE_STEPS } from './guide-steps';
import './guide.css';

interface GuidedStartProps {
  onClose(): void;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

function targetBox(selector: string): Box | null {
  const el = document.querySelector(selector);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 ? { left: r.left, top: r.top, width: r.width, height: r.height } : null;
}

export function GuidedStart({ onClose }: GuidedStartProps) {
  const [index, setIndex] = useState(0);
  const [box, setBox] = useState<Box | null>(null);
  const [size, setSize] = useState({ width: 320, height: 170 });
  const card = useRef<HTMLDivElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const step = GUIDE_STEPS[index] ?? GUIDE_STEPS[0];
  const last = index === GUIDE_STEPS.length - 1;

  // The target moves with the layout (a resize, the canvas fitting itself): measured again then.
  useLayoutEffect(() => {
    if (!step) return;
    const measure = () => setBox(targetBox(step.target));
    measure();
    const later = window.setTimeout(measure, 400);
    window.addEventListener('resize', measure);
    return () => {
      window.clearTimeout(later);
      window.removeEventListener('resize', measure);
    };
  }, [step]);

  // The card's own size is known once it is drawn; position it again then.
  useLayoutEffect(() => {
    const el = card.current;
    if (el && (el.offsetWidth !== size.width || el.offsetHeight !== size.height))
      setSize({ width: el.offsetWidth, height: el.offsetHeight });
  }, [index, box, size]);

  useEffect(() => {
    next.current?.focus();
  }, [index]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      onClose();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [onClose]);

  if (!step) return null;
  const at = cardPosition(box, size, { width: window.innerWidth, height: window.innerHeight });

  return (
    <>
      {box && (
        <div
          className="guide-ring"
          aria-hidden="true"
          style={{ left: box.left - 4, top: box.top - 4, width: box.width + 8, height: box.height + 8 }}
        />
      )}
      <div
        ref={card}
        className="guide-card"
        role="dialog"
        aria-modal="false"
        aria-labelledby={titleId}
        data-testid="guided-start"
        data-step={index}
        style={{ left: at.left, top: at.top }}
      >
        <p className="guide-count">
          Step {index + 1} of {GUIDE_STEPS.length}
        </p>
        <h2 id={titleId}>{step.title}</h2>
        <p>{step.text}</p>
        <div className="guide-actions">
          <button type="button" data-testid="guide-skip" onClick={onClose}>
            Skip
          </button>
          <span className="guide-spacer" />
          {index > 0 && (
            <button type="button" data-testid="guide-back" onClick={() => setIndex(index - 1)}>
              Back
            </button>
          )}
          <button
            ref={next}
            type="button"
            className="primary"
            data-testid="guide-next"
            onClick={() => (last ? onClose() : setIndex(index + 1))}
          >
            {last ? 'Done' : 'Next'}
          </button>
        </div>
      </div>
    </>
  );
}
