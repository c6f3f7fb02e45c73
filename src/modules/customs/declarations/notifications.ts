import type { Assessment } from '../assessment/types.ts';
import { notificationDuties, type DeclarationNotification } from '../wco/notification.ts';
import type { DeclarationRow } from './store.ts';

export type { DeclarationNotification };

/** What every notification about a declaration names (WCO Declaration/ID, FunctionalReferenceID, office). */
interface Declared {
  reference: string;
  localReference: string;
  officeCode: string;
  version: number;
}

/** What a notification names of a stored declaration, at its current version. */
export const declaredOf = (row: Pick<DeclarationRow, 'reference' | 'local_reference' | 'office_code' | 'version'>): Declared => ({ reference: row.reference, localReference: row.local_reference, officeCode: row.office_code, version: row.version });

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
