// The header's toolbar: play/pause, step, speed, reset, the simulated clock and date, the current
// pace of time, Submit and the shortcuts list. The message toggles and the theme switch beside it
// are modules of their own, so an embedded page can leave them out. Buttons act through the
// controller or the store; nothing here talks to the engine.
import { useId } from 'react';
import { useAttempt } from '../attempt';
import { formatDate, formatSimTime } from '../format';
import { useController, usePlayground } from '../PlaygroundProvider';
import { SPEEDS } from '../store';
import { rateText, rateTitle } from './rate';
import './header.css';

function Clock() {
  const time = usePlayground((s) => s.time);
  const epochMs = usePlayground((s) => s.epochMs);
  const rate = usePlayground((s) => s.rate);
  const rateReason = usePlayground((s) => s.rateReason);
  const rateDetail = usePlayground((s) => s.rateDetail);
  const idle = usePlayground((s) => s.idle);
  const labelId = useId();
  return (
    <div className="tc-clock">
      <span id={labelId} className="visually-hidden">
        Simulated time
      </span>
      {/* role="timer" is not live: the clock changes every frame and must not be read out each time. */}
      <span role="timer" aria-labelledby={labelId} className="tc-time" data-testid="sim-clock" data-ms={time}>
        {formatSimTime(time)}
      </span>
      {/* Date over rate, in small type: the header stays one row at 1280 px. */}
      <span className="tc-meta">
        <time
          className="tc-date"
          dateTime={new Date(epochMs).toISOString()}
          data-testid="sim-date"
          title="Simulated wall-clock date (UTC)"
        >
          {formatDate(epochMs)}
        </time>
        <span className="tc-rate-line">
          <span
            className="tc-rate"
            data-testid="sim-rate"
            data-reason={rateReason}
            data-rate={rate}
            title={rateTitle(rate, rateReason, rateDetail)}
          >
            {rateText(rate, rateReason, rateDetail)}
          </span>
          {idle && (
            <span
              className="tc-idle"
              data-testid="idle-note"
              title="Nothing left to happen but heartbeats and timeout checks: Play runs on anyway"
            >
              {' · '}only heartbeats left
            </span>
          )}
        </span>
      </span>
    </div>
  );
}

export function TimeControls() {
  const controller = useController();
  const attempt = useAttempt();
  const playing = usePlayground((s) => s.playing);
  const ready = usePlayground((s) => s.status === 'ready');
  const hasNext = usePlayground((s) => s.nextEventTime !== null);
  const speed = usePlayground((s) => s.speed);
  const setSpeed = usePlayground((s) => s.setSpeed);
  const setPlaying = usePlayground((s) => s.setPlaying);
  const setSubmitOpen = usePlayground((s) => s.setSubmitOpen);
  const setHelpOpen = usePlayground((s) => s.setHelpOpen);

  return (
    <div className="time-controls" role="toolbar" aria-label="Simulation controls">
      <div className="tc-group">
        {/* The name itself says what a press does (Play / Pause), so no aria-pressed as well. */}
        <button
          type="button"
          className="tc-play primary"
          data-testid="play-pause"
          disabled={!ready}
          aria-keyshortcuts="Space"
          title={playing ? 'Pause (Space)' : 'Play (Space)'}
          // What the button says is what it does: if the run paused itself (it went idle) a moment
          // before a click on "Pause", the click must not start it again.
          onClick={() => setPlaying(!playing)}
        >
          <span className="icon" aria-hidden="true">
            {playing ? '❚❚' : '▶'}
          </span>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button
          type="button"
          data-testid="step"
          disabled={!ready || !hasNext}
          aria-keyshortcuts=". ArrowRight"
          title="Run the next event and pause (. or →)"
          onClick={() => attempt(controller.step())}
        >
          Step
        </button>
        <label className="tc-speed" title="Speed ([ slower, ] faster)">
          Speed
          <select data-testid="speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="reset"
          disabled={!ready}
          title="Start the scenario again from 0"
          onClick={() => attempt(controller.reset())}
        >
          Reset
        </button>
      </div>
      <Clock />
      <div className="tc-group tc-end">
        <button
          type="button"
          data-testid="open-submit"
          aria-keyshortcuts="S"
          title="Submit an application (S)"
          disabled={!ready}
          onClick={() => setSubmitOpen(true)}
        >
          Submit app
        </button>
        <button
          type="button"
          className="tc-help"
          data-testid="open-shortcuts"
          aria-keyshortcuts="?"
          aria-haspopup="dialog"
          title="Keyboard shortcuts (?)"
          onClick={() => setHelpOpen(true)}
        >
          <span aria-hidden="true">?</span>
          <span className="visually-hidden">Shortcuts</span>
        </button>
      </div>
    </div>
  );
}
