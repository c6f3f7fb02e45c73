import type { Localised } from '../applications/types';
import { section } from '../session/access';

/**
 * A published procedure definition as the portal reads it (the whole shape is
 * `ProcedureDefinition` in src/modules/catalogue/definition.ts, served by the catalogue API).
 */
export interface AttachmentRule {
  kind: string;
  label: Localised;
  required: boolean;
  types: string[];
  maxSizeMb: number;
}

export type FeeRule =
  | { kind: 'fixed'; label: Localised; amount: number }
  | { kind: 'per_unit'; label: Localised; field: string; unitAmount: number }
  | { kind: 'band'; label: Localised; field: string; bands: { upTo: number | null; amount: number }[] };

export interface FormLayoutSection {
  title: Localised;
  fields: string[];
}

export interface ProcedureDefinition {
  id: string;
  version: number;
  agency: string;
  title: Localised;
  description: Localised;
  applicants: ('citizen' | 'business')[];
  form: {
    schema: Record<string, unknown>;
    layout: FormLayoutSection[];
    /** By field path: `manager`, `manager.lastName`, `goods[].hsCode`. */
    labels: Record<string, Localised>;
    /** Labels of choice values: by field path (as `labels`), then by value (numbers written as text). */
    options?: Record<string, Record<string, Localised>>;
  };
  attachments: AttachmentRule[];
  fees: FeeRule[];
  workflow: {
    initial: string;
    states: { id: string; label: Localised; holder: 'agency' | 'applicant' | 'none'; deadlineWorkingDays?: number }[];
    /** `on`: the platform event that takes a system transition (`fee_paid`: the fee was paid). */
    transitions: { action: string; from: string[]; to: string; by: 'applicant' | 'staff' | 'system'; on?: 'submitted' | 'fee_paid' }[];
  };
  /** The document issued on approval, if the procedure issues one. */
  document: { type: string; title: Localised; validityMonths: number | null; fields: string[] } | null;
}

/** One entry of the public catalogue. */
export interface ProcedureSummary extends Pick<ProcedureDefinition, 'id' | 'version' | 'agency' | 'title' | 'description' | 'applicants'> {
  /** Sum of the fixed fees; per-unit and banded fees come on top. */
  fixedFee: number;
  /** ISO 4217 code of the currency every fee of the procedure is charged in. */
  currency: string;
  expectedWorkingDays: number | null;
}

export function definitionPath(procedureId: string, version?: number): string {
  const base = `/api/catalogue/procedures/${encodeURIComponent(procedureId)}`;
  return version === undefined ? base : `${base}/versions/${version}`;
}

export function cataloguePath({ q = '', agency = '', id = '' }: { q?: string; agency?: string; id?: string }): string {
  const query = new URLSearchParams();
  if (q.trim()) query.set('q', q.trim());
  if (agency) query.set('agency', agency);
  if (id) query.set('id', id);
  const text = query.toString();
  return `/api/catalogue/procedures${text ? `?${text}` : ''}`;
}

const portalRoot = section('applicant').path;

/** The portal's own pages, under the applicant section. */
export const portalPaths = {
  catalogue: portalRoot,
  service: (procedureId: string) => `${portalRoot}/services/${encodeURIComponent(procedureId)}`,
  myFiles: `${portalRoot}/applications`,
  file: (applicationId: string) => `${portalRoot}/applications/${encodeURIComponent(applicationId)}`,
};
