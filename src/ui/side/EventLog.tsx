// The Event log tab: the run's log lines (time, source, level, text), searchable and filtered by
// level and by the kind of process that wrote them. Only the newest matching lines are rendered,
// so thousands of kept lines stay cheap. Clicking a line seeks to it and selects what it is about.
import {
  type KeyboardEvent as ReactKeyboardEvent,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { LogEntry } from '../../engine/public';
import { useAttempt } from '../attempt';
import { formatSimTime } from '../format';
import { useController, usePlayground } from '../PlaygroundProvider';
import { LOG_LIMIT } from '../store';
import {
  ALL_KINDS,
  ALL_LEVELS,
  filterLogs,
  LOG_LEVELS,
  logSubject,
  SOURCE_KINDS,
  type SourceKind,
  sourceKind,
} from './log-filter';

/** Lines rendered at most: enough to read back a while, few enough to render every frame. */
export const RENDERED_LINES = 300;

export interface LogFilterState {
  query: string;
  levels: ReadonlySet<LogEntry['level']>;
  kinds: ReadonlySet<SourceKind>;
}

export const DEFAULT_LOG_FILTER: LogFilterState = { query: '', levels: ALL_LEVELS, kinds: ALL_KINDS };

const toggled = <T,>(set: ReadonlySet<T>, value: T): Set<T> => {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
};

interface EventLogProps {
  /** The filter lives with the caller, so it survives switching tabs. */
  filter: LogFilterState;
  onFilterChange: (f: LogFilterState) => void;
}

export function EventLog({ filter, onFilterChange }: EventLogProps) {
  const controller = useController();
  const attempt = useAttempt();
  const logs = usePlayground((s) => s.logs);
  const searchId = useId();
  // Typing stays responsive while the (cheap, but per-keystroke) filtering catches up.
  const query = useDeferredValue(filter.query);
  const { lines, matched } = useMemo(
    () => filterLogs(logs, { query, levels: filter.levels, kinds: filter.kinds }, RENDERED_LINES),
    [logs, query, filter.levels, filter.kinds],
  );

  const listRef = useRef<HTMLDivElement>(null);
  // Follow the tail like a terminal, unless the user scrolled up to read.
  const atBottom = useRef(true);
  const [following, setFollowing] = useState(true);
  useLayoutEffect(() => {
    const el = listRef.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [lines]);
  const onScroll = () => {
    const el = listRef.current;
    if (!el) return;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
    atBottom.current = bottom;
    setFollowing(bottom);
  };
  const jumpToLatest = () => {
    const el = listRef.current;
    if (!el) return;
    atBottom.current = true;
    setFollowing(true);
    el.scrollTop = el.scrollHeight;
  };

  // One tab stop for the whole list (roving tabindex); arrows move between lines.
  const [activeSeq, setActiveSeq] = useState<number | null>(null);
  const tabbableSeq = lines.some((l) => l.seq === activeSeq) ? activeSeq : (lines[lines.length - 1]?.seq ?? null);
  useEffect(() => {
    if (activeSeq !== null && !lines.some((l) => l.seq === activeSeq)) setActiveSeq(null);
  }, [lines, activeSeq]);

  const focusLine = (index: number) => {
    const l = lines[Math.max(0, Math.min(lines.length - 1, index))];
    if (!l) return;
    setActiveSeq(l.seq);
    listRef.current?.querySelector<HTMLButtonElement>(`[data-seq="${l.seq}"]`)?.focus();
  };
  const onListKey = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const i = lines.findIndex((l) => l.seq === tabbableSeq);
    const moves: Record<string, number> = {
      ArrowDown: i + 1,
      ArrowUp: i - 1,
      Home: 0,
      End: lines.length - 1,
      PageDown: i + 10,
      PageUp: i - 10,
    };
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    focusLine(next);
  };

  const open = (l: LogEntry) => {
    setActiveSeq(l.seq);
    attempt(controller.seek(l.t));
    const subject = logSubject(l);
    // The log stays open: the user is reading down it, and the Inspector tab's dot says what is selected.
    if (subject) controller.select(subject, { reveal: false });
  };

  const filtered =
    filter.query.trim() !== '' || filter.levels.size < ALL_LEVELS.size || filter.kinds.size < ALL_KINDS.size;

  return (
    <div className="event-log">
      <div className="log-controls">
        <label htmlFor={searchId} className="visually-hidden">
          Search the log
        </label>
        <input
          id={searchId}
          type="search"
          className="log-search"
          placeholder="Search the log"
          data-testid="log-search"
          value={filter.query}
          onChange={(e) => onFilterChange({ ...filter, query: e.target.value })}
        />
        <fieldset className="chips">
          <legend>Level</legend>
          {LOG_LEVELS.map((level) => (
            <label key={level} className={`chip level-${level.toLowerCase()}`}>
              <input
                type="checkbox"
                checked={filter.levels.has(level)}
                onChange={() => onFilterChange({ ...filter, levels: toggled(filter.levels, level) })}
              />
              <span>{level}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="chips">
          <legend>Source</legend>
          {SOURCE_KINDS.map(({ kind, label }) => (
            <label key={kind} className={`chip source-${kind}`}>
              <input
                type="checkbox"
                checked={filter.kinds.has(kind)}
                onChange={() => onFilterChange({ ...filter, kinds: toggled(filter.kinds, kind) })}
              />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <p className="log-count muted" data-testid="log-count">
        {matched > lines.length
          ? `Newest ${lines.length} of ${matched} matching lines`
          : `${matched} ${filtered ? 'matching ' : ''}line${matched === 1 ? '' : 's'}`}
        {logs.length >= LOG_LIMIT ? ` (the log keeps the last ${LOG_LIMIT})` : ''}
        {filtered && (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={() => onFilterChange(DEFAULT_LOG_FILTER)}>
              Clear filters
            </button>
          </>
        )}
      </p>
      {/* aria-live off: at high speed lines arrive far faster than anyone could listen to them. */}
      <div
        ref={listRef}
        className="log-lines"
        role="log"
        aria-live="off"
        aria-label="Log lines"
        data-testid="log-pane"
        onScroll={onScroll}
        onKeyDown={onListKey}
      >
        <ol>
          {lines.map((l) => (
            <li key={l.seq} data-t={l.t} data-level={l.level} className={`log-line level-${l.level.toLowerCase()}`}>
              <button
                type="button"
                data-seq={l.seq}
                tabIndex={l.seq === tabbableSeq ? 0 : -1}
                title="Go to this moment and select what the line is about"
                onClick={() => open(l)}
                onFocus={() => setActiveSeq(l.seq)}
              >
                <time className="log-time">{formatSimTime(l.t)}</time>{' '}
                <span className={`log-source source-${sourceKind(l.source)}`}>{l.source}</span>
                {l.level !== 'INFO' && <span className="log-level"> {l.level}</span>}{' '}
                <span className="log-text">{l.text}</span>
              </button>
            </li>
          ))}
        </ol>
      </div>
      {!following && (
        <button type="button" className="log-latest" onClick={jumpToLatest}>
          ↓ Latest
        </button>
      )}
    </div>
  );
}
