import type { LocalisedText } from '../../platform/auth/schema.ts';

/**
 * What an issuing agency's permit register offers on the exchange (docs/customs/document-checks.md).
 * Customs asks it to confirm a cited permit, to hold the declared quantity on it while the
 * declaration is processed, and to settle that hold: drawn on release, released on rejection.
 */

/** The agencies whose permits the register keeps, each a member serving the three services. */
export const PERMIT_AGENCIES = ['COMMERCE', 'HEALTH'] as const;
export const permitProviderOf = (country: string, agencyCode: string) => `${country}/GOV/${agencyCode}`;
/** Who may call them: the country's customs. */
export const permitClientsOf = (country: string) => [`${country}/GOV/CUSTOMS`];

const NUMBER = { type: 'string', minLength: 3, maxLength: 60 };
const TAX_ID = { type: 'string', minLength: 3, maxLength: 40 };
const DECIMAL = { type: 'string', pattern: '^[0-9]{1,15}(\\.[0-9]{1,6})?$' };
const ISO_DATE = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' };
const DECLARATION_ID = { type: 'string', minLength: 1, maxLength: 80 };

const QUESTION_PROPERTIES = {
  number: NUMBER,
  holderTaxId: TAX_ID,
  hsCode: { type: 'string', pattern: '^[0-9]{4,10}$' },
  /** The declared quantity of every item citing the permit, summed, and their net mass. */
  quantity: { type: 'object', additionalProperties: false, required: ['amount', 'unit'], properties: { amount: DECIMAL, unit: { type: 'string', pattern: '^[A-Z0-9]{2,3}$' } } },
  netMassKg: DECIMAL,
  onDate: ISO_DATE,
  declarationId: DECLARATION_ID,
};

const ANSWER = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  required: ['number', 'found'],
  properties: {
    number: { type: 'string' },
    found: { type: 'boolean' },
    type: { type: 'string' },
    status: { enum: ['valid', 'not_yet_valid', 'expired', 'revoked'] },
    holderMatches: { type: 'boolean' },
    coversGoods: { type: 'boolean' },
    unit: { type: 'string' },
    /** The declared quantity in the permit's unit; null when it cannot be converted. */
    requested: { type: ['number', 'null'] },
    /** Left on the permit for this declaration: granted, minus drawn, minus what other declarations hold. */
    available: { type: 'number' },
    enough: { type: 'boolean' },
    /** Set by the hold service: the quantity is now held for the declaration. */
    held: { type: 'boolean' },
    validUntil: ISO_DATE,
  },
};

export const CONFIRM_PERMIT = {
  code: 'confirm-permit',
  version: 'v1',
  title: { fr: 'Confirmer un permis cité', ar: 'تأكيد رخصة مذكورة', en: 'Confirm a cited permit' } satisfies LocalisedText,
  requestSchema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    additionalProperties: false,
    required: ['number', 'holderTaxId', 'hsCode', 'quantity', 'netMassKg', 'onDate'],
    properties: QUESTION_PROPERTIES,
  },
  responseSchema: ANSWER,
};

export const HOLD_PERMIT_QUANTITY = {
  code: 'hold-permit-quantity',
  version: 'v1',
  title: { fr: 'Réserver la quantité déclarée sur un permis', ar: 'حجز الكمية المصرح بها على رخصة', en: 'Hold the declared quantity on a permit' } satisfies LocalisedText,
  requestSchema: { ...CONFIRM_PERMIT.requestSchema, required: [...CONFIRM_PERMIT.requestSchema.required, 'declarationId'] },
  responseSchema: ANSWER,
};

export const SETTLE_PERMIT_HOLD = {
  code: 'settle-permit-hold',
  version: 'v1',
  title: { fr: "Imputer ou libérer une quantité réservée", ar: 'خصم أو تحرير كمية محجوزة', en: 'Draw down or release a held quantity' } satisfies LocalisedText,
  requestSchema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    additionalProperties: false,
    required: ['number', 'declarationId', 'outcome'],
    properties: { number: NUMBER, declarationId: DECLARATION_ID, outcome: { enum: ['drawn', 'released'] } },
  },
  responseSchema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    additionalProperties: false,
    required: ['number', 'declarationId', 'state'],
    properties: { number: { type: 'string' }, declarationId: { type: 'string' }, state: { enum: ['held', 'drawn', 'released', 'none'] }, remaining: { type: 'number' } },
  },
};

export const PERMIT_SERVICES = [CONFIRM_PERMIT, HOLD_PERMIT_QUANTITY, SETTLE_PERMIT_HOLD];

export interface PermitQuestion {
  number: string;
  holderTaxId: string;
  hsCode: string;
  quantity: { amount: string; unit: string };
  netMassKg: string;
  onDate: string;
  declarationId?: string;
}

export interface PermitAnswer {
  number: string;
  found: boolean;
  type?: string;
  status?: 'valid' | 'not_yet_valid' | 'expired' | 'revoked';
  holderMatches?: boolean;
  coversGoods?: boolean;
  unit?: string;
  requested?: number | null;
  available?: number;
  enough?: boolean;
  held?: boolean;
  validUntil?: string;
}

export interface SettleHold {
  number: string;
  declarationId: string;
  outcome: 'drawn' | 'released';
}

export interface SettleAnswer {
  number: string;
  declarationId: string;
  state: 'held' | 'drawn' | 'released' | 'none';
  remaining?: number;
}
