import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAgainstSchema } from '../../src/modules/customs/wco/schema-validation.ts';
import type { TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import { BROKER, startCustomsApp } from '../support/customs.ts';

let platform: TestApp;
let broker: ApiClient;
let sample: string;
beforeAll(async () => {
  platform = await startCustomsApp();
  broker = await signedIn(platform.url, 'ousmane.diop', 'en');
  sample = await fs.readFile(new URL('../fixtures/wco/TT_IM001a/Step1_TT_IM001a.xml', import.meta.url), 'utf8');
});
afterAll(async () => {
  await platform?.close();
});

/** HMRC's import sample, lodged by the demo broker under a fresh reference. */
const asBroker = (xml: string, lrn: string) => xml.replace('<ID>GB603202734852</ID>', `<ID>${BROKER.taxId}</ID>`).replace('<FunctionalReferenceID>7847767E1WB6</FunctionalReferenceID>', `<FunctionalReferenceID>${lrn}</FunctionalReferenceID>`);

const sessionHeaders = (method: string) => ({ cookie: broker.cookie ?? '', ...(method === 'GET' ? {} : { 'x-csrf-token': broker.csrfToken ?? '' }) });

async function postXml(xml: string, accept = 'application/xml') {
  const response = await fetch(`${platform.url}/api/customs/declarations/wco`, { method: 'POST', headers: { ...sessionHeaders('POST'), 'content-type': 'application/xml', accept }, body: xml });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text(), location: response.headers.get('location') };
}

describe('lodging a WCO DM 3.6 declaration in XML', () => {
  it("refuses HMRC's sample as it stands, pointing at the element: its container number fails the ISO 6346 check digit", async () => {
    const refused = await postXml(asBroker(sample, `XML-${Date.now()}-1`), 'application/json');
    expect(refused.status).toBe(422);
    const body = JSON.parse(refused.text);
    expect(body.error.code).toBe('declaration_invalid');
    const container = body.error.details.fields.find((f: { path: string }) => f.path === 'transport.containers[0]');
    expect(container).toMatchObject({ code: 'declaration_bad_container' });
    expect(container.element).toMatch(/TransportEquipment(\[1\])?\/ID$/);
  });

  it('lodges the sample with a valid container and answers with a WCO response that validates against the RES schema', async () => {
    const xml = asBroker(sample, `XML-${Date.now()}-2`).replace('<ID>AD12345</ID>', '<ID>CSQU3054383</ID>');
    const lodged = await postXml(xml);
    expect(lodged.status, lodged.text).toBe(201);
    expect(lodged.type).toContain('application/xml');
    expect(lodged.location).toMatch(/^\/api\/customs\/declarations\/KDKAN01-\d{4}-\d{6}$/);
    expect((await validateAgainstSchema('notification', lodged.text)).kind).toBe('valid');
    const reference = lodged.location?.split('/').at(-1) ?? '';
    expect(lodged.text).toContain(reference);

    const detail = await broker.request('GET', `/api/customs/declarations/${reference}`);
    expect(detail.body.declaration.items[0]).toMatchObject({ hsCode: '8510.90.00.00', origin: 'US' });
    const first = detail.body.notifications[0];
    const again = await fetch(`${platform.url}/api/customs/declarations/${reference}/notifications/${first.id}`, { headers: sessionHeaders('GET') });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('<FunctionCode>01</FunctionCode>');
  });

  it('refuses XML that is not well-formed or breaks the schema, with the line and the element path, storing nothing', async () => {
    const before = await platform.database.db.selectFrom('customs_declarations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const broken = await postXml(asBroker(sample, 'XML-BROKEN').replace('</GoodsShipment>', ''), 'application/json');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.text).error.code).toBe('wco_xml_malformed');
    const invalid = await postXml(asBroker(sample, 'XML-INVALID').replace('<TypeCode>IMA</TypeCode>', '<TypeCode>IMPORT</TypeCode>'), 'application/json');
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(JSON.parse(invalid.text).error)).toContain('/Declaration/TypeCode');
    const after = await platform.database.db.selectFrom('customs_declarations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
