import { Type, type TProperties, type TSchema } from 'typebox';

/**
 * Request bodies and queries are closed objects: an unknown field is a mistake the caller should
 * hear about (400), not something silently dropped.
 */
export const Closed = <T extends TProperties>(properties: T, options: { description?: string } = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options });

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, e.g. validation_failed' }),
      message: Type.String({ description: "Human message in the caller's language (Accept-Language)" }),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { description: 'The one error shape of the API' },
);

/** Error responses a route documents, keyed by status code. */
export function errors(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBody]));
}

export const Uuid = Type.String({ format: 'uuid' });
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const LocaleSchema = Type.Union([Type.Literal('fr'), Type.Literal('ar'), Type.Literal('en')]);
