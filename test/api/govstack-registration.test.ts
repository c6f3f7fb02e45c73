import fs from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDefinition } from '../../src/modules/catalogue/index.ts';
import { DEFAULT_GOVSTACK_PREFIX } from '../../src/modules/govstack/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ApiClient, demoEmail } from '../support/client.ts';

const PREFIX = DEFAULT_GOVSTACK_PREFIX;
const IM = { 'information-mediator-client': 'eGovStack/GOV/90000009/digitalregistries' };
const SPEC_DIR = new URL('../../reference-data/govstack-registration/', import.meta.url);

/** The specification's own schemas, as published: every answer below is checked against them. */
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(JSON.parse(fs.readFileSync(new URL('GovStack_Registration_BB_API.json', SPEC_DIR), 'utf8')), 'registration');
ajv.addSchema(JSON.parse(fs.readFileSync(new URL('GovStack_Registration_BB_API_statistics.json', SPEC_DIR), 'utf8')), 'statistics');
const one = (name: string, spec = 'registration') => ({ $ref: `${spec}#/components/schemas/${name}` });
const many = (name: string, spec = 'registration') => ({ type: 'array', items: one(name, spec) });
function expectSpecShape(schema: object, body: unknown) {
  const valid = ajv.validate(schema, body);
  expect(ajv.errors ?? [], JSON.stringify(body).slice(0, 400)).toEqual([]);
  expect(valid).toBe(true);
}

const startPlatform = (): Promise<TestApp> => startTestApp({}, process.env.DATABASE_URL);

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

let platform: TestApp;
let applicant: ApiClient;
let commerceOfficer: ApiClient;
let customsOfficer: ApiClient;
let cashier: ApiClient;
let applicantId: string;
let serviceId: string;
let fileId: string;

async function signedIn(name: string) {
  const client = new ApiClient(platform.url);
  client.language = 'en';
  expect((await client.login(demoEmail(name))).status).toBe(200);
  return client;
}

/** Uploads a PDF as multipart/form-data, the way the specification describes it, for an attachment kind. */
async function upload(client: ApiClient, kind: string, bytes = PDF) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), `${kind}.pdf`);
  const response = await fetch(`${platform.url}${PREFIX}/documents?additionalMetadata=${kind}`, {
    method: 'POST',
    headers: { cookie: client.cookie ?? '', 'x-csrf-token': client.csrfToken ?? '', 'accept-language': 'en' },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as any };
}

beforeAll(async () => {
  platform = await startPlatform();
  applicant = await signedIn('moussa.traore');
  commerceOfficer = await signedIn('fatou.sow');
  customsOfficer = await signedIn('karim.benali');
  cashier = await signedIn('ibrahima.fall');
  applicantId = (await applicant.request('GET', '/api/session')).body.user.id;
}, 60_000);
afterAll(async () => platform?.close());

