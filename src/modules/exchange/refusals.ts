import type { Refusal } from './signing.ts';

/** Every reason a provider refuses a message, with the HTTP status it answers. */
export const REFUSAL_STATUS = {
  missing_component: 400,
  digest_mismatch: 400,
  unknown_member: 401,
  unknown_key: 401,
  bad_signature: 401,
  expired_timestamp: 401,
  access_denied: 403,
  member_suspended: 403,
  unknown_service: 404,
  replayed_message: 409,
  schema_mismatch: 422,
} as const satisfies Record<Refusal | string, number>;

export type RefusalCode = keyof typeof REFUSAL_STATUS;

export const isRefusalCode = (code: unknown): code is RefusalCode => typeof code === 'string' && Object.hasOwn(REFUSAL_STATUS, code);

/** A refusal as a provider sends it, and as a client reads it: `{ error: { code, message } }`, like every API error. */
export function refusalBody(code: RefusalCode, message: string) {
  return { error: { code, message } };
}

/** Thrown by a client whose call was refused, or answered with something it cannot trust. */
export class ExchangeRefusal extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, status: number, message: string) {
    super(`${code}: ${message}`);
    this.name = 'ExchangeRefusal';
    this.code = code;
    this.status = status;
  }
}
