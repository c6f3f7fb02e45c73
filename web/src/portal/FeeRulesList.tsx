import { useTranslation } from 'react-i18next';
import { useFormats, useLanguage } from '../i18n/formats';
import type { ProcedureDefinition } from './definition';
import { explainFees, type FeeExplanation } from './feeRules';
import { useMoney } from './money';

/**
 * A procedure's fee rules in words: fixed amounts, amounts per unit, bands (service page, catalogue
 * administration), in the currency of the procedure's catalogue summary when the page has it.
 */
export function FeeRulesList({ definition, currency }: { definition: Pick<ProcedureDefinition, 'fees' | 'form'>; currency?: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fees = explainFees(definition.fees, definition.form.labels, language);
  if (fees.length === 0) return <p>{t('portal.service.free')}</p>;
  return (
    <ul>
      {fees.map((fee, index) => (
        <li key={index}>
          <FeeRuleText fee={fee} currency={currency} />
        </li>
      ))}
    </ul>
  );
}

export function FeeRuleText({ fee, currency }: { fee: FeeExplanation; currency?: string | undefined }) {
  const { t } = useTranslation();
  const formatMoney = useMoney();
  const money = (amount: number) => formatMoney(amount, currency);
  const formats = useFormats();
  if (fee.kind === 'fixed') return <>{t('portal.fees.fixed', { label: fee.label, amount: money(fee.amount) })}</>;
  if (fee.kind === 'per_unit') {
    return <>{t('portal.fees.perUnit', { label: fee.label, amount: money(fee.unitAmount), field: fee.field })}</>;
  }
  return (
    <>
      {t('portal.fees.band', { label: fee.label, field: fee.field })}
      <ul>
        {fee.bands.map((band, index) => (
          <li key={index}>
            {band.upTo === null
              ? t('portal.fees.bandAbove', { from: formats.number(band.from ?? 0), amount: money(band.amount) })
              : t('portal.fees.bandUpTo', { upTo: formats.number(band.upTo), amount: money(band.amount) })}
          </li>
        ))}
      </ul>
    </>
  );
}
