import { useSignal } from '@preact/signals';
import { t } from '../i18n';
import type { InviteSummary } from '../api/types';
import type { PageProps } from '../router';
import { Announcer } from '../camp/Announcer';
import { LiveBadge } from '../camp/LiveBadge';
import { PhaseStatus, PhaseTimeline } from '../camp/PhaseStatus';
import { useCamp } from '../camp/useCamp';
import { Loading, Message } from '../ui/Message';
import { tx, User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import { InviteForm } from './InviteForm';
import { InviteList } from './InviteList';
import { PhaseControls } from './PhaseControls';
import { Roster } from './Roster';
import { TeamForm } from './TeamForm';

/** /camps/<id>/organize: phase, invites, members and teams, kept live like the camp page. */
export default function ConsolePage({ params }: PageProps) {
  const campId = params.campId;
  const camp = useCamp(campId);
  const created = useSignal<InviteSummary | null>(null);
  const snapshot = camp.snapshot.value;
  usePageTitle(snapshot ? t('console.title', { camp: snapshot.details.name }) : undefined);

  if (camp.failure.value) return <><Message text={camp.failure.value} /><p><a href="/">{t('common.backHome')}</a></p></>;
  if (!snapshot) return <Loading text={t('camp.loading')} />;
  const m = snapshot.members;
  return (
    <div class="console">
      <div class="page-head"><h1>{tx('console.title', { camp: <User>{snapshot.details.name}</User> })}</h1><LiveBadge /></div>
      <p><a href={`/camps/${campId}`}>{t('camp.backToCamp')}</a></p>
      <nav class="card" aria-label={t('intake.links')}>
        <ul class="inline-links">
          <li><a href={`/camps/${campId}/selection`} data-testid="selection-link">{t('intake.selectionLink')}</a></li>
          <li><a href={`/camps/${campId}/vote`} data-testid="vote-link">{t('intake.voteLink')}</a></li>
          <li><a href={`/camps/${campId}/statements`} data-testid="statements-link">{t('statements.link')}</a></li>
          <li><a href={`/camps/${campId}/teams`} data-testid="teams-link">{t('intake.teamsLink')}</a></li>
        </ul>
      </nav>
      <Message text={camp.notice.value} />
      <Announcer event={camp.event.value} />
      <section class="card">
        <h2>{t('console.phase')}</h2>
        <PhaseStatus phase={snapshot.phase} />
        <PhaseControls campId={campId} snapshot={snapshot} feed={camp.feed} />
        <PhaseTimeline phase={snapshot.phase} />
      </section>
      <section>
        <h2>{t('invites.title')}</h2>
        <InviteForm campId={campId} created={(invite) => (created.value = invite)} />
        <InviteList campId={campId} created={created.value} />
      </section>
      {/* Reloaded whenever the counts say someone joined. */}
      <section><h2>{t('roster.title')}</h2><Roster campId={campId} joined={m.organizers + m.participants + m.mentors + m.judges} /></section>
      <TeamForm campId={campId} themes={snapshot.details.themes} feed={camp.feed} />
    </div>
  );
}
