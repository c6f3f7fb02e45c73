import { useTranslation } from 'react-i18next';
import { decimalFormatter } from './explanation';
import { useFormats } from '../i18n/formats';
import { DataTable } from '../shell/DataTable';
import { useCustomsNames, usePlaceNames } from './names';
import type { DeclarationInput } from './types';

/** The goods line by line, with the documents each item cites. */
export function DeclarationItems({ declaration }: { declaration: DeclarationInput }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const names = useCustomsNames();
  const places = usePlaceNames();
  const decimal = decimalFormatter(formats.number);
  return (
    <section className="card stack" aria-labelledby="declaration-items">
      <h2 id="declaration-items">{t('customs.items.title')}</h2>
      <DataTable
        captionId="declaration-items-caption"
        caption={t('customs.items.caption', { currency: declaration.invoiceCurrency })}
        columns={[
          t('customs.items.number'),
          t('customs.items.hsCode'),
          t('customs.items.description'),
          t('customs.items.origin'),
          t('customs.items.quantity'),
          t('customs.items.masses'),
          t('customs.items.customsValue'),
          t('customs.items.documents'),
        ]}
        rowCount={declaration.items.length}
        dense
      >
        {declaration.items.map((item, index) => (
          <tr key={index}>
            <th scope="row">{formats.number(index + 1)}</th>
            <td className="declaration-reference">{item.hsCode}</td>
            <td>
              <span className="cell-text" dir="auto">
                {item.description}
              </span>
              {item.preferenceClaimed ? <span className="cell-note">{t('customs.items.preferenceClaimed')}</span> : null}
            </td>
            <td>{places.country(item.origin)}</td>
            <td className="figure">
              {decimal(item.quantity.amount)} {item.quantity.unit}
            </td>
            <td className="figure">{t('customs.items.massValues', { gross: decimal(item.grossMassKg), net: decimal(item.netMassKg) })}</td>
            <td className="figure">{decimal(item.customsValue)}</td>
            <td>
              {item.documents.length ? (
                <ul className="cell-list">
                  {item.documents.map((document, row) => (
                    <li key={row}>
                      {names.documentType(document.type)} <bdi className="declaration-reference">{document.reference}</bdi>
                    </li>
                  ))}
                </ul>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
