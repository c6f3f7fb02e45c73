import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentView } from '../applications/types';
import { useFormats, useLanguage } from '../i18n/formats';
import { DataTable } from '../shell/DataTable';
import { sizeInUnits } from '../portal/attachmentRules';
import type { ProcedureDefinition } from '../portal/definition';

interface AttachmentListProps {
  applicationId: string;
  attachments: readonly AttachmentView[];
  rules: ProcedureDefinition['attachments'];
}

/** The documents the applicant sent, each downloadable as it was received. */
export function AttachmentList({ applicationId, attachments, rules }: AttachmentListProps) {
  const { t } = useTranslation();
  const formats = useFormats();
  const language = useLanguage();
  const ids = useId();

  function kindLabel(kind: string): string {
    const rule = rules.find((candidate) => candidate.kind === kind);
    return rule ? rule.label[language] : kind;
  }

  function size(bytes: number): string {
    const { value, unit } = sizeInUnits(bytes);
    return t(unit === 'kB' ? 'backOffice.attachments.kilobytes' : 'backOffice.attachments.megabytes', { size: formats.number(value) });
  }

  return (
    <DataTable
      captionId={`${ids}-caption`}
      caption={t('backOffice.attachments.caption')}
      columns={[t('backOffice.attachments.kind'), t('backOffice.attachments.file'), t('backOffice.attachments.size'), t('backOffice.attachments.added')]}
      rowCount={attachments.length}
      emptyMessage={t('backOffice.attachments.none')}
      dense
    >
      {attachments.map((attachment) => (
        <tr key={attachment.id}>
          <th scope="row">{kindLabel(attachment.kind)}</th>
          <td>
            <a
              href={`/api/applications/${encodeURIComponent(applicationId)}/attachments/${encodeURIComponent(attachment.id)}`}
              download={attachment.fileName}
              dir="auto"
              className="cell-text"
            >
              {attachment.fileName}
            </a>
            <span className="cell-note" dir="ltr">
              {attachment.mediaType}
            </span>
          </td>
          <td>{size(attachment.size)}</td>
          <td>
            <time dateTime={attachment.uploadedAt}>{formats.dateTime(attachment.uploadedAt)}</time>
            <span className="cell-note">
              <bdi>{attachment.uploadedBy.label}</bdi>
            </span>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
