import { useTranslation } from 'react-i18next';
import { Field } from '../forms/Field';
import { useLanguage } from '../i18n/formats';

/** The mobile-money phone number, as every payment form asks for it (a file's fee, a declaration's duties). */
export function PhoneField({ id, value, invalid, onChange }: { id: string; value: string; invalid: boolean; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Field id={id} label={t('payment.mobile.phone')} hint={t('payment.mobile.phoneHint')} error={invalid ? { text: t('payment.mobile.phoneInvalid'), language } : undefined}>
      {(control) => <input {...control} type="tel" inputMode="tel" autoComplete="tel" dir="ltr" value={value} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  );
}
