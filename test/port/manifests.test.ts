import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCuscar, type CargoManifest, type ManifestLine } from '../../src/modules/port/index.ts';
import { isIso6346 } from '../../src/modules/customs/declarations/containers.ts';
import type { TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import { cementItem, declarationOf, IMPORTER, startCustomsApp } from '../support/customs.ts';
import { eventually } from '../documents/support.ts';
import { joinPortSystem, PORT } from './port-system.ts';
import { findMember, updateMember } from '../../src/modules/exchange/index.ts';
import { systemContext } from '../../src/platform/audit/record.ts';

/**
 * The port community system's cargo manifests (issue 7, item 1): submitted over the exchange or
 * uploaded by an officer, matched to the declarations clearing each bill of lading, discrepancies
 * listed, and the port told by a signed message when containers may leave.
 */
let platform: TestApp;
let port: Awaited<ReturnType<typeof joinPortSystem>>;
let broker: ApiClient;
let officer: ApiClient;
let cashier: ApiClient;

const db = () => platform.database.db;
const settled = async () => {
  for (let i = 0; i < 4; i += 1) await platform.bus.drain(db());
};
/** A fresh ISO 6346 number with a right check digit (declarations refuse a mistyped one). */
function containerNumber(): string {
  for (;;) {
    const candidate = `MSKU${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
    if (isIso6346(candidate)) return candidate;
  }
}
const billNumber = () => `MEDU-${randomUUID().slice(0, 8).toUpperCase()}`;

const manifestLine = (overrides: Partial<ManifestLine> = {}): ManifestLine => ({
  billOfLading: billNumber(),
  consignee: { name: IMPORTER.name, taxId: IMPORTER.taxId },
  containers: [containerNumber()],
  packages: { count: 603, kind: 'BG' },
  grossMassKg: '30150',
  description: 'Portland cement, grey, in 50 kg bags',
  ...overrides,
});

const manifestOf = (lines: ManifestLine[]): CargoManifest => ({
  reference: `MAN-${randomUUID().slice(0, 8).toUpperCase()}`,
  transportMode: 'sea',
  meansId: 'IMO9321483',
  voyage: 'V042E',
  portOfArrival: 'KDKAN',
  arrivalDate: '2026-11-24',
  lines,
});

/** A cement declaration citing the line's bill of lading and containers, lodged (and inspected when selectivity says so). */
async function lodgedFor(line: ManifestLine) {
  const declaration = declarationOf({
    transport: { mode: 'sea', meansId: 'IMO9321483', dispatchCountry: 'TR', containers: line.containers, transportDocument: line.billOfLading },
    items: [cementItem()],
  });
  const lodged = await broker.request('POST', '/api/customs/declarations', declaration);
  expect(lodged.status, JSON.stringify(lodged.body)).toBe(201);
  if (lodged.body.state === 'assessed') return lodged.body;
  const inspected = await officer.request('POST', `/api/customs/declarations/${lodged.body.reference}/inspection`, { outcome: 'conform', findings: 'Goods as declared' });
  expect(inspected.body.state).toBe('assessed');
  return inspected.body;
}

/** Duties paid at the desk; the release follows from the outbox. */
async function paidAndReleased(declaration: { id: string; reference: string }) {
  const paid = await cashier.request('POST', '/api/payments/counter', { declarationId: declaration.id, receipt: `DESK-${randomUUID().slice(0, 8)}` }, { 'idempotency-key': randomUUID() });
  expect(paid.status, JSON.stringify(paid.body)).toBe(201);
  await settled();
  expect((await broker.request('GET', `/api/customs/declarations/${declaration.reference}`)).body.state).toBe('released');
}

const submitted = (manifest: CargoManifest) => port.call('submit-cargo-manifest', { format: 'json', manifest });
const gateOut = async (container: string) => (await port.call('gate-out-status', { container })).body;
async function manifestNamed(reference: string) {
  const list = await officer.request('GET', '/api/customs/manifests?limit=200');
  const found = list.body.items.filter((m: { reference: string }) => m.reference === reference);
  expect(found).toHaveLength(1);
  return (await officer.request('GET', `/api/customs/manifests/${found[0].id}`)).body;
}

beforeAll(async () => {
  platform = await startCustomsApp();
  port = await joinPortSystem(platform);
  broker = await signedIn(platform.url, 'ousmane.diop', 'en');
  officer = await signedIn(platform.url, 'karim.benali', 'en');
  cashier = await signedIn(platform.url, 'ibrahima.fall', 'en');
});
afterAll(async () => {
  await port?.close();
  await platform?.close();
});

describe('cargo manifests from the port community system', () => {
  it('lists exactly one discrepancy and refuses one gate-out for a manifest with two bills declared and released and one undeclared', async () => {
    const [first, second, undeclared] = [manifestLine(), manifestLine(), manifestLine()] as [ManifestLine, ManifestLine, ManifestLine];
    for (const line of [first, second]) await paidAndReleased(await lodgedFor(line));
    const manifest = manifestOf([first, second, undeclared]);

    const answer = await submitted(manifest);
    expect(answer).toMatchObject({ status: 200, signedByCustoms: true, body: { status: 'accepted', reference: manifest.reference, lines: 3, discrepancies: 1 } });

    const detail = await manifestNamed(manifest.reference);
    expect(detail.discrepancyCount).toBe(1);
    expect(detail.lines.map((l: { discrepancy: unknown }) => l.discrepancy)).toEqual([null, null, { kind: 'undeclared', manifestedKg: 30150, declaredKg: null }]);
    expect(detail.lines[0].matches).toEqual([expect.objectContaining({ released: true, matchedBy: 'transport_document' })]);

    const decisions = await Promise.all([first, second, undeclared].map((line) => gateOut(line.containers[0]!)));
    expect(decisions.filter((d) => d.decision === 'refused')).toEqual([expect.objectContaining({ container: undeclared.containers[0], reason: 'not_declared', billOfLading: undeclared.billOfLading })]);
    expect(decisions.filter((d) => d.decision === 'allowed')).toHaveLength(2);

    // The port is told, by a message signed by customs, which containers may leave: the two released bills only.
    await settled();
    const told = await eventually(async () => {
      const mine = port.received.filter((m) => m.body.manifestReference === manifest.reference);
      return mine.length >= 2 && mine;
    });
    expect(told.map((m) => m.body.billOfLading).sort()).toEqual([first.billOfLading, second.billOfLading].sort());
    expect(told.every((m) => m.signedByCustoms)).toBe(true);
  });

  it('keeps containers in until the declaration is released, then tells the port; a short declared mass is listed', async () => {
    const line = manifestLine({ grossMassKg: '40000' });
    const manifest = manifestOf([line]);
    const declaration = await lodgedFor(line);
    expect((await submitted(manifest)).body).toMatchObject({ status: 'accepted', discrepancies: 1 });
    expect(await gateOut(line.containers[0]!)).toMatchObject({ decision: 'refused', reason: 'not_released', declarations: [declaration.reference] });
    expect((await manifestNamed(manifest.reference)).lines[0].discrepancy).toEqual({ kind: 'quantity_short', manifestedKg: 40000, declaredKg: 30150 });

    await paidAndReleased(declaration);
    expect(await gateOut(line.containers[0]!)).toMatchObject({ decision: 'allowed', declarations: [declaration.reference] });
    const told = await eventually(async () => port.received.find((m) => m.body.billOfLading === line.billOfLading));
    expect(told).toMatchObject({ signedByCustoms: true, body: { containers: line.containers, declarations: [declaration.reference] } });
  });

  it('takes a re-sent manifest as the same one, and refuses other content under its reference without changing anything', async () => {
    const manifest = manifestOf([manifestLine(), manifestLine()]);
    expect((await submitted(manifest)).body.status).toBe('accepted');
    expect((await submitted(manifest)).body).toMatchObject({ status: 'unchanged', reference: manifest.reference, lines: 2 });

    const altered = { ...manifest, lines: [manifest.lines[0]!] };
    const refused = await submitted(altered);
    expect(refused).toMatchObject({ signedByCustoms: true, body: { status: 'refused', error: { code: 'manifest_reference_reused' } } });
    const uploaded = await officer.request('POST', '/api/customs/manifests', { format: 'json', manifest: altered });
    expect(uploaded.status).toBe(409);
    expect(uploaded.body.error).toMatchObject({ code: 'manifest_reference_reused', message: expect.stringContaining(manifest.reference) });
    expect((await manifestNamed(manifest.reference)).lineCount).toBe(2);
    const audit = await db().selectFrom('audit_entries').select('action').where('action', '=', 'port.manifest_received').where('record_id', '=', (await manifestNamed(manifest.reference)).id).execute();
    expect(audit).toHaveLength(1);
  });

  it('accepts the same manifest as UN/EDIFACT CUSCAR, mapped to exactly the JSON form', async () => {
    const manifest = manifestOf([manifestLine({ containers: [containerNumber(), containerNumber()], description: "Cement: grey + white, 50 kg bags (it's 2?)" })]);
    const fromJson = await officer.request('POST', '/api/customs/manifests', { format: 'json', manifest });
    expect(fromJson.status, JSON.stringify(fromJson.body)).toBe(201);
    const interchange = writeCuscar(manifest, { sender: 'PORT-AUTONOME', recipient: 'DOUANE-KD', controlReference: 'IC42', preparedAt: '2026-11-24T05:30' });
    const fromCuscar = await officer.request('POST', '/api/customs/manifests', { format: 'cuscar', interchange });
    // The same content digest: the CUSCAR form is the manifest already received.
    expect(fromCuscar.status, JSON.stringify(fromCuscar.body)).toBe(200);
    expect(fromCuscar.body).toEqual(fromJson.body);
    expect(fromCuscar.body.lines[0]).toMatchObject({ description: manifest.lines[0]!.description, containers: [...manifest.lines[0]!.containers].sort() });
  });

  it('refuses a malformed interchange naming the segment and character at fault, and stores nothing', async () => {
    const manifest = manifestOf([manifestLine()]);
    const interchange = writeCuscar(manifest, { sender: 'PORT-AUTONOME', recipient: 'DOUANE-KD', controlReference: 'IC43', preparedAt: '2026-11-24T05:30' }).replace(/UNT\+\d+/, 'UNT+99');
    const refused = await officer.request('POST', '/api/customs/manifests', { format: 'cuscar', interchange });
    expect(refused.status).toBe(422);
    const unt = interchange.indexOf('UNT+99');
    const segment = interchange.slice(0, unt).split('\n').length - 1;
    expect(refused.body.error).toMatchObject({ code: 'edifact_segment_count', details: { segment, position: unt, tag: 'UNT' } });
    expect(refused.body.error.message).toContain(`segment ${segment}`);
    const overExchange = await port.call('submit-cargo-manifest', { format: 'cuscar', interchange });
    expect(overExchange.body).toMatchObject({ status: 'refused', error: { code: 'edifact_segment_count', details: { segment, position: unt, tag: 'UNT' } } });
    expect((await officer.request('GET', '/api/customs/manifests?limit=200')).body.items.map((m: { reference: string }) => m.reference)).not.toContain(manifest.reference);
  });

  it('refuses a JSON manifest with the path of each problem, and keeps manifests from anyone but customs staff', async () => {
    const bad = manifestOf([manifestLine({ containers: ['not-a-container'] })]);
    const refused = await officer.request('POST', '/api/customs/manifests', { format: 'json', manifest: bad });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('manifest_invalid');
    expect(refused.body.error.details.fields.map((f: { path: string }) => f.path)).toContain('manifest.lines[0].containers[0]');
    expect((await broker.request('GET', '/api/customs/manifests')).status).toBe(403);
    expect((await broker.request('POST', '/api/customs/manifests', { format: 'json', manifest: manifestOf([manifestLine()]) })).status).toBe(403);
  });

  it("lets the demo's stand-in port take the gate-out message when the port has no endpoint of its own", async () => {
    const member = await findMember(db(), PORT);
    await updateMember(db(), systemContext('port test'), member.id, { endpoint: null });
    platform.exchange.invalidateRegistry();
    try {
      const line = manifestLine();
      await paidAndReleased(await lodgedFor(line));
      const manifest = manifestOf([line]);
      expect((await officer.request('POST', '/api/customs/manifests', { format: 'json', manifest })).status).toBe(201);
      await settled();
      const noted = await eventually(async () => {
        const entries = await db().selectFrom('audit_entries').select(['action', 'details']).where('action', '=', 'demo_port.gate_out_received').execute();
        return entries.find((e) => (e.details as { billOfLading?: string } | null)?.billOfLading === line.billOfLading);
      });
      expect(noted.details).toMatchObject({ manifestReference: manifest.reference, containers: line.containers });
    } finally {
      await updateMember(db(), systemContext('port test'), member.id, { endpoint: member.endpoint });
      platform.exchange.invalidateRegistry();
    }
  });
});
