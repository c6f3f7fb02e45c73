import type { Db } from '../../platform/db/database.ts';
import { verifyMessageLog } from './message-log.ts';

/** `guichet exchange verify-log`: exit 0 when the message log is intact, 1 naming the first altered or missing entry. */
export async function verifyLogCommand(db: Db): Promise<number> {
  const verdict = await verifyMessageLog(db, (checked, total) => {
    if (process.stderr.isTTY) process.stderr.write(`\rverifying exchange message log: ${checked}/${total}`);
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  if (verdict.ok) {
    console.log(`exchange message log intact: ${verdict.checked} entries, head #${verdict.lastSeq} ${verdict.lastHash}`);
    return 0;
  }
  console.error(`EXCHANGE MESSAGE LOG BROKEN: ${verdict.problem?.message} (${verdict.checked} entries verified before it)`);
  return 1;
}
