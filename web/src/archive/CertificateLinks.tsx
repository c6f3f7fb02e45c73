import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { verifyPath } from '../session/access';
import { archiveApi } from './console';
import type { Certificate } from './types';

/**
 * A destruction certificate: its number, its signed PDF (served to its holder, the authority who
 * approved), and the public verification page, where anyone checks it from the PDF or its QR code.
 */
export function CertificateLinks({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation();
  const number = certificate.number ?? certificate.id;
  return (
    <span className="cell-note archive-certificate">
      {t('archive.certificate.number')}{' '}
      <span className="identifier" dir="ltr">
        {number}
      </span>{' '}
      ·{' '}
      <a href={archiveApi.certificate(certificate.id)} download={`${number}.pdf`}>
        {t('archive.certificate.download')}
      </a>{' '}
      · <Link to={verifyPath}>{t('archive.certificate.verify')}</Link>
    </span>
  );
}
