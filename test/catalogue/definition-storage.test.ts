import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definitionKeyOrderMigration } from '../../src/modules/catalogue/migration.ts';
import { readShippedDefinitions } from '../../src/modules/catalogue/index.ts';
import { aDefinition } from '../../src/modules/catalogue/test-definition.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ApiClient, demoEmail } from '../support/client.ts';

let platform: TestApp;
let admin: ApiClient;
beforeAll(async () => {
  platform = await startTestApp();
  admin = new ApiClient(platform.url);
  await admin.login(demoEmail('admin'));
});
afterAll(async () => platform?.close());

type SchemaNode = { properties: Record<string, SchemaNode> };
const fieldsOf = (definition: { form: { schema: unknown } }) => (definition.form.schema as SchemaNode).properties;

/** The test permit with a head office whose fields are written street, town, region: not alphabetical. */
function withHeadOffice(id: string) {
  const definition = aDefinition();
  definition.id = id;
  const fields = fieldsOf(definition) as unknown as Record<string, unknown>;
  fields.headOffice = {
    type: 'object',
    properties: { street: { type: 'string' }, town: { type: 'string' }, region: { type: 'string' } },
  };
  definition.form.layout[0]!.fields.push('headOffice');
  Object.assign(definition.form.labels, {
    headOffice: { fr: 'Siège', ar: 'المقر', en: 'Head office' },
    'headOffice.street': { fr: 'Adresse', ar: 'العنوان', en: 'Street' },
    'headOffice.town': { fr: 'Ville', ar: 'المدينة', en: 'Town' },
    'headOffice.region': { fr: 'Région', ar: 'الجهة', en: 'Region' },
  });
  return definition;
}

describe('a published definition read back', () => {
  it('keeps its form fields, nested ones included, in the order the ministry wrote them', async () => {
    expect((await admin.request('POST', '/api/catalogue/procedures', withHeadOffice('ordered-permit'))).status).toBe(201);
    const read = await new ApiClient(platform.url).request('GET', '/api/catalogue/procedures/ordered-permit');
    expect(read.status).toBe(200);
    expect(Object.keys(fieldsOf(read.body))).toEqual(['companyName', 'tonnes', 'goods', 'headOffice']);
    expect(Object.keys(fieldsOf(read.body).headOffice!.properties)).toEqual(['street', 'town', 'region']);
    expect(Object.keys(read.body.form.labels).slice(-3)).toEqual(['headOffice.street', 'headOffice.town', 'headOffice.region']);
  });

  it('serves the shipped forms in the order of their YAML files', async () => {
    const shipped = (await readShippedDefinitions()).find((s) => s.file === 'import-export-card.v1.yaml')?.raw as { form: { schema: unknown } };
    const read = await new ApiClient(platform.url).request('GET', '/api/catalogue/procedures/import-export-card');
    expect(Object.keys(fieldsOf(read.body).headOffice!.properties)).toEqual(Object.keys(fieldsOf(shipped).headOffice!.properties));
    expect(Object.keys(fieldsOf(shipped).headOffice!.properties)).not.toEqual(Object.keys(fieldsOf(shipped).headOffice!.properties).sort());
  });

  // Last in the file: it takes the table back to jsonb, as it was before migration 0008, and migrates it again.
  it('keeps rows stored as jsonb before the migration whole, their keys in jsonb order', async () => {
    const { db } = platform.database;
    await sql`alter table procedure_versions alter column definition type jsonb using definition::jsonb`.execute(db);
    const definition = withHeadOffice('old-permit');
    await sql`insert into procedure_versions (procedure_id, version, agency_id, definition, search_text)
      select 'old-permit', 1, id, ${JSON.stringify(definition)}::jsonb, '' from agencies where code = 'COMMERCE'`.execute(db);
    // Migrations are written against no table types, as the migrator runs them.
    await definitionKeyOrderMigration.up(db as unknown as Kysely<unknown>);
    const { rows } = await sql<{ definition: typeof definition; type: string }>`
      select definition, pg_typeof(definition)::text as type from procedure_versions where procedure_id = 'old-permit'`.execute(db);
    expect(rows[0]?.type).toBe('json');
    expect(rows[0]?.definition).toEqual(definition);
    // jsonb's own order, which the conversion cannot undo: shorter keys first, then byte order.
    expect(Object.keys(fieldsOf(rows[0]!.definition).headOffice!.properties)).toEqual(['town', 'region', 'street']);
    const read = await new ApiClient(platform.url).request('GET', '/api/catalogue/procedures/old-permit');
    expect(read.body).toEqual(definition);
  });
});

describe('the catalogue summaries', () => {
  it("name the currency of the fees and the expected delay, and give one service's summary by id", async () => {
    const listed = await new ApiClient(platform.url).request('GET', '/api/catalogue/procedures?id=import-export-card');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: 'import-export-card', fixedFee: 25000, currency: 'XOF', expectedWorkingDays: 5 })]);
    const all = await new ApiClient(platform.url).request('GET', '/api/catalogue/procedures');
    expect(all.body.items.length).toBeGreaterThanOrEqual(9);
    expect(all.body.items.every((item: { currency: string }) => item.currency === 'XOF')).toBe(true);
  });
});
