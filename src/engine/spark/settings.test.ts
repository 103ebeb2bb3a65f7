import { describe, expect, it } from 'vitest';
import { CONF_ENTRIES, confEntry } from './conf';
import { readSettings, SETTINGS_KEYS, validateSetting, validateSettings } from './settings';

/** The keys readSettings looks up (readRaw asks with hasOwnProperty, then reads the value). */
function keysRead(conf: Record<string, string>): Set<string> {
  const seen = new Set<string>();
  const spy = new Proxy(conf, {
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === 'string') seen.add(key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    get(target, key, receiver) {
      if (typeof key === 'string') seen.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  readSettings(spy);
  return seen;
}

describe('validateSettings', () => {
  it('covers every typed key readSettings reads', () => {
    const typed = new Set(
      CONF_ENTRIES.filter((e) => e.type !== 'string' || e.check || e.validValues).map((e) => e.key),
    );
    const read = [...keysRead({})].filter((k) => typed.has(k));
    expect(read.length).toBeGreaterThan(20);
    // A key's alternatives and fallbacks are checked through it (with the key that supplied the value).
    const covered = SETTINGS_KEYS.flatMap((k) => [
      k,
      ...(confEntry(k)?.alternatives ?? []),
      ...(confEntry(k)?.fallbackKeys ?? []),
    ]);
    for (const key of read) expect(covered).toContain(key);
  });

  it('leaves nothing that makes readSettings throw', () => {
    const values = ['0', '-1', '', 'abc', '60s', '1ms', '1e99', '9223372036854775808', ' 7 ', 'TRUE', 'x y', '%d'];
    let accepted = 0;
    for (const { key } of CONF_ENTRIES) {
      for (const value of values) {
        const conf = { [key]: value };
        const problems = validateSettings(conf);
        // The one-key check a set-conf uses says the same about that key.
        expect(validateSetting({ ...conf, 'spark.deploy.defaultCores': '0' }, key)).toEqual(
          validateSettings({ ...conf, 'spark.deploy.defaultCores': '0' }).filter((p) => p.key === key),
        );
        if (problems.length > 0) {
          expect(problems.map((p) => p.key)).toEqual([key]);
          continue;
        }
        accepted += 1;
        expect(() => readSettings(conf)).not.toThrow();
      }
    }
    expect(accepted).toBeGreaterThan(100);
  });

  it('names the alternative that supplied a value, once', () => {
    expect(validateSettings({ 'spark.deploy.spreadOut': 'maybe' })).toEqual([
      {
        key: 'spark.deploy.spreadOut',
        message:
          'Spark\'s Master would not start with spark.deploy.spreadOut set to "maybe": java.lang.IllegalArgumentException: spark.deploy.spreadOutApps should be boolean, but was maybe',
      },
    ]);
    // spark.worker.timeout also supplies the recovery timeout: still one problem.
    expect(validateSettings({ 'spark.worker.timeout': 'x' }).map((p) => p.key)).toEqual(['spark.worker.timeout']);
  });

  it('refuses a worker timeout that would re-arm its timers at the same instant', () => {
    expect(validateSettings({ 'spark.worker.timeout': '0' }).map((p) => p.key)).toEqual(['spark.worker.timeout']);
    expect(validateSettings({ 'spark.worker.timeout': '1' })).toEqual([]);
    expect(readSettings({ 'spark.worker.timeout': '1' }).workerTimeoutMs).toBe(1000);
  });
});
