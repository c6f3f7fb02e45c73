import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMinistryProcess, type MinistryProcess } from '../../src/demo/ministry-system/process.ts';
import { ensureMinistrySystem } from '../../src/demo/ministry-system/registration.ts';
import { permitBalance } from '../../src/modules/permits/index.ts';
import { systemContext } from '../../src/platform/audit/record.ts';
import type { TestApp } from './app.ts';
import { cementItem, declarationOf } from './customs.ts';

/** The demo's permits and certificates (src/demo/customs-seed.ts, src/demo/ministry-system/demo-certificates.ts). */
const year = new Date().getUTCFullYear();
export const LICENCE = `KD-LIC-${year}-000118`;
export const OTHER_IMPORTERS_LICENCE = `KD-LIC-${year}-000207`;
export const RICE_CERTIFICATE = `KD-PHY-${year}-000102`;
export const COCOA_CERTIFICATE = `KD-PHY-${year}-000104`;

/** Rice under 1006.30 in tonnes, citing the licence and the phytosanitary certificate given. */
export const riceItem = (tonnes: number, licence = LICENCE, certificate = RICE_CERTIFICATE) =>
  cementItem({
    hsCode: '1006.30.00.00',
    description: 'Thai white rice, 25% broken',
    origin: 'TH',
    quantity: { amount: String(tonnes * 1000), unit: 'KGM' },
    grossMassKg: String(tonnes * 1000 + 150),
    netMassKg: String(tonnes * 1000),
    customsValue: String(tonnes * 460),
    documents: [
      { type: 'import_licence', reference: licence },
      { type: 'phytosanitary_certificate', reference: certificate },
    ],
  });

export const riceDeclaration = (tonnes: number, licence?: string, certificate?: string) =>
  declarationOf({ exporter: { taxId: 'TH-0105551234567', name: 'Siam Rice Export Co., Ltd.', country: 'TH' }, transport: { mode: 'sea', meansId: 'IMO9321483', dispatchCountry: 'TH', containers: ['CSQU3054383'] }, items: [riceItem(tonnes, licence, certificate)] });

/** The Ministry of Agriculture's certificate register, a real separate process, joined to `platform`; restartable on its port. */
export async function joinMinistry(platform: TestApp) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-ministry-'));
  const options = (port: number) => ({ guichetUrl: platform.url, dataDir: path.join(dir, 'data'), keyFile: path.join(dir, 'key.pem'), port });
  let process: MinistryProcess = await startMinistryProcess(options(0));
  const port = Number(new URL(process.url).port);
  await ensureMinistrySystem(platform.database.db, systemContext('test'), { publicJwk: process.publicJwk, endpoint: process.url });
  platform.exchange.invalidateRegistry();
  return {
    /** The certificates the ministry's register holds, as its own file says. */
    register: async (): Promise<{ number: string; consignee: { taxId?: string } }[]> =>
      JSON.parse(fs.readFileSync(path.join(dir, 'data', 'certificates.json'), 'utf8')).certificates,
    stop: () => process.stop(),
    async restart() {
      process = await startMinistryProcess(options(port));
    },
    async close() {
      await process.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const holdsOf = async (platform: TestApp, number: string, agency = 'COMMERCE') => (await permitBalance(platform.database.db, agency, number)).holds;
