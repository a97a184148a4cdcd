import { useEffect } from 'preact/hooks';
import { t } from '../i18n';

/** Sets the tab title, which screen readers announce after a navigation. */
export function usePageTitle(text: string | null | undefined): void {
  useEffect(() => {
    if (text !== undefined) document.title = text ? `${text} · ${t('app.name')}` : t('app.name');
  }, [text]);
}
