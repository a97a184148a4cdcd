import QRCode from 'qrcode';
import { h } from '../ui/dom';
import { messageRegion } from '../ui/status';
import { t } from '../i18n';

/** The new invite's link with a Copy button and a QR code for a room to scan. */
export function inviteLink(link: string): HTMLElement {
  const status = messageRegion('info');
  const code = h('code', { class: 'invite-link', 'data-testid': 'invite-link' }, link);
  const copy = h('button', { type: 'button', onclick: () => void copyLink(link, code, status) }, t('invites.copy'));
  const qr = h('img', { class: 'qr', alt: t('invites.qr'), width: 240, height: 240 });
  // SVG needs no canvas and stays sharp when projected for a room to scan.
  QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
    (svg) => (qr.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
    () => qr.remove(),
  );
  return h('section', { class: 'card invite-share' },
    h('h3', { tabindex: -1 }, t('invites.linkTitle')),
    h('p', { class: 'muted' }, t('invites.linkOnce')),
    h('p', {}, code),
    h('div', { class: 'actions' }, copy),
    status,
    qr,
  );
}

async function copyLink(link: string, code: HTMLElement, status: ReturnType<typeof messageRegion>): Promise<void> {
  try {
    await navigator.clipboard.writeText(link);
    status.show(t('invites.copied'));
  } catch {
    // No clipboard outside secure contexts: select the text so a manual copy is one keystroke.
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    status.show(t('invites.copyFailed'));
  }
}
