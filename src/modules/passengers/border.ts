import type { Principal } from '../../platform/auth/policy.ts';
import type { VerificationResult } from '../documents/index.ts';
import type { CurrencyDeclaration, CurrencyDeclarations } from './currency-declarations.ts';
import type { VehiclePass } from './store.ts';
import type { PassengersDeps, VehiclePasses } from './vehicle-passes.ts';

export interface BorderScan {
  /** What the documents module says of the QR: valid, revoked, expired or forged. */
  verification: VerificationResult;
  /** The pass the document attests, when it is one (its state tells entered, exited, overdue). */
  vehiclePass: VehiclePass | null;
  currencyDeclaration: CurrencyDeclaration | null;
}

/**
 * A border officer scans a traveller's QR code: the payload is verified as anyone verifies it
 * (signature, revocation), then the record it attests is looked up, so the officer sees at once
 * whether the paper is genuine and what to record. A forged payload names no record.
 */
export function borderScan(deps: Pick<PassengersDeps, 'documents'>, passes: VehiclePasses, declarations: CurrencyDeclarations) {
  return async function scan(principal: Principal, payload: string): Promise<BorderScan> {
    await passes.assertBorderOfficer(principal);
    const verification = await deps.documents.verify(payload);
    const documentId = verification.document?.id;
    if (!documentId) return { verification, vehiclePass: null, currencyDeclaration: null };
    return { verification, vehiclePass: await passes.passOfDocument(principal, documentId), currencyDeclaration: await declarations.declarationOfDocument(principal, documentId) };
  };
}
