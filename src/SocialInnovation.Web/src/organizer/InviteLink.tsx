import { useEffect, useRef, useState } from 'preact/hooks';
import QRCode from 'qrcode';
import { t } from '../i18n';
import { Message } from '../ui/Message';

/** The new invite's link with a Copy button and a QR code for a room to scan. Loaded only when shown. */
export default function InviteLink({ link }: { link: string }) {
  const [qr, setQr] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const code = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    // SVG needs no canvas and stays sharp when projected for a room to scan.
    QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (svg) => setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => setQr(null),
    );
  }, [link]);

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(link);
      setStatus(t('invites.copied'));
    } catch {
      // No clipboard outside secure contexts: select the text so a manual copy is one keystroke.
      const range = document.createRange();
      range.selectNodeContents(code.current!);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      setStatus(t('invites.copyFailed'));
    }
  }

  return (
    <section class="card invite-share">
      <h3 ref={heading} tabIndex={-1}>{t('invites.linkTitle')}</h3>
      <p class="muted">{t('invites.linkOnce')}</p>
      <p><code ref={code} class="invite-link" data-testid="invite-link">{link}</code></p>
      <div class="actions"><button type="button" onClick={() => void copy()}>{t('invites.copy')}</button></div>
      <Message kind="info" text={status} />
      {qr && <img class="qr" alt={t('invites.qr')} width={240} height={240} src={qr} />}
    </section>
  );
}
