import { t, type MessageKey } from '../i18n';
import type { PollTally } from './intakeApi';

/**
 * A poll's tally as bars, most first; a list, so a screen reader reads option and count together. Dot voting
 * counts dots, an audience poll counts votes (`count`: the message that says the number).
 */
export function TallyBars({ tally, big = false, count = 'vote.dots' }: { tally: PollTally; big?: boolean; count?: MessageKey }) {
  const top = Math.max(1, ...tally.options.map((o) => o.dots));
  const ordered = [...tally.options].sort((a, b) => b.dots - a.dots);
  return (
    <ol class={big ? 'tally tally-big' : 'tally'} data-testid="tally">
      {ordered.map((o) => (
        <li key={o.id} data-testid={`tally-${o.id}`}>
          <span class="tally-label"><bdi>{o.label}</bdi></span>
          <span class="tally-bar" style={{ width: `${(o.dots / top) * 100}%` }} aria-hidden="true" />
          <span class="tally-count">{t(count, { count: o.dots })}</span>
        </li>
      ))}
    </ol>
  );
}
