import profiles from './demo-profiles.json' with { type: 'json' };
import { readRiskProfiles } from './read-profiles.ts';
import type { ChannelTargets } from './targets.ts';
import type { SelectivitySettings } from './types.ts';

/**
 * The demo country's selectivity (Republic of Kandara), as its customs administration would set it
 * on day one; docs/customs/risk.md explains each profile. Read through `readRiskProfiles` like any
 * stored profile, so a mistake in the file fails at start rather than at the first declaration.
 */
export const DEMO_RISK_PROFILES = readRiskProfiles(profiles);

export const DEMO_SELECTIVITY_SETTINGS: SelectivitySettings = { thresholds: { yellow: 40, red: 80 }, blueShareOfGreen: 0.05 };

export const DEMO_CHANNEL_TARGETS: ChannelTargets = { green: { atLeast: 0.6 }, yellow: { atMost: 0.2 }, red: { atMost: 0.1 }, blue: { atMost: 0.1 } };

/** Reference prices in XOF per kg of net mass, CIF, by HS prefix: what undervaluation is measured against. */
export const DEMO_REFERENCE_PRICES: Readonly<Record<string, number>> = {
  '1006': 260, // rice: about USD 460 a tonne CIF at 562 XOF/USD
  '100630': 280, // milled rice
  '2402': 18_000, // cigarettes
  '2523': 55, // cement
  '30': 12_000, // medicines
  '1801': 1_500, // cocoa beans
};
