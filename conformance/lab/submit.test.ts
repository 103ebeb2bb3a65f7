// How the lab turns a scenario's spark-submit line into its own (submit.ts): the options stay, the
// program becomes the lab's workload with the scenario's tasks and the name the program registers.
import { describe, expect, it } from 'vitest';
import type { SubmitAction } from '../../src/engine/scenario/types';
import { labSubmit } from './submit';

const submit = (command: string, extra: Partial<SubmitAction> = {}): SubmitAction => ({
  at: 0,
  type: 'submit',
  command,
  ...extra,
});
const JAR = '/cache/lab-job.jar';

describe('labSubmit', () => {
  it('keeps every option and swaps the program for LabJob with the workload', () => {
    const s = labSubmit(
      submit(
        'spark-submit --master spark://master:7077 --deploy-mode cluster --supervise --executor-cores 2 --class org.apache.spark.examples.SparkPi examples.jar 1000',
        { workload: { tasks: 40, taskMs: 200 } },
      ),
      JAR,
      {},
    );
    expect(s.args).toEqual([
      '--master',
      'spark://master:7077',
      '--deploy-mode',
      'cluster',
      '--supervise',
      '--executor-cores',
      '2',
      '--class',
      'LabJob',
      JAR,
      '40',
      '200',
      'Spark Pi',
    ]);
    expect(s).toMatchObject({ deployMode: 'cluster', supervise: true, control: null, notes: [] });
  });

  it("takes SparkPi's argument as the task count without a workload, 50 ms each, and --name for other programs", () => {
    expect(
      labSubmit(
        submit('spark-submit --master spark://m:7077 --class org.apache.spark.examples.SparkPi x.jar 7'),
        JAR,
        {},
      ).args.slice(-3),
    ).toEqual(['7', '50', 'Spark Pi']);
    expect(
      labSubmit(
        submit("spark-submit --master spark://m:7077 --name 'My app' --class com.Example x.jar"),
        JAR,
        {},
      ).args.slice(-3),
    ).toEqual(['2', '50', 'My app']);
  });

  it('passes --kill through and adds the driver and executor faults', () => {
    expect(labSubmit(submit('spark-submit --master spark://m:6066 --kill driver-1'), JAR, {})).toMatchObject({
      args: ['--master', 'spark://m:6066', '--kill', 'driver-1'],
      control: 'kill',
    });
    const s = labSubmit(
      submit('spark-submit --master spark://m:7077 --class C x.jar', {
        driverFault: { kind: 'crash', afterMs: 2000, exitCode: 1 },
        executorFault: { kind: 'crash', afterMs: 500, exitCode: 3 },
      }),
      JAR,
      {},
    );
    expect(s.args).toContain('spark.plugins=LabJob$CrashPlugin');
    expect(s.args).toContain('spark.lab.executorCrash.exitCode=3');
    expect(s.args.slice(-5)).toEqual(['2', '50', 'C', '2000', '1']);
  });
});
