import { useEffect } from 'react';
import { StatusMessage } from '../shell/ErrorAlert';
import type { KeysetList } from './useKeysetList';

interface LoadOlderProps<T> {
  list: KeysetList<T>;
  label: string;
  /** What to announce once older rows are added below. */
  announcement(added: number, total: number): string;
  /** The id of the row at `index`: the first added one takes the focus, where reading goes on. */
  rowId(index: number): string;
}

/** "Older entries" under a keyset-paged table: loads the next page below, announces it, and moves the focus to it. */
export function LoadOlder<T>({ list, label, announcement, rowId }: LoadOlderProps<T>) {
  const { added } = list;
  useEffect(() => {
    if (added && added.count > 0) document.getElementById(rowId(added.from))?.focus();
    // rowId is a fresh closure each render; the rows to focus change only with `added`.
  }, [added]);

  return (
    <>
      <StatusMessage message={added ? announcement(added.count, list.items?.length ?? 0) : null} />
      {list.hasOlder ? (
        <div className="actions">
          <button type="button" className="button button--secondary" disabled={list.loading} onClick={() => void list.loadOlder()}>
            {label}
          </button>
        </div>
      ) : null}
    </>
  );
}
