import { describe, expect, it } from 'vitest';
import {
  createDateFormat,
  formatPattern,
  generateWorkerId,
  javaDateString,
  newApplicationId,
  newDriverId,
} from './ids';

const EPOCH = 1767225600000; // 2026-01-01T00:00:00Z

describe('Spark ids and dates from the simulated clock', () => {
  it('formats yyyyMMddHHmmss in UTC', () => {
    expect(createDateFormat(EPOCH + 5_000)).toBe('20260101000005');
    expect(createDateFormat(EPOCH + 3_600_000 * 25 + 61_000)).toBe('20260102010101');
  });

  it('builds app, driver and worker ids as Master.scala and Worker.scala do', () => {
    expect(newApplicationId('app-%s-%04d', EPOCH + 5_000, 0)).toBe('app-20260101000005-0000');
    expect(newApplicationId('app-%s-%04d', EPOCH, 10000)).toBe('app-20260101000000-10000');
    expect(newDriverId('driver-%s-%04d', EPOCH + 1_000, 19)).toBe('driver-20260101000001-0019');
    expect(generateWorkerId('worker-%s-%s-%d', EPOCH, 'w1', 7078)).toBe('worker-20260101000000-w1-7078');
    expect(formatPattern('%s/%d', ['a', 7])).toBe('a/7');
  });

  it('prints java.util.Date#toString', () => {
    expect(javaDateString(EPOCH + 5_000)).toBe('Thu Jan 01 00:00:05 UTC 2026');
    expect(javaDateString(Date.UTC(2023, 10, 21, 10, 15, 30))).toBe('Tue Nov 21 10:15:30 UTC 2023');
  });
});
