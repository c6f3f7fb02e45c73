import { Channels, type Channel } from './profile-schema.ts';

export type ChannelCounts = Readonly<Record<Channel, number>>;

export interface ChannelRate {
  channel: Channel;
  count: number;
  /** Share of all declarations, 0–1; 0 when there are none. */
  share: number;
}

/** A bound the administration sets on a channel's share: red at most 0.10, green at least 0.60. */
export interface ChannelTarget {
  atMost?: number;
  atLeast?: number;
}

export type ChannelTargets = Readonly<Partial<Record<Channel, ChannelTarget>>>;

export interface TargetComparison extends ChannelRate {
  target?: ChannelTarget;
  /** `over` above `atMost`, `under` below `atLeast`, `within` otherwise (and with no target). */
  status: 'over' | 'under' | 'within';
  /** How far outside the target the share is (positive), 0 within it. */
  gap: number;
}

/** Each channel's count and share, in the order green, yellow, red, blue. */
export function channelRates(counts: ChannelCounts): ChannelRate[] {
  const total = Channels.reduce((sum, channel) => sum + counts[channel], 0);
  return Channels.map((channel) => ({ channel, count: counts[channel], share: total === 0 ? 0 : counts[channel] / total }));
}

/** The back office's view of selectivity against its targets: which channel is over or under. */
export function compareToTargets(counts: ChannelCounts, targets: ChannelTargets): TargetComparison[] {
  return channelRates(counts).map((rate) => {
    const target = targets[rate.channel];
    if (target?.atMost !== undefined && rate.share > target.atMost) return { ...rate, target, status: 'over', gap: rate.share - target.atMost };
    if (target?.atLeast !== undefined && rate.share < target.atLeast) return { ...rate, target, status: 'under', gap: target.atLeast - rate.share };
    return { ...rate, ...(target ? { target } : {}), status: 'within', gap: 0 };
  });
}
