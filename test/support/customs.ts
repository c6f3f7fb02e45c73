import { ensureReferenceData } from '../../src/modules/customs/index.ts';
import type { DeclarationInput, DeclarationItemInput } from '../../src/modules/customs/declarations/types.ts';
import { seedDemoCustoms } from '../../src/demo/customs-seed.ts';
import { startTestApp, type TestApp } from './app.ts';

/** Transit Sahel SARL, the demo's broker, and Kandara Riz Import SARL, the importer it declares for. */
export const BROKER = { taxId: 'KD-2015-000871', name: 'Transit Sahel SARL', country: 'KD' };
export const IMPORTER = { taxId: 'KD-2019-004512', name: 'Kandara Riz Import SARL', country: 'KD' };

/** The platform with the shipped reference data and the demo's matrix and risk profiles; the draw is seeded so a run is reproducible. */
export async function startCustomsApp(env: Record<string, string> = {}): Promise<TestApp> {
  const platform = await startTestApp({ CUSTOMS_RANDOM_SEED: '7', ...env }, process.env.DATABASE_URL);
  await ensureReferenceData(platform.database.db);
  await seedDemoCustoms(platform.database.db);
  // The seed registered the permit registers' services: the exchange sees them on its next message.
  platform.exchange.invalidateRegistry();
  return platform;
}

let counter = 0;
/** A unique declarant reference per call, so tests never collide on the LRN. */
export const newLocalReference = () => `LRN-${process.pid}-${Date.now().toString(36)}-${(counter += 1)}`;

export const cementItem = (overrides: Partial<DeclarationItemInput> = {}): DeclarationItemInput => ({
  hsCode: '2523.29.00.00',
  description: 'Portland cement, grey, in 50 kg bags',
  origin: 'TR',
  quantity: { amount: '30000', unit: 'KGM' },
  grossMassKg: '30150',
  netMassKg: '30000',
  customsValue: '3600',
  preferenceClaimed: false,
  documents: [{ type: 'commercial_invoice', reference: 'INV-2026-0042' }],
  ...overrides,
});

export const declarationOf = (overrides: Partial<DeclarationInput> = {}): DeclarationInput => ({
  localReference: newLocalReference(),
  regime: 'import_home_use',
  officeCode: 'KDKAN01',
  declarant: BROKER,
  importer: IMPORTER,
  exporter: { taxId: 'TR-4410056789', name: 'Anadolu Cement AS', country: 'TR' },
  transport: { mode: 'sea', meansId: 'IMO9321483', dispatchCountry: 'TR', containers: ['CSQU3054383'] },
  invoiceCurrency: 'USD',
  items: [cementItem(), cementItem({ description: 'White cement', customsValue: '5100' })],
  ...overrides,
});
