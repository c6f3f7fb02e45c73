import cliProgress from 'cli-progress';
import { systemContext } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/database.ts';
import { translate, type Locale } from '../../platform/i18n/i18n.ts';
import type { ArchiveRoots } from './config.ts';
import { auditFixity } from './fixity.ts';

/** Problems printed before "… and N more"; the whole list is in the run's report (GET /api/archive/fixity/latest). */
const PROBLEMS_SHOWN = 50;

/** A bar by contents checked on a terminal; on a pipe or a log file, one line per batch. */
function progressOn(stream: NodeJS.WriteStream, label: string) {
  if (!stream.isTTY) return { update: (checked: number, total: number) => void stream.write(`${label}: ${checked}/${total}\n`), stop: () => undefined };
  const bar = new cliProgress.SingleBar({ stream, format: `${label} [{bar}] {percentage}% | {value}/{total}`, hideCursor: true }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(checked: number, total: number) {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(checked);
    },
    stop: () => bar.stop(),
  };
}

/**
 * `guichet archive audit`: re-hashes every stored content in both roots with a progress bar on
 * stderr, repairs what it can from the other copy, prints the report. Exit 1 when a file is lost.
 * (Interrupted ingests are finished by the platform's own job, which has the source modules.)
 */
export async function archiveAuditCommand(db: Db, roots: ArchiveRoots, locale: Locale, out: Pick<Console, 'log' | 'error'> = console): Promise<number> {
  const progress = progressOn(process.stderr, translate(locale, 'archive.audit.progress_label'));
  const report = await auditFixity(db, roots, { context: systemContext('cli: archive audit'), onProgress: progress.update }).finally(() => progress.stop());
  out.log(translate(locale, 'archive.audit.report', { checked: report.checked, intact: report.intact, repaired: report.repaired, lost: report.lost, unrepaired: report.unrepaired }));
  for (const problem of report.problems.slice(0, PROBLEMS_SHOWN)) {
    const key = problem.kind === 'lost' ? 'archive.audit.lost' : 'archive.audit.unrepaired';
    (problem.kind === 'lost' ? out.error : out.log)(translate(locale, key, { package: problem.package, path: problem.path, sha256: problem.sha256, root: problem.root ?? '' }));
  }
  if (report.problems.length > PROBLEMS_SHOWN) out.log(translate(locale, 'archive.audit.more', { count: report.problems.length - PROBLEMS_SHOWN }));
  return report.lost > 0 ? 1 : 0;
}
