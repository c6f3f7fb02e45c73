import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedApiClient } from '../../api/types';
import { isolate } from '../../i18n/languages';
import { StatusMessage } from '../../shell/ErrorAlert';

type CopyOutcome = 'copied' | 'refused' | null;

/**
 * The one moment the key exists in clear: the server keeps only its hash. The panel takes the
 * focus so the warning is read first, and leaves only when the administrator says the key is kept.
 */
export function NewApiKey({ client, onDone }: { client: CreatedApiClient; onDone(): void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copy, setCopy] = useState<CopyOutcome>(null);
  const ids = useId();

  useEffect(() => heading.current?.focus(), []);

  async function copyKey() {
    try {
      await navigator.clipboard.writeText(client.key);
      setCopy('copied');
    } catch {
      // Clipboard access needs a secure context and the browser's consent; selecting by hand always works.
      setCopy('refused');
    }
  }

  return (
    <section className="card key-reveal" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`} ref={heading} tabIndex={-1}>
        {t('apiClients.key.title', { name: isolate(client.name) })}
      </h3>
      <p className="alert alert--warning">{t('apiClients.key.warning')}</p>
      <dl className="secret">
        <dt>{t('apiClients.key.label')}</dt>
        <dd>
          <code dir="ltr" className="secret__value key-reveal__value">
            {client.key}
          </code>
        </dd>
      </dl>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={() => void copyKey()}>
          {t('apiClients.key.copy')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('apiClients.key.done')}
        </button>
      </div>
      <StatusMessage
        tone={copy === 'copied' ? 'success' : 'info'}
        message={copy === 'copied' ? t('apiClients.key.copied') : copy === 'refused' ? t('apiClients.key.copyRefused') : null}
      />
    </section>
  );
}
