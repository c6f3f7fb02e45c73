import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormats } from '../i18n/formats';
import { archivePaths } from './console';
import { useArchiveNames } from './names';

/** A row's heading: the package's identifier, leading to its page in the console. */
export function PackageHeaderCell({ identifier }: { identifier: string }) {
  return (
    <th scope="row">
      <Link to={archivePaths.package(identifier)} className="identifier" dir="ltr">
        {identifier}
      </Link>
    </th>
  );
}

/** When something was done, and by whom (a name in any script keeps its own direction). */
export function WhenAndWho({ at, by }: { at: string; by: string | null }) {
  const formats = useFormats();
  return (
    <>
      <time dateTime={at}>{formats.dateTime(at)}</time>
      {by ? (
        <span className="cell-note">
          <bdi>{by}</bdi>
        </span>
      ) : null}
    </>
  );
}

/** A file's first cells: its path in the package (the row's heading), its role, its format, its size. */
export function FileCells({ file }: { file: { path: string; role: string; format: string; size: number } }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const names = useArchiveNames();
  return (
    <>
      <th scope="row">
        <code dir="ltr">{file.path}</code>
      </th>
      <td>{names.fileRole(file.role)}</td>
      <td>
        <code dir="ltr">{file.format}</code>
      </td>
      <td>{t('archive.files.bytes', { size: formats.number(file.size) })}</td>
    </>
  );
}
