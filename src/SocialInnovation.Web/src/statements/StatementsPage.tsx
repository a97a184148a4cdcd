import './statements.css';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { PageProps } from '../router';
import { LiveBadge } from '../camp/LiveBadge';
import { usePoll } from '../intake/usePoll';
import { useRole } from '../intake/useRole';
import { describe } from '../ui/describe';
import { Loading, Message } from '../ui/Message';
import { usePageTitle } from '../ui/usePageTitle';
import { OrganizerControls } from './OrganizerControls';
import { ProposeForm } from './ProposeForm';
import { listStatements, type StatementView, type StatementsView } from './statementsApi';

/**
 * /camps/<id>/statements: the camp's problem statements. Participants propose them; everyone sees the list
 * with each one's dots, live — the list is read again whenever the vote's options change (a statement
 * proposed or merged by someone else), the dots come with the poll's stream.
 */
export default function StatementsPage({ params }: PageProps) {
  const campId = params.campId;
  const [reload, setReload] = useState(0);
  const [list, setList] = useState<StatementsView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { tally } = usePoll(campId, reload);
  const role = useRole(campId);
  usePageTitle(t('statements.title'));
  const poll = tally && tally !== 'none' && tally.pollId === list?.pollId ? tally : null;
  const optionsKey = poll ? poll.options.map((o) => o.id).join(',') : '';

  useEffect(() => {
    listStatements(campId).then(setList, (e: unknown) => setFailure(describe(e)));
  }, [campId, reload, optionsKey]);

  if (failure && !list) return <Message text={failure} />;
  if (!list || role === undefined) return <Loading text={t('statements.loading')} />;
  const dots = new Map(poll?.options.map((o) => [o.id, o.dots]) ?? []);
  const open = list.statements.filter((s) => !s.mergedInto);
  const merged = list.statements.filter((s) => s.mergedInto);
  const titleOf = (id: string) => list.statements.find((s) => s.id === id)?.title ?? id;
  const mine = list.statements.filter((s) => s.mine).length;
  const changed = () => setReload((n) => n + 1);

  return (
    <div class="statements">
      <div class="page-head"><h1>{t('statements.title')}</h1><LiveBadge /></div>
      <p><a href={`/camps/${campId}`}>{t('camp.backToCamp')}</a> · <a href={`/camps/${campId}/vote`}>{t('statements.toVote')}</a></p>
      <p class="muted">{t('statements.intro')}</p>
      <Message text={failure} />
      {role === 'Participant' && !poll?.closed && <ProposeForm campId={campId} proposed={changed} />}
      {role === 'Participant' && <p class="muted" data-testid="statements-mine">{t('statements.mineCount', { count: mine })}</p>}
      <section aria-labelledby="statements-heading">
        <h2 id="statements-heading">{t('statements.list', { count: open.length })}</h2>
        {open.length === 0 && <p class="empty">{t('statements.none')}</p>}
        <ul class="statement-list">
          {open.map((s) => <Statement key={s.id} statement={s} dots={s.optionId ? dots.get(s.optionId) : undefined} />)}
        </ul>
      </section>
      {merged.length > 0 && (
        <section aria-labelledby="merged-heading">
          <h2 id="merged-heading">{t('statements.mergedHeading')}</h2>
          <ul class="statement-list merged">
            {merged.map((s) => (
              <li key={s.id} data-testid={`merged-${s.id}`}>
                <bdi>{s.title}</bdi> → {t('statements.mergedInto', { title: titleOf(s.mergedInto!) })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {role === 'Organizer' && !list.statements.some((s) => s.chosen) && (
        <OrganizerControls campId={campId} open={open} voting={poll !== null} closed={poll?.closed === true} changed={changed} />
      )}
    </div>
  );
}

function Statement({ statement: s, dots }: { statement: StatementView; dots: number | undefined }) {
  return (
    <li class="card statement" data-testid={`statement-${s.id}`}>
      <h3><bdi>{s.title}</bdi></h3>
      <p dir="auto">{s.description}</p>
      <p class="muted">{t('statements.affects')} <bdi>{s.affectedGroup}</bdi></p>
      <p class="muted">
        {s.mine ? <strong>{t('statements.yours')}</strong> : t('statements.by', { name: s.authorName })}
        {dots !== undefined && <> · <span data-testid={`statement-dots-${s.id}`}>{t('vote.dots', { count: dots })}</span></>}
        {s.chosen && <> · <strong>{t('statements.becameTheme')}</strong></>}
      </p>
    </li>
  );
}
