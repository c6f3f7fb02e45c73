import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../forms/Field';
import { useSubmission } from '../forms/useSubmission';
import { currentLanguage } from '../i18n/languages';
import { useSession } from '../session/SessionContext';
import { ErrorAlert } from '../shell/ErrorAlert';
import { memberPath, parseJsonObject, registryFieldMessages } from './console';
import type { Member, MemberKey } from './types';

interface KeyFormProps {
  idPrefix: string;
  member: Member;
  onAdded(message: string): Promise<void>;
}

/** Adds a member's Ed25519 public key, pasted as the JWK the member sent (never its private part). */
export function KeyForm({ idPrefix, member, onAdded }: KeyFormProps) {
  const { t } = useTranslation();
  const { request } = useSession();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<'notJson' | 'notObject' | null>(null);
  const { pending, error, run } = useSubmission();
  const serverMessage = registryFieldMessages(error).get('jwk');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseJsonObject(text);
    setProblem(parsed.ok ? null : parsed.problem);
    if (!parsed.ok) {
      document.getElementById(`${idPrefix}-jwk`)?.focus();
      return;
    }
    await run(async () => {
      const key = await request<MemberKey>(`${memberPath(member.id)}/keys`, { method: 'POST', body: { jwk: parsed.value } });
      setText('');
      await onAdded(t('exchange.keys.added', { kid: `${key.kid.slice(0, 12)}…` }));
    });
  }

  return (
    <form className="form" aria-labelledby={`${idPrefix}-title`} onSubmit={(event) => void submit(event)}>
      <h4 id={`${idPrefix}-title`}>{t('exchange.keys.addTitle')}</h4>
      <Field
        id={`${idPrefix}-jwk`}
        label={t('exchange.keys.jwk')}
        hint={t('exchange.keys.jwkHint')}
        error={problem ? { text: t(`exchange.json.${problem}`), language: currentLanguage() } : serverMessage}
      >
        {(control) => (
          <textarea {...control} name="jwk" dir="ltr" rows={4} required spellCheck={false} className="schema-text" value={text} onChange={(event) => setText(event.target.value)} />
        )}
      </Field>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('exchange.keys.adding') : t('exchange.keys.add')}
        </button>
      </div>
    </form>
  );
}
