// One listing table of the Master page, shaped like Spark's UIUtils.listingTable: a heading with
// the row count, the column headers, and a row per item. Each row carries the item's state in
// data-state so tests (and later styling) can find rows by state without parsing cell text.
import type { ReactNode } from 'react';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

interface DataTableProps<T> {
  id: string;
  title: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  rowState: (row: T) => string;
}

export function DataTable<T>({ id, title, columns, rows, rowKey, rowState }: DataTableProps<T>) {
  const headingId = `${id}-heading`;
  return (
    <section className="listing" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} ({rows.length})
      </h2>
      <table data-testid={id} aria-labelledby={headingId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col">
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
              <tr key={rowKey(row)} data-testid={`${id}-row`} data-id={rowKey(row)} data-state={rowState(row)}>
                {columns.map((c) => (
                  <td key={c.header}>{c.cell(row)}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
