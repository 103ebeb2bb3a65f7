// A worker's core grid (one cell per core, coloured by the holder's application; drivers hatched)
// and its memory bar split the same way. Decorative for screen readers: the node's name and the
// usage line say the same in words.
import { memo } from 'react';
import type { CSSProperties } from 'react';
import type { WorkerNodeView } from '../../engine/public';
import { appColor } from '../colors';
import { CORE_CELL_LIMIT, CORE_GRID_COLUMNS } from './layout';
import { coreOwners, coreRuns, memorySegments, type Holder } from './worker-resources';

function holderStyle(h: Holder | null, extra?: CSSProperties): CSSProperties | undefined {
  if (!h) return extra;
  return { ...extra, '--app-color': appColor(h.appId) } as CSSProperties;
}

function holderClass(base: string, h: Holder | null): string {
  return h ? `${base} ${base}--${h.kind}` : `${base} ${base}--free`;
}

export const CoreGrid = memo(function CoreGrid({
  worker,
  bar = false,
}: {
  worker: Pick<WorkerNodeView, 'cores' | 'processes'>;
  /** One bar of runs whatever the core count (a zoomed-out worker's glyph). */
  bar?: boolean;
}) {
  const owners = coreOwners(worker);
  // A machine with hundreds of cores gets one bar of runs instead of hundreds of cells.
  if (bar || worker.cores > CORE_CELL_LIMIT) {
    return (
      <div className="cores cores--bar" aria-hidden="true">
        {coreRuns(owners).map((run, i) => (
          <span
            key={i}
            className={holderClass('core', run.holder)}
            data-app={run.holder?.appId ?? ''}
            data-cores={run.count}
            style={holderStyle(run.holder, { flexGrow: run.count })}
          />
        ))}
      </div>
    );
  }
  const style = { '--core-cols': Math.min(Math.max(worker.cores, 1), CORE_GRID_COLUMNS) } as CSSProperties;
  return (
    <div className="cores" style={style} aria-hidden="true">
      {owners.map((o, i) => (
        <span key={i} className={holderClass('core', o)} data-app={o?.appId ?? ''} style={holderStyle(o)} />
      ))}
    </div>
  );
});

export const MemoryBar = memo(function MemoryBar({
  worker,
}: {
  worker: Pick<WorkerNodeView, 'memoryMb' | 'processes'>;
}) {
  return (
    <div className="mem" aria-hidden="true">
      {memorySegments(worker).map((s) => (
        <span
          key={s.processId}
          className={holderClass('mem-seg', s)}
          data-app={s.appId ?? ''}
          style={holderStyle(s, { width: `${(s.fraction * 100).toFixed(3)}%` })}
        />
      ))}
    </div>
  );
});
