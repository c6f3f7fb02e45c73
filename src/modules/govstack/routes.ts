import { Type } from 'typebox';
import { changeContext, principalOf } from '../../platform/http/request-context.ts';
import { Closed } from '../../platform/http/schema.ts';
import type { App } from '../../platform/http/server.ts';
import { listFiles, readApplication, listItemOf, submitApplication, updateApplication, type GovstackContext } from './applications.ts';
import { documentUrl, fileOfUpload } from './documents.ts';
import {
  AdditionalData,
  ApplicationFileResponse,
  ApplicationFileSubmit,
  ApplicationListItem,
  CompletedTask,
  DataUserTask,
  EForm,
  EFormListItem,
  InformationMediatorClient,
  Service,
  Statistic,
  SystemError,
  UploadResponse,
  UserTask,
} from './schemas.ts';
import { eFormOf, listEForms, listServices, resolveService, serviceOf } from './services.ts';
import { statistics } from './statistics.ts';
import { completeTask, getTask, listTasks } from './tasks.ts';

const tags = ['govstack'];
const refusals = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, SystemError]));
/** The Information Mediator names the calling subsystem; the specification requires it on these routes. */
const Mediated = Type.Object({ 'information-mediator-client': InformationMediatorClient });
const Text = (maxLength = 200) => Type.String({ maxLength });
/** Sort keys the specification lists (Camunda's); Guichet orders by the ones it has an equivalent for. */
const SortBy = Type.Enum(['instanceId', 'caseInstanceId', 'dueDate', 'executionId', 'caseExecutionId', 'assignee', 'created', 'description', 'id', 'name', 'nameCaseInsensitive', 'priority']);
const Paging = {
  firstResult: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  maxResult: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  sortBy: Type.Optional(SortBy),
  sortOrder: Type.Optional(Type.Enum(['asc', 'desc'])),
};
/** Base64 makes a 10 MiB attachment about 13.4 MiB, plus the form's own bytes. */
const UPLOAD_LIMIT = 15 * 1024 * 1024;

/** The catalogue side: services and their e-forms, public like the catalogue itself. */
function catalogueFace(scope: App, context: GovstackContext) {
  scope.get('/services', {
    config: { access: 'public' },
    schema: { tags, summary: 'GovStack: the services (procedures) online', querystring: Closed({ name: Type.Optional(Text()) }), response: { 200: Type.Array(Service), ...refusals(400) } },
  }, async (request) => listServices(context.db, request.query.name, request.locale));

  const ServiceParams = Closed({ serviceId: Text(100) });
  scope.get('/services/:serviceId', {
    config: { access: 'public' },
    schema: { tags, summary: 'GovStack: one service', params: ServiceParams, response: { 200: Service, ...refusals(400, 404) } },
  }, async (request) => serviceOf(await resolveService(context.db, request.params.serviceId), request.locale));

  scope.get('/services/:serviceId/eForms', {
    config: { access: 'public' },
    schema: { tags, summary: "GovStack: a service's e-forms (one per published version, latest first)", params: ServiceParams, response: { 200: Type.Array(EFormListItem), ...refusals(400, 404) } },
  }, async (request) => listEForms(context.db, request.params.serviceId, request.locale));

  scope.get('/eForms/:eFormId', {
    config: { access: 'public' },
    schema: { tags, summary: 'GovStack: an e-form with its JSON Schema (field labels as titles)', params: Closed({ eFormId: Text(100) }), response: { 200: EForm, ...refusals(400, 404) } },
  }, async (request) => eFormOf(context.db, request.params.eFormId, request.locale));
}

