// The header's rate wording: a short readout that says why, and the rule in its tooltip.
import { describe, expect, it } from 'vitest';
import { formatRate, rateText, rateTitle } from './rate';

describe('formatRate', () => {
  it('keeps two significant digits below 1, one decimal below 100, whole numbers above', () => {
    expect(formatRate(0.004)).toBe('0.004');
    expect(formatRate(0.01234)).toBe('0.012');
    expect(formatRate(0.25)).toBe('0.25');
    expect(formatRate(1)).toBe('1');
    expect(formatRate(2.54)).toBe('2.5');
    expect(formatRate(10)).toBe('10');
    expect(formatRate(999.6)).toBe('1000');
    expect(formatRate(0.00001)).toBe('< 0.0001');
    expect(formatRate(0)).toBe('0');
    expect(formatRate(Number.NaN)).toBe('0');
  });
});

describe('rateText', () => {
  it('names what slows time, and says "real time" at 1×', () => {
    expect(rateText(0.004, 'flight', 'RegisterApplication')).toBe('slowed for RegisterApplication');
    expect(rateText(0.004, 'flight')).toBe('slowed · 0.004×');
    expect(rateText(0.004, 'flight', '↩ ExecutorStateChanged')).toBe('slowed for ↩ ExecutorStateChanged');
    expect(rateText(1, 'tasks', '16')).toBe('16 tasks · real time');
    expect(rateText(4, 'tasks', '1')).toBe('1 task · 4×');
    expect(rateText(2, 'countdown', 'relaunch driver-20260101000001-0000')).toBe('back-off · 2×');
    expect(rateText(1, 'countdown', 'registration w1')).toBe('registration retry · real time');
    expect(rateText(20, 'countdown', 'heartbeat w3')).toBe('heartbeat timeout · 20×');
    expect(rateText(20, 'quiet')).toBe('quiet · 20×');
    expect(rateText(1, 'normal')).toBe('real time');
    expect(rateText(5, 'normal')).toBe('5×');
    expect(rateText(0, 'paused')).toBe('paused');
  });

  it('stays short enough for a one-row header', () => {
    const longest = rateText(0.004, 'flight', 'ExecutorStateChanged');
    expect(longest.length).toBeLessThanOrEqual(32);
  });
});

describe('rateTitle', () => {
  it('explains the rule with the engine numbers and the rate against real time', () => {
    expect(rateTitle(0.004, 'flight', 'RegisterApplication')).toBe(
      'Slowed so RegisterApplication can be read: a control message takes at least 0.5 s of real time to cross at Speed 1×. Simulated time runs at 0.004× real time (Speed multiplies every rule).',
    );
    expect(rateTitle(1, 'tasks', '16')).toContain(
      'after 10 s a long task phase speeds up, doubling every 5 s up to 20×',
    );
    expect(rateTitle(2, 'countdown', 'relaunch driver-1')).toContain(
      'the supervise back-off of driver-1 can be followed: a wait takes about 4 s',
    );
    expect(rateTitle(20, 'quiet')).toContain('20× faster until something happens');
    expect(rateTitle(0, 'paused')).toBe('Paused: simulated time stands still.');
  });
});
