import { t } from '../i18n';
import { usePageTitle } from '../ui/usePageTitle';

/**
 * What a visitor who is not signed in sees instead of a members-only page: how to get in (the invite link,
 * or the organizer key), and the way back. Shown before the page asks the server for anything, so the
 * visit leaves no 401 in the console.
 */
export function SignInPrompt() {
  usePageTitle(t('signin.neededTitle'));
  // After signing in the organizer comes back here.
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <div data-testid="signin-needed">
      <h1>{t('signin.neededTitle')}</h1>
      <p>{t('signin.neededText')}</p>
      <p class="inline-links">
        <a href={`/signin?next=${next}`} data-testid="signin-needed-link">{t('nav.signin')}</a>
        {' '}<a href="/">{t('signin.neededHome')}</a>
      </p>
    </div>
  );
}
