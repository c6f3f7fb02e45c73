import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonForm } from './ReasonForm';

/** The server's lower bound on a hold's reason, and on its lifting's (retention/http-schema.ts). */
const HOLD_REASON_MIN = 3;

interface HoldFormProps {
  onSubmit(reason: string): Promise<void>;
  /** The packages field, when the form does not sit on one package's page. */
  children?: ReactNode;
  level?: 3 | 4;
  className?: string;
}

/** Places a legal hold, with the reason cited in the PREMIS event and the audit trail. */
export function PlaceHoldForm({ onSubmit, children, level, className }: HoldFormProps) {
  const { t } = useTranslation();
  return (
    <ReasonForm
      title={t('archive.holds.placeTitle')}
      reasonLabel={t('archive.holds.reason')}
      reasonHint={t('archive.holds.reasonHint')}
      minLength={HOLD_REASON_MIN}
      submitLabel={t('archive.holds.place')}
      onSubmit={onSubmit}
      level={level}
      className={className}
    >
      {children}
    </ReasonForm>
  );
}

/** Lifts the hold in force, with its own reason. */
export function LiftHoldForm({ title, onSubmit, level, className }: HoldFormProps & { title: string }) {
  const { t } = useTranslation();
  return <ReasonForm title={title} reasonLabel={t('archive.holds.liftReason')} minLength={HOLD_REASON_MIN} submitLabel={t('archive.holds.lift')} onSubmit={onSubmit} level={level} className={className} />;
}
