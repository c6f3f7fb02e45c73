import type { Static } from 'typebox';
import type { ChangeContext } from '../../platform/audit/record.ts';
import type { Principal } from '../../platform/auth/policy.ts';
import { fieldError, notFound } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import type { ApplicationSummary } from '../cases/index.ts';
import { isStaff, openTaskOf, type GovstackContext } from './applications.ts';
import { eFormIdOf, parseTaskId, serviceIdOf } from './ids.ts';
import type { CompletedTask, DataUserTask, UserTask } from './schemas.ts';
import { statusOfFile, unwrapFormData, wrapFormData } from './status.ts';

/**
 * GovStack tasks are Guichet's open steps: a file waiting on an agency (the back-office queue) or
 * on its applicant (a correction asked for). Completing one takes a workflow action.
 */

type Status = Static<typeof UserTask>['status'];

function taskOf(file: ApplicationSummary, task: string, status: Status, locale: Locale): Static<typeof UserTask> {
  return {
    taskId: task,
    mainTaskId: file.id,
    name: file.stateLabel[locale],
    ...(file.assignedTo ? { assigneeId: file.assignedTo.id } : {}),
    roleId: file.holder === 'agency' ? file.holdingAgency : 'applicant',
    created: file.updatedAt,
    description: `${file.reference} — ${file.procedureTitle[locale]}`,
    serviceId: serviceIdOf(file.procedureId),
    serviceName: file.procedureTitle[locale],
    fileId: file.id,
    eFormId: eFormIdOf(file.procedureId, file.procedureVersion),
    status,
  };
}

/** The file's open task, with its status, or nothing when no one is expected to act. */
async function taskOfFile(context: GovstackContext, file: ApplicationSummary, locale: Locale) {
  const status = await statusOfFile(context.db, file, locale);
  const task = openTaskOf(file, status);
  return task ? { task, status, view: taskOf(file, task, status, locale) } : null;
}

export interface TaskListQuery {
  mainTaskId?: string | undefined;
  fileId?: string | undefined;
  assigneeId?: string | undefined;
  firstResult?: number | undefined;
  maxResult?: number | undefined;
  sortBy?: string | undefined;
  sortOrder?: 'asc' | 'desc' | undefined;
}

/** Staff see their agencies' queue; an applicant sees the files sent back to them. */
export async function listTasks(context: GovstackContext, principal: Principal, query: TaskListQuery, locale: Locale) {
  const files = isStaff(principal)
    ? (await context.cases.queue(principal, { view: 'queue', sort: query.sortBy === 'created' ? 'submittedAt' : 'dueOn', order: query.sortOrder, limit: 200 })).items
    : (await context.cases.mine(principal, {})).items.filter((f) => f.holder === 'applicant');
  const fileId = query.fileId ?? query.mainTaskId;
  const chosen = files
    .filter((f) => fileId === undefined || f.id === fileId)
    .filter((f) => query.assigneeId === undefined || f.assignedTo?.id === query.assigneeId);
  const tasks = (await Promise.all(chosen.map((f) => taskOfFile(context, f, locale)))).flatMap((t) => (t ? [t.view] : []));
  const first = query.firstResult ?? 0;
  return tasks.slice(first, first + (query.maxResult ?? 50));
}

/** The file behind a task, when the task is still open and the caller may see the file. */
async function openTask(context: GovstackContext, principal: Principal, taskId: string, locale: Locale) {
  const parsed = parseTaskId(taskId);
  if (!parsed) throw notFound('application', taskId);
  const file = await context.cases.view(principal, parsed.fileId).catch((error: { status?: number }) => {
    throw error.status === 404 ? notFound('application', taskId) : error;
  });
  const open = await taskOfFile(context, file, locale);
  if (open?.task !== taskId) throw notFound('application', taskId);
  return { file, task: open.view };
}

export async function getTask(context: GovstackContext, principal: Principal, taskId: string, locale: Locale): Promise<Static<typeof DataUserTask>> {
  const { file, task: { name, ...task } } = await openTask(context, principal, taskId, locale);
  return {
    ...task,
    taskName: name,
    // What the caller may do to complete it: each action with its label and whether it needs a comment.
    formVariables: Object.fromEntries(file.actions.map((a) => [a.action, { label: a.label[locale], requiresComment: a.requiresComment }])),
    data: wrapFormData(file.data),
  };
}

/**
 * POST /tasks/{taskId}/complete with `{ data: { action: { value: "approve" }, comment: { value: "…" } } }`
 * (plain values accepted too). With no action named, the only action open to the caller is taken.
 */
export async function completeTask(
  context: GovstackContext,
  principal: Principal,
  change: ChangeContext,
  taskId: string,
  body: { data?: Record<string, unknown> | undefined },
  locale: Locale,
): Promise<Static<typeof CompletedTask>> {
  const { file } = await openTask(context, principal, taskId, locale);
  const input = unwrapFormData(body.data ?? {});
  const open = file.actions.map((a) => a.action);
  const action = typeof input.action === 'string' ? input.action : open.length === 1 ? open[0] : undefined;
  if (!action) throw fieldError(400, 'govstack_action_required', '/data/action', { actions: open.join(', ') });
  const comment = typeof input.comment === 'string' ? input.comment : undefined;
  const moved = await context.cases.act(principal, change, file.id, { action, comment }, locale);
  return {
    taskId,
    fileId: moved.id,
    serviceId: serviceIdOf(moved.procedureId),
    status: await statusOfFile(context.db, moved, locale),
    variables: { completion: { data: wrapFormData({ action, ...(comment ? { comment } : {}) }) } },
  };
}
