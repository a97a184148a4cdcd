import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { galleryLink, type GalleryItem } from './artifactsApi';

type Shown = 'loading' | 'drawn' | 'failed';

/**
 * The first page of a team's PDF deck, drawn in the browser by pdf.js (loaded on first use, see
 * pdfPreview.ts) from the same short-lived link a download uses. A picture for the eye with its alt
 * text; while it loads or when it cannot be drawn (old browser, damaged file, expired link) a line of
 * text says so, and the deck's own button next to it always opens the file.
 */
export function DeckPreview({ campId, teamId, teamName, item }: { campId: string; teamId: string; teamName: string; item: GalleryItem }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [shown, setShown] = useState<Shown>('loading');
  useEffect(() => {
    setShown('loading');
    const abort = new AbortController();
    const width = canvas.current?.parentElement?.clientWidth || 320;
    Promise.all([galleryLink(campId, teamId, item.artifactId), import('./pdfPreview')])
      .then(([link, pdf]) => pdf.renderFirstPage(link.url, canvas.current!, Math.min(width, 640), abort.signal))
      .then(() => !abort.signal.aborted && setShown('drawn'), () => !abort.signal.aborted && setShown('failed'));
    return () => abort.abort();
  }, [campId, teamId, item.artifactId]);

  return (
    <figure class="deck-preview" data-testid={`deck-preview-${teamName}`} data-state={shown}>
      <canvas ref={canvas} role="img" aria-label={t('gallery.previewAlt', { team: teamName, name: item.fileName })} hidden={shown !== 'drawn'} />
      {shown !== 'drawn' && <figcaption class="muted">{t(shown === 'loading' ? 'gallery.previewLoading' : 'gallery.previewFailed')}</figcaption>}
    </figure>
  );
}
