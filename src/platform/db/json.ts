import { sql, type RawBuilder } from 'kysely';

/** The one way to write a jsonb value, identical on PGlite and node-postgres. */
export function jsonb<T>(value: T): RawBuilder<T> {
  return sql<T>`${JSON.stringify(value)}::jsonb`;
}
