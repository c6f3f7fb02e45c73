import { sql } from 'kysely';
import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import { jsonb } from '../../platform/db/json.ts';
import type { ArchiveRoots } from './config.ts';
import { recordEvents, type PremisEvent } from './events.ts';
import { verifyContent, type ContentVerdict, type CopyFinding } from './fixity-check.ts';
import { inParallel } from './parallel.ts';
import type { FixityProblem } from './schema.ts';

/** Contents checked per database round; each round's findings commit together. */
const BATCH = 64;
/** Contents re-hashed at once (each on both roots): keeps two disks and two cores busy. */
const PARALLEL = 2;
/** Problems kept in a run's report; the events hold every one. */
const PROBLEMS_KEPT = 500;

export interface FixityReport {
  id: string;
  startedAt: string;
  finishedAt: string;
  agent: string;
  /** Contents checked (each in every root). */
  checked: number;
  intact: number;
  repaired: number;
  lost: number;
  unrepaired: number;
  problems: FixityProblem[];
}

export interface FixityOptions {
  context: ChangeContext;
  onProgress?: (checked: number, total: number) => void;
}

interface FileOfContent {
  id: string;
  sha256: string;
  packageId: string;
  identifier: string;
  agencyId: string;
  path: string;
}

/** The files (of stored packages) holding these contents: a content shared by two packages is checked once, recorded on both. */
function filesOf(db: Db | Trx, digests: readonly string[]): Promise<FileOfContent[]> {
  return db
    .selectFrom('archive_files as f')
    .innerJoin('archive_packages as p', 'p.id', 'f.package_id')
    .select(['f.id', 'f.sha256', 'f.package_id as packageId', 'p.identifier', 'p.agency_id as agencyId', 'f.path'])
    .where('p.state', '=', 'stored')
    .where('f.sha256', 'in', [...digests])
    .execute();
}

const findingText = (root: string, finding: CopyFinding) =>
  finding.state === 'corrupt' ? `${root}: corrupt (hashes to ${finding.actual})` : finding.state === 'missing' ? `${root}: missing (${finding.reason})` : `${root}: intact`;

/** PREMIS events for one file from its content's verdict. */
function eventsFor(file: FileOfContent, verdict: ContentVerdict): PremisEvent[] {
  const on = { packageId: file.packageId, fileId: file.id };
  const bad = [...verdict.findings].filter(([, f]) => f.state !== 'present');
  if (bad.length === 0) return [{ ...on, type: 'fixity check', outcome: 'success', detail: `SHA-256 matches in ${[...verdict.findings.keys()].join(' and ')}` }];
  const events: PremisEvent[] = bad.map(([root, finding]) => ({ ...on, type: 'fixity check', outcome: 'failure', detail: findingText(root, finding) }));
  for (const root of verdict.repaired) events.push({ ...on, type: 'replication', outcome: 'success', detail: `${root} copy repaired from an intact copy` });
  for (const [root, reason] of verdict.unrepaired) events.push({ ...on, type: 'replication', outcome: 'failure', detail: `${root} copy not repaired (${reason})` });
  if (verdict.lost) events.push({ ...on, type: 'fixity check', outcome: 'failure', detail: 'no intact copy left in any root: the file is lost' });
  return events;
}

function problemsOf(file: FileOfContent, verdict: ContentVerdict): FixityProblem[] {
  const at = { sha256: verdict.sha256, agencyId: file.agencyId, package: file.identifier, path: file.path };
  if (verdict.lost) return [{ kind: 'lost', root: null, ...at }];
  return [...verdict.unrepaired.keys()].map((root) => ({ kind: 'unrepaired' as const, root, ...at }));
}

/** The copies' states after the checks and repairs. */
function copyStates(verdict: ContentVerdict) {
  return [...verdict.findings].map(([root, finding]) => ({
    sha256: verdict.sha256,
    root,
    state: verdict.repaired.includes(root) ? ('present' as const) : finding.state,
  }));
}

