import { language, languages, ownName, t } from '../i18n';
import { switchLanguage } from '../session/language';
import { signOut, signOutEverywhere } from '../api/session';
import { me, setMe } from '../session/current';
import { navigate } from '../router';
import { tx, User } from './text';

export function Header() {
  const who = me.value;
  return (
    <>
      <a class="skip-link" href="#app" onClick={skipToContent}>{t('app.skip')}</a>
      <a class="brand" href="/">{t('app.name')}</a>
      <nav aria-label={t('nav.main')}>
        {who ? (
          <>
            <a href="/">{t('nav.home')}</a>
            <span class="who">{tx('nav.signedInAs', { name: <User>{who.name}</User> })}</span>
            <button type="button" class="link-button" onClick={() => void leave(signOut)}>{t('nav.signout')}</button>
            {/* Ends this person's sessions on every device: a phone left behind at the venue is cut off. */}
            <button type="button" class="link-button" data-testid="signout-everywhere" onClick={() => void leave(signOutEverywhere)}>{t('nav.signoutEverywhere')}</button>
          </>
        ) : who === null && <a href="/signin">{t('nav.signin')}</a>}
        {/* Not known yet (loading, or offline: a judge's tablet reopening its page): no "Organizer sign-in" for a
            person who is signed in. */}
        {languages.filter((l) => l !== language).map((l) => (
          <button key={l} type="button" class="link-button" lang={l} onClick={() => void switchLanguage(l, who)}>{ownName(l)}</button>
        ))}
      </nav>
    </>
  );
}

async function leave(end: () => Promise<unknown>): Promise<void> {
  try {
    await end();
  } finally {
    setMe(null);
    navigate('/');
  }
}

// A plain "#app" link would overwrite the invite token kept in /join's fragment.
function skipToContent(event: Event): void {
  event.preventDefault();
  document.getElementById('app')?.focus();
}
