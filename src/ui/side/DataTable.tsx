// One listing table of the Master page, shaped like Spark's UIUtils.listingTable: a heading with
// the row count, the column headers, and a row per item. Each row carries the item's id and state
// in data-id / data-state so tests (and styles) can find rows without parsing cell text. Columns
// carry a priority: a narrow panel shows only the first ones (side.css, a container query), the
// rest are a click away (the Inspector, or "All columns"). A live column (a running duration) is
// drawn from the clock on screen, so its rows are drawn again when the clock moves.
import { memo, type ReactNode, useId } from 'react';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** Right-aligned figures. */
  numeric?: boolean;
  /**
   * 1: always shown (the id, the state, the duration); 2: shown unless the panel is narrow; 3:
   * shown only in a wide panel or with "All columns". Default 1.
   */
  priority?: 1 | 2 | 3;
  /** The cell reads the clock (`now`), not only the row: drawn again whenever the clock moves. */
  live?: boolean;
}

/** A cell's class: alignment and the column's priority. */
function cellClass(c: Column<unknown>): string | undefined {
  const names = [c.numeric ? 'num' : '', c.priority && c.priority > 1 ? `col-p${c.priority}` : ''].filter(Boolean);
  return names.length > 0 ? names.join(' ') : undefined;
}

interface DataTableProps<T> {
  /** The table's data-testid ("workers-table"); rows get "<id>-row". */
  id: string;
  title: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowState: (row: T) => string;
  /** The clock the live columns read (epoch ms on screen). */
  now?: number;
}

export function DataTable<T>({ id, title, columns, rows, rowKey, rowState, now = 0 }: DataTableProps<T>) {
  const headingId = useId();
  const live = columns.some((c) => c.live);
  return (
    // Not a landmark itself: the scrolling region below is, and one per table is enough.
    <div className="listing">
      <h3 id={headingId} className="listing-title">
        {title} ({rows.length})
      </h3>
      {/* Spark's tables are wide; the panel is not: the table scrolls sideways on its own. */}
      <div className="listing-scroll" tabIndex={0} role="region" aria-labelledby={headingId}>
        <table data-testid={id}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} scope="col" className={cellClass(c as Column<unknown>)}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr className="empty">
                <td colSpan={columns.length}>None</td>
              </tr>
            ) : (
              rows.map((row) => (
                <Row
                  key={rowKey(row)}
                  testId={`${id}-row`}
                  rowId={rowKey(row)}
                  state={rowState(row)}
                  row={row}
                  columns={columns as readonly Column<unknown>[]}
                  signature={JSON.stringify(row)}
                  clock={live ? now : 0}
                />
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

interface RowProps {
  testId: string;
  rowId: string;
  state: string;
  row: unknown;
  columns: readonly Column<unknown>[];
  /** The row's data as text: a row whose data did not change is not rendered again. */
  signature: string;
  /** The clock for live columns (0 in a table without any): a row is drawn again when it moves. */
  clock: number;
}

// A 500-worker cluster's tables are refreshed several times a second while time runs; rendering
// only the rows whose /json changed keeps that off the frame budget. The columns of a table are
// fixed, so a new columns array with the same cells does not count as a change.
const Row = memo(
  function Row({ testId, rowId, state, row, columns }: RowProps) {
    return (
      <tr data-testid={testId} data-id={rowId} data-state={state}>
        {columns.map((c) => (
          <td key={c.header} className={cellClass(c)}>
            {c.cell(row)}
          </td>
        ))}
      </tr>
    );
  },
  (a, b) =>
    a.signature === b.signature && a.state === b.state && a.columns.length === b.columns.length && a.clock === b.clock,
);
