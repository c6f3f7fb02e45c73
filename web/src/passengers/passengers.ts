import { section } from '../session/access';
import type { VerificationResult } from '../verify/verification';

/** A vehicle temporary-admission pass as the API gives it (server: src/modules/passengers/store.ts). */
export interface VehiclePass {
  id: string;
  documentId: string;
  documentNumber: string;
  state: 'issued' | 'entered' | 'exited';
  overdue: boolean;
  overdueOn: string | null;
  traveller: { name: string; passportNumber: string; passportCountry: string };
  vehicle: { vin: string; plate: string; registrationCountry: string };
  entryOffice: string;
  plannedEntryOn: string;
  allowedDays: number;
  enteredOn: string | null;
  enteredAtOffice: string | null;
  exitDueOn: string | null;
  exitedOn: string | null;
  exitedAtOffice: string | null;
}

export interface ConvertedAmount {
  currency: string;
  amount: string;
  rate: string;
  national: number;
}

export interface CurrencyDeclaration {
  id: string;
  documentId: string;
  documentNumber: string;
  traveller: { name: string; passportNumber: string; passportCountry: string };
  direction: 'entry' | 'exit';
  office: string;
  declaredOn: string;
  amounts: ConvertedAmount[];
  nationalCurrency: string;
  totalNational: number;
}

/** Below the threshold the API answers that nothing is to be declared; from it on, the declaration. */
export type CurrencyAnswer =
  | { required: false; threshold: number; nationalCurrency: string; ratesOn: string; amounts: ConvertedAmount[]; totalNational: number }
  | { required: true; threshold: number; declaration: CurrencyDeclaration };

export interface BorderScan {
  verification: VerificationResult;
  vehiclePass: VehiclePass | null;
  currencyDeclaration: CurrencyDeclaration | null;
}

export const passengerApi = {
  vehiclePasses: '/api/passengers/vehicle-passes',
  overdue: '/api/passengers/vehicle-passes/overdue',
  crossing: (passId: string, crossing: 'entry' | 'exit') => `/api/passengers/vehicle-passes/${encodeURIComponent(passId)}/${crossing}`,
  currencyDeclarations: '/api/passengers/currency-declarations',
  scan: '/api/passengers/border/scan',
};

export const passengerPaths = {
  travel: `${section('applicant').path}/travel`,
  border: `${section('customs').path}/border`,
};

/** What a pass's badge says: overdue outranks entered (and stays after exit, as the history). */
export function passStatus(pass: Pick<VehiclePass, 'state' | 'overdue'>): 'issued' | 'entered' | 'overdue' | 'exited' | 'exitedOverdue' {
  if (pass.state === 'exited') return pass.overdue ? 'exitedOverdue' : 'exited';
  if (pass.overdue) return 'overdue';
  return pass.state;
}

/** The crossing an officer may record next, if any. */
export const nextCrossing = (pass: Pick<VehiclePass, 'state'>): 'entry' | 'exit' | null => (pass.state === 'issued' ? 'entry' : pass.state === 'entered' ? 'exit' : null);

/** Amounts typed with a comma as the decimal sign (as French and Arabic readers write them) are sent with a dot. */
export const amountForApi = (typed: string) => typed.trim().replace(/\s/g, '').replace(',', '.');
