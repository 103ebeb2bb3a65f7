// Running commands from the lab: synchronous ones for set-up and teardown (teardown must also work
// from a signal handler, where nothing asynchronous can be awaited), and a check that a program is
// on the PATH.
import { spawnSync } from 'node:child_process';
import { LabCommandFailed } from './errors';

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; never throws for a non-zero exit (see `must`). */
export function run(
  cmd: string,
  args: readonly string[],
  opts: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): RunResult {
  const r = spawnSync(cmd, args, {
    input: opts.input,
    env: opts.env ?? process.env,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    status: r.error ? null : r.status,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? (r.error ? String(r.error) : ''),
  };
}

/** Runs a command and throws LabCommandFailed when it does not exit 0. */
export function must(cmd: string, args: readonly string[], opts: Parameters<typeof run>[2] = {}): string {
  const r = run(cmd, args, opts);
  if (r.status !== 0) {
    const tail = (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' / ');
    throw new LabCommandFailed(`${cmd} ${args.join(' ')} exited ${r.status ?? 'abnormally'}: ${tail}`);
  }
  return r.stdout;
}

/** Whether `program` is on the PATH. */
export function hasProgram(program: string): boolean {
  return run('sh', ['-c', `command -v ${program}`]).status === 0;
}
