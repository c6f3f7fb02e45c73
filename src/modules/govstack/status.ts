import type { Static } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { getDefinition, type ProcedureDefinition } from '../catalogue/index.ts';
import type { ApplicationSummary } from '../cases/index.ts';
import type { StatusModel } from './schemas.ts';

type FileState = Pick<ApplicationSummary, 'outcome' | 'holder' | 'state' | 'stateLabel' | 'procedureId' | 'procedureVersion'>;

const sentBackCache = new Map<string, Set<string>>();

/**
 * The states where a file is sent back to its applicant: they hold it and their own move returns
 * it to an agency (a correction). Waiting for a fee is held by the applicant too, but is no sendback.
 */
export function sentBackStates(definition: ProcedureDefinition): Set<string> {
  const holderOf = (id: string) => definition.workflow.states.find((s) => s.id === id)?.holder;
  return new Set(
    definition.workflow.transitions
      .filter((t) => t.by === 'applicant' && holderOf(t.to) === 'agency')
      .flatMap((t) => t.from)
      .filter((id) => holderOf(id) === 'applicant'),
  );
}

/** Published versions never change, so what they say about sendbacks is kept once read. */
export async function sentBackStatesOf(db: Db, file: Pick<FileState, 'procedureId' | 'procedureVersion'>): Promise<Set<string>> {
  const key = `${file.procedureId}@${file.procedureVersion}`;
  let states = sentBackCache.get(key);
  if (!states) {
    states = sentBackStates(await getDefinition(db, file.procedureId, file.procedureVersion));
    if (sentBackCache.size >= 500) sentBackCache.clear();
    sentBackCache.set(key, states);
  }
  return states;
}

/**
 * GovStack knows four statuses; Guichet's workflows have as many states as a ministry defines.
 * A final state carries its outcome (approved; rejected or withdrawn are both a refusal to go on),
 * a file sent back for correction is SENDBACK, everything else (a fee awaited included) is pending.
 */
export function statusOf(file: FileState, sentBack: Set<string>, locale: Locale): Static<typeof StatusModel> {
  const title = file.stateLabel[locale];
  if (file.outcome === 'approved') return { code: 'APPROVED', title };
  if (file.outcome === 'rejected' || file.outcome === 'withdrawn') return { code: 'REJECTED', title };
  if (sentBack.has(file.state)) return { code: 'SENDBACK', title };
  return { code: 'PENDING', title };
}

/** The status of a file as GovStack names it, reading its procedure version when needed. */
export const statusOfFile = async (db: Db, file: FileState, locale: Locale) => statusOf(file, await sentBackStatesOf(db, file), locale);

/** Form data as the specification types it (every field an object): each value becomes `{ value }`. */
export function wrapFormData(data: Record<string, unknown>): Record<string, { value: unknown }> {
  return Object.fromEntries(Object.entries(data).map(([field, value]) => [field, { value }]));
}

const isWrapped = (value: unknown): value is { value: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'value' in value && Object.keys(value).every((k) => k === 'value' || k === 'type');

/** Takes `{ value }` objects (the typed form) and plain values (GovStack's own example payload) alike. */
export function unwrapFormData(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).map(([field, value]) => [field, isWrapped(value) ? value.value : value]));
}