describe('GovStack services and e-forms (the catalogue)', () => {
  it('lists the procedures online as services, in the caller’s language, searchable by name', async () => {
    const all = await new ApiClient(platform.url).request('GET', `${PREFIX}/services`, undefined, { 'accept-language': 'en' });
    expect(all.status).toBe(200);
    expectSpecShape(many('service'), all.body);
    const licence = all.body.find((s: any) => s.serviceBody.some((p: any) => p.code === 'procedureId' && p.value === 'import-licence'));
    expect(licence).toMatchObject({ name: 'Import licence', version: '1', type: 'Public' });
    serviceId = licence.id;
    const found = await new ApiClient(platform.url).request('GET', `${PREFIX}/services?name=licence`, undefined, { 'accept-language': 'en' });
    expect(found.body.map((s: any) => s.id)).toContain(serviceId);
    expect((await new ApiClient(platform.url).request('GET', `${PREFIX}/services?name=zzzz-nothing`)).body).toEqual([]);
  });

  it('answers one service by its UUID or its procedure id, and 404 in the systemError shape otherwise', async () => {
    const anyone = new ApiClient(platform.url);
    const byUuid = await anyone.request('GET', `${PREFIX}/services/${serviceId}`);
    expectSpecShape(one('service'), byUuid.body);
    expect((await anyone.request('GET', `${PREFIX}/services/import-licence`)).body.id).toBe(serviceId);
    const missing = await anyone.request('GET', `${PREFIX}/services/n0t-ex1st1ng-serv1ce-1d`);
    expect(missing.status).toBe(404);
    expectSpecShape(one('systemError'), missing.body);
    expect(missing.body).toMatchObject({ code: 'not_found', traceId: expect.any(String), error: { code: 'not_found' } });
  });

  it('lists a service’s e-forms and serves each with its JSON Schema, labels as titles', async () => {
    const anyone = new ApiClient(platform.url);
    anyone.language = 'en';
    const forms = await anyone.request('GET', `${PREFIX}/services/${serviceId}/eForms`);
    expectSpecShape(many('EFormListItem'), forms.body);
    expect(forms.body).toHaveLength(1);
    expect(forms.body[0]).toMatchObject({ version: '1', latest: true });
    const form = await anyone.request('GET', `${PREFIX}/eForms/${forms.body[0].eFormId}`);
    expect(form.status).toBe(200);
    expect(form.headers.get('content-type')).toContain('application/json');
    expectSpecShape(one('EForm'), form.body);
    const definition = await getDefinition(platform.database.db, 'import-licence');
    expect(Object.keys(form.body.schema.properties)).toEqual(Object.keys((definition.form.schema as any).properties));
    expect(form.body.schema.properties.quantity.title).toBe(definition.form.labels.quantity?.en);
    expect((await anyone.request('GET', `${PREFIX}/eForms/n0t-ex1st1ng-eForm-1d`)).status).toBe(404);
  });
});

describe('GovStack documents and applications (the cases service)', () => {
  it('takes a document upload and refuses an empty one or a type attachments may not have', async () => {
    const uploaded = await upload(applicant, 'proforma_invoice');
    expect(uploaded.status).toBe(200);
    expectSpecShape(one('uploadResponse'), uploaded.body);
    expect(uploaded.body).toMatchObject({ code: 200, type: 'application/pdf', url: expect.stringContaining(`${PREFIX}/documents/`) });
    const empty = await applicant.request('POST', `${PREFIX}/documents`, {});
    expect(empty.status).toBe(400);
    expectSpecShape(one('systemError'), empty.body);
    const text = await applicant.request('POST', `${PREFIX}/documents`, { file: [Buffer.from('just some words').toString('base64')] });
    expect(text.status).toBe(415);
    expect((await new ApiClient(platform.url).request('POST', `${PREFIX}/documents`, { file: [PDF.toString('base64')] })).status).toBe(401);
  });

  it('submits an application file with its form data and documents, as the signed-in applicant', async () => {
    const definition = await getDefinition(platform.database.db, 'import-licence');
    const proforma = (await upload(applicant, 'proforma_invoice')).body.url;
    const taxClearance = (await upload(applicant, 'tax_clearance_certificate')).body.url;
    const data = Object.fromEntries(Object.entries(definition.form.example).map(([k, v]) => [k, { value: v }]));
    const response = await applicant.request('POST', `${PREFIX}/services/${serviceId}/applications`, { applicantId, applicationName: 'Rice 20 t', formData: { data }, documentUrls: [proforma, taxClearance] }, IM);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expectSpecShape(one('applicationFileResponse'), response.body);
    expect(response.body).toMatchObject({ serviceId, ended: false, status: { code: 'PENDING' }, applicationData: { applicantId } });
    expect(response.body.applicationData.documentUrls).toHaveLength(2);
    fileId = response.body.fileId;
    // The same file the platform's own API shows: one store.
    expect((await applicant.request('GET', `/api/applications/${fileId}`)).body.data).toEqual(definition.form.example);
  });

  it('refuses a submission with bad input: no Information-Mediator-Client, someone else’s applicantId, a forged document, an incomplete form', async () => {
    const path = `${PREFIX}/services/${serviceId}/applications`;
    expect((await applicant.request('POST', path, { applicantId })).status).toBe(400);
    expect((await applicant.request('POST', path, { applicantId }, { 'information-mediator-client': 'invalid_header' })).status).toBe(400);
    expect((await applicant.request('POST', path, { applicationName: 'no applicant' }, IM)).status).toBe(400);
    expect((await applicant.request('POST', path, { applicantId: '42962de0-bdb2-11ed-9397-0242ac120004' }, IM)).status).toBe(403);
    expect((await applicant.request('POST', path, { applicantId, documentUrls: [`${PREFIX}/documents/forged`] }, IM)).status).toBe(400);
    const incomplete = await applicant.request('POST', path, { applicantId, formData: { data: {} } }, IM);
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.code).toBe('validation_failed');
    expect((await applicant.request('POST', `${PREFIX}/services/n0t-ex1st1ng-serv1ce-1d/applications`, { applicantId }, IM)).status).toBe(404);
    // Nothing was left behind by the refusals: the applicant has the one file submitted above.
    expect((await applicant.request('GET', `${PREFIX}/applications`, undefined, IM)).body.map((f: any) => f.fileId)).toEqual([fileId]);
  });

  it('lists and reads application files for their applicant, filtered as the specification asks', async () => {
    const list = await applicant.request('GET', `${PREFIX}/applications?serviceId=${serviceId}&firstResult=0&maxResult=20&sortBy=created&sortOrder=asc`, undefined, IM);
    expect(list.status).toBe(200);
    expectSpecShape(many('applicantApplicationFileListResponse'), list.body);
    expect(list.body[0]).toMatchObject({ fileId, applicantId, serviceId, status: { code: 'PENDING' } });
    expect((await applicant.request('GET', `${PREFIX}/applications?serviceId=n0t-ex1st1ng-serv1ce-1d`, undefined, IM)).body).toEqual([]);
    expect((await applicant.request('GET', `${PREFIX}/applications?applicantId=n0t-ex1st1ng-applicant-1d`, undefined, IM)).body).toEqual([]);
    expect((await applicant.request('GET', `${PREFIX}/applications?maxResult=lots`, undefined, IM)).status).toBe(400);
    const file = await applicant.request('GET', `${PREFIX}/applications/${fileId}`, undefined, IM);
    expectSpecShape(one('applicationFileResponse'), file.body);
    expect((await applicant.request('GET', `${PREFIX}/applications/n0t-ex1st1ng-file-1d`, undefined, IM)).status).toBe(404);
  });
});

