import { formatMoment, phaseName, t } from '../i18n';
import type { CampSnapshot } from '../api/types';
import { me } from '../session/current';
import { sameId } from '../live/applyEvent';
import type { PageProps } from '../router';
import { Empty, Loading, Message } from '../ui/Message';
import { tx, User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import { Announcer } from './Announcer';
import { CampFacts, MemberCounts } from './CampFacts';
import { LiveBadge } from './LiveBadge';
import { PhaseStatus, PhaseTimeline } from './PhaseStatus';
import { useCamp } from './useCamp';

const recentChanges = 5;

/** /camps/<id>: the camp's home, updated live. */
export default function CampPage({ params }: PageProps) {
  const campId = params.campId;
  const camp = useCamp(campId);
  const snapshot = camp.snapshot.value;
  usePageTitle(snapshot?.details.name);

  if (camp.failure.value) return <><Message text={camp.failure.value} /><p><a href="/">{t('common.backHome')}</a></p></>;
  if (!snapshot) return <Loading text={t('camp.loading')} />;
  const role = me.value?.camps.find((c) => sameId(c.campId, campId))?.role;
  const organizer = role === 'Organizer';
  return (
    <div class="camp">
      <div class="page-head"><h1><User>{snapshot.details.name}</User></h1><LiveBadge /></div>
      <Message text={camp.notice.value} />
      <Announcer event={camp.event.value} />
      {organizer && <p class="console-link"><a href={`/camps/${campId}/organize`}>{t('camp.console')}</a></p>}
      {organizer && <p><a href={`/camps/${campId}/judging`} data-testid="leaderboard-link">{t('leaderboard.title')}</a></p>}
      {role === 'Judge' && <p><a href={`/camps/${campId}/judge`} data-testid="judge-link">{t('judge.title')}</a></p>}
      {role === 'Reviewer' && <p><a href={`/camps/${campId}/selection`} data-testid="reviewer-link">{t('selection.reviewerLink')}</a></p>}
      {organizer && <p class="inline-links"><a href={`/camps/${campId}/audience`} data-testid="audience-link">{t('audience.link')}</a> <a href={`/camps/${campId}/results/edit`} data-testid="results-edit-link">{t('results.editTitle')}</a></p>}
      <p><a href={`/camps/${campId}/results`} data-testid="results-link">{t('results.link')}</a></p>
      <CampFacts details={snapshot.details} />
      <section class="card"><PhaseStatus phase={snapshot.phase} /><PhaseTimeline phase={snapshot.phase} /></section>
      <section><h2>{t('camp.themes')}</h2><Themes themes={snapshot.details.themes} /></section>
      <section><h2>{t('camp.teams')}</h2><Teams snapshot={snapshot} />{role !== 'Reviewer' && <p class="inline-links"><a href={`/camps/${campId}/teams`} data-testid="teams-link">{t('intake.teamsLink')}</a> <a href={`/camps/${campId}/vote`} data-testid="vote-link">{t('intake.voteLink')}</a> <a href={`/camps/${campId}/statements`} data-testid="statements-link">{t('statements.link')}</a> <a href={`/camps/${campId}/boards`} data-testid="boards-link">{t('boards.link')}</a> <a href={`/camps/${campId}/mentoring`} data-testid="mentoring-link">{t('mentors.link')}</a></p>}</section>
      <section><h2>{t('camp.members')}</h2><MemberCounts members={snapshot.members} /></section>
      <section><h2>{t('camp.history')}</h2><History snapshot={snapshot} /></section>
    </div>
  );
}

const Themes = ({ themes }: { themes: string[] }) => themes.length === 0
  ? <Empty>{t('camp.themesEmpty')}</Empty>
  : <ul class="tags">{themes.map((theme) => <li key={theme}><User>{theme}</User></li>)}</ul>;

const Teams = ({ snapshot }: { snapshot: CampSnapshot }) => snapshot.teams.length === 0
  ? <Empty>{t('camp.teamsEmpty')}</Empty>
  : <ul class="teams">{snapshot.teams.map((team) => (
    <li key={team.teamId}><strong><User>{team.name}</User></strong> · <span class="muted"><User>{team.theme}</User></span></li>
  ))}</ul>;

function History({ snapshot }: { snapshot: CampSnapshot }) {
  if (snapshot.history.length === 0) return <Empty>{t('camp.historyEmpty')}</Empty>;
  const recent = snapshot.history.slice(-recentChanges).reverse();
  return (
    <ul class="history">
      {recent.map((change) => (
        <li key={change.at}>{tx('camp.historyItem', {
          from: phaseName(change.from), to: phaseName(change.to), name: <User>{change.byName}</User>, at: formatMoment(change.at),
        })}</li>
      ))}
    </ul>
  );
}
