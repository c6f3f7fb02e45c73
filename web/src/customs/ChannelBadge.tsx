import { useCustomsNames } from './names';
import { CHANNELS } from './types';

/** A channel by its word, tinted with its colour: the word carries the meaning, the colour only repeats it. */
export function ChannelBadge({ channel }: { channel: string | null }) {
  const names = useCustomsNames();
  if (channel === null) return <span className="cell-note">—</span>;
  const known = (CHANNELS as readonly string[]).includes(channel);
  return <span className={known ? `status channel channel--${channel}` : 'status channel'}>{names.channel(channel)}</span>;
}
