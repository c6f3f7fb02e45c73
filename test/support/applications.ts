import type { ProcedureDefinition } from '../../src/modules/catalogue/index.ts';
import { ApiClient, demoEmail } from './client.ts';

/** A real, minimal one-page PDF: file-type recognises it by its bytes, as it would a scan. */
export function tinyPdf(note = 'Guichet test attachment'): Buffer {
  const text = note.replace(/[()\\]/g, '');
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R>>endobj\n` +
      `4 0 obj<</Length ${text.length + 30}>>stream\nBT /F1 12 Tf 20 100 Td (${text}) Tj ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

export async function signedIn(url: string, name: string, language = 'fr'): Promise<ApiClient> {
  const client = new ApiClient(url);
  client.language = language;
  const response = await client.login(demoEmail(name));
  if (response.status !== 200) throw new Error(`sign-in of ${name} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return client;
}

export async function definitionOf(client: ApiClient, procedureId: string): Promise<ProcedureDefinition> {
  const response = await client.request<ProcedureDefinition>('GET', `/api/catalogue/procedures/${procedureId}`);
  if (response.status !== 200) throw new Error(`no procedure ${procedureId}`);
  return response.body;
}

export function upload(client: ApiClient, applicationId: string, kind: string, bytes: Buffer, type = 'application/pdf', name = `${kind}.pdf`) {
  return client.request('POST', `/api/applications/${applicationId}/attachments?kind=${kind}`, bytes, {
    'content-type': type,
    'x-file-name': encodeURIComponent(name),
  });
}

/**
 * Files a complete application as `client`: a draft with the definition's own example, every
 * required attachment, then submission. Returns the submitted file (usually awaiting payment).
 */
export async function fileApplication(client: ApiClient, procedureId: string, data?: Record<string, unknown>) {
  const definition = await definitionOf(client, procedureId);
  const draft = await client.request('POST', '/api/applications', { procedureId, data: data ?? definition.form.example });
  if (draft.status !== 201) throw new Error(`draft refused: ${JSON.stringify(draft.body)}`);
  for (const rule of definition.attachments.filter((a) => a.required)) {
    const type = rule.types[0] ?? 'application/pdf';
    const uploaded = await upload(client, draft.body.id, rule.kind, type === 'application/pdf' ? tinyPdf(rule.kind) : tinyPng(), type, `${rule.kind}.${type.split('/')[1]}`);
    if (uploaded.status !== 201) throw new Error(`upload refused: ${JSON.stringify(uploaded.body)}`);
  }
  const submitted = await client.request('POST', `/api/applications/${draft.body.id}/submit`);
  if (submitted.status !== 200) throw new Error(`submission refused: ${JSON.stringify(submitted.body)}`);
  return submitted.body;
}

/** A 1×1 PNG. */
export const tinyPng = () =>
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4530000000049454e44ae426082', 'hex');

/** The cashier takes the fee in cash at the desk, so the file reaches the agency's queue; returns the file as the cashier then sees it. */
export async function payAtDesk(url: string, applicationId: string) {
  const cashier = await signedIn(url, 'ibrahima.fall');
  const paid = await cashier.request('POST', '/api/payments/counter', { applicationId, receipt: `R-${applicationId.slice(0, 8)}` }, { 'idempotency-key': `desk-${applicationId}` });
  if (paid.status !== 201) throw new Error(`payment refused: ${JSON.stringify(paid.body)}`);
  return (await cashier.request('GET', `/api/applications/${applicationId}`)).body;
}
