// Play/pause, speed, reset and the simulated clock. The buttons only change page state (through
// the controller); the pacing loop turns that into requests to the worker.
import type { Controller } from '../controller';
import { formatSimTime } from '../format';
import { SPEEDS, type Speed, usePlayground } from '../store';

export function Controls({ controller }: { controller: Controller }) {
  const playing = usePlayground((s) => s.playing);
  const ready = usePlayground((s) => s.status === 'ready');
  const idle = usePlayground((s) => s.idle);
  const speed = usePlayground((s) => s.speed);
  const setSpeed = usePlayground((s) => s.setSpeed);
  const time = usePlayground((s) => s.time);

  return (
    <div className="controls" role="toolbar" aria-label="Simulation controls">
      <button
        type="button"
        data-testid="play-pause"
        aria-pressed={playing}
        disabled={!ready}
        onClick={() => controller.togglePlaying()}
      >
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" data-testid="reset" disabled={!ready} onClick={() => void controller.reset()}>
        Reset
      </button>
      <label>
        Speed{' '}
        <select
          data-testid="speed"
          value={speed}
          onChange={(e) => setSpeed(Number(e.target.value) as Speed)}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <span className="clock">
        <span id="clock-label">Simulated time</span>{' '}
        <output data-testid="sim-clock" data-ms={time} aria-labelledby="clock-label">
          {formatSimTime(time)}
        </output>
        {idle && <span data-testid="idle-note"> (nothing left to happen but heartbeats)</span>}
      </span>
    </div>
  );
}
