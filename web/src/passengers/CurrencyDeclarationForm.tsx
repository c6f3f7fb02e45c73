import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { placeObjections } from '../customs/fieldPlacement';
import { FieldGroup, FormPlacesProvider, SelectField, TextField } from '../customs/FormFields';
import { useReferenceLists } from '../customs/referenceLists';
import { useSubmission } from '../forms/useSubmission';
import { calendarDayOf, useFormats } from '../i18n/formats';
import { useSession, useSignedInUser } from '../session/SessionContext';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { amountForApi, passengerApi, type CurrencyAnswer } from './passengers';
import { TravellerFields } from './TravellerFields';
import { useCrossingOffices } from './useCrossingOffices';

interface AmountLine {
  key: number;
  currency: string;
  amount: string;
}

let lineKeys = 0;
const newLine = (): AmountLine => ({ key: (lineKeys += 1), currency: '', amount: '' });

/**
 * The foreign-currency declaration: the cash carried, by currency. The server converts it at the
 * day's rates and either issues the declaration or answers that none is needed (`onAnswer`).
 */
export function CurrencyDeclarationForm({ onAnswer }: { onAnswer(answer: CurrencyAnswer): void }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const user = useSignedInUser();
  const { request } = useSession();
  const lists = useReferenceLists();
  const crossing = useCrossingOffices('cash');
  const idPrefix = useId();
  const form = useRef<HTMLFormElement>(null);
  const { pending, error, setError, run } = useSubmission();
  const [traveller, setTraveller] = useState({ name: user.displayName, passportNumber: '', passportCountry: '' });
  const [direction, setDirection] = useState<'entry' | 'exit'>('entry');
  const [office, setOffice] = useState('');
  const [travelOn, setTravelOn] = useState(() => calendarDayOf(new Date()));
  const [amounts, setAmounts] = useState<AmountLine[]>(() => [newLine()]);
  const [notNeeded, setNotNeeded] = useState<string | null>(null);

  const shown = useMemo(
    () => new Set(['traveller', 'traveller.name', 'traveller.passportNumber', 'traveller.passportCountry', 'direction', 'office', 'travelOn', 'amounts', ...amounts.flatMap((_, i) => [`amounts[${i}]`, `amounts[${i}].currency`, `amounts[${i}].amount`])]),
    [amounts],
  );
  const placed = useMemo(() => placeObjections(error, shown), [error, shown]);
  const places = useMemo(() => ({ idPrefix, objections: placed.byPath }), [idPrefix, placed.byPath]);
  useEffect(() => {
    if (error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  const directions = [
    { value: 'entry', label: t('passengers.currency.entry') },
    { value: 'exit', label: t('passengers.currency.exit') },
  ];
  const setLine = (index: number, line: AmountLine) => setAmounts((previous) => previous.map((candidate, at) => (at === index ? line : candidate)));

  function submit(event: FormEvent) {
    event.preventDefault();
    setNotNeeded(null);
    void run(async () => {
      const body = { traveller, direction, office, travelOn, amounts: amounts.map((line) => ({ currency: line.currency, amount: amountForApi(line.amount) })) };
      const answer = await request<CurrencyAnswer>(passengerApi.currencyDeclarations, { method: 'POST', body });
      if (!answer.required) {
        setNotNeeded(t('passengers.currency.notNeeded', { total: `${formats.number(answer.totalNational)} ${answer.nationalCurrency}`, threshold: `${formats.number(answer.threshold)} ${answer.nationalCurrency}` }));
      }
      onAnswer(answer);
    });
  }

  return (
    <FormPlacesProvider value={places}>
      <form ref={form} className="form stack" onSubmit={submit} noValidate aria-labelledby={`${idPrefix}-title`}>
        <h2 id={`${idPrefix}-title`}>{t('passengers.currency.title')}</h2>
        <p>{t('passengers.currency.intro')}</p>
        <TravellerFields value={traveller} countries={lists.countries} onChange={setTraveller} />
        <SelectField path="direction" label={t('passengers.currency.direction')} value={direction} choices={directions} onChange={(value) => setDirection(value === 'exit' ? 'exit' : 'entry')} />
        <SelectField path="office" label={t('passengers.currency.office')} placeholder value={office} choices={crossing.offices} onChange={setOffice} />
        <TextField path="travelOn" type="date" label={t('passengers.currency.travelOn')} value={travelOn} onChange={setTravelOn} />
        <FieldGroup path="amounts" legend={t('passengers.currency.amounts')}>
          {amounts.map((line, index) => (
            <FieldGroup key={line.key} path={`amounts[${index}]`} className="fieldset fieldset--nested" legend={t('passengers.currency.line', { number: index + 1 })}>
              <SelectField path={`amounts[${index}].currency`} label={t('passengers.currency.currency')} placeholder value={line.currency} choices={lists.currencies} onChange={(currency) => setLine(index, { ...line, currency })} />
              <TextField path={`amounts[${index}].amount`} label={t('passengers.currency.amount')} inputMode="decimal" dir="ltr" value={line.amount} onChange={(amount) => setLine(index, { ...line, amount })} />
              {amounts.length > 1 ? (
                <div className="actions">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => {
                      // The objections name lines by position, which has just changed.
                      setError(null);
                      setAmounts((previous) => previous.filter((_, at) => at !== index));
                    }}
                  >
                    {t('passengers.currency.removeLine', { number: index + 1 })}
                  </button>
                </div>
              ) : null}
            </FieldGroup>
          ))}
          <div className="actions">
            <button type="button" className="button button--secondary" onClick={() => setAmounts((previous) => [...previous, newLine()])}>
              {t('passengers.currency.addLine')}
            </button>
          </div>
        </FieldGroup>
        <ErrorAlert error={error ?? lists.error ?? crossing.error} />
        <StatusMessage message={notNeeded} tone="success" />
        <div className="actions">
          <button type="submit" className="button" disabled={pending}>
            {t('passengers.currency.submit')}
          </button>
        </div>
      </form>
    </FormPlacesProvider>
  );
}
