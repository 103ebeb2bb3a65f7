// Log subjects, source kinds and filtering, on lines as the engine writes them.
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../engine/api';
import { ALL_KINDS, filterBySource, isLater, logSubject, sourceKind, subjectInText } from './log-filter';

const APP = 'app-20260101000003-0000';
const WORKER_ID = 'worker-20260101000000-w2-34637';

describe('sourceKind', () => {
  it('sorts every process label the engine uses', () => {
    expect(sourceKind('Master@master')).toBe('master');
    expect(sourceKind('Worker@w1')).toBe('worker');
    expect(sourceKind(`Executor ${APP}/1@w2`)).toBe('executor');
    expect(sourceKind('SparkSubmit (driver)@client')).toBe('driver');
    expect(sourceKind('DriverWrapper driver-20260101000001-0000@w1')).toBe('driver');
    expect(sourceKind('spark-submit (ClientApp)@client')).toBe('client');
    expect(sourceKind('spark-submit (RestSubmissionClientApp)@client')).toBe('client');
    expect(sourceKind('Simulator')).toBe('other');
    expect(sourceKind('ZooKeeper@zk')).toBe('other');
  });
});

describe('subjectInText', () => {
  it('finds executors, apps, drivers and workers by their Spark ids', () => {
    expect(subjectInText(`Executor updated: ${APP}/1 is now LOST`)).toEqual({ kind: 'executor', id: `${APP}/1` });
    expect(subjectInText(`Removing app ${APP}`)).toEqual({ kind: 'application', id: APP });
    expect(subjectInText('Driver driver-20260101000001-0000 changed state to RUNNING')).toEqual({
      kind: 'driver',
      id: 'driver-20260101000001-0000',
    });
    expect(subjectInText(`Worker ${WORKER_ID} removed: Not receiving heartbeat`)).toEqual({ kind: 'worker', id: 'w2' });
  });

  it('takes the first thing named', () => {
    expect(subjectInText(`Launching executor ${APP}/0 on worker ${WORKER_ID}`)).toEqual({
      kind: 'executor',
      id: `${APP}/0`,
    });
    expect(subjectInText(`Removing worker ${WORKER_ID} on w2:34637`)).toEqual({ kind: 'worker', id: 'w2' });
  });

  it('reads "executor N" next to an app id as that executor', () => {
    expect(subjectInText(`Lost executor 3 of ${APP}`)).toEqual({ kind: 'executor', id: `${APP}/3` });
    expect(subjectInText(`Application ${APP} requests executor: 12`)).toEqual({ kind: 'executor', id: `${APP}/12` });
  });

  it('reads worker host:port and hosts with dashes and dots', () => {
    expect(subjectInText('Registering worker w3:53878 with 4 cores, 8.0 GiB RAM')).toEqual({
      kind: 'worker',
      id: 'w3',
    });
    expect(subjectInText('Worker worker-20260101000000-rack-1.example-7078 removed')).toEqual({
      kind: 'worker',
      id: 'rack-1.example',
    });
  });

  it('accepts counters past 9999 and ignores look-alikes', () => {
    expect(subjectInText('Removing app app-20260101000003-10000')).toEqual({
      kind: 'application',
      id: 'app-20260101000003-10000',
    });
    expect(subjectInText('my-app-2026 is not an id')).toBeNull();
    expect(subjectInText('Telling app of lost executor: 1')).toBeNull();
  });
});

describe('logSubject', () => {
  it('prefers the text, then falls back to the writer', () => {
    expect(logSubject({ source: 'Master@master', text: `Removing app ${APP}` })).toEqual({
      kind: 'application',
      id: APP,
    });
    expect(logSubject({ source: 'Master@master', text: 'Telling app of lost executor: 1' })).toEqual({
      kind: 'master',
      id: 'master',
    });
    expect(logSubject({ source: 'Worker@w1', text: 'Connecting to master master:7077...' })).toEqual({
      kind: 'worker',
      id: 'w1',
    });
    expect(logSubject({ source: `Executor ${APP}/2@w1`, text: 'Driver commanded a shutdown' })).toEqual({
      kind: 'executor',
      id: `${APP}/2`,
    });
    expect(logSubject({ source: 'DriverWrapper driver-20260101000001-0000@w1', text: 'Starting' })).toEqual({
      kind: 'driver',
      id: 'driver-20260101000001-0000',
    });
    expect(logSubject({ source: 'SparkSubmit (driver)@client', text: 'Shutting down all executors' })).toEqual({
      kind: 'client',
      id: 'client',
    });
    expect(logSubject({ source: 'ZooKeeper@zk', text: 'Session expired' })).toEqual({ kind: 'zookeeper', id: 'zk' });
    expect(logSubject({ source: 'Simulator', text: 'w2 loses power' })).toBeNull();
  });
});

describe('filterBySource', () => {
  const entry = (i: number, kind: HistoryEntry['kind'], source: string, text: string): HistoryEntry => ({
    kind,
    key: `${kind}:${i}`,
    t: i * 10,
    source,
    level: 'INFO',
    text,
  });
  const entries: HistoryEntry[] = [
    entry(1, 'log', 'Master@master', 'Starting Spark master'),
    entry(2, 'message', 'Worker@w1', '→ Master@master RegisterWorker'),
    entry(3, 'change', 'executor', `${APP}/0: LAUNCHING → RUNNING (ExecutorStateChanged from Worker@w1)`),
    entry(4, 'log', `Executor ${APP}/0@w1`, 'RECEIVED SIGNAL TERM'),
    entry(5, 'action', 'You', 'kill-worker w1'),
  ];

  it('passes everything with every source chip on, newest `limit` oldest first', () => {
    expect(filterBySource(entries, ALL_KINDS, 100)).toEqual({ lines: entries, passed: 5 });
    const r = filterBySource(entries, ALL_KINDS, 2);
    expect(r.lines.map((e) => e.key)).toEqual(['log:4', 'action:5']);
    expect(r.passed).toBe(5);
  });

  it('the source chips apply to what a process wrote or sent; changes and actions always pass', () => {
    const r = filterBySource(entries, new Set(['executor'] as const), 100);
    expect(r.lines.map((e) => e.key)).toEqual(['change:3', 'log:4', 'action:5']);
    expect(filterBySource(entries, new Set(['worker'] as const), 100).lines.map((e) => e.key)).toEqual([
      'message:2',
      'change:3',
      'action:5',
    ]);
  });

  it('an entry after the playhead is a later one', () => {
    expect(isLater({ t: 5001 }, 5000)).toBe(true);
    expect(isLater({ t: 5000 }, 5000)).toBe(false);
  });
});
