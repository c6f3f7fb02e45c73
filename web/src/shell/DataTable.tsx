import type { ReactNode } from 'react';

interface DataTableProps {
  /** The caption's id, which also names the scrolling region. */
  captionId: string;
  caption: string;
  /** Column headings, in order. */
  columns: readonly string[];
  /** How many rows the body holds: none shows `emptyMessage` instead of the table. */
  rowCount: number;
  emptyMessage?: string;
  /** Tighter rows, for tables with many columns. */
  dense?: boolean;
  /** The body's rows. */
  children: ReactNode;
}

/** A captioned data table, with an empty state when there is nothing to list. */
export function DataTable({ captionId, caption, columns, rowCount, emptyMessage, dense = false, children }: DataTableProps) {
  if (rowCount === 0 && emptyMessage !== undefined) return <p className="empty-state">{emptyMessage}</p>;
  return (
    // A wide table scrolls inside its own region on a phone, which the keyboard can reach.
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={dense ? 'data-table data-table--dense' : 'data-table'}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