/** The applicant's and the operator's side: application files, documents, tasks, statistics. */
function casesFace(scope: App, context: GovstackContext) {
  const FileParams = Closed({ fileId: Text(100) });

  scope.post('/services/:serviceId/applications', {
    config: { access: 'applications.file' },
    schema: {
      tags,
      summary: 'GovStack: submit an application file (draft, documents attached, submitted) as the signed-in applicant',
      headers: Mediated,
      params: Closed({ serviceId: Text(100) }),
      body: ApplicationFileSubmit,
      response: { 200: ApplicationFileResponse, ...refusals(400, 401, 403, 404, 409, 413, 415) },
    },
  }, async (request) => submitApplication(context, principalOf(request), changeContext(request), request.params.serviceId, request.body, request.locale));

  scope.get('/applications', {
    config: { access: 'applications.access' },
    schema: {
      tags,
      summary: "GovStack: the application files the caller may see (an applicant's own, an agency's for its staff)",
      headers: Mediated,
      querystring: Closed({ serviceId: Type.Optional(Text(100)), applicantId: Type.Optional(Text(100)), ...Paging }),
      response: { 200: Type.Array(ApplicationListItem), ...refusals(400, 401, 403) },
    },
  }, async (request) => Promise.all((await listFiles(context, principalOf(request), request.query)).map((f) => listItemOf(context.db, f, request.locale))));

  scope.get('/applications/:fileId', {
    config: { access: 'applications.access' },
    schema: { tags, summary: 'GovStack: one application file', headers: Mediated, params: FileParams, response: { 200: ApplicationFileResponse, ...refusals(400, 401, 403, 404) } },
  }, async (request) => readApplication(context, principalOf(request), request.params.fileId, request.locale));

  scope.put('/applications/:fileId', {
    config: { access: 'applications.file' },
    schema: {
      tags,
      summary: 'GovStack: new form data (and documents) for a file its applicant may correct',
      headers: Mediated,
      params: FileParams,
      body: ApplicationFileSubmit,
      response: { 200: ApplicationFileResponse, ...refusals(400, 401, 403, 404, 409, 413, 415) },
    },
  }, async (request) => updateApplication(context, principalOf(request), changeContext(request), request.params.fileId, request.body, request.locale));

  scope.post('/documents', {
    config: { access: 'applications.file' },
    bodyLimit: UPLOAD_LIMIT,
    schema: {
      tags,
      summary: 'GovStack: upload one document (multipart/form-data, form-urlencoded or JSON `file`, base64 or binary); the url returned goes in `documentUrls`',
      querystring: Closed({ additionalMetadata: Type.Optional(Text()) }),
      response: { 200: UploadResponse, ...refusals(400, 401, 403, 413, 415) },
    },
  }, async (request) => {
    const principal = principalOf(request);
    const file = await fileOfUpload(request.headers['content-type'] ?? '', request.body);
    const blob = await context.blobs.put(context.db, file.bytes, 'attachment');
    const kind = request.query.additionalMetadata?.replace(/^kind[=:]/, '').trim() || null;
    const url = documentUrl(context.prefix, context.box, { sha256: blob.sha256, uploadedBy: principal.id, fileName: file.fileName, mediaType: blob.mediaType, kind });
    return { code: 200, type: blob.mediaType, message: `${blob.size} bytes received`, url };
  });

  const TaskParams = Closed({ taskId: Text(140) });
  scope.get('/tasks', {
    config: { access: 'applications.access' },
    schema: {
      tags,
      summary: "GovStack: open tasks (staff: their agencies' queue; applicants: files sent back to them)",
      querystring: Closed({ mainTaskId: Type.Optional(Text(140)), fileId: Type.Optional(Text(100)), assigneeId: Type.Optional(Text(100)), ...Paging }),
      response: { 200: Type.Array(UserTask), ...refusals(400, 401, 403) },
    },
  }, async (request) => listTasks(context, principalOf(request), request.query, request.locale));

  scope.get('/tasks/:taskId', {
    config: { access: 'applications.access' },
    schema: { tags, summary: 'GovStack: an open task, with the actions that complete it', params: TaskParams, response: { 200: DataUserTask, ...refusals(400, 401, 403, 404) } },
  }, async (request) => getTask(context, principalOf(request), request.params.taskId, request.locale));

  scope.post('/tasks/:taskId/complete', {
    config: { access: 'applications.access' },
    schema: {
      tags,
      summary: 'GovStack: complete a task by taking a workflow action (`data.action`, `data.comment`)',
      params: TaskParams,
      body: AdditionalData,
      response: { 200: CompletedTask, ...refusals(400, 401, 403, 404, 409) },
    },
  }, async (request) => completeTask(context, principalOf(request), changeContext(request), request.params.taskId, request.body, request.locale));

  const StatisticsQuery = Closed({
    startDate: Type.Optional(Type.String({ format: 'date' })),
    endDate: Type.Optional(Type.String({ format: 'date' })),
    registrationName: Type.Optional(Text()),
    operator: Type.Optional(Text()),
    role: Type.Optional(Text()),
    timeframe: Type.Optional(Type.Enum(['day', 'week', 'month', 'year'])),
  });
  // The statistics specification names /data/statistics; its documentation and test suite call /data/statistics/1.0.
  for (const path of ['/data/statistics', '/data/statistics/1.0']) {
    scope.get(path, {
      config: { access: 'cases.work' },
      schema: {
        tags,
        summary: "GovStack: decisions and corrections counted over the caller's agencies' files",
        headers: Mediated,
        querystring: StatisticsQuery,
        response: { 200: Type.Array(Statistic), ...refusals(400, 401, 403, 404) },
      },
    }, async (request) => statistics(context, principalOf(request), request.query));
  }
}

export function registerGovstackRoutes(scope: App, context: GovstackContext): void {
  catalogueFace(scope, context);
  casesFace(scope, context);
}
