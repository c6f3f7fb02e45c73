import type { Static } from 'typebox';
import type { ChangeContext } from '../../platform/audit/record.ts';
import type { Principal } from '../../platform/auth/policy.ts';
import type { BlobStore } from '../../platform/blobs/index.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import type { Db } from '../../platform/db/database.ts';
import { fieldError, forbidden, notFound } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import type { ProcedureDefinition } from '../catalogue/index.ts';
import { getDefinition } from '../catalogue/index.ts';
import type { ApplicationSummary, ApplicationView, CaseService } from '../cases/index.ts';
import { readDocumentUrl, type DocumentReference } from './documents.ts';
import { eFormIdOf, isUuid, serviceIdOf, taskIdOf } from './ids.ts';
import type { ApplicationFileResponse, ApplicationFileSubmit, ApplicationListItem, StatusModel } from './schemas.ts';
import { resolveService } from './services.ts';
import { statusOfFile, unwrapFormData, wrapFormData } from './status.ts';

export interface GovstackContext {
  db: Db;
  prefix: string;
  cases: CaseService;
  blobs: BlobStore;
  box: SecretBox;
}

/** A file has an open task while someone must act on it: an agency, or the applicant asked to correct. */
export const openTaskOf = (file: Pick<ApplicationSummary, 'id' | 'state' | 'holder'>, status: Static<typeof StatusModel>) =>
  file.state !== 'draft' && (file.holder === 'agency' || status.code === 'SENDBACK') ? taskIdOf(file.id, file.state) : undefined;

export async function listItemOf(db: Db, file: ApplicationSummary, locale: Locale): Promise<Static<typeof ApplicationListItem>> {
  const status = await statusOfFile(db, file, locale);
  const task = openTaskOf(file, status);
  return {
    fileId: file.id,
    ...(task ? { mainTaskId: task, taskTitle: file.stateLabel[locale], roleId: file.holder === 'agency' ? file.holdingAgency : 'applicant' } : {}),
    ...(file.assignedTo ? { assigneeId: file.assignedTo.id, operatorName: file.assignedTo.label } : {}),
    status,
    applicantId: file.applicant.id,
    ...(file.submittedAt ? { registered: file.submittedAt } : {}),
    description: file.reference,
    serviceName: file.procedureTitle[locale],
    serviceId: serviceIdOf(file.procedureId),
    eformId: eFormIdOf(file.procedureId, file.procedureVersion),
  };
}

export async function fileResponseOf(db: Db, file: ApplicationView, locale: Locale): Promise<Static<typeof ApplicationFileResponse>> {
  return {
    fileId: file.id,
    applicantId: file.applicant.id,
    ...(file.submittedAt ? { registered: file.submittedAt } : {}),
    serviceId: serviceIdOf(file.procedureId),
    serviceName: file.procedureTitle[locale],
    status: await statusOfFile(db, file, locale),
    ended: file.outcome !== null,
    applicationData: {
      // Guichet names a file by its reference; a free-text name sent on submission is not kept.
      applicationName: file.reference,
      applicantId: file.applicant.id,
      created: file.createdAt,
      formData: { data: wrapFormData(file.data), eFormId: eFormIdOf(file.procedureId, file.procedureVersion) },
      // The attachments where the platform serves them, to the same readers.
      documentUrls: file.attachments.map((a) => `/api/applications/${file.id}/attachments/${a.id}`),
    },
  };
}

/** The specification's ids are free text; Guichet's files are UUIDs, so anything else names no file. */
export function fileIdOrNotFound(fileId: string): string {
  if (!isUuid(fileId)) throw notFound('application', fileId);
  return fileId;
}

/** GET /applications/{fileId}. */
export async function readApplication(context: GovstackContext, principal: Principal, fileId: string, locale: Locale) {
  return fileResponseOf(context.db, await context.cases.view(principal, fileIdOrNotFound(fileId)), locale);
}

/** The applicant a submission names must be the caller: nobody files in someone else's name. */
function assertSelf(principal: Principal, applicantId: string) {
  if (principal.kind !== 'user' || principal.id !== applicantId) throw forbidden('applications.file');
}

function assertCurrentForm(definition: ProcedureDefinition, eFormId: string | undefined) {
  if (eFormId !== undefined && eFormId !== eFormIdOf(definition.id, definition.version)) {
    throw fieldError(400, 'govstack_eform_not_current', '/formData/eFormId', { current: eFormIdOf(definition.id, definition.version) });
  }
}

/** The attachment kind a document goes to: the one asked for, else the first rule that takes its type and is still empty. */
function kindFor(definition: ProcedureDefinition, document: DocumentReference, taken: Set<string>, index: number): string {
  const rules = definition.attachments;
  const asked = rules.find((r) => r.kind === document.kind);
  const fits = (r: (typeof rules)[number]) => (r.types as readonly string[]).includes(document.mediaType);
  const rule = asked ?? rules.find((r) => fits(r) && r.required && !taken.has(r.kind)) ?? rules.find((r) => fits(r) && !taken.has(r.kind));
  if (!rule) throw fieldError(400, 'govstack_document_kind_unknown', `/documentUrls/${index}`, { known: rules.map((r) => r.kind).join(', ') });
  taken.add(rule.kind);
  return rule.kind;
}