describe('GovStack tasks and statistics (the back office)', () => {
  it('shows the file to the issuing agency’s officer as a task once the fee is paid, and completes it with a workflow action', async () => {
    expect((await cashier.request('POST', '/api/payments/counter', { applicationId: fileId, receipt: 'TR-2026-0001' }, { 'idempotency-key': `desk-${fileId}` })).status).toBe(201);
    const tasks = await commerceOfficer.request('GET', `${PREFIX}/tasks?fileId=${fileId}`);
    expect(tasks.status).toBe(200);
    expectSpecShape(many('userTaskResponse'), tasks.body);
    expect(tasks.body).toHaveLength(1);
    const taskId = tasks.body[0].taskId;
    const task = await commerceOfficer.request('GET', `${PREFIX}/tasks/${encodeURIComponent(taskId)}`);
    expectSpecShape(one('dataUserTaskResponse'), task.body);
    expect(Object.keys(task.body.formVariables)).toEqual(expect.arrayContaining(['approve', 'reject', 'request_correction']));
    const completed = await commerceOfficer.request('POST', `${PREFIX}/tasks/${encodeURIComponent(taskId)}/complete`, {
      data: { action: { value: 'request_correction' }, comment: { value: 'Attach the signed invoice.' } },
    });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expectSpecShape(one('completedTaskResponse'), completed.body);
    expect(completed.body).toMatchObject({ fileId, status: { code: 'SENDBACK' } });
    // The step is done: the same task cannot be completed twice.
    expect((await commerceOfficer.request('POST', `${PREFIX}/tasks/${encodeURIComponent(taskId)}/complete`, { data: {} })).status).toBe(404);
  });

  it('gives the applicant the sent-back file as their task; they correct it and send it back', async () => {
    const mine = await applicant.request('GET', `${PREFIX}/tasks`);
    expectSpecShape(many('userTaskResponse'), mine.body);
    expect(mine.body.map((t: any) => t.fileId)).toEqual([fileId]);
    const updated = await applicant.request('PUT', `${PREFIX}/applications/${fileId}`, { applicantId, formData: { data: { purpose: { value: 'processing' } } } }, IM);
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expectSpecShape(one('applicationFileResponse'), updated.body);
    expect(updated.body.applicationData.formData.data.purpose).toEqual({ value: 'processing' });
    const resubmitted = await applicant.request('POST', `${PREFIX}/tasks/${encodeURIComponent(mine.body[0].taskId)}/complete`, { data: { action: 'resubmit' } });
    expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200);
    expect(resubmitted.body.status.code).toBe('PENDING');
    const bad = await commerceOfficer.request('POST', `${PREFIX}/tasks/${encodeURIComponent((await commerceOfficer.request('GET', `${PREFIX}/tasks?fileId=${fileId}`)).body[0].taskId)}/complete`, { data: { action: { value: 'fly_away' } } });
    expect(bad.status).toBe(409);
    expect((await commerceOfficer.request('POST', `${PREFIX}/tasks/n0t-ex1st1ng-task-1d/complete`, { data: {} })).status).toBe(404);
  });

  it('keeps another agency’s officer out: no task, no file, no completion', async () => {
    const tasks = await customsOfficer.request('GET', `${PREFIX}/tasks?fileId=${fileId}`);
    expect(tasks.body).toEqual([]);
    expect((await customsOfficer.request('GET', `${PREFIX}/applications/${fileId}`, undefined, IM)).status).toBe(404);
    expect((await customsOfficer.request('GET', `${PREFIX}/applications`, undefined, IM)).body.map((f: any) => f.fileId)).not.toContain(fileId);
    const taskId = (await commerceOfficer.request('GET', `${PREFIX}/tasks?fileId=${fileId}`)).body[0].taskId;
    expect((await customsOfficer.request('POST', `${PREFIX}/tasks/${encodeURIComponent(taskId)}/complete`, { data: { action: { value: 'approve' } } })).status).toBe(404);
    expect((await customsOfficer.request('GET', `${PREFIX}/tasks/${encodeURIComponent(taskId)}`)).status).toBe(404);
  });

  it('counts decisions and sendbacks over the agency’s own files', async () => {
    const taskId = (await commerceOfficer.request('GET', `${PREFIX}/tasks?fileId=${fileId}`)).body[0].taskId;
    expect((await commerceOfficer.request('POST', `${PREFIX}/tasks/${encodeURIComponent(taskId)}/complete`, { data: { action: { value: 'approve' } } })).body.status.code).toBe('APPROVED');
    for (const path of ['/data/statistics', '/data/statistics/1.0']) {
      const stats = await commerceOfficer.request('GET', `${PREFIX}${path}?registrationName=Import%20licence&timeframe=month`, undefined, IM);
      expect(stats.status).toBe(200);
      expectSpecShape(many('inline_response_200', 'statistics'), stats.body);
      expect(stats.body[0]).toMatchObject({ processed: 1, approved: 1, rejected: 0, references: { registrationName: 'Import licence', timeframeMonth: true } });
    }
    const customs = await customsOfficer.request('GET', `${PREFIX}/data/statistics`, undefined, IM);
    expect(customs.body[0]).toMatchObject({ processed: 0, approved: 0 });
    expect((await commerceOfficer.request('GET', `${PREFIX}/data/statistics?registrationName=n0tex1st`, undefined, IM)).status).toBe(404);
    expect((await commerceOfficer.request('GET', `${PREFIX}/data/statistics`, undefined, { 'information-mediator-client': 'eGovStack/GOV/90000009/' })).status).toBe(400);
    expect((await commerceOfficer.request('GET', `${PREFIX}/data/statistics?timeframe=fortnight`, undefined, IM)).status).toBe(400);
    expect((await applicant.request('GET', `${PREFIX}/data/statistics`, undefined, IM)).status).toBe(403);
  });

  it('publishes the GovStack routes in the OpenAPI document under the govstack tag', async () => {
    const document = (await (await fetch(`${platform.url}/openapi.json`)).json()) as any;
    expect(document.paths[`${PREFIX}/services/{serviceId}/applications`].post.tags).toEqual(['govstack']);
    expect(Object.keys(document.paths).filter((p) => p.startsWith(PREFIX))).toHaveLength(13);
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
  });
});
