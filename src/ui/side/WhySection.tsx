// The Inspector's "Why?" section: for an app or a driver, the reason code the engine derived from
// what the Master checks in schedule() (engine/views/why.ts), its sentence, the table of workers
// with each check green or red, and what would change it; for anything with a state history, the
// latest change walked back to its origin (engine/views/causes.ts), each link seeking to its time.
import { useEffect, useRef } from 'react';
import type { CauseLinkView, WhyView, WhyWorkerView } from '../../engine/public';
import { formatSimTime } from '../format';
import { usePlayground } from '../PlaygroundProvider';

/** More workers than this and the table shows the first ones and counts the rest. */
export const WHY_ROWS = 12;

const mib = (mb: number): string => (mb >= 1024 ? `${(mb / 1024).toFixed(1)} GiB` : `${mb} MiB`);

function verdict(w: WhyWorkerView): string {
  if (w.fits) return 'fits';
  const what = w.short.map((s) => (s === 'state' ? `not ALIVE` : `short of ${s}`));
  return what.join(', ');
}

/** Fitting workers first, then by host: the rows a reader needs come first. */
export function whyRows(workers: readonly WhyWorkerView[]): { shown: WhyWorkerView[]; more: number; moreFit: number } {
  const sorted = [...workers].sort((a, b) => Number(b.fits) - Number(a.fits) || a.host.localeCompare(b.host));
  const shown = sorted.slice(0, WHY_ROWS);
  const rest = sorted.slice(WHY_ROWS);
  return { shown, more: rest.length, moreFit: rest.filter((w) => w.fits).length };
}

function Cell({ ok, children, label }: { ok: boolean; children: string; label: string }) {
  return (
    <td className={ok ? 'why-ok' : 'why-short'} aria-label={`${label}: ${children}${ok ? '' : ', short'}`}>
      {children}
    </td>
  );
}

function WorkerTable({ why }: { why: WhyView }) {
  const { shown, more, moreFit } = whyRows(why.workers);
  if (shown.length === 0) return <p className="muted">The Master knows no worker.</p>;
  const need = shown[0]!;
  return (
    <>
      <table className="why-workers" data-testid="why-workers">
        <caption>
          Each needs {need.needCores} core{need.needCores === 1 ? '' : 's'} and {mib(need.needMemoryMb)} free
        </caption>
        <thead>
          <tr>
            <th scope="col">Worker</th>
            <th scope="col">State</th>
            <th scope="col">Free cores</th>
            <th scope="col">Free memory</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((w) => (
            <tr key={w.id} data-fits={w.fits}>
              <th scope="row" title={w.id}>
                {w.host}
              </th>
              <Cell ok={!w.short.includes('state')} label="state">
                {w.state}
              </Cell>
              <Cell ok={!w.short.includes('cores')} label="free cores">
                {String(w.coresFree)}
              </Cell>
              <Cell ok={!w.short.includes('memory')} label="free memory">
                {mib(w.memoryFreeMb)}
              </Cell>
              <td className={w.fits ? 'why-ok' : 'why-short'}>
                <span aria-hidden="true">{w.fits ? '✓ ' : '✗ '}</span>
                {verdict(w)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 && (
        <p className="muted">
          …and {more} more worker{more === 1 ? '' : 's'} ({moreFit} fit{moreFit === 1 ? 's' : ''}).
        </p>
      )}
    </>
  );
}

function Chain({ chain, onSeek }: { chain: readonly CauseLinkView[]; onSeek: (t: number) => void }) {
  return (
    <>
      <h4 className="why-subhead">Why did this happen?</h4>
      <ol className="why-chain" data-testid="why-chain" aria-label="The latest state change, back to its origin">
        {chain.map((l, i) => (
          <li key={`${i}|${l.t}`} data-kind={l.kind}>
            <button type="button" title={`Go to ${formatSimTime(l.t)}`} onClick={() => onSeek(l.t)}>
              <time className="history-time">{formatSimTime(l.t)}</time>
              {i === 0 ? ' ' : ' ← '}
              <span>{l.text}</span>
            </button>
          </li>
        ))}
      </ol>
    </>
  );
}

export function WhySection({
  why,
  chain,
  onSeek,
}: {
  why: WhyView | undefined;
  chain: readonly CauseLinkView[] | undefined;
  onSeek: (t: number) => void;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  const requests = usePlayground((s) => s.whyRequests);
  // A "Why?" menu entry asked for this section: bring it into view and give it focus, so a
  // keyboard or screen-reader user lands on the answer.
  useEffect(() => {
    const el = ref.current;
    if (requests === 0 || !el) return;
    el.scrollIntoView({ block: 'nearest' });
    el.focus();
  }, [requests]);

  if (!why && (!chain || chain.length === 0)) return null;
  return (
    <section className="why" data-testid="why" aria-labelledby="inspector-why">
      <h3 className="inspector-subhead" id="inspector-why" ref={ref} tabIndex={-1}>
        Why?
      </h3>
      {why && (
        <>
          <p className="why-reason">
            <code className="why-code" data-testid="why-code">
              {why.code}
            </code>{' '}
            <span data-testid="why-text">{why.text}</span>
          </p>
          {why.code !== 'PLACED' && !why.text.endsWith('it asks for nothing more.') && <WorkerTable why={why} />}
          {why.fixes.length > 0 && (
            <>
              <h4 className="why-subhead">What would change it</h4>
              <ul className="why-fixes" data-testid="why-fixes">
                {why.fixes.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {chain && chain.length > 0 && <Chain chain={chain} onSeek={onSeek} />}
    </section>
  );
}
