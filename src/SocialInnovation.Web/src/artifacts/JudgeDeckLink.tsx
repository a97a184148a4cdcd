import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { downloadLink, followLink, listArtifacts } from './artifactsApi';

/**
 * The deck the team marked for judging, at hand on the judge's page: a button that asks for a
 * short-lived link and opens it. Nothing is shown while offline or when the team has no deck.
 */
export function JudgeDeckLink({ campId, teamId }: { campId: string; teamId: string }) {
  const [deck, setDeck] = useState<{ id: string; name: string } | null | undefined>(undefined);
  useEffect(() => {
    setDeck(undefined);
    listArtifacts(campId, teamId).then((a) => {
      const marked = a.versions.find((v) => v.artifactId === a.judgingDeckId);
      setDeck(marked ? { id: marked.artifactId, name: marked.fileName } : null);
    }, () => setDeck(undefined));
  }, [campId, teamId]);
  if (deck === undefined) return null;
  if (deck === null) return <p class="muted">{t('artifacts.judgeNoDeck')}</p>;
  return (
    <p><button type="button" class="secondary" data-testid="judge-deck" title={deck.name}
      onClick={() => void downloadLink(campId, teamId, deck.id).then((l) => followLink(l.url), () => undefined)}>{t('artifacts.judgeDeck')}</button></p>
  );
}
