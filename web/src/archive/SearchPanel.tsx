import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { fieldMessages } from '../forms/fieldMessages';
import { SearchForm } from './SearchForm';
import { SearchResults } from './SearchResults';
import { paramsOf, searchApiPath, searchFrom, type ArchiveSearch } from './searchQuery';

interface SearchPanelProps {
  /** The API that answers: the signed-in reader's search, or the public one. */
  endpoint: string;
  hitPath(identifier: string): string;
  /** Shown instead of results while no words are typed (the console lists the latest packages). */
  idle?: ReactNode;
}

/** The search form and its results, the search kept in the address bar. */
export function SearchPanel({ endpoint, hitPath, idle = null }: SearchPanelProps) {
  const [params, setParams] = useSearchParams();
  const search = searchFrom(params);
  const path = searchApiPath(endpoint, search);
  const [error, setError] = useState<unknown>(null);

  function searchFor(next: ArchiveSearch) {
    // The last refusal was about the last search.
    setError(null);
    setParams(paramsOf(next));
  }

  return (
    <>
      <SearchForm search={search} onSearch={searchFor} serverMessages={fieldMessages(error, 'querystring')} />
      {path ? <SearchResults path={path} search={search} hitPath={hitPath} onError={setError} /> : idle}
    </>
  );
}
