/**
 * The customs API's JSON as the screens read it (src/modules/customs/declarations/view.ts,
 * assessment/types.ts, risk/types.ts). The server may add fields and states before the screens
 * know them: every name the screens show goes through a lookup with a fallback to the raw code.
 */
import type { Language } from '../api/types';

export const CHANNELS = ['green', 'yellow', 'red', 'blue'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The lifecycle's states in their order (declarations/lifecycle.ts); a state the server adds later is shown by its code. */
export const DECLARATION_STATES = ['draft', 'lodged', 'checked', 'channel_assigned', 'inspected', 'assessed', 'paid', 'released', 'rejected'] as const;

export const REGIMES = ['import_home_use', 'export', 'transit', 'temporary_admission', 'vehicle_clearance'] as const;
export type Regime = (typeof REGIMES)[number];

export const TRANSPORT_MODES = ['sea', 'rail', 'road', 'air', 'post', 'fixed_installation', 'inland_water'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

export const DOCUMENT_TYPES = [
  'import_licence',
  'export_licence',
  'phytosanitary_certificate',
  'pharmaceutical_import_authorisation',
  'certificate_of_origin',
  'commercial_invoice',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const INSPECTION_OUTCOMES = ['conform', 'discrepancy', 'seizure'] as const;
export type InspectionOutcome = (typeof INSPECTION_OUTCOMES)[number];

export interface Party {
  taxId: string;
  name: string;
  country: string;
}

export interface CitedDocument {
  type: DocumentType;
  reference: string;
}

export interface DeclarationItem {
  hsCode: string;
  description: string;
  origin: string;
  quantity: { amount: string; unit: string };
  grossMassKg: string;
  netMassKg: string;
  customsValue: string;
  preferenceClaimed: boolean;
  documents: CitedDocument[];
  vehicle?: { vin: string; firstRegistrationYear: number; engineCapacityCc?: number };
}

/** The body of `POST /api/customs/declarations` (declarations/types.ts). */
export interface DeclarationInput {
  localReference: string;
  regime: Regime;
  officeCode: string;
  declarant: Party;
  importer?: Party;
  exporter?: Party;
  transport: { mode: TransportMode; meansId?: string; transportDocument?: string; dispatchCountry: string; containers: string[] };
  invoiceCurrency: string;
  items: DeclarationItem[];
}

/** One sentence of an explanation: a catalogue key (`customs.assessment.*`, `customs.risk.*`) and its figures. */
export interface ExplanationPart {
  key: string;
  params: Record<string, string | number>;
}

export interface AssessmentLine {
  code: string;
  basis: { kind: 'ad_valorem'; base: number; percent: string } | { kind: 'specific'; quantity: string; unit: string; amountPerUnit: string };
  amount: number;
  exemption?: string;
  explanation: ExplanationPart[];
}

export interface AssessedItem {
  nationalLine: string;
  customsValue: { invoiceAmount: string; currency: string; rate: string; national: number };
  lines: AssessmentLine[];
  total: number;
  explanation: ExplanationPart[];
}

export interface Assessment {
  date: string;
  currency: string;
  items: AssessedItem[];
  totals: { code: string; amount: number }[];
  total: number;
}

export interface RiskHit {
  profileId: string;
  criterion: string;
  /** Index in the declaration's items (0-based); absent for criteria on the whole declaration. */
  item?: number;
  explanation: ExplanationPart;
}

export interface RiskDecision {
  channel: Channel;
  score: number;
  hits: RiskHit[];
  randomlySelected: boolean;
  explanation: ExplanationPart[];
  tariffVersion?: { id: string; label: string };
}

export interface DeclarationView {
  id: string;
  reference: string;
  localReference: string;
  /** A lifecycle state; possibly one the screens do not know yet. */
  state: string;
  version: number;
  declaredOn: string;
  channel: Channel | null;
  declaration: DeclarationInput;
  assessment: Assessment | null;
  risk: RiskDecision | null;
  totalDue: number | null;
  currency: string;
  rejection: { reason: string; code?: string } | null;
  lodgedAt: string | null;
  releasedAt: string | null;
  /** Lodged, and an issuing agency has not answered about a cited document yet (resumes by itself). */
  awaitingDocuments?: boolean;
  /** What each issuing agency said about the documents cited (declarations/document-checks.ts). */
  documentChecks?: DocumentCheck[];
}

/** One cited document and its issuer's answer, as the declaration keeps it. */
export interface DocumentCheck {
  type: string;
  reference: string;
  /** The exchange member that answers for it: `KD/GOV/COMMERCE`… */
  provider: string;
  /** A status the screens do not know yet is shown by its code. */
  status: string;
  /** The declared quantity is held on the permit until release. */
  held: boolean;
  /** Why it is refused: a catalogue code (`declaration_document_expired`…) and its figures. */
  problems: { code: string; params?: Record<string, string | number> }[];
  /** Why it is awaiting: the service did not answer. */
  reason: string | null;
}

export interface DeclarationNotification {
  id: string;
  kind: string;
  issuedAt: string;
  version: number;
  total?: number;
  errors?: { code: string; pointer?: string; message: string }[];
}

export interface DeclarationDetail extends DeclarationView {
  history: { state: string; by: string; at: string }[];
  notifications: DeclarationNotification[];
  versions: { version: number; reason: string | null; by: string; at: string }[];
  inspections: { id: string; outcome: string; findings: string; by: string; at: string }[];
}

export interface HsMatch {
  code: string;
  level: 'chapter' | 'heading' | 'subheading' | 'national_line';
  description: string;
  descriptionLocale: Language;
  parent: string | null;
}

export type Localised = Record<Language, string>;

export interface CustomsOffice {
  code: string;
  kind: string;
  unLocode: string;
  names: Localised;
}

export interface Currency {
  code: string;
  name: string;
  minorUnit: number;
}

export interface Country {
  code: string;
  names: Localised;
  currency: string | null;
  communityMember: boolean;
}
