import '../mentors/mentors.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Schema, StreamEnvelope } from '../api/types';
import { LiveBadge } from '../camp/LiveBadge';
import { useLiveStream } from '../mentors/useLiveStream';
import { formatMoment, t } from '../i18n';
import type { PageProps } from '../router';
import { useRole } from '../intake/useRole';
import { describe } from '../ui/describe';
import { Loading, Message } from '../ui/Message';
import { User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import { DeckPreview } from './DeckPreview';
import { followLink, formatSize, galleryLink, getGallery, publishGallery, type Gallery, type GalleryItem } from './artifactsApi';

/**
 * /camps/<camp>/gallery: every team's current deck and prototypes, one card per team, phone first.
 * A PDF deck shows its first page (DeckPreview) and image prototypes a picture, each through a
 * short-lived link; every file also has a clear button that downloads it.
 */
export default function GalleryPage({ params }: PageProps) {
  const campId = params.campId;
  usePageTitle(t('gallery.title'));
  const role = useRole(campId);
  const [gallery, setGallery] = useState<Gallery | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => getGallery(campId).then((g) => {
    setGallery(g);
    setError(null);
  }, (e: unknown) => setError(describe(e)));
  useEffect(() => void load(), [campId]);
  // Live: the gallery's stream says which team's files changed (or that it was opened or closed); the
  // page then reads the gallery again, which checks access again. Watched once the gallery could be read.
  const live = useLiveStream<Schema<'GalleryStatus'>>('gallery', campId, undefined, reduceGallery, !!gallery);
  const seen = useRef(0);
  useEffect(() => {
    if (live.state && seen.current++ > 0) void load();
  }, [live.state, live.last]);

  if (error && !gallery) return <><Message text={error} /><p><a href={`/camps/${campId}`}>{t('camp.backToCamp')}</a></p></>;
  if (!gallery) return <Loading text={t('gallery.loading')} />;
  const open = (teamId: string, item: GalleryItem) =>
    galleryLink(campId, teamId, item.artifactId).then((link) => followLink(link.url), (e: unknown) => setError(describe(e)));
  return (
    <div class="gallery-page">
      <div class="page-head"><h1>{t('gallery.title')}</h1><LiveBadge /></div>
      <p><a href={`/camps/${campId}`}>{t('camp.backToCamp')}</a></p>
      <p class="status-line" data-testid="gallery-status">{gallery.status.published ? t('gallery.published') : t('gallery.unpublished')}</p>
      {role === 'Organizer' && (
        <button type="button" data-testid="publish-gallery" onClick={() => publishGallery(campId, !gallery.status.published).then(() => load(), (e: unknown) => setError(describe(e)))}>
          {gallery.status.published ? t('gallery.close') : t('gallery.publish')}
        </button>
      )}
      <Message text={error} />
      <ul class="gallery">
        {gallery.teams.map((team) => (
          <li key={team.teamId} class="card">
            <h2><User>{team.name}</User></h2>
            <p class="muted"><User>{team.theme}</User></p>
            {team.deck?.contentType === 'application/pdf' && <DeckPreview campId={campId} teamId={team.teamId} teamName={team.name} item={team.deck} />}
            {team.deck ? (
              <p><button type="button" onClick={() => void open(team.teamId, team.deck!)} data-testid={`deck-${team.name}`}>
                {t('gallery.openDeck', { name: team.deck.fileName })}
              </button> <span class="muted">{formatSize(team.deck.size)} · {formatMoment(team.deck.uploadedAt)}</span></p>
            ) : <p class="muted">{t('gallery.noDeck')}</p>}
            {team.prototypes.length > 0 && <h3>{t('gallery.prototypes')}</h3>}
            <ul class="prototypes">
              {team.prototypes.map((p) => (
                <li key={p.artifactId}>
                  {p.contentType.startsWith('image/') && <Picture campId={campId} teamId={team.teamId} item={p} />}
                  <button type="button" class="link-button" onClick={() => void open(team.teamId, p)}><User>{p.fileName}</User></button>
                  {' '}<span class="muted">{formatSize(p.size)}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}

const reduceGallery = (status: Schema<'GalleryStatus'>, event: StreamEnvelope): Schema<'GalleryStatus'> =>
  event.kind === 'StatusChanged' ? (event.payload as { status: Schema<'GalleryStatus'> }).status : { ...status };

/** An image prototype, loaded through its own short-lived link (an <img> shows it despite the download header). */
function Picture({ campId, teamId, item }: { campId: string; teamId: string; item: GalleryItem }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => void galleryLink(campId, teamId, item.artifactId).then((l) => setUrl(l.url), () => undefined), [item.artifactId]);
  return url ? <img src={url} alt={item.fileName} loading="lazy" class="thumb" /> : null;
}
