import { Ajv2020 } from 'ajv/dist/2020.js';

export type SchemaCheck = { ok: true } | { ok: false; path: string; reason: string };

/**
 * Whether a service's request or response schema is a JSON Schema (2020-12) that compiles: first
 * against the meta-schema, so the refusal names the keyword at fault (`/requestSchema/properties/age/type`),
 * then compiled strictly, so a misspelt keyword is refused rather than silently checking nothing.
 * `at` is the JSON pointer of the schema in the request body.
 */
export function checkServiceSchema(schema: unknown, at: string): SchemaCheck {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return { ok: false, path: at, reason: 'a JSON Schema is an object' };
  // A fresh Ajv per schema: Ajv caches what it compiles, and registered schemas never leave.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false });
  if (!ajv.validateSchema(schema)) {
    const first = ajv.errors?.[0];
    return { ok: false, path: `${at}${first?.instancePath ?? ''}`, reason: first?.message ?? 'not a JSON Schema' };
  }
  try {
    ajv.compile(schema);
  } catch (error) {
    return { ok: false, path: at, reason: (error as Error).message };
  }
  return { ok: true };
}
