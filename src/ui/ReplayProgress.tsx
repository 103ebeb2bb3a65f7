// How far a long replay has got (a seek far back or ahead, a session opening at its playhead),
// with a way out: the controller shows it once a replay has taken half a second, and Cancel stops
// the replay where it is, leaving the run at that instant.
import { formatSimTime } from './format';
import { useController, usePlayground } from './PlaygroundProvider';
import './replay-progress.css';

const DAY_MS = 24 * 60 * 60 * 1000;

/** "2 d 3:04:05.000" past a day (the clock's 170:00:00.000 is hard to read at a glance), else the clock's form. */
function formatSpan(ms: number): string {
  const days = Math.floor(Math.max(0, ms) / DAY_MS);
  return days > 0 ? `${days} d ${formatSimTime(ms - days * DAY_MS)}` : formatSimTime(ms);
}

export function ReplayProgress() {
  const controller = useController();
  const progress = usePlayground((s) => s.progress);
  if (!progress) return null;
  const { label, reached, target } = progress;
  const percent = target > 0 ? Math.min(100, Math.floor((reached / target) * 100)) : 100;
  return (
    // A region, not a live status: its numbers change every slice, which a screen reader would
    // read out again and again; the progress bar carries the value.
    <section aria-label="Replay progress" className="replay-progress" data-testid="replay-progress">
      <p className="replay-progress__label">
        {label}: <span data-testid="replay-progress-reached">{formatSpan(reached)}</span> of {formatSpan(target)}{' '}
        simulated ({percent}%)
      </p>
      <progress className="replay-progress__bar" max={100} value={percent} aria-label={`${label}: ${percent}%`} />
      <button type="button" data-testid="replay-cancel" onClick={() => controller.cancel()}>
        Cancel
      </button>
    </section>
  );
}
