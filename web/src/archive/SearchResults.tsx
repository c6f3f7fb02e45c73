import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiResource } from '../api/useApiResource';
import { useFormats } from '../i18n/formats';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { useArchiveNames, type ArchiveNames } from './names';
import { facetChosen, hasNextPage, paramsOf, withFacet, type ArchiveSearch } from './searchQuery';
import type { FacetName, SearchHit, SearchResult, SnippetPart } from './types';

interface SearchResultsProps {
  /** The API address of the search (searchApiPath). */
  path: string;
  search: ArchiveSearch;
  /** Where a hit leads: the console's package page, or the public record page. */
  hitPath(identifier: string): string;
  onError(error: unknown): void;
}

const facetNames: readonly FacetName[] = ['agency', 'recordType', 'year', 'class'];

/** The hits of one page with their passages, the facets to narrow by, and the pages. */
export function SearchResults({ path, search, hitPath, onError }: SearchResultsProps) {
  const { t } = useTranslation();
  const formats = useFormats();
  const result = useApiResource<SearchResult>(path);
  const ids = useId();
  const data = result.data;

  useEffect(() => onError(result.error), [result.error, onError]);

  return (
    <section className="stack" aria-labelledby={`${ids}-heading`} aria-busy={result.loading}>
      <h2 id={`${ids}-heading`}>{t('archive.search.resultsTitle')}</h2>
      <StatusMessage message={data && !result.loading ? t(data.exact ? 'archive.search.found' : 'archive.search.foundAbout', { total: formats.number(data.total) }) : null} />
      <ErrorAlert error={result.error} />
      {data ? (
        <div className="archive-search">
          <Facets result={data} search={search} />
          <div className="stack">
            {data.hits.length === 0 ? (
              <p className="empty-state">{t('archive.search.none')}</p>
            ) : (
              <ol className="archive-cards archive-hits">
                {data.hits.map((hit) => (
                  <Hit key={`${hit.identifier}:${hit.file ?? ''}:${hit.page ?? ''}`} hit={hit} to={hitPath(hit.identifier)} />
                ))}
              </ol>
            )}
            <Pages result={data} search={search} />
          </div>
        </div>
      ) : result.loading ? (
        <Loading />
      ) : null}
    </section>
  );
}

function facetLabel(names: ArchiveNames, facet: FacetName, value: string): string {
  if (facet === 'agency') return names.agency(value);
  if (facet === 'recordType') return names.recordType(value);
  return value;
}

/** Each facet's values with their counts; choosing one narrows the search, choosing it again widens it. */
function Facets({ result, search }: { result: SearchResult; search: ArchiveSearch }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const names = useArchiveNames();
  const ids = useId();
  return (
    <nav className="archive-facets" aria-label={t('archive.search.facets')}>
      {facetNames.map((facet) => (
        <div key={facet} className="archive-facet">
          <h3 id={`${ids}-${facet}`}>{t(`archive.search.facet.${facet}`)}</h3>
          {result.facets[facet].length === 0 ? (
            <p className="field__hint">{t('archive.search.facetEmpty')}</p>
          ) : (
            <ul className="plain-list" aria-labelledby={`${ids}-${facet}`}>
              {result.facets[facet].map(({ value, count }) => {
                const chosen = facetChosen(search, facet, value);
                return (
                  <li key={value}>
                    <Link to={{ search: paramsOf(withFacet(search, facet, value)).toString() }} aria-current={chosen ? 'true' : undefined} className="archive-facet__choice">
                      <bdi>{facetLabel(names, facet, value)}</bdi> ({formats.number(count)})
                      {chosen ? <span className="archive-facet__remove">{t('archive.search.facetRemove')}</span> : null}
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ))}
    </nav>
  );
}

function Hit({ hit, to }: { hit: SearchHit; to: string }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const names = useArchiveNames();
  return (
    <li className="card archive-hit">
      <h3 className="archive-hit__title">
        <Link to={to} dir="auto">
          {hit.title}
        </Link>
      </h3>
      <p className="cell-note">
        <span className="identifier" dir="ltr">
          {hit.identifier}
        </span>{' '}
        · {names.agency(hit.agency)} · {names.recordType(hit.recordType)}
        {hit.storedAt ? (
          <>
            {' '}
            · <time dateTime={hit.storedAt}>{formats.date(hit.storedAt)}</time>
          </>
        ) : null}{' '}
        · <AccessLevelBadge level={hit.accessLevel} />
      </p>
      <p className="cell-note">
        {hit.file === null
          ? t('archive.search.inDescription')
          : t('archive.search.onPage', { file: hit.file, page: hit.page ?? 1 })}
      </p>
      <Snippet parts={hit.snippet} language={hit.language} />
    </li>
  );
}

/** The passage in the language it was found in, matched words marked (plain text from the server: nothing to escape). */
export function Snippet({ parts, language }: { parts: readonly SnippetPart[]; language: string }) {
  return (
    <p className="archive-snippet" lang={language} dir="auto">
      {parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </p>
  );
}

export function AccessLevelBadge({ level }: { level: string }) {
  const names = useArchiveNames();
  return <span className={`status archive-level archive-level--${level}`}>{names.accessLevel(level)}</span>;
}

function Pages({ result, search }: { result: SearchResult; search: ArchiveSearch }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const next = hasNextPage(result, search.page);
  if (search.page === 1 && !next) return null;
  const link = (page: number) => ({ search: paramsOf({ ...search, page }).toString() });
  return (
    <nav aria-label={t('archive.search.pages')} className="actions">
      {search.page > 1 ? (
        <Link className="button button--secondary" to={link(search.page - 1)} rel="prev">
          {t('archive.search.previous')}
        </Link>
      ) : null}
      <span aria-current="page">{t('archive.search.page', { page: formats.number(search.page) })}</span>
      {next ? (
        <Link className="button button--secondary" to={link(search.page + 1)} rel="next">
          {t('archive.search.next')}
        </Link>
      ) : null}
    </nav>
  );
}
