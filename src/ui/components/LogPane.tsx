// The most recent log lines of the run ("[t=1.203s] Master: Registering app SparkPi"), newest at
// the bottom. aria-live is off: at 100× lines arrive far faster than anyone could listen to them.
import { useEffect, useRef } from 'react';
import { usePlayground } from '../store';

export function LogPane() {
  const logs = usePlayground((s) => s.logs);
  const total = usePlayground((s) => s.logCount);
  const listRef = useRef<HTMLOListElement>(null);

  // Follow the tail, as a terminal would.
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [logs]);

  return (
    <section className="log-pane" aria-labelledby="log-heading">
      <h2 id="log-heading">
        Recent log <small>({logs.length < total ? `last ${logs.length} of ${total} lines` : `${total} lines`})</small>
      </h2>
      <ol ref={listRef} role="log" aria-live="off" aria-labelledby="log-heading" data-testid="log-pane" tabIndex={0}>
        {logs.map((l) => (
          <li key={l.seq}>{l.text}</li>
        ))}
      </ol>
    </section>
  );
}
