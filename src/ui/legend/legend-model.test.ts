import { describe, expect, it } from 'vitest';
import type { LogEntry, NodeView, StateChangeView } from '../../engine/public';
import { appColor } from '../colors';
import { legendApps, shortAppId } from './legend-model';

const A = 'app-20260101000005-0000';
const B = 'app-20260101000009-0001';

const change = (subject: string, to: string, kind: StateChangeView['kind'] = 'application'): StateChangeView => ({
  t: 1,
  subject,
  kind,
  from: null,
  to,
  cause: { kind: 'message', type: 'RegisterApplication', t: 1 },
});
const log = (text: string): LogEntry => ({ seq: 0, t: 1, source: 'Master@master', level: 'INFO', text });

const worker: NodeView = {
  kind: 'worker',
  id: 'w1',
  host: 'w1',
  port: 35000,
  workerId: 'worker-1',
  state: 'ALIVE',
  process: 'running',
  registered: true,
  cores: 8,
  memoryMb: 8192,
  coresUsed: 6,
  memoryUsedMb: 2048,
  processes: [
    {
      id: `${A}/0`,
      kind: 'executor',
      label: 'exec 0',
      appId: A,
      state: 'RUNNING',
      cores: 4,
      memoryMb: 1024,
      exitCode: null,
      ended: false,
    },
    {
      id: `${B}/0`,
      kind: 'executor',
      label: 'exec 0',
      appId: B,
      state: 'RUNNING',
      cores: 2,
      memoryMb: 1024,
      exitCode: null,
      ended: false,
    },
    {
      id: `${B}/1`,
      kind: 'executor',
      label: 'exec 1',
      appId: B,
      state: 'KILLED',
      cores: 0,
      memoryMb: 0,
      exitCode: 137,
      ended: true,
    },
  ],
};

describe('legendApps', () => {
  it('lists each app once, by id, with its colour, name, state and what of it runs now', () => {
    const apps = legendApps(
      [change(A, 'WAITING'), change(A, 'RUNNING'), change(B, 'RUNNING'), change('worker-1', 'ALIVE', 'worker')],
      [log(`Registered app SparkPi with ID ${A}`), log(`Registered app ETL with ID ${B}`)],
      { w1: worker },
    );
    expect(apps).toEqual([
      { appId: A, name: 'SparkPi', color: appColor(A), state: 'RUNNING', executors: 1, driver: false },
      { appId: B, name: 'ETL', color: appColor(B), state: 'RUNNING', executors: 1, driver: false },
    ]);
    expect(apps[0]?.color).not.toBe(apps[1]?.color);
  });
  it('knows an app from its cards alone, unnamed until its registration is logged', () => {
    expect(legendApps([], [], { w1: worker }).map((a) => [a.appId, a.name])).toEqual([
      [A, null],
      [B, null],
    ]);
  });
});

describe('shortAppId', () => {
  it('is the number the cards show', () => {
    expect(shortAppId(B)).toBe('0001');
    expect(shortAppId('custom')).toBe('custom');
  });
});
