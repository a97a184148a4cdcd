import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { PageProps } from '../router';
import { LiveBadge } from '../camp/LiveBadge';
import { Loading, Message } from '../ui/Message';
import { User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import { TallyBars } from './TallyBars';
import { usePoll } from './usePoll';

/** /camps/<id>/vote/screen: the live tally for a projector, with a QR code that opens the vote page. */
export default function TallyScreenPage({ params }: PageProps) {
  const campId = params.campId;
  const { tally, failure } = usePoll(campId);
  const [qr, setQr] = useState<string | null>(null);
  const voteLink = `${location.origin}/camps/${campId}/vote`;
  usePageTitle(t('vote.bigScreen'));

  useEffect(() => {
    // The QR library only comes with this page.
    import('qrcode').then((QRCode) => QRCode.toString(voteLink, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }))
      .then((svg) => setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`), () => setQr(null));
  }, [voteLink]);

  if (failure && !tally) return <Message text={failure} />;
  if (tally === null) return <Loading text={t('vote.loading')} />;
  if (tally === 'none') return <p class="empty">{t('vote.notOpen')}</p>;
  return (
    <div class="big-screen tally-screen">
      <div class="page-head"><h1><User>{tally.title}</User></h1><LiveBadge /></div>
      <div class="tally-screen-body">
        <TallyBars tally={tally} big />
        <aside class="tally-join">
          {qr && <img src={qr} alt={t('vote.qrAlt')} width={220} height={220} />}
          <p>{t('vote.scanToVote')}</p>
          <p><code>{voteLink}</code></p>
          <p aria-live="polite">{t('vote.voters', { count: tally.voters })}{tally.closed && ` · ${t('vote.closed')}`}</p>
        </aside>
      </div>
    </div>
  );
}
