// How log lines and trace entries read in the runner's output and the UI's event log.
import type { LogRecord, MessageRecord } from '../sim/kernel';
import type { SimTraceEntry } from './json-types';

export function formatLogLine(l: Pick<LogRecord, 't' | 'source' | 'level' | 'text'>): string {
  const level = l.level === 'INFO' ? '' : `${l.level} `;
  return `[t=${(l.t / 1000).toFixed(3)}s] ${l.source}: ${level}${l.text}`;
}

export function traceEntry(m: MessageRecord): SimTraceEntry {
  // Spark's RpcEndpointAddress form, endpoint@host:port: "Master@master:7077", "Worker@w1:40123".
  return {
    t: m.t,
    from: `${m.fromEp}@${m.fromAddr}`,
    to: `${m.toEp}@${m.toAddr}`,
    type: m.type,
    delivered: m.delivered === true,
  };
}
