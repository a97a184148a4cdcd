import { useEffect, useState } from 'preact/hooks';
import { formatMoment, t } from '../i18n';
import { newKey } from '../mentors/mentorsApi';
import { useLiveStream } from '../mentors/useLiveStream';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { User } from '../ui/text';
import { downloadLink, followLink, formatSize, listArtifacts, markForJudging, type ArtifactKind, type TeamArtifacts } from './artifactsApi';
import type { StreamEnvelope } from '../api/types';
import { uploadFile, type UploadState } from './uploader';

/**
 * A team's decks and prototypes: upload with a progress bar (blocks retried and resumed on weak Wi-Fi),
 * every version with who uploaded it and when, the deck marked for judging, downloads through
 * short-lived links. `member` may upload and mark; mentors, judges and organizers only look. Live:
 * the team's stream (artifacts:<camp>:<team>) brings a teammate's upload or mark at once.
 */
export function ArtifactsPanel({ campId, teamId, member }: { campId: string; teamId: string; member: boolean }) {
  const [artifacts, setArtifacts] = useState<TeamArtifacts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => listArtifacts(campId, teamId).then(setArtifacts, (e: unknown) => setError(describe(e)));
  useEffect(() => void refresh(), [campId, teamId]);
  // The latest of the page's own answers and the stream's events wins: both carry the whole list.
  const live = useLiveStream<TeamArtifacts>('artifacts', campId, teamId, reduceArtifacts);
  useEffect(() => {
    if (live.state) setArtifacts(live.state);
  }, [live.state]);

  const download = (artifactId: string) => {
    setError(null);
    downloadLink(campId, teamId, artifactId).then((link) => followLink(link.url), (e: unknown) => setError(describe(e)));
  };
  const mark = (artifactId: string) => {
    setError(null);
    markForJudging(campId, teamId, artifactId, newKey()).then(setArtifacts, (e: unknown) => setError(describe(e)));
  };

  return (
    <section class="card" aria-labelledby="artifacts-title">
      <h2 id="artifacts-title">{t('artifacts.title')}</h2>
      {member && <UploadForm campId={campId} teamId={teamId} uploaded={() => void refresh()} />}
      <Message text={error} />
      {artifacts && artifacts.versions.length === 0 && <p class="empty">{t('artifacts.none')}</p>}
      {artifacts && artifacts.versions.length > 0 && (
        <ul class="history" data-testid="artifact-history">
          {artifacts.versions.map((v) => (
            <li key={v.artifactId} class="artifact">
              <strong><User>{v.fileName}</User></strong>
              {' · '}{t(v.kind === 'Deck' ? 'artifacts.deckVersion' : 'artifacts.prototypeVersion', { version: v.version })}
              {' · '}{formatSize(v.size)}
              <br /><span class="muted">{t('artifacts.uploadedBy', { name: v.uploadedByName, at: formatMoment(v.uploadedAt) })}</span>
              {v.artifactId === artifacts.judgingDeckId && <> <span class="badge" data-testid="judging-deck">{t('artifacts.forJudging')}</span></>}
              <div class="actions">
                <button type="button" class="secondary" onClick={() => download(v.artifactId)}>{t('artifacts.download')}</button>
                {member && v.kind === 'Deck' && v.artifactId !== artifacts.judgingDeckId &&
                  <button type="button" class="secondary" onClick={() => mark(v.artifactId)}>{t('artifacts.markForJudging')}</button>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const reduceArtifacts = (_: TeamArtifacts, event: StreamEnvelope): TeamArtifacts => (event.payload as { artifacts: TeamArtifacts }).artifacts;

function UploadForm({ campId, teamId, uploaded }: { campId: string; teamId: string; uploaded(): void }) {
  const [kind, setKind] = useState<ArtifactKind>('Deck');
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<UploadState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const percent = state && state.total > 0 ? Math.floor((state.sent / state.total) * 100) : 0;

  return (
    <form class="upload" onSubmit={(e) => {
      e.preventDefault();
      if (!file) return;
      setBusy(true);
      setError(null);
      setDone(null);
      uploadFile(campId, teamId, kind, file, setState).then((version) => {
        setDone(t('artifacts.uploaded', { name: version.fileName }));
        setFile(null);
        (e.target as HTMLFormElement).reset();
        uploaded();
      }, (err: unknown) => setError(describe(err))).finally(() => setBusy(false));
    }}>
      <fieldset>
        <legend>{t('artifacts.kind')}</legend>
        <label><input type="radio" name="kind" checked={kind === 'Deck'} onChange={() => setKind('Deck')} /> {t('artifacts.deck')}</label>
        <label><input type="radio" name="kind" checked={kind === 'Prototype'} onChange={() => setKind('Prototype')} data-testid="kind-prototype" /> {t('artifacts.prototype')}</label>
      </fieldset>
      <label for="artifact-file">{t('artifacts.file')}</label>
      <p class="hint" id="artifact-file-hint">{t(kind === 'Deck' ? 'artifacts.deckHint' : 'artifacts.prototypeHint')}</p>
      <input id="artifact-file" type="file" aria-describedby="artifact-file-hint" data-testid="artifact-file"
        accept={kind === 'Deck' ? '.pdf,.pptx' : 'image/*,.pdf,.zip,.apk,video/mp4'} onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
      <button type="submit" disabled={!file || busy} data-testid="upload">{busy ? t('artifacts.uploading') : t('artifacts.upload')}</button>
      {state && busy && (
        <div class="progress">
          <label for="upload-progress">{t('artifacts.progress', { percent })}</label>
          <progress id="upload-progress" max={100} value={percent} data-testid="upload-progress" />
          {state.retrying && <p class="muted" role="status">{t('artifacts.retrying')}</p>}
        </div>
      )}
      <Message kind="info" text={done} />
      <Message text={error} />
    </form>
  );
}
