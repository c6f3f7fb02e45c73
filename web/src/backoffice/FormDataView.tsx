import { useTranslation } from 'react-i18next';
import { useFormats, useLanguage } from '../i18n/formats';
import { formSections, type DataRow, type DataValue, type FormPresentation } from './formData';

/** What the applicant filled in, read-only, under the pinned definition's sections and labels. */
export function FormDataView({ data, form }: { data: Record<string, unknown>; form: FormPresentation }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sections = formSections(data, form);
  if (sections.length === 0) return <p className="empty-state">{t('backOffice.case.noData')}</p>;
  return (
    <>
      {sections.map((section, index) => (
        <div key={index} className="stack">
          <h3>{section.title ? section.title[language] : t('backOffice.case.otherData')}</h3>
          <Rows rows={section.rows} />
        </div>
      ))}
    </>
  );
}

function Rows({ rows }: { rows: readonly DataRow[] }) {
  const language = useLanguage();
  return (
    <dl className="form-data">
      {rows.map((row) => (
        <div key={row.path} className="form-data__row">
          <dt>{row.label ? row.label[language] : <code dir="ltr">{row.path}</code>}</dt>
          <dd>
            <Value value={row.value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Value({ value }: { value: DataValue }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const language = useLanguage();
  switch (value.kind) {
    case 'text':
      // Applicants write in any script: each value keeps its own direction.
      return <span dir="auto">{value.text}</span>;
    case 'choice':
      return <>{value.label[language]}</>;
    case 'number':
      return <>{formats.number(value.value)}</>;
    case 'boolean':
      return <>{value.value ? t('backOffice.case.yes') : t('backOffice.case.no')}</>;
    case 'list':
      return (
        <ul className="form-data__list">
          {value.items.map((item, index) => (
            <li key={index}>
              <Value value={item} />
            </li>
          ))}
        </ul>
      );
    case 'group':
      return <Rows rows={value.rows} />;
  }
}