async function recordBatch(db: Db, context: ChangeContext, verdicts: readonly ContentVerdict[]): Promise<FixityProblem[]> {
  const files = await filesOf(db, verdicts.map((v) => v.sha256));
  const byContent = Map.groupBy(files, (f) => f.sha256);
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('archive_copies')
      .values(verdicts.flatMap(copyStates))
      .onConflict((oc) => oc.columns(['sha256', 'root']).doUpdateSet((eb) => ({ state: eb.ref('excluded.state'), checked_at: sql<Date>`now()` })))
      .execute();
    const events: PremisEvent[] = [];
    const problems: FixityProblem[] = [];
    for (const verdict of verdicts) {
      for (const file of byContent.get(verdict.sha256) ?? []) {
        events.push(...eventsFor(file, verdict));
        problems.push(...problemsOf(file, verdict));
      }
    }
    await recordEvents(trx, context.actor.label, events);
    const changed = verdicts.filter((v) => v.repaired.length > 0 || v.lost || v.unrepaired.size > 0);
    if (changed.length > 0) {
      await recordAudit(trx, context, {
        action: 'archive.copies_checked',
        recordType: 'archive_copies',
        recordId: null,
        details: { repaired: changed.flatMap((v) => v.repaired.map((root) => `${root}:${v.sha256}`)), lost: changed.filter((v) => v.lost).map((v) => v.sha256), unrepaired: changed.flatMap((v) => [...v.unrepaired.keys()].map((root) => `${root}:${v.sha256}`)) },
      });
    }
    return problems;
  });
}

/**
 * The fixity audit: re-hashes every copy of every stored content in both roots, repairs a corrupt
 * or missing copy from an intact one, and records what it found (copies, PREMIS events, the run's
 * report, audit entries). A content with no intact copy left is reported lost.
 */
export async function auditFixity(db: Db, roots: ArchiveRoots, options: FixityOptions): Promise<FixityReport> {
  const startedAt = new Date();
  const stores = [roots.primary, roots.replica];
  const stored = db.selectFrom('archive_files as f').innerJoin('archive_packages as p', 'p.id', 'f.package_id').where('p.state', '=', 'stored');
  const { total } = await stored.select((eb) => eb.fn.count<number>(sql`distinct f.sha256`).as('total')).executeTakeFirstOrThrow();
  const tally = { checked: 0, intact: 0, repaired: 0, lost: 0, unrepaired: 0 };
  const problems: FixityProblem[] = [];
  let after = '';
  for (;;) {
    const batch = (await stored.select('f.sha256').distinct().where('f.sha256', '>', after).orderBy('f.sha256').limit(BATCH).execute()).map((r) => r.sha256);
    if (batch.length === 0) break;
    const verdicts = await inParallel(batch, PARALLEL, (sha256) => verifyContent(stores, sha256));
    problems.push(...(await recordBatch(db, options.context, verdicts)).slice(0, PROBLEMS_KEPT - problems.length));
    for (const v of verdicts) {
      tally.checked += 1;
      if (v.lost) tally.lost += 1;
      else if (v.repaired.length === 0 && v.unrepaired.size === 0) tally.intact += 1;
      tally.repaired += v.repaired.length;
      tally.unrepaired += v.unrepaired.size;
    }
    options.onProgress?.(tally.checked, Number(total));
    after = batch.at(-1) as string;
  }
  return finishRun(db, options.context, startedAt, tally, problems);
}

async function finishRun(db: Db, context: ChangeContext, startedAt: Date, tally: Omit<FixityReport, 'id' | 'startedAt' | 'finishedAt' | 'agent' | 'problems'>, problems: FixityProblem[]): Promise<FixityReport> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('archive_fixity_runs')
      .values({ started_at: startedAt, finished_at: new Date(), agent: context.actor.label, ...tally, problems: jsonb(problems) })
      .returningAll()
      .executeTakeFirstOrThrow();
    // An empty archive's run (a fresh platform's first) changes nothing anyone would look for.
    if (tally.checked > 0) await recordAudit(trx, context, { action: 'archive.fixity_audited', recordType: 'archive_fixity_run', recordId: row.id, details: { ...tally } });
    return reportOf(row);
  });
}

export function reportOf(row: { id: string; started_at: Date; finished_at: Date; agent: string; checked: number; intact: number; repaired: number; lost: number; unrepaired: number; problems: FixityProblem[] }): FixityReport {
  return {
    id: row.id,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at.toISOString(),
    agent: row.agent,
    checked: row.checked,
    intact: row.intact,
    repaired: row.repaired,
    lost: row.lost,
    unrepaired: row.unrepaired,
    problems: row.problems,
  };
}
