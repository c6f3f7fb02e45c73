import type { Assessment } from '../assessment/types.ts';
import { notificationDuties, type DeclarationNotification } from '../wco/notification.ts';

export type { DeclarationNotification };

/** What every notification about a declaration names (WCO Declaration/ID, FunctionalReferenceID, office). */
interface Declared {
  reference: string;
  localReference: string;
  officeCode: string;
  version: number;
}

export const accepted = (d: Declared, at: Date): DeclarationNotification => ({
  kind: 'accepted',
  declarationReference: d.reference,
  localReference: d.localReference,
  officeCode: d.officeCode,
  issuedAt: at.toISOString(),
  version: d.version,
});

export const taxAssessed = (d: Declared, assessment: Assessment, at: Date): DeclarationNotification => ({
  ...accepted(d, at),
  kind: 'tax_assessed',
  duties: notificationDuties(assessment),
  total: assessment.total,
});

export const cleared = (d: Declared, at: Date): DeclarationNotification => ({ ...accepted(d, at), kind: 'cleared' });

export const rejected = (d: Declared, errors: DeclarationNotification['errors'], at: Date): DeclarationNotification => ({ ...accepted(d, at), kind: 'rejected', errors });
