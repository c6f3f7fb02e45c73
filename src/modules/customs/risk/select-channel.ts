import { AppError } from '../../../platform/http/errors.ts';
import { tariffDigits } from './item-under-review.ts';
import { percentText } from './percent.ts';
import { inForce, profileHits } from './profile-evaluation.ts';
import type { Channel, RiskProfile } from './profile-schema.ts';
import type { ChannelDecision, ExplanationPart, RandomSource, RiskHit, SelectivityInput, SelectivitySettings } from './types.ts';

/** Stricter channels win: a forced channel can only raise the channel of the score, never lower it. */
const SEVERITY: Record<Channel, number> = { green: 0, blue: 1, yellow: 2, red: 3 };
const stricter = (a: Channel, b: Channel): Channel => (SEVERITY[b] > SEVERITY[a] ? b : a);

interface ProfileHit {
  profile: RiskProfile;
  hits: RiskHit[];
}

/**
 * The channel of a declaration (rules in docs/customs/risk.md): the profiles in force on its date
 * are evaluated, the scores of those that hit are added, the sum against the thresholds gives
 * green, yellow or red, a profile's own channel can raise it, and a share of green declarations is
 * drawn for blue. `random` returns [0, 1): `cryptoRandom` in production, a fixed sequence in tests.
 */
export function selectChannel(input: SelectivityInput, profiles: readonly RiskProfile[], settings: SelectivitySettings, random: RandomSource): ChannelDecision {
  const { items } = input.declaration;
  if (input.itemValues.length !== items.length) {
    throw new AppError(422, 'risk_item_values_mismatch', { items: items.length, values: input.itemValues.length });
  }
  const underReview = items.map((item, index) => ({ index, item, digits: tariffDigits(item.hsCode), value: input.itemValues[index] ?? 0 }));
  const hitProfiles = profiles.filter((profile) => inForce(profile, input.date)).flatMap((profile): ProfileHit[] => {
    const hits = profileHits(profile, underReview, input, random);
    return hits ? [{ profile, hits }] : [];
  });

  const score = hitProfiles.reduce((sum, { profile }) => sum + profile.score, 0);
  const { yellow, red } = settings.thresholds;
  const byScore: Channel = score >= red ? 'red' : score >= yellow ? 'yellow' : 'green';
  const channel = hitProfiles.reduce<Channel>((current, { profile }) => (profile.channel ? stricter(current, profile.channel) : current), byScore);

  const explanation: ExplanationPart[] = hitProfiles.length === 0 ? [{ key: 'customs.risk.no_hit', params: {} }] : hitProfiles.flatMap(profileSentences);
  explanation.push({ key: 'customs.risk.score', params: { score, yellow, red } });
  const blue = channel === 'green' ? blueDraw(settings.blueShareOfGreen, random) : undefined;
  if (blue) explanation.push(blue.explanation);
  const final = blue?.drawn ? 'blue' : channel;
  explanation.push({ key: `customs.risk.channel.${final}`, params: {} });

  return {
    channel: final,
    score,
    hits: hitProfiles.flatMap(({ hits }) => hits),
    randomlySelected: Boolean(blue?.drawn) || hitProfiles.some(({ profile }) => profile.criteria.some((c) => c.kind === 'random')),
    explanation,
  };
}

function profileSentences({ profile }: ProfileHit): ExplanationPart[] {
  const hit = { key: 'customs.risk.profile_hit', params: { profile: profile.id, score: profile.score } };
  return profile.channel ? [hit, { key: 'customs.risk.forced', params: { profile: profile.id, channel: profile.channel } }] : [hit];
}

/** Post-clearance audit sampling: one draw, below the share and the green declaration goes blue. */
function blueDraw(share: number, random: RandomSource): { drawn: boolean; explanation: ExplanationPart } {
  const draw = random();
  const drawn = draw < share;
  return { drawn, explanation: { key: drawn ? 'customs.risk.blue_drawn' : 'customs.risk.blue_not_drawn', params: { percent: percentText(share, 'settings.blueShareOfGreen'), draw } } };
}
