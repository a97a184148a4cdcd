import { t } from '../i18n';

/**
 * The server's privacy text for a camp whose organizers never wrote their own
 * (SelectionSettings.DefaultPrivacyText, in English only; tests/privacyText.test.ts keeps the two equal).
 */
export const defaultPrivacyText =
  'The organizers use the data in this form to select participants and to contact you about this camp. ' +
  'It is kept until the camp is archived and is not shared with anyone else.';

/** The camp's privacy text; the untouched default in the reader's language, so a Russian form is not half English. */
export const privacyInReadersLanguage = (text: string): string =>
  text.trim() === defaultPrivacyText ? t('apply.defaultPrivacy') : text;
