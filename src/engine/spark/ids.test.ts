import { describe, expect, it } from 'vitest';
import { SUBMIT, simulate } from '../test-support/run';
import {
  appIdFromName,
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

  it('formats a pattern with argument indices (MasterSuite SPARK-45754)', () => {
    expect(newApplicationId('my-app-%2$05d', EPOCH, 0)).toBe('my-app-00000');
    expect(newApplicationId('my-app-%2$05d', EPOCH, 1)).toBe('my-app-00001');
    expect(newDriverId('%2$d-%1$s', EPOCH, 3)).toBe('3-20260101000000');
    expect(generateWorkerId('w-%2$s-%3$d-%<x', EPOCH, 'w1', 255)).toBe('w-w1-255-ff');
  });

  it('turns an app name into its id as Master.createApplication does (MasterSuite SPARK-45756)', () => {
    expect(appIdFromName(' spark - 45756 ')).toBe('spark-45756');
    expect(appIdFromName('Spark Pi')).toBe('sparkpi');
    // Java's \s is ASCII whitespace: a non-breaking space stays.
    expect(appIdFromName('a\u00a0B\tc\x0Bd')).toBe('a\u00a0bcd');
  });
});

describe('ids in a run', () => {
  const submit = (at: number, name: string) => ({
    at,
    type: 'submit',
    command: `${SUBMIT} --name '${name}' --class org.example.Job job.jar`,
    workload: { tasks: 2, taskMs: 500 },
  });

  it('uses the app name as the id with spark.master.useAppNameAsAppId.enabled', () => {
    const sim = simulate({
      conf: { 'spark.master.useAppNameAsAppId.enabled': 'true' },
      workers: [{ host: 'w1', cores: 4, memory: '8g' }],
      actions: [submit(0, 'Nightly ETL'), submit(20_000, 'Report Job')],
    });
    const out = sim.output();
    expect(out.apps.map((a) => [a.id, a.state])).toEqual([
      ['nightlyetl', 'FINISHED'],
      ['reportjob', 'FINISHED'],
    ]);
    expect(sim.logLines().some((l) => l.includes('Registered app Nightly ETL with ID nightlyetl'))).toBe(true);
  });

  it('follows an app id pattern with argument indices', () => {
    const sim = simulate({
      conf: { 'spark.deploy.appIdPattern': 'my-app-%2$05d', 'spark.deploy.driverIdPattern': 'drv-%2$d' },
      workers: [{ host: 'w1', cores: 4, memory: '8g' }],
      actions: [submit(0, 'a'), submit(20_000, 'b')],
    });
    expect(sim.output().apps.map((a) => a.id)).toEqual(['my-app-00000', 'my-app-00001']);
  });

  it('places drivers first-fit in worker-id order with spreadOutDrivers=false, whatever the registration order', () => {
    const workers = ['w1', 'w2', 'w3'].map((host) => ({ host, cores: 4, memory: '4g' }));
    const cluster = {
      at: 0,
      type: 'submit',
      command: `${SUBMIT} --deploy-mode cluster --driver-memory 1g --class org.example.Job job.jar`,
      workload: { tasks: 2, taskMs: 500 },
    };
    for (const idPattern of ['worker-%s-%s-%d', 'worker-%2$s-%3$d-%1$s']) {
      const sim = simulate(
        {
          conf: { 'spark.deploy.spreadOutDrivers': 'false', 'spark.worker.idPattern': idPattern },
          workers,
          actions: [cluster],
        },
        4000,
      );
      // w3 registers first with seed 1; Master.schedule sorts the alive workers by id.
      expect(sim.output().drivers[0]?.worker).toBe('w1');
    }
  });
});
