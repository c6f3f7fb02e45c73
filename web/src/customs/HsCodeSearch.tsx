import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionContext';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { hsQueryOf, hsSearchPath, isDeclarable, narrowingQuery } from './hsSearch';
import type { HsMatch } from './types';

/** Long enough to let a word be typed, short enough to feel immediate. */
const TYPING_PAUSE_MS = 300;

interface SearchState {
  query: string | null;
  matches: HsMatch[] | null;
  error: unknown;
}

/** The tariff searched as the broker types, the latest query winning over slower earlier ones. */
function useHsSearch(typed: string): SearchState {
  const { request } = useSession();
  const [state, setState] = useState<SearchState>({ query: null, matches: null, error: null });
  const query = hsQueryOf(typed);
  useEffect(() => {
    if (query === null) {
      setState({ query: null, matches: null, error: null });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      request<{ items: HsMatch[] }>(hsSearchPath(query), { signal: controller.signal })
        .then((body) => setState({ query, matches: body.items, error: null }))
        .catch((error: unknown) => {
          if (!controller.signal.aborted) setState({ query, matches: null, error });
        });
    }, TYPING_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, request]);
  return state;
}

const LEVELS = ['chapter', 'heading', 'subheading', 'national_line'];

/**
 * Finding an item's tariff line by words (French, English or Arabic) or by the start of its code.
 * A chapter, heading or subheading opens the lines under it; a national line is chosen.
 */
export function HsCodeSearch({ itemNumber, onChoose }: { itemNumber: number; onChoose(match: HsMatch): void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const search = useHsSearch(typed);
  const id = useId();
  const current = search.query !== null && search.query === hsQueryOf(typed);

  // The search runs as one types; Enter must not send the declaration the box sits in.
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') event.preventDefault();
  }

  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('customs.hs.search', { number: itemNumber })}</label>
        <p id={`${id}-hint`} className="field__hint">
          {t('customs.hs.hint')}
        </p>
        <input id={`${id}-q`} type="search" dir="auto" autoComplete="off" aria-describedby={`${id}-hint`} value={typed} onChange={(event) => setTyped(event.target.value)} onKeyDown={onKeyDown} />
      </div>
      <StatusMessage message={current && search.matches ? (search.matches.length ? t('customs.hs.found', { number: search.matches.length }) : t('customs.hs.nothing')) : null} />
      <ErrorAlert error={search.error} />
      {current && search.matches?.length ? (
        <ul className="hs-results" aria-label={t('customs.hs.results', { number: itemNumber })}>
          {search.matches.map((match) => (
            <li key={`${match.level}-${match.code}`}>
              <span className="hs-results__code">{match.code}</span>
              <span className="hs-results__text">
                <span className="cell-note">{t(`customs.hs.levels.${LEVELS.includes(match.level) ? match.level : 'other'}`)}</span>
                <span lang={match.descriptionLocale}>{match.description}</span>
              </span>
              {isDeclarable(match) ? (
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('customs.hs.chooseLine', { code: match.code })}
                  onClick={() => {
                    onChoose(match);
                    setTyped('');
                  }}
                >
                  {t('customs.hs.choose')}
                </button>
              ) : (
                <button type="button" className="button button--secondary button--small" aria-label={t('customs.hs.narrowTo', { code: match.code })} onClick={() => setTyped(narrowingQuery(match))}>
                  {t('customs.hs.narrow')}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
