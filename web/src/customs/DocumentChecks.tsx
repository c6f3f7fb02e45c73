import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../shell/DataTable';
import { useCustomsNames } from './names';

interface ShownCheck {
  type: string;
  reference: string;
  status: string;
  provider: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * What the issuing agencies said about the documents the declaration cites, when the server sends
 * it (`documentChecks`, being added server-side): read field by field, so a shape that grows
 * shows what it can and an absent list shows nothing.
 */
function checksOf(value: unknown): ShownCheck[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null)
    .map((entry) => ({ type: text(entry.type), reference: text(entry.reference), status: text(entry.status), provider: text(entry.provider) }));
}

export function DocumentChecks({ checks }: { checks: unknown }) {
  const { t } = useTranslation();
  const names = useCustomsNames();
  const ids = useId();
  const shown = checksOf(checks);
  if (shown.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('customs.documentChecks.title')}</h2>
      <DataTable
        captionId={`${ids}-caption`}
        caption={t('customs.documentChecks.caption')}
        columns={[t('customs.items.documents'), t('customs.documentChecks.reference'), t('customs.documentChecks.status'), t('customs.documentChecks.issuer')]}
        rowCount={shown.length}
        dense
      >
        {shown.map((check, index) => (
          <tr key={index}>
            <th scope="row">{check.type ? names.documentType(check.type) : '—'}</th>
            <td>
              <bdi className="declaration-reference">{check.reference || '—'}</bdi>
            </td>
            <td>{check.status ? names.documentStatus(check.status) : '—'}</td>
            <td>
              <bdi>{check.provider || '—'}</bdi>
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
