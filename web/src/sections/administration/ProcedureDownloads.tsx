import { useTranslation } from 'react-i18next';
import type { ProcedureDefinition } from '../../portal/definition';
import { definitionText, type DefinitionFormat } from './procedureText';

/** RFC 9512 registers application/yaml; the file names follow the shipped ones (procedures/*.v1.yaml). */
const mediaTypes: Record<DefinitionFormat, string> = { yaml: 'application/yaml', json: 'application/json' };

function download(definition: ProcedureDefinition, format: DefinitionFormat): void {
  const text = definitionText(definition, format);
  const url = URL.createObjectURL(new Blob([text], { type: `${mediaTypes[format]};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${definition.id}.v${definition.version}.${format}`;
  link.click();
  // The click has started the download; the object URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The version shown, as a file to edit offline, keep, or send to another platform. */
export function ProcedureDownloads({ definition }: { definition: ProcedureDefinition }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      {(['yaml', 'json'] as const).map((format) => (
        <button key={format} type="button" className="button button--secondary" onClick={() => download(definition, format)}>
          {t(`procedures.download.${format}`)}
        </button>
      ))}
    </div>
  );
}
