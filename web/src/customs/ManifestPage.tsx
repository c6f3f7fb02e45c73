import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiResource } from '../api/useApiResource';
import { useFormats } from '../i18n/formats';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { PageHeading } from '../shell/PageHeading';
import { customsPaths } from './paths';
import type { ManifestSummary } from './ManifestsPage';

interface ManifestLine {
  lineNumber: number;
  billOfLading: string;
  consignee: { name: string; taxId: string };
  containers: string[];
  packages: { count: number; kind: string };
  grossMassKg: string;
  description: string;
  matches: { declarationId: string; reference: string; state: string; released: boolean; matchedBy: string }[];
  discrepancy: { kind: 'undeclared' | 'quantity_short' | 'quantity_over'; manifestedKg: number; declaredKg: number | null } | null;
  gateOut: { container: string; decision: 'allowed' | 'refused'; reason: string | null }[];
}

type ManifestDetail = ManifestSummary & { lines: ManifestLine[] };

/** One manifest: its discrepancies first (what an officer acts on), then every bill with the declarations clearing it and whether its containers may leave. */
export function ManifestPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const ids = useId();
  const { id = '' } = useParams();
  const manifest = useApiResource<ManifestDetail>(`/api/customs/manifests/${encodeURIComponent(id)}`);
  const data = manifest.data;
  if (!data) return manifest.loading ? <Loading /> : <ErrorAlert error={manifest.error} />;
  const withDiscrepancy = data.lines.filter((line) => line.discrepancy);
  const kg = (value: number) => t('customs.manifests.kg', { value: formats.number(value) });
  return (
    <div className="stack">
      <p>
        <Link to={`${customsPaths.queue}/manifests`}>{t('customs.manifests.back')}</Link>
      </p>
      <PageHeading>{t('customs.manifests.heading', { reference: data.reference })}</PageHeading>
      <p className="lead">
        <bdi>
          {data.meansId} · {data.voyage} · {data.portOfArrival}
        </bdi>{' '}
        — {formats.day(data.arrivalDate)}
      </p>
      <section className="stack" aria-labelledby={`${ids}-discrepancies`}>
        <h2 id={`${ids}-discrepancies`}>{t('customs.manifests.discrepancies')}</h2>
        {withDiscrepancy.length === 0 ? (
          <p className="empty-state">{t('customs.manifests.noDiscrepancy')}</p>
        ) : (
          <ul className="stack">
            {withDiscrepancy.map((line) => (
              <li key={line.lineNumber}>
                <strong>
                  <bdi>{line.billOfLading}</bdi>
                </strong>
                {' — '}
                {t(`customs.manifests.kinds.${line.discrepancy!.kind}`, { manifested: kg(line.discrepancy!.manifestedKg), declared: line.discrepancy!.declaredKg === null ? '' : kg(line.discrepancy!.declaredKg) })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <DataTable
        captionId={`${ids}-lines`}
        caption={t('customs.manifests.linesCaption')}
        columns={[t('customs.manifests.bill'), t('customs.manifests.consignee'), t('customs.manifests.goods'), t('customs.manifests.declarations'), t('customs.manifests.gateOut')]}
        rowCount={data.lines.length}
        dense
      >
        {data.lines.map((line) => (
          <tr key={line.lineNumber}>
            <th scope="row">
              <bdi>{line.billOfLading}</bdi>
              <span className="cell-note">
                <bdi>{line.containers.join(', ')}</bdi>
              </span>
            </th>
            <td>
              <bdi>{line.consignee.name}</bdi>
              <span className="cell-note">
                <bdi>{line.consignee.taxId}</bdi>
              </span>
            </td>
            <td>
              <bdi>{line.description}</bdi>
              <span className="cell-note">
                {formats.number(line.packages.count)} {line.packages.kind} · {kg(Number(line.grossMassKg))}
              </span>
            </td>
            <td>
              {line.matches.length === 0
                ? t('customs.manifests.none')
                : line.matches.map((match) => (
                    <span key={match.declarationId} className="cell-note">
                      <Link to={customsPaths.officerDeclaration(match.reference)}>{match.reference}</Link>
                    </span>
                  ))}
            </td>
            <td>
              {line.gateOut.map((gate) => (
                <span key={gate.container} className="cell-note">
                  {gate.decision === 'allowed' ? t('customs.manifests.allowed') : t(`customs.manifests.refused.${gate.reason ?? 'not_declared'}`)}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
