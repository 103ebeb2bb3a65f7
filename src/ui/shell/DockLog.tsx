// The Event log as the dock shows it, in a chunk of its own: the dock starts collapsed, so the log
// (its list, search and filters) loads when it is first opened, not with the page.
import { DEFAULT_LOG_FILTER, EventLog, type LogFilterState } from '../side/EventLog';

export function DockLog({
  filter,
  onFilterChange,
}: {
  /** Null until the user changed it: the log's own default then. */
  filter: LogFilterState | null;
  onFilterChange(filter: LogFilterState): void;
}) {
  return <EventLog filter={filter ?? DEFAULT_LOG_FILTER} onFilterChange={onFilterChange} />;
}
