import { useEffect, useMemo, useState } from 'preact/hooks';
import { IdempotentSubmission } from '../api/idempotency';
import { LiveBadge } from '../camp/LiveBadge';
import { useCamp } from '../camp/useCamp';
import { countryName, t } from '../i18n';
import { useRole } from '../intake/useRole';
import type { PageProps } from '../router';
import { describe } from '../ui/describe';
import { Loading, Message } from '../ui/Message';
import { User } from '../ui/text';
import { Icon } from '../ui/Icon';
import { beginPointerDrag, closestAt } from '../ui/pointerDrag';
import { usePageTitle } from '../ui/usePageTitle';
import { choiceOf, publishTeams, reportOf, suggestTeams, type Placement, type TeamSuggestion } from './teamsApi';
import { useFormation } from './useFormation';
import './teams.css';

/**
 * /camps/<id>/team-formation (organizers): "Suggest teams" from the participants' rankings, adjust by
 * dragging a person to another team or with their "Move to…" menu (keyboard), then publish: everyone is
 * placed in their team and sees it appear on their phone.
 */
export default function FormationPage({ params }: PageProps) {
  const campId = params.campId;
  const camp = useCamp(campId);
  const role = useRole(campId);
  const formation = useFormation(campId);
  const [minSize, setMinSize] = useState('');
  const [maxSize, setMaxSize] = useState('');
  const [suggestion, setSuggestion] = useState<TeamSuggestion | null>(null);
  const [placements, setPlacements] = useState<Placement[]>([]);
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const publishing = useMemo(() => new IdempotentSubmission(), [suggestion]);
  usePageTitle(t('formation.title'));

  // Once published, the page opens on the published teams (what storage has), ready to adjust and publish again.
  const publishedVersion = formation.status?.publishedVersion ?? 0;
  useEffect(() => {
    if (role !== 'Organizer' || publishedVersion === 0 || suggestion || busy) return;
    void showPublished();
  }, [role, publishedVersion]);

  const report = reportOf(placements);
  const teams = suggestion?.teams ?? [];
  const sizeOf = (teamId: string) => placements.filter((p) => p.teamId === teamId).length;

  async function suggest(event: Event): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const s = await suggestTeams(campId, minSize ? Number(minSize) : null, maxSize ? Number(maxSize) : null);
      setSuggestion(s);
      setPlacements(s.placements);
      setMessage({ kind: 'info', text: t('formation.suggested', { people: s.placements.length, teams: s.teams.length }) });
    } catch (error) {
      setMessage({ kind: 'error', text: describe(error) });
    } finally {
      setBusy(false);
    }
  }

  async function showPublished(): Promise<void> {
    setBusy(true);
    try {
      const s = await suggestTeams(campId, null, null);
      const placed = new Map((formation.status?.teams ?? []).flatMap((team) => team.members.map((m) => [m.personId, team.teamId] as const)));
      setSuggestion(s);
      setPlacements(s.placements.map((p) => {
        const teamId = placed.get(p.person.personId) ?? p.teamId;
        return { ...p, teamId, choice: choiceOf(p, teamId) };
      }));
      setMessage({ kind: 'info', text: t('formation.showingPublished') });
    } catch (error) {
      setMessage({ kind: 'error', text: describe(error) });
    } finally {
      setBusy(false);
    }
  }

  function move(personId: string, teamId: string): void {
    const person = placements.find((p) => p.person.personId === personId);
    if (!person || person.teamId === teamId) return;
    setPlacements(placements.map((p) => (p.person.personId === personId ? { ...p, teamId, choice: choiceOf(p, teamId) } : p)));
    const team = teams.find((x) => x.teamId === teamId);
    setMessage({ kind: 'info', text: t('formation.moved', { name: person.person.name, team: team?.name ?? '' }) });
  }

  async function publish(): Promise<void> {
    if (!suggestion) return;
    setBusy(true);
    setMessage(null);
    const assignments = placements.map((p) => ({ personId: p.person.personId, teamId: p.teamId }));
    try {
      const status = await publishing.run((key) => publishTeams(campId, assignments, suggestion.publishedVersion, key));
      setSuggestion({ ...suggestion, publishedVersion: status.publishedVersion });
      setMessage({ kind: 'info', text: t('formation.published', { people: assignments.length, teams: teams.length }) });
    } catch (error) {
      setMessage({ kind: 'error', text: describe(error) });
    } finally {
      setBusy(false);
    }
  }

  if (camp.failure.value) return <Message text={camp.failure.value} />;
  if (!camp.snapshot.value || role === undefined) return <Loading text={t('camp.loading')} />;
  if (role !== 'Organizer') return <Message text={t('formation.organizersOnly')} />;
  const status = formation.status;
  return (
    <div class="formation-page">
      <div class="page-head"><h1>{t('formation.title')}</h1><LiveBadge /></div>
      <p><a href={`/camps/${campId}/teams`}>{t('formation.back')}</a></p>
      <p data-testid="formation-status">
        {status && t('formation.rankings', { count: status.rankings, participants: camp.snapshot.value.members.participants })}
        {status && status.publishedVersion > 0 && ` ${t('formation.publishedAt', { version: status.publishedVersion })}`}
      </p>
      <p class="hint">{t('formation.rule')}</p>
      <form class="formation-bounds" onSubmit={(e) => void suggest(e)}>
        <div class="field">
          <label for="formation-min">{t('formation.minSize')}</label>
          <input id="formation-min" type="number" min={1} max={1000} inputMode="numeric" value={minSize}
            placeholder={suggestion ? String(suggestion.minSize) : ''} onInput={(e) => setMinSize((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="formation-max">{t('formation.maxSize')}</label>
          <input id="formation-max" type="number" min={1} max={1000} inputMode="numeric" value={maxSize}
            placeholder={suggestion ? String(suggestion.maxSize) : ''} onInput={(e) => setMaxSize((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field"><button type="submit" disabled={busy} data-testid="suggest-teams">{t('formation.suggest')}</button></div>
      </form>
      <Message kind={message?.kind} text={message?.text} />
      <p class="visually-hidden" role="status" aria-live="polite" data-testid="formation-dragging">
        {dragging ? t('formation.dragging', { name: dragging }) : ''}
      </p>
      {suggestion && (
        <>
          <p class="formation-report" data-testid="formation-report">
            {t('formation.report', { first: report.first, second: report.second, third: report.third, none: report.none, unranked: report.unranked })}
          </p>
          <p class="hint">{t('formation.bounds', { min: suggestion.minSize, max: suggestion.maxSize })} {t('formation.adjustHint')}</p>
          <ul class="formation-columns">
            {teams.map((team) => {
              const size = sizeOf(team.teamId);
              const outside = size < suggestion.minSize || size > suggestion.maxSize;
              return (
                <li key={team.teamId} class={`card formation-column${over === team.teamId ? ' drop-target' : ''}`} data-team-id={team.teamId}
                  data-testid={`formation-team-${team.name}`}>
                  <h3><User>{team.name}</User></h3>
                  <p class={outside ? 'out-of-bounds' : 'muted'}>{t(outside ? 'formation.sizeOutside' : 'formation.size', { count: size })}</p>
                  <ul class="formation-people" aria-label={t('formation.members', { team: team.name })}>
                    {placements.filter((p) => p.teamId === team.teamId).map((p) => (
                      <PersonRow key={p.person.personId} placement={p} teams={teams} onOver={setOver}
                        onDrag={(dragged) => { setDragging(dragged ? p.person.name : null); if (!dragged) setOver(null); }}
                        onMove={(teamId) => move(p.person.personId, teamId)} />
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
          <button type="button" disabled={busy || placements.length === 0} onClick={() => void publish()} data-testid="publish-teams">
            {t('formation.publish')}
          </button>
        </>
      )}
    </div>
  );
}

function PersonRow({ placement, teams, onDrag, onOver, onMove }: {
  placement: Placement;
  teams: TeamSuggestion['teams'];
  onDrag: (dragging: boolean) => void;
  onOver: (teamId: string | null) => void;
  onMove: (teamId: string) => void;
}) {
  const { person } = placement;
  const choice = placement.choices.length === 0 ? null : choiceOf(placement, placement.teamId);
  const badge = placement.choices.length === 0 ? t('formation.unranked') : choice ? t(`formation.choice${choice}` as 'formation.choice1') : t('formation.noChoice');
  const facts = [person.country ? countryName(person.country) : null, person.languages.join(', ') || null, person.skills.join(', ') || null]
    .filter(Boolean).join(' · ');
  const selectId = `move-${person.personId}`;
  const onPointerDown = (e: PointerEvent) => {
    const target = e.target as HTMLElement;
    if (target.closest('select, label, a, button')) return;
    // A finger drags by the handle, so a swipe over the list still scrolls the page; a mouse drags the whole row.
    if (e.pointerType !== 'mouse' && !target.closest('.drag-handle')) return;
    beginPointerDrag<string>(e, e.currentTarget as HTMLElement, {
      targetAt: (x, y) => closestAt(x, y, '.formation-column[data-team-id]')?.dataset.teamId ?? null,
      over: onOver,
      started: () => onDrag(true),
      dropped: (teamId) => onMove(teamId),
      ended: () => onDrag(false),
    });
  };
  return (
    <li class="formation-person" onPointerDown={onPointerDown} data-testid={`placement-${person.name}`}>
      <div class="person-top">
        <span class="drag-handle" aria-hidden="true"><Icon name="grip" /></span>
        <User>{person.name}</User>
        <span class={`choice-badge${choice === 1 ? ' first' : choice === null && placement.choices.length > 0 ? ' none' : ''}`}>{badge}</span>
      </div>
      {facts && <p class="facts">{facts}</p>}
      <label class="visually-hidden" for={selectId}>{t('formation.moveTo', { name: person.name })}</label>
      <select id={selectId} value={placement.teamId} onChange={(e) => onMove((e.target as HTMLSelectElement).value)}>
        {teams.map((team) => <option key={team.teamId} value={team.teamId}>{team.name}</option>)}
      </select>
    </li>
  );
}
