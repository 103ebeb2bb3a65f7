// Adaptive time: control messages stay on screen at least half a second at 1×, quiet stretches
// speed up, speed scales it all, and pacing never changes what happens.
import { describe, expect, it } from 'vitest';
import { Pacer } from './pacing';
import { FLIGHT_VISIBLE_WALL_MS, QUIET_BOOST } from './pacing-rules';
import { restoreScenario } from './scenario/restore';
import { Simulation } from './simulation';
import { SUBMIT, scenario } from './test-support/run';

function sim(): Simulation {
  const r = restoreScenario(
    scenario({
      masters: [{ host: 'master' }],
      workers: [{ host: 'w1', cores: 4, memory: '8g' }],
      network: { latencyMs: 2 },
      actions: [
        {
          at: 30_000,
          type: 'submit',
          command: `${SUBMIT} --class org.apache.spark.examples.SparkPi /opt/spark/examples/jars/spark-examples.jar 10`,
        },
      ],
    }),
    { source: 'cli' },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return Simulation.fromScenario(r.scenario);
}

describe('Pacer', () => {
  it('keeps the first control message in flight for at least half a second of wall time at 1×', () => {
    const s = sim();
    const pacer = new Pacer(s);
    let wall = 0;
    // RegisterWorker leaves w1 at boot; find when it lands.
    while (!s.cluster.k.messages.some((m) => m.type === 'RegisterWorker' && m.delivered)) {
      const r = pacer.play(16, 1);
      wall += 16;
      if (wall > 5000) throw new Error('never delivered');
      if (
        s.cluster.k.messages.some((m) => m.type === 'RegisterWorker') &&
        !s.cluster.k.messages.some((m) => m.type === 'RegisterWorker' && m.delivered)
      ) {
        expect(r.reason).toBe('flight');
      }
    }
    expect(wall).toBeGreaterThanOrEqual(FLIGHT_VISIBLE_WALL_MS - 16);
  });

  it('runs quiet stretches faster, and speed scales it', () => {
    const s = sim();
    const pacer = new Pacer(s);
    // Let registration finish, then only heartbeats remain until the submit at 30 s.
    for (let i = 0; i < 400 && s.time < 2000; i++) pacer.play(16, 1);
    let report = pacer.play(16, 1);
    for (let i = 0; i < 50; i++) report = pacer.play(16, 1);
    expect(report.reason).toBe('quiet');
    expect(report.rate).toBe(QUIET_BOOST);
    report = pacer.play(16, 3);
    expect(report.rate).toBe(3 * QUIET_BOOST);
  });

  it('stops at the send of a control message instead of skipping over it', () => {
    const s = sim();
    const pacer = new Pacer(s);
    while (s.time < 29_000) pacer.play(16, 1);
    // 1 ms at 1000× in a quiet stretch would buy 20 simulated seconds; the driver's
    // RegisterApplication (sent at 33 s) stops the quiet run and the rest goes at flight pace.
    pacer.play(1, 1000);
    expect(pacer.report.reason).toBe('flight');
    expect(s.time).toBeGreaterThanOrEqual(33_000);
    expect(s.time).toBeLessThanOrEqual(33_000 + 1000 * (2 / FLIGHT_VISIBLE_WALL_MS));
  });

  it('does not change the run: paced and straight runs end in the same state', () => {
    const paced = sim();
    const pacer = new Pacer(paced);
    while (paced.time < 60_000) pacer.play(50, 200);
    const straight = sim();
    straight.advanceTo(paced.time);
    expect(paced.traceHash()).toBe(straight.traceHash());
  });
});
