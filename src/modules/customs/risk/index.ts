/** Risk management and selectivity (issue 6, item 6): pure functions, data in, decision out. */
export { selectChannel } from './select-channel.ts';
export { readRiskProfiles, type ProfileProblem } from './read-profiles.ts';
export { RiskProfileSchema, RiskProfilesSchema, Channels } from './profile-schema.ts';
export { channelRates, compareToTargets, type ChannelCounts, type ChannelRate, type ChannelTarget, type ChannelTargets, type TargetComparison } from './targets.ts';
export { riskAfterInspection, NEW_RISK_RECORD, FEEDBACK_PERCENT, type InspectionOutcome } from './feedback.ts';
export { cryptoRandom } from './random.ts';
export { DEMO_RISK_PROFILES, DEMO_SELECTIVITY_SETTINGS, DEMO_CHANNEL_TARGETS, DEMO_REFERENCE_PRICES } from './demo-selectivity.ts';
export type * from './types.ts';
