// The session's timeline: 0 to the furthest time reached (or the last scenario action), with the
// playhead, scenario and user actions above the track and failures below it. Click or drag to
// seek (throttled while dragging), or use it as a slider from the keyboard.
import {
  lazy,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  type RefObject,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useAttempt } from '../attempt';
import { formatSimTime } from '../format';
import { useController, usePlayground } from '../PlaygroundProvider';
import {
  type Clock,
  createThrottle,
  failureTone,
  fractionOf,
  keyTarget,
  pointerToMs,
  tickLabel,
  ticks,
  tickStep,
  timelineEnd,
} from './timeline-scale';
import './timeline.css';
import { LazyPart } from '../LazyPart';

// The badge row is not needed for the first draw: a chunk of its own.
const GuaranteeBadges = lazy(() => import('./GuaranteeBadges').then((m) => ({ default: m.GuaranteeBadges })));

/** While dragging, at most one seek per this many wall ms (each one may replay from a checkpoint). */
const DRAG_SEEK_INTERVAL_MS = 100;
/** Key presses closer together than this step from the previous target rather than the clock. */
const KEY_CHAIN_MS = 1500;

const browserClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (h) => window.clearTimeout(h as number),
};

function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

const pct = (f: number): string => `${(f * 100).toFixed(3)}%`;

