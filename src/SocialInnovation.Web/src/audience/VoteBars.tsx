import { t } from '../i18n';
import type { PollTally } from '../intake/intakeApi';

/** An audience tally as bars, most votes first; a list, so a screen reader reads option and count together. */
export function VoteBars({ tally, big = false }: { tally: PollTally; big?: boolean }) {
  const top = Math.max(1, ...tally.options.map((o) => o.dots));
  const ordered = [...tally.options].sort((a, b) => b.dots - a.dots);
  return (
    <ol class={big ? 'tally tally-big' : 'tally'} data-testid="tally">
      {ordered.map((o) => (
        <li key={o.id} data-testid={`tally-${o.id}`}>
          <span class="tally-label"><bdi>{o.label}</bdi></span>
          <span class="tally-bar" style={{ width: `${(o.dots / top) * 100}%` }} aria-hidden="true" />
          <span class="tally-count">{t('audience.votes', { count: o.dots })}</span>
        </li>
      ))}
    </ol>
  );
}
