import type { Db } from '../../platform/db/database.ts';
import { isLocale, type Locale } from '../../platform/i18n/i18n.ts';

export interface Recipient {
  userId: string;
  name: string;
  email: string;
  /** Accounts carry no phone number yet (no column in `users`): SMS goes out once they do. */
  phone: string | null;
  locale: Locale;
}

// The i18n catalogue's own fallback language, for an account whose locale is no longer offered.
const FALLBACK_LOCALE: Locale = 'fr';

function recipientOf(row: { id: string; email: string; display_name: string; locale: string }): Recipient {
  return { userId: row.id, name: row.display_name, email: row.email, phone: null, locale: isLocale(row.locale) ? row.locale : FALLBACK_LOCALE };
}

/** The applicant of a file, unless their account was disabled (they can no longer act on it). */
export async function activeUser(db: Db, userId: string): Promise<Recipient | null> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'locale'])
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? recipientOf(row) : null;
}

/** The active administrators of the agencies with these codes, each once, in a stable order. */
export async function agencyAdministrators(db: Db, agencyCodes: readonly string[]): Promise<Recipient[]> {
  if (agencyCodes.length === 0) return [];
  const rows = await db
    .selectFrom('role_grants')
    .innerJoin('agencies', 'agencies.id', 'role_grants.agency_id')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select(['users.id', 'users.email', 'users.display_name', 'users.locale'])
    .distinct()
    .where('role_grants.role', '=', 'agency_admin')
    .where('agencies.code', 'in', agencyCodes)
    .where('users.disabled_at', 'is', null)
    .orderBy('users.id')
    .execute();
  return rows.map(recipientOf);
}

/** An agency's name in the reader's language, or its code when the agency is unknown. */
export async function agencyName(db: Db, code: string, locale: Locale): Promise<string> {
  const row = await db.selectFrom('agencies').select('names').where('code', '=', code).executeTakeFirst();
  return row?.names[locale] ?? code;
}