function documentsOf(context: GovstackContext, principal: Principal, urls: readonly string[]): DocumentReference[] {
  return urls.map((url, index) => {
    const document = readDocumentUrl(context.box, url);
    if (!document || document.uploadedBy !== principal.id) throw fieldError(400, 'govstack_document_unknown', `/documentUrls/${index}`);
    return document;
  });
}

/**
 * POST /services/{serviceId}/applications: the cases service's own steps, in order — a draft with
 * the form data, the uploaded documents attached, then submission (validation, fee, workflow).
 * A refusal at any step discards the draft, so a failed call leaves nothing behind.
 */
export async function submitApplication(
  context: GovstackContext,
  principal: Principal,
  change: ChangeContext,
  serviceId: string,
  body: Static<typeof ApplicationFileSubmit>,
  locale: Locale,
) {
  const procedure = await resolveService(context.db, serviceId);
  assertSelf(principal, body.applicantId);
  const definition = await getDefinition(context.db, procedure.id);
  assertCurrentForm(definition, body.formData?.eFormId);
  const documents = documentsOf(context, principal, body.documentUrls ?? []);
  const taken = new Set<string>();
  const kinds = documents.map((d, i) => kindFor(definition, d, taken, i));
  const draft = await context.cases.createDraft(principal, change, { procedureId: procedure.id, data: unwrapFormData(body.formData?.data ?? {}) });
  try {
    for (const [index, document] of documents.entries()) {
      await context.cases.attachments.add(principal, change, draft.id, {
        kind: kinds[index] as string,
        fileName: document.fileName,
        declaredType: document.mediaType,
        body: await context.blobs.open(document.sha256),
      });
    }
    return fileResponseOf(context.db, await context.cases.submit(principal, change, draft.id, locale), locale);
  } catch (error) {
    await context.cases.discard(principal, change, draft.id);
    throw error;
  }
}

/**
 * PUT /applications/{fileId}: new form data for a file its applicant may edit (a correction asked
 * for). The cases service decides who may write; staff do not rewrite what an applicant filed.
 */
export async function updateApplication(
  context: GovstackContext,
  principal: Principal,
  change: ChangeContext,
  fileId: string,
  body: Static<typeof ApplicationFileSubmit>,
  locale: Locale,
) {
  const current = await context.cases.view(principal, fileIdOrNotFound(fileId));
  assertSelf(principal, body.applicantId);
  const definition = await getDefinition(context.db, current.procedureId, current.procedureVersion);
  assertCurrentForm(definition, body.formData?.eFormId);
  if (body.documentUrls?.length) {
    const documents = documentsOf(context, principal, body.documentUrls);
    const taken = new Set(current.attachments.map((a) => a.kind));
    for (const [index, document] of documents.entries()) {
      await context.cases.attachments.add(principal, change, fileId, {
        kind: kindFor(definition, document, taken, index),
        fileName: document.fileName,
        declaredType: document.mediaType,
        body: await context.blobs.open(document.sha256),
      });
    }
  }
  const data = body.formData?.data ? { ...current.data, ...unwrapFormData(body.formData.data) } : current.data;
  return fileResponseOf(context.db, await context.cases.saveData(principal, change, fileId, data), locale);
}

/** Officers and agency administrators see their agencies' files; everyone else their own. */
export const isStaff = (principal: Principal) => principal.grants.some((g) => g.role === 'officer' || g.role === 'agency_admin');

export interface FileListQuery {
  serviceId?: string | undefined;
  applicantId?: string | undefined;
  firstResult?: number | undefined;
  maxResult?: number | undefined;
  sortBy?: string | undefined;
  sortOrder?: 'asc' | 'desc' | undefined;
}

const QUEUE_SORT: Record<string, 'dueOn' | 'submittedAt' | 'reference'> = { dueDate: 'dueOn', created: 'submittedAt', id: 'reference', name: 'reference', instanceId: 'reference' };

/** The files a caller may see: an applicant's own (and their company's), or the files of the agencies a member of staff works for. */
export async function listFiles(context: GovstackContext, principal: Principal, query: FileListQuery): Promise<ApplicationSummary[]> {
  let procedureId: string | undefined;
  if (query.serviceId) {
    const found = await resolveService(context.db, query.serviceId).catch(() => null);
    if (!found) return [];
    procedureId = found.id;
  }
  const first = query.firstResult ?? 0;
  const max = query.maxResult ?? 50;
  let files: ApplicationSummary[];
  if (isStaff(principal)) {
    const sort = query.sortBy ? QUEUE_SORT[query.sortBy] : undefined;
    // The queue pages itself; filtering by applicant happens here, over its first page of 200.
    const page = query.applicantId ? { limit: 200, offset: 0 } : { limit: max, offset: first };
    files = (await context.cases.queue(principal, { view: 'all', procedureId, sort, order: query.sortOrder, ...page })).items;
    if (!query.applicantId) return files;
  } else {
    files = (await context.cases.mine(principal, { procedureId })).items;
  }
  if (query.applicantId) files = files.filter((f) => f.applicant.id === query.applicantId);
  return files.slice(first, first + max);
}
