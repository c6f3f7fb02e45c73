import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormats } from '../i18n/formats';
import { useMoney } from '../portal/money';
import { DataTable } from '../shell/DataTable';
import { ChannelBadge } from './ChannelBadge';
import { shownState, useCustomsNames, usePlaceNames } from './names';
import type { DeclarationView } from './types';

interface DeclarationTableProps {
  captionId: string;
  caption: string;
  items: readonly DeclarationView[];
  emptyMessage: string;
  /** Where a declaration opens: the officer's page or the broker's. */
  pathOf(reference: string): string;
}

/** One row per declaration: which, where it stands and on which channel, whose, and what is due. */
export function DeclarationTable({ captionId, caption, items, emptyMessage, pathOf }: DeclarationTableProps) {
  const { t } = useTranslation();
  const formats = useFormats();
  const money = useMoney();
  const names = useCustomsNames();
  const places = usePlaceNames();
  return (
    <DataTable
      captionId={captionId}
      caption={caption}
      columns={[
        t('customs.columns.reference'),
        t('customs.columns.channel'),
        t('customs.columns.state'),
        t('customs.columns.declarant'),
        t('customs.columns.importer'),
        t('customs.columns.office'),
        t('customs.columns.totalDue'),
        t('customs.columns.lodgedAt'),
      ]}
      rowCount={items.length}
      emptyMessage={emptyMessage}
      dense
    >
      {items.map((item) => (
        <tr key={item.id}>
          <th scope="row">
            <Link to={pathOf(item.reference)} className="declaration-reference">
              {item.reference}
            </Link>
            <span className="cell-note">
              <bdi>{item.localReference}</bdi>
            </span>
          </th>
          <td>
            <ChannelBadge channel={item.channel} />
          </td>
          <td>{names.state(shownState(item))}</td>
          <td>
            <bdi>{item.declaration.declarant.name}</bdi>
          </td>
          <td>{item.declaration.importer ? <bdi>{item.declaration.importer.name}</bdi> : '—'}</td>
          <td>{places.office(item.declaration.officeCode)}</td>
          <td className="figure">{item.totalDue === null ? '—' : money(item.totalDue, item.currency)}</td>
          <td>{item.lodgedAt ? <time dateTime={item.lodgedAt}>{formats.dateTime(item.lodgedAt)}</time> : '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}
