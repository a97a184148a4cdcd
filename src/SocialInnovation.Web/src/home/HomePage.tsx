import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { t } from '../i18n';
import { currentMe, me } from '../session/current';
import { describe } from '../ui/describe';
import { Loading, Message } from '../ui/Message';
import { usePageTitle } from '../ui/usePageTitle';
import { CampList } from './CampList';
import { CreateCampForm } from './CreateCampForm';

/** "/": a welcome for visitors, "My camps" (and, for the platform organizer, the create form) for members. */
export default function HomePage() {
  const failure = useSignal<string | null>(null);
  const loaded = useSignal(false);
  useEffect(() => {
    currentMe(true).then(() => (loaded.value = true), (error: unknown) => (failure.value = describe(error)));
  }, []);

  const who = me.value;
  usePageTitle(!loaded.value ? undefined : who ? t('home.title') : null);
  if (failure.value) return <Message text={failure.value} />;
  if (!loaded.value) return <Loading text={t('home.loading')} />;
  if (!who) return <Welcome />;
  return (
    <>
      <h1>{t('home.title')}</h1>
      <CampList me={who} />
      {who.isPlatformOrganizer && <CreateCampForm />}
    </>
  );
}

function Welcome() {
  const [before, after] = t('welcome.organizer').split('{link}');
  return (
    <>
      <h1>{t('welcome.title')}</h1>
      <p class="lead">{t('welcome.lead')}</p>
      <p>{before}<a href="/signin">{t('welcome.organizerLink')}</a>{after}</p>
      <p>{t('welcome.invitees')}</p>
    </>
  );
}
