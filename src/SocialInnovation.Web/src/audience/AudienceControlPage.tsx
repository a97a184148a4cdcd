import './audience.css';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { PageProps } from '../router';
import { describe } from '../ui/describe';
import { Empty, Loading, Message } from '../ui/Message';
import { User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import { audiencePolls, closeAudiencePoll, newKey, openAudiencePoll, revealPoll, type AudiencePollKind, type AudiencePollView } from './audienceApi';
import { TallyBars } from '../intake/TallyBars';

/**
 * /camps/<camp>/audience (organizers): open a people's choice or question poll for the audience, see every
 * poll's code and full tally (hidden counts included), close and reveal, open the big screen.
 */
export default function AudienceControlPage({ params }: PageProps) {
  const campId = params.campId;
  usePageTitle(t('audience.controlTitle'));
  const [polls, setPolls] = useState<AudiencePollView[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    audiencePolls(campId).then(setPolls, (e: unknown) => setFailure(describe(e)));
  }, [campId, reload]);

  const act = (work: Promise<unknown>) => work.then(() => setReload((n) => n + 1), (e: unknown) => setFailure(describe(e)));

  if (failure && !polls) return <Message text={failure} />;
  if (!polls) return <Loading text={t('audience.loading')} />;
  return (
    <div class="audience-control">
      <h1>{t('audience.controlTitle')}</h1>
      <p><a href={`/camps/${campId}`}>{t('camp.backToCamp')}</a> · <a href={`/camps/${campId}/results/edit`}>{t('results.editTitle')}</a></p>
      <Message text={failure} />
      <OpenForm campId={campId} opened={() => setReload((n) => n + 1)} failed={setFailure} />
      <h2>{t('audience.polls')}</h2>
      {polls.length === 0 && <Empty>{t('audience.noPolls')}</Empty>}
      {polls.map((p) => (
        <section class="card poll" key={p.tally.pollId} aria-labelledby={`poll-${p.tally.pollId}`}>
          <h3 id={`poll-${p.tally.pollId}`}><User>{p.tally.title}</User></h3>
          <p>{t('audience.codeIs')} <strong data-testid="poll-code">{p.audience.code}</strong> · <a href={`/v/${p.audience.code}`}>{`${location.host}/v/${p.audience.code}`}</a></p>
          <p class="muted">
            {t(p.audience.kind === 'PeoplesChoice' ? 'audience.kind.PeoplesChoice' : 'audience.kind.Question')}
            {p.audience.hideUntilReveal && ` · ${p.audience.hidden ? t('audience.hiddenNow') : t('audience.revealed')}`}
            {p.audience.requireInvite && ` · ${t('audience.inviteOnly')}`}
            {` · ${t('vote.voters', { count: p.tally.voters })}`}{p.tally.closed && ` · ${t('vote.closed')}`}
          </p>
          <TallyBars tally={p.tally} count="audience.votes" />
          <div class="row">
            <a class="button" href={`/camps/${campId}/audience/${p.tally.pollId}/screen`}>{t('audience.bigScreen')}</a>
            {!p.tally.closed && <button type="button" onClick={() => act(closeAudiencePoll(campId, p.tally.pollId))}>{t('audience.close')}</button>}
            {p.audience.hidden && <button type="button" onClick={() => act(revealPoll(campId, p.tally.pollId))}>{t('audience.reveal')}</button>}
          </div>
        </section>
      ))}
    </div>
  );
}

function OpenForm({ campId, opened, failed }: { campId: string; opened: () => void; failed: (text: string) => void }) {
  const [title, setTitle] = useState(t('audience.defaultTitle'));
  const [kind, setKind] = useState<AudiencePollKind>('PeoplesChoice');
  const [options, setOptions] = useState('');
  const [maxChoices, setMaxChoices] = useState(1);
  const [hide, setHide] = useState(false);
  const [invite, setInvite] = useState(false);
  const [busy, setBusy] = useState(false);

  function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    const list = options.split('\n').map((o) => o.trim()).filter(Boolean);
    openAudiencePoll(campId, { title, kind, options: kind === 'Question' ? list : null, maxChoices, hideUntilReveal: hide, requireInvite: invite, idempotencyKey: newKey() })
      .then(opened, (e: unknown) => failed(describe(e))).finally(() => setBusy(false));
  }

  return (
    <form class="card" onSubmit={submit}>
      <h2>{t('audience.open')}</h2>
      <div class="row">
        <label>{t('audience.pollTitle')}<br /><input value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} required maxLength={120} /></label>
        <label>{t('audience.kind')}<br />
          <select value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as AudiencePollKind)}>
            <option value="PeoplesChoice">{t('audience.kind.PeoplesChoice')}</option>
            <option value="Question">{t('audience.kind.Question')}</option>
          </select>
        </label>
        <label>{t('audience.maxChoices')}<br /><input type="number" min={1} max={10} value={maxChoices} onInput={(e) => setMaxChoices(Number((e.target as HTMLInputElement).value))} /></label>
      </div>
      {kind === 'Question' && (
        <label>{t('audience.options')}<br /><textarea rows={4} value={options} onInput={(e) => setOptions((e.target as HTMLTextAreaElement).value)} /></label>
      )}
      <div class="row">
        <label><input type="checkbox" checked={hide} onChange={(e) => setHide((e.target as HTMLInputElement).checked)} /> {t('audience.hideUntilReveal')}</label>
        <label><input type="checkbox" checked={invite} onChange={(e) => setInvite((e.target as HTMLInputElement).checked)} /> {t('audience.requireInvite')}</label>
      </div>
      <div class="row"><button type="submit" disabled={busy}>{t('audience.openButton')}</button></div>
    </form>
  );
}
