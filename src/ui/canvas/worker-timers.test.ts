// A Worker's waits in words: registration retries and the Master's heartbeat timeout.
import { describe, expect, it } from 'vitest';
import { clockText, registeringText, silentText } from './worker-timers';

describe('worker timers', () => {
  it('reads an instant as the clock does, without milliseconds', () => {
    expect(clockText(120_000)).toBe('2:00');
    expect(clockText(65_999)).toBe('1:05');
    expect(clockText(3_725_000)).toBe('1:02:05');
  });

  it('counts registration retries with Spark attempt number', () => {
    expect(registeringText({ registering: { attempt: 3, since: 20_000, at: 28_000 } }, 20_000)).toBe(
      'registering · attempt 3, next in 8 s',
    );
    expect(registeringText({ registering: { attempt: 0, since: 0, at: 6_000 } }, 100)).toBe(
      'registering · retry in 6 s',
    );
    expect(registeringText({ registering: { attempt: 1, since: 0, at: 6_000 } }, 6_000)).toBe(
      'registering · attempt 1, next now',
    );
    expect(registeringText({}, 0)).toBeNull();
  });

  it("shows a silent worker's heartbeat age and the check that will bury it", () => {
    const silent = { lastHeartbeatAt: 9, deadAt: 120_000 };
    expect(silentText({ silent }, 42_500)).toBe('silent 42 s · DEAD at 2:00 unless a heartbeat arrives');
    expect(silentText({}, 42_500)).toBeNull();
  });
});
