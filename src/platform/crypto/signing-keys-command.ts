import { systemContext } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import type { SecretBox } from './secret-box.ts';
import { createSigningKeys } from './signing-keys.ts';

/**
 * `guichet keys rotate AGENCY`: the operator retires an agency's signing key and creates the next
 * (audited as done by the command line). Prints the agency's keys afterwards.
 */
export async function rotateKeysCommand(db: Db, box: SecretBox, agencyCode: string | undefined, out: Pick<Console, 'log' | 'error'> = console): Promise<number> {
  if (!agencyCode) {
    out.error('usage: guichet keys rotate AGENCY_CODE');
    return 2;
  }
  const keys = createSigningKeys({ db, box });
  try {
    await keys.rotateKey(systemContext('cli: keys rotate'), agencyCode);
  } catch (error) {
    if (!(error instanceof AppError && error.status === 404)) throw error;
    out.error(`no agency has the code ${agencyCode}`);
    return 1;
  }
  const published = (await keys.published()).filter((k) => k.iss === agencyCode);
  for (const key of published) out.log(`${key.kid}  ${key.status}`);
  return 0;
}
