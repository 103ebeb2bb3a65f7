// The Event log tab: the whole recorded run as one list — log lines, messages (heartbeats and task
// traffic apart), state changes and actions (time, source, level, text) — searchable and filtered
// by kind, level and the kind of process that wrote them. The engine searches the whole recorded
// run (use-history.ts), the part after the playhead too: a seek back keeps those entries, shown
// greyed as "later". Only the newest matching entries are rendered. Clicking one seeks to it and
// selects what it is about; the log stays open (the Inspector tab's dot shows the selection).
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
import type { HistoryEntry, HistoryKind } from '../../engine/api';
import type { LogEntry } from '../../engine/public';
import { useAttempt } from '../attempt';
import { formatSimTime } from '../format';
import { useController, usePlayground } from '../PlaygroundProvider';
import {
  ALL_KINDS,
  ALL_LEVELS,
  DEFAULT_ENTRY_KINDS,
  ENTRY_KINDS,
  filterBySource,
  isLater,
  LOG_LEVELS,
  logSubject,
  SOURCE_KINDS,
  type SourceKind,
  sourceKind,
} from './log-filter';
import { useHistory } from './use-history';

/** Lines rendered at most: enough to read back a while, few enough to render every frame. */
export const RENDERED_LINES = 300;
/** Entries asked of the engine: more than rendered, so the source chips still leave enough. */
const REQUESTED_ENTRIES = 1_000;

export interface LogFilterState {
  query: string;
  levels: ReadonlySet<LogEntry['level']>;
  kinds: ReadonlySet<SourceKind>;
  /** Which kinds of entry: log lines, messages, heartbeats and tasks, state changes, actions. */
  show: ReadonlySet<HistoryKind>;
}

export const DEFAULT_LOG_FILTER: LogFilterState = {
  query: '',
  levels: ALL_LEVELS,
  kinds: ALL_KINDS,
  show: DEFAULT_ENTRY_KINDS,
};

const sameSet = <T,>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean =>
  a.size === b.size && [...a].every((x) => b.has(x));

/** A short mark per kind of entry, so a mixed list reads at a glance (the chips name them in full). */
const KIND_MARKS: Record<HistoryKind, string> = {
  log: 'log',
  message: 'msg',
  chatter: 'msg',
  change: 'state',
  action: 'action',
};

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
  const time = usePlayground((s) => s.time);
  const searchId = useId();
  // Typing stays responsive while the engine's search catches up.
  const query = useDeferredValue(filter.query);
  const request = useMemo(
    () => ({
      query,
      kinds: ENTRY_KINDS.map((k) => k.kind).filter((k) => filter.show.has(k)),
      levels: LOG_LEVELS.filter((l) => filter.levels.has(l)),
      limit: REQUESTED_ENTRIES,
    }),
    [query, filter.show, filter.levels],
  );
  const page = useHistory(request);
  const { lines, passed } = useMemo(
    () => filterBySource(page?.entries ?? [], filter.kinds, RENDERED_LINES),
    [page, filter.kinds],
  );
  // The engine counted every match; the source chips are applied here, to the newest entries only.
  const sourceFiltered = filter.kinds.size < ALL_KINDS.size;
  const matched = sourceFiltered ? passed : (page?.matched ?? 0);
  const later = lines.filter((l) => isLater(l, time)).length;

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
  const [activeSeq, setActiveSeq] = useState<string | null>(null);
  const tabbableSeq = lines.some((l) => l.key === activeSeq) ? activeSeq : (lines[lines.length - 1]?.key ?? null);
  useEffect(() => {
    if (activeSeq !== null && !lines.some((l) => l.key === activeSeq)) setActiveSeq(null);
  }, [lines, activeSeq]);

  const focusLine = (index: number) => {
    const l = lines[Math.max(0, Math.min(lines.length - 1, index))];
    if (!l) return;
    setActiveSeq(l.key);
    listRef.current?.querySelector<HTMLButtonElement>(`[data-seq="${l.key}"]`)?.focus();
  };
  const onListKey = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const i = lines.findIndex((l) => l.key === tabbableSeq);
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

  const open = (l: HistoryEntry) => {
    setActiveSeq(l.key);
    attempt(controller.seek(l.t));
    const subject = logSubject(l);
    // The log stays open: the user is reading down it, and the Inspector tab's dot says what is selected.
    if (subject) controller.select(subject, { reveal: false });
  };

  const filtered =
    filter.query.trim() !== '' ||
    filter.levels.size < ALL_LEVELS.size ||
    filter.kinds.size < ALL_KINDS.size ||
    !sameSet(filter.show, DEFAULT_ENTRY_KINDS);

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
          placeholder="Search the whole run"
          data-testid="log-search"
          value={filter.query}
          onChange={(e) => onFilterChange({ ...filter, query: e.target.value })}
        />
        <fieldset className="chips">
          <legend>Show</legend>
          {ENTRY_KINDS.map(({ kind, label }) => (
            <label key={kind} className={`chip entry-${kind}`}>
              <input
                type="checkbox"
                data-testid={`log-show-${kind}`}
                checked={filter.show.has(kind)}
                onChange={() => onFilterChange({ ...filter, show: toggled(filter.show, kind) })}
              />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
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
          ? `Newest ${lines.length} of ${matched} matching entries`
          : `${matched} ${filtered ? 'matching ' : ''}entr${matched === 1 ? 'y' : 'ies'}`}
        {later > 0 ? `, ${later} after the playhead (greyed)` : ''}
        {page && !page.complete ? ' (the newest 200,000 records of each kind were searched)' : ''}
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
        aria-label="Log entries"
        data-testid="log-pane"
        onScroll={onScroll}
        onKeyDown={onListKey}
      >
        <ol>
          {lines.map((l) => {
            const afterPlayhead = isLater(l, time);
            return (
              <li
                key={l.key}
                data-t={l.t}
                data-level={l.level}
                data-kind={l.kind}
                data-later={afterPlayhead || undefined}
                className={`log-line level-${l.level.toLowerCase()} kind-${l.kind}${afterPlayhead ? ' log-line--later' : ''}`}
              >
                <button
                  type="button"
                  data-seq={l.key}
                  tabIndex={l.key === tabbableSeq ? 0 : -1}
                  title={
                    afterPlayhead
                      ? 'After the playhead: go forward to this moment and select what it is about'
                      : 'Go to this moment and select what it is about'
                  }
                  onClick={() => open(l)}
                  onFocus={() => setActiveSeq(l.key)}
                >
                  <time className="log-time">{formatSimTime(l.t)}</time>{' '}
                  {afterPlayhead && <span className="visually-hidden">later: </span>}
                  <span className="log-kind">{KIND_MARKS[l.kind]}</span>{' '}
                  <span className={`log-source source-${sourceKind(l.source)}`}>{l.source}</span>
                  {l.level !== 'INFO' && <span className="log-level"> {l.level}</span>}{' '}
                  <span className="log-text">{l.text}</span>
                </button>
              </li>
            );
          })}
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
