import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../forms/Field';
import type { FieldMessage } from '../forms/fieldMessages';
import { autonyms } from '../i18n/languages';
import { emptySearch, type ArchiveSearch, type SearchLanguage } from './searchQuery';

interface SearchFormProps {
  /** The search in the address bar. */
  search: ArchiveSearch;
  onSearch(search: ArchiveSearch): void;
  /** The server's messages about the last search, by parameter. */
  serverMessages: ReadonlyMap<string, FieldMessage>;
}

const languageChoices: readonly Exclude<SearchLanguage, ''>[] = ['fr', 'ar', 'en'];

/** Words to find, the language they are written in, and the period the records were archived in. */
export function SearchForm({ search, onSearch, serverMessages }: SearchFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(search);
  const [shown, setShown] = useState(search);
  const ids = useId();

  // A facet, a page link or the Back button changed the search: the form follows without being
  // rebuilt, so the focus stays where it was.
  if (JSON.stringify(search) !== JSON.stringify(shown)) {
    setShown(search);
    setDraft(search);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch({ ...draft, q: draft.q.trim(), page: 1 });
  }

  return (
    <form role="search" className="form card" aria-labelledby={`${ids}-title`} onSubmit={submit}>
      <h2 id={`${ids}-title`}>{t('archive.search.formTitle')}</h2>
      <div className="filters">
        <Field id={`${ids}-q`} label={t('archive.search.words')} hint={t('archive.search.wordsHint')} error={serverMessages.get('q')}>
          {(control) => (
            <input
              {...control}
              type="search"
              name="q"
              dir="auto"
              required
              maxLength={200}
              value={draft.q}
              onChange={(event) => setDraft({ ...draft, q: event.target.value })}
            />
          )}
        </Field>
        <Field id={`${ids}-lang`} label={t('archive.search.language')} hint={t('archive.search.languageHint')}>
          {(control) => (
            <select {...control} name="lang" value={draft.lang} onChange={(event) => setDraft({ ...draft, lang: event.target.value as SearchLanguage })}>
              <option value="">{t('archive.search.allLanguages')}</option>
              {languageChoices.map((language) => (
                <option key={language} value={language} lang={language}>
                  {autonyms[language]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {(['from', 'to'] as const).map((name) => (
          <Field key={name} id={`${ids}-${name}`} label={t(`archive.search.${name}`)} error={serverMessages.get(name)}>
            {(control) => <input {...control} type="date" name={name} value={draft[name]} onChange={(event) => setDraft({ ...draft, [name]: event.target.value })} />}
          </Field>
        ))}
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {t('archive.search.submit')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setDraft(emptySearch);
            onSearch(emptySearch);
          }}
        >
          {t('archive.search.clear')}
        </button>
      </div>
    </form>
  );
}
