import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSubmission } from '../forms/useSubmission';
import { useSession, useSignedInUser } from '../session/SessionContext';
import { ErrorAlert } from '../shell/ErrorAlert';
import { PageHeading } from '../shell/PageHeading';
import { countryOfTaxId, declarationOf, formPaths, newDraft, newItem, type DeclarationDraft, type ItemDraft } from './declarationDraft';
import { placeObjections } from './fieldPlacement';
import { FormPlacesProvider } from './FormFields';
import { DeclarationHeader, PartiesFields } from './HeaderFields';
import { ItemFields } from './ItemFields';
import { customsPaths } from './paths';
import { useReferenceLists } from './referenceLists';
import type { DeclarationDetail } from './types';

/**
 * The broker's form: the declaration's header, its parties and its items, sent as JSON to
 * `POST /api/customs/declarations`. The server checks everything at once and names each problem's
 * field; each is shown next to its field, the first invalid field takes the focus. Lodged, the
 * declaration's page shows its reference, its channel and its assessment.
 */
export function LodgeDeclarationPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const { request } = useSession();
  const navigate = useNavigate();
  const lists = useReferenceLists();
  const [draft, setDraft] = useState<DeclarationDraft>(() => newDraft(user.company, ''));
  const { pending, error, setError, run } = useSubmission();
  const form = useRef<HTMLFormElement>(null);
  const idPrefix = useId();

  // The company's country, read from its tax id once the countries have arrived.
  const companyCountry = user.company ? countryOfTaxId(user.company.taxId, lists.countryCodes) : null;
  useEffect(() => {
    if (companyCountry) setDraft((previous) => (previous.declarant.country ? previous : { ...previous, declarant: { ...previous.declarant, country: companyCountry } }));
  }, [companyCountry]);

  const placed = useMemo(() => placeObjections(error, formPaths(draft)), [error, draft]);
  const places = useMemo(() => ({ idPrefix, objections: placed.byPath }), [idPrefix, placed.byPath]);

  // A refusal moves the focus to its first field, where the reader starts correcting.
  useEffect(() => {
    if (!error) return;
    const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
  }, [error]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(async () => {
      const lodged = await request<DeclarationDetail>('/api/customs/declarations', { method: 'POST', body: declarationOf(draft) });
      void navigate(customsPaths.brokerDeclaration(lodged.reference), { state: { lodged: lodged.reference } });
    });
  }

  const setItem = (index: number) => (item: ItemDraft) => setDraft((previous) => ({ ...previous, items: previous.items.map((candidate, at) => (at === index ? item : candidate)) }));
  const removeItem = (index: number) => () => {
    // The objections name items by position, which has just changed: they no longer point right.
    setError(null);
    setDraft((previous) => ({ ...previous, items: previous.items.filter((_, at) => at !== index) }));
  };

  return (
    <div className="stack">
      <p>
        <Link to={customsPaths.myDeclarations}>{t('customs.mine.back')}</Link>
      </p>
      <PageHeading>{t('customs.lodge.title')}</PageHeading>
      <p className="lead">{t('customs.lodge.intro')}</p>
      <ErrorAlert error={lists.error} />
      <FormPlacesProvider value={places}>
        <form ref={form} className="form stack" aria-labelledby={`${idPrefix}-title`} onSubmit={submit} noValidate>
          <h2 id={`${idPrefix}-title`} className="visually-hidden">
            {t('customs.lodge.title')}
          </h2>
          <DeclarationHeader draft={draft} lists={lists} onChange={setDraft} />
          <PartiesFields draft={draft} countries={lists.countries} onChange={setDraft} />
          <section className="stack" aria-labelledby={`${idPrefix}-items`}>
            <h2 id={`${idPrefix}-items`}>{t('customs.items.title')}</h2>
            {draft.items.map((item, index) => (
              <ItemFields
                key={item.key}
                index={index}
                item={item}
                isVehicle={draft.regime === 'vehicle_clearance'}
                countries={lists.countries}
                invoiceCurrency={draft.invoiceCurrency}
                onRemove={draft.items.length > 1 ? removeItem(index) : null}
                onChange={setItem(index)}
              />
            ))}
            <div className="actions">
              <button type="button" className="button button--secondary" onClick={() => setDraft((previous) => ({ ...previous, items: [...previous.items, newItem()] }))}>
                {t('customs.form.addItem')}
              </button>
            </div>
          </section>
          <ErrorAlert error={error} />
          {placed.elsewhere.length ? (
            <ul className="alert alert--error">
              {placed.elsewhere.map((message, index) => (
                <li key={index} lang={message.language}>
                  {message.text}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="actions">
            <button type="submit" className="button" disabled={pending}>
              {t('customs.lodge.submit')}
            </button>
          </div>
        </form>
      </FormPlacesProvider>
    </div>
  );
}
