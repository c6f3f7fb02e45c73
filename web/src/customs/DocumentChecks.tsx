import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormats } from '../i18n/formats';
import { DataTable } from '../shell/DataTable';
import { documentProblemPart } from './dutyPayment';
import { useExplain } from './Explanation';
import { useCustomsNames } from './names';
import type { DeclarationView, DocumentCheck } from './types';

/**
 * What the issuing agencies said about the documents the declaration cites
 * (docs/customs/document-checks.md): each one confirmed, refused with its reasons, or awaiting an
 * answer; the quantity held on a permit until release. The status is said in words, never by colour.
 */
export function DocumentChecks({ checks = [] }: { checks?: readonly DocumentCheck[] }) {
  const { t } = useTranslation();
  const names = useCustomsNames();
  const ids = useId();
  if (checks.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('customs.documentChecks.title')}</h2>
      <DataTable
        captionId={`${ids}-caption`}
        caption={t('customs.documentChecks.caption')}
        columns={[t('customs.items.documents'), t('customs.documentChecks.reference'), t('customs.documentChecks.status'), t('customs.documentChecks.issuer')]}
        rowCount={checks.length}
        dense
      >
        {checks.map((check) => (
          <tr key={`${check.type}/${check.reference}`}>
            <th scope="row">{names.documentType(check.type)}</th>
            <td>
              <bdi className="declaration-reference">{check.reference}</bdi>
            </td>
            <td>
              <span className={`status document-check document-check--${check.status}`}>{names.documentStatus(check.status)}</span>
              <CheckDetails check={check} />
            </td>
            <td>
              <bdi>{check.provider}</bdi>
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

function CheckDetails({ check }: { check: DocumentCheck }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const explain = useExplain();
  return (
    <>
      {check.problems.length > 0 ? (
        <ul className="cell-list">
          {check.problems.map((problem, index) => (
            <li key={index}>{explain(documentProblemPart(check, problem, formats.day))}</li>
          ))}
        </ul>
      ) : null}
      {check.status === 'awaiting' ? <span className="cell-note">{t('customs.documentChecks.awaitingNote')}</span> : null}
      {check.held ? <span className="cell-note">{t('customs.documentChecks.held')}</span> : null}
    </>
  );
}

/** A lodged declaration waits while an issuing agency has not answered; the platform asks again by itself. */
export function AwaitingDocumentsBanner({ view }: { view: Pick<DeclarationView, 'state' | 'awaitingDocuments'> }) {
  const { t } = useTranslation();
  if (view.state !== 'lodged' || view.awaitingDocuments !== true) return null;
  return (
    <div className="alert alert--warning" role="status">
      <p>{t('customs.documentChecks.awaitingBanner')}</p>
    </div>
  );
}
