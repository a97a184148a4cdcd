import './audience.css';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { PageProps } from '../router';
import { LiveBadge } from '../camp/LiveBadge';
import { watchStream } from '../live/streamStore';
import { streamName } from '../live/streams';
import { describe } from '../ui/describe';
import { Loading, Message } from '../ui/Message';
import { User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import type { PollTally } from '../intake/intakeApi';
import { audiencePolls, type AudiencePollView } from './audienceApi';
import { TallyBars } from '../intake/TallyBars';

/**
 * /camps/<camp>/audience/<poll>/screen (organizers, on the projector): the join code and its QR, and the
 * tally kept live from the poll's coalesced stream (a whole tally a few times a second, however fast
 * votes come). While the counts are hidden it shows only how many have voted.
 */
export default function AudienceScreenPage({ params }: PageProps) {
  const { campId, pollId } = params;
  usePageTitle(t('audience.screenTitle'));
  const [poll, setPoll] = useState<AudiencePollView | null>(null);
  const [tally, setTally] = useState<PollTally | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let stop = () => undefined as void;
    audiencePolls(campId).then((polls) => {
      const found = polls.find((p) => p.tally.pollId === pollId);
      if (!found) return setFailure(t('error.poll.unknown'));
      setPoll(found);
      const store = watchStream<PollTally>(streamName('poll', campId, pollId.replace(/-/g, '')), {
        fromSnapshot: (s) => s as PollTally,
        reduce: (current, event) => {
          const next = event.payload as PollTally;
          return next.version >= current.version ? next : current;
        },
        onChange: (next) => setTally(next),
        onRefused: (code, detail) => setFailure(detail || code),
      });
      stop = () => store.stop();
    }, (e: unknown) => setFailure(describe(e)));
    return () => stop();
  }, [campId, pollId]);

  const link = poll ? `${location.origin}/v/${poll.audience.code}` : '';
  useEffect(() => {
    if (!link) return;
    import('qrcode').then((QRCode) => QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }))
      .then((svg) => setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`), () => setQr(null));
  }, [link]);

  if (failure && !poll) return <Message text={failure} />;
  if (!poll || !tally) return <Loading text={t('audience.loading')} />;
  return (
    <div class="big-screen tally-screen">
      <div class="page-head"><h1><User>{tally.title}</User></h1><LiveBadge /></div>
      <div class="tally-screen-body">
        {tally.hidden
          ? <p class="audience-code" data-testid="hidden-tally">{t('audience.hiddenCount', { count: tally.voters })}</p>
          : <TallyBars tally={tally} big count="audience.votes" />}
        <aside class="tally-join">
          {qr && <img src={qr} alt={t('vote.qrAlt')} width={220} height={220} />}
          <p>{t('audience.joinAt', { host: location.host })}</p>
          <p class="audience-code" data-testid="join-code">{poll.audience.code}</p>
          <p aria-live="polite" data-testid="voters">{t('vote.voters', { count: tally.voters })}{tally.closed && ` · ${t('vote.closed')}`}</p>
        </aside>
      </div>
    </div>
  );
}