export function Timeline() {
  const controller = useController();
  const attempt = useAttempt();
  const time = usePlayground((s) => s.time);
  const horizon = usePlayground((s) => s.horizon);
  const actions = usePlayground((s) => s.actions);
  const failures = usePlayground((s) => s.failureMarkers);
  const ready = usePlayground((s) => s.status === 'ready');

  const barRef = useRef<HTMLDivElement>(null);
  const width = useWidth(barRef);
  const helpId = useId();

  // While dragging: where the pointer is (the playhead follows it before the engine catches up),
  // and the scale at the start of the drag, so seeking forward (which stretches the timeline)
  // does not move the ground under the pointer.
  const [dragMs, setDragMs] = useState<number | null>(null);
  const [hoverMs, setHoverMs] = useState<number | null>(null);
  const dragEnd = useRef<number | null>(null);
  const dragMsRef = useRef(0);
  // The last keyboard target and when it was asked for.
  const keyBase = useRef<{ ms: number; at: number } | null>(null);

  const end = dragEnd.current ?? timelineEnd(horizon, time, actions);
  const reached = Math.max(horizon, time);
  const shown = dragMs ?? time;

  // The latest seek of a drag: after release the playhead stays where it was dropped until this
  // settles, instead of flicking back to the old time for a frame.
  const lastSeek = useRef<Promise<void> | null>(null);
  const throttle = useMemo(
    () =>
      createThrottle<number>(
        (ms) => {
          const p = controller.seek(ms);
          lastSeek.current = p;
          attempt(p);
        },
        DRAG_SEEK_INTERVAL_MS,
        browserClock,
      ),
    [controller, attempt],
  );
  useEffect(() => () => throttle.cancel(), [throttle]);

  const step = tickStep(end, width);
  const tickList = useMemo(() => ticks(end, step), [end, step]);

  const msAt = (e: ReactPointerEvent<HTMLDivElement>): number => {
    const rect = e.currentTarget.getBoundingClientRect();
    return pointerToMs(e.clientX, rect, dragEnd.current ?? end);
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!ready || e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.focus();
    e.currentTarget.setPointerCapture(e.pointerId);
    dragEnd.current = end;
    // A press on a marker lands exactly on its time, not on the nearest pixel's.
    const marker = (e.target as HTMLElement).closest<HTMLElement>('[data-t]');
    const ms = marker ? Number(marker.dataset.t) : msAt(e);
    dragMsRef.current = ms;
    setDragMs(ms);
    throttle.call(ms);
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const ms = msAt(e);
    if (dragEnd.current !== null && e.currentTarget.hasPointerCapture(e.pointerId)) {
      dragMsRef.current = ms;
      setDragMs(ms);
      throttle.call(ms);
    } else if (e.pointerType === 'mouse') {
      setHoverMs(ms);
    }
  };

  const finishDrag = (e: ReactPointerEvent<HTMLDivElement>, commit: boolean) => {
    if (dragEnd.current === null) return;
    dragEnd.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    if (!commit) {
      throttle.cancel();
      setDragMs(null);
      return;
    }
    throttle.flush(dragMsRef.current);
    const settle = () => {
      // Unless a new drag has begun meanwhile.
      if (dragEnd.current === null) setDragMs(null);
    };
    (lastSeek.current ?? Promise.resolve()).then(settle, settle);
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    if (!ready) return;
    // Presses in quick succession build on the previous target: the clock has not caught up yet
    // (the controller coalesces seeks). After a pause, the clock is the truth again.
    const now = performance.now();
    const base = keyBase.current !== null && now - keyBase.current.at < KEY_CHAIN_MS ? keyBase.current.ms : time;
    const target = keyTarget(e.key, base, end);
    if (target === null) return;
    // The slider owns these keys: the page's shortcuts (← back, → step) must not also run.
    e.preventDefault();
    e.stopPropagation();
    keyBase.current = { ms: target, at: now };
    attempt(controller.seek(target));
  };

  return (
    <section className="timeline" aria-label="Session timeline" data-testid="timeline-region">
      <span id={helpId} className="visually-hidden">
        Left and right arrows move one second, Page Up and Page Down ten seconds, Home and End to the ends.
      </span>
      <div
        ref={barRef}
        className={`timeline-bar${dragEnd.current !== null ? ' dragging' : ''}`}
        role="slider"
        tabIndex={ready ? 0 : -1}
        aria-label="Timeline"
        aria-describedby={helpId}
        aria-disabled={!ready}
        aria-orientation="horizontal"
        aria-valuemin={0}
        aria-valuemax={end}
        aria-valuenow={shown}
        aria-valuetext={`${formatSimTime(shown)} of ${formatSimTime(end)}`}
        data-testid="timeline"
        data-end={end}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={(e) => finishDrag(e, true)}
        onPointerCancel={(e) => finishDrag(e, false)}
        onLostPointerCapture={(e) => finishDrag(e, true)}
        onPointerLeave={() => setHoverMs(null)}
        onKeyDown={onKeyDown}
      >
        <div className="timeline-track" aria-hidden="true">
          <div className="timeline-reached" style={{ width: pct(fractionOf(reached, end)) }} />
          <div className="timeline-played" style={{ width: pct(fractionOf(shown, end)) }} />
        </div>
        {actions.map((a) => (
          <span
            key={`a${a.index}`}
            className={`timeline-marker action${a.recorded ? ' recorded' : ''}`}
            style={{ left: pct(fractionOf(a.at, end)) }}
            title={`${formatSimTime(a.at)} · ${a.label}${a.recorded ? ' (applied by you)' : ' (scenario)'}`}
            data-testid="timeline-marker"
            data-kind="action"
            data-t={a.at}
          />
        ))}
        {failures.map((f) => (
          <span
            key={`f${f.t}|${f.subject}|${f.to}`}
            className={`timeline-marker failure ${failureTone(f.to)}`}
            style={{ left: pct(fractionOf(f.t, end)) }}
            title={`${formatSimTime(f.t)} · ${f.subject} → ${f.to}`}
            data-testid="timeline-marker"
            data-kind="failure"
            data-t={f.t}
          />
        ))}
        <div className="timeline-playhead" style={{ left: pct(fractionOf(shown, end)) }} aria-hidden="true" />
        {hoverMs !== null && dragMs === null && (
          <div className="timeline-hover" style={{ left: pct(fractionOf(hoverMs, end)) }} aria-hidden="true">
            {formatSimTime(hoverMs)}
          </div>
        )}
      </div>
      <div className="timeline-ticks" aria-hidden="true">
        {tickList.map((t) => (
          // A label that would run past the right edge is drawn to the left of its tick.
          <span
            key={t}
            className={`timeline-tick${fractionOf(t, end) > 0.97 ? ' last' : ''}`}
            style={{ left: pct(fractionOf(t, end)) }}
          >
            {tickLabel(t, end)}
          </span>
        ))}
      </div>
      {/* The row's height is kept from the first draw, before its chunk arrives: the canvas below
          is fitted once, not again when the badges appear. */}
      <div className="guarantees-slot">
        <LazyPart what="The guarantee badges">
          <GuaranteeBadges />
        </LazyPart>
      </div>
    </section>
  );
}
