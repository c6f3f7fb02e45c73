import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormats } from '../i18n/formats';
import { useMoney } from '../portal/money';
import { DataTable } from '../shell/DataTable';
import { decimalFormatter } from './explanation';
import { ExplanationList } from './Explanation';
import { useCustomsNames } from './names';
import type { AssessedItem, Assessment, AssessmentLine } from './types';

/**
 * The duties and taxes as customs assessed them, item by item and line by line, each figure with
 * the sentences that explain it (docs/customs/assessment.md): the conversion of the value, the
 * rate applied to its base, the rounding.
 */
export function AssessmentView({ assessment }: { assessment: Assessment | null }) {
  const { t } = useTranslation();
  const money = useMoney();
  const names = useCustomsNames();
  const formats = useFormats();
  const ids = useId();
  return (
    <section className="card stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('customs.assessmentView.title')}</h2>
      {assessment === null ? (
        <p className="empty-state">{t('customs.assessmentView.none')}</p>
      ) : (
        <>
          <p>{t('customs.assessmentView.intro', { date: formats.day(assessment.date), currency: assessment.currency })}</p>
          {assessment.items.map((item, index) => (
            <AssessedItemView key={index} number={index + 1} item={item} currency={assessment.currency} />
          ))}
          <DataTable
            captionId={`${ids}-totals`}
            caption={t('customs.assessmentView.totals')}
            columns={[t('customs.assessmentView.tax'), t('customs.assessmentView.amount')]}
            rowCount={assessment.totals.length}
            dense
          >
            {assessment.totals.map((total) => (
              <tr key={total.code}>
                <th scope="row">{names.line(total.code)}</th>
                <td className="figure">{money(total.amount, assessment.currency)}</td>
              </tr>
            ))}
          </DataTable>
          <p className="assessment-total">{t('customs.assessmentView.total', { amount: money(assessment.total, assessment.currency) })}</p>
        </>
      )}
    </section>
  );
}

function AssessedItemView({ number, item, currency }: { number: number; item: AssessedItem; currency: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const names = useCustomsNames();
  const ids = useId();
  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('customs.assessmentView.item', { number, line: item.nationalLine })}</h3>
      <ExplanationList parts={item.explanation} />
      <DataTable
        captionId={`${ids}-caption`}
        caption={t('customs.assessmentView.lines', { number })}
        columns={[t('customs.assessmentView.tax'), t('customs.assessmentView.basis'), t('customs.assessmentView.amount'), t('customs.assessmentView.explanation')]}
        rowCount={item.lines.length}
        dense
      >
        {item.lines.map((line) => (
          <tr key={line.code}>
            <th scope="row">{names.line(line.code)}</th>
            <td>
              <LineBasis line={line} currency={currency} />
            </td>
            <td className="figure">{money(line.amount, currency)}</td>
            <td>
              <ExplanationList parts={line.explanation} />
            </td>
          </tr>
        ))}
      </DataTable>
      <p>
        <strong>{t('customs.assessmentView.itemTotal', { number, amount: money(item.total, currency) })}</strong>
      </p>
    </section>
  );
}

function LineBasis({ line, currency }: { line: AssessmentLine; currency: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const formats = useFormats();
  const decimal = decimalFormatter(formats.number);
  const { basis } = line;
  const text =
    basis.kind === 'ad_valorem'
      ? t('customs.assessmentView.adValorem', { percent: decimal(basis.percent), base: money(basis.base, currency) })
      : basis.kind === 'specific'
        ? t('customs.assessmentView.specific', { quantity: decimal(basis.quantity), unit: basis.unit, amountPerUnit: decimal(basis.amountPerUnit) })
        : '—';
  return (
    <>
      <span className="figure">{text}</span>
      {line.exemption ? <span className="cell-note">{t('customs.assessmentView.exempt')}</span> : null}
    </>
  );
}
