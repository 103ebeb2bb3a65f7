// Label stacks: one per arrow, repeats merged with a count, replies named by what they answer,
// losses kept apart, the most telling first.
import { describe, expect, it } from 'vitest';
import { dropText, entryText, labelText, LabelStacks, type StackedFlight } from './label-stack';

let nextId = 1;
function flight(partial: Partial<StackedFlight> & Pick<StackedFlight, 'type'>): StackedFlight {
  return { id: nextId++, t: 0, from: 'master', to: 'w1', label: partial.type, kind: 'state', count: 1, ...partial };
}

const texts = (flights: StackedFlight[]) => new LabelStacks().build(flights).map(labelText);

describe('LabelStacks', () => {
  it('merges repeats on one arrow: the same label whole, differing ones by name', () => {
    const launches = [0, 1, 2, 3, 4].map((n) =>
      flight({ type: 'LaunchExecutor', label: `LaunchExecutor(app-0001/${n})`, kind: 'scheduling' }),
    );
    expect(texts(launches)).toEqual(['LaunchExecutor ×5']);
    const same = [1, 2].map(() =>
      flight({ type: 'ExecutorStateChanged', label: 'ExecutorStateChanged(RUNNING)', from: 'w1', to: 'master' }),
    );
    expect(texts(same)).toEqual(['ExecutorStateChanged(RUNNING) ×2']);
    expect(texts(launches.slice(0, 1))).toEqual(['LaunchExecutor(app-0001/0)']);
  });

  it('keeps one stack per arrow and direction', () => {
    const stacks = new LabelStacks().build([
      flight({ type: 'LaunchExecutor', to: 'w1' }),
      flight({ type: 'LaunchExecutor', to: 'w2' }),
      flight({ type: 'LaunchExecutor', from: 'w1', to: 'master' }),
      flight({ type: 'LaunchExecutor', to: 'w1' }),
    ]);
    expect(stacks.map((e) => `${e.from}→${e.to} ${labelText(e)}`).sort()).toEqual([
      'master→w1 LaunchExecutor ×2',
      'master→w2 LaunchExecutor',
      'w1→master LaunchExecutor',
    ]);
    const merged = stacks.find((e) => e.to === 'w1' && e.flights === 2);
    // Its first flight (index 0 of the list) is the one a lone label would follow.
    expect(merged?.lead).toBe(0);
  });

  it('adds up the counts of grouped flights', () => {
    expect(
      texts([
        flight({ type: 'LaunchTask', kind: 'task', count: 8 }),
        flight({ type: 'LaunchTask', kind: 'task', count: 4 }),
      ]),
    ).toEqual(['LaunchTask ×12']);
  });

  it('reads replies as what they answer and merges them by their ask', () => {
    const reply = (value: boolean) =>
      flight({ type: 'Boolean', label: `↩ ExecutorStateChanged: ${value}`, answers: 'ExecutorStateChanged' });
    expect(texts([reply(true)])).toEqual(['↩ ExecutorStateChanged: true']);
    expect(texts([reply(true), reply(true), reply(true), reply(true)])).toEqual(['↩ ExecutorStateChanged: true ×4']);
    expect(texts([reply(true), reply(false)])).toEqual(['↩ ExecutorStateChanged ×2']);
    // A reply to another ask on the same arrow is a line of its own.
    const other = flight({ type: 'Boolean', label: '↩ RegisterExecutor: true', answers: 'RegisterExecutor' });
    expect(texts([reply(true), other]).sort()).toEqual(['↩ ExecutorStateChanged: true', '↩ RegisterExecutor: true']);
    for (const t of texts([reply(true), reply(false), other])) expect(t).not.toMatch(/Boolean/);
  });

  it('keeps each lost message apart, with its reason, and ranks losses first, chatter last', () => {
    const stacks = new LabelStacks().build([
      flight({ type: 'Heartbeat', kind: 'heartbeat', t: 50, from: 'w1', to: 'master' }),
      flight({ type: 'LaunchTask', kind: 'task', t: 40 }),
      flight({ type: 'RegisterWorker', kind: 'registration', t: 10, from: 'w1', to: 'master' }),
      flight({ type: 'RegisterWorker', kind: 'registration', t: 20, from: 'w2', to: 'master' }),
      flight({ type: 'RegisterWorker', kind: 'registration', t: 5, from: 'w1', to: 'master', dropped: 'partition' }),
      flight({ type: 'RegisterWorker', kind: 'registration', t: 6, from: 'w1', to: 'master', dropped: 'partition' }),
    ]);
    expect(stacks.map((e) => `${e.from} ${labelText(e)}`)).toEqual([
      'w1 RegisterWorker — lost: partition',
      'w1 RegisterWorker — lost: partition',
      'w2 RegisterWorker',
      'w1 RegisterWorker',
      'master LaunchTask',
      'w1 Heartbeat',
    ]);
  });

  it('reuses its entries from one build to the next', () => {
    const s = new LabelStacks();
    const first = s.build([flight({ type: 'A' }), flight({ type: 'B', to: 'w2' })]);
    const entry = first[0];
    expect(entry && labelText(entry)).toBe('A');
    const second = s.build([flight({ type: 'C' })]);
    expect(second).toHaveLength(1);
    expect(second[0]).toBe(entry);
    expect(entry && labelText(entry)).toBe('C');
    // Only the first `count` flights of the list are read.
    expect(s.build([flight({ type: 'D' }), flight({ type: 'E', to: 'w3' })], 1).map(labelText)).toEqual(['D']);
  });
});

describe('texts', () => {
  it('prints a loss reason and a count', () => {
    expect(dropText('host-down')).toBe('lost: host down');
    expect(
      entryText({ name: 'StatusUpdate', label: 'StatusUpdate(FINISHED)', same: true, count: 3, dropped: undefined }),
    ).toBe('StatusUpdate(FINISHED) ×3');
  });
});
