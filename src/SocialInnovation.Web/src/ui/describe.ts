import { ApiProblem } from '../api/http';
import { errorText, t } from '../i18n';

/** The sentence to show for any failure: the catalogue's text for its code, else the server's detail. */
export function describe(error: unknown): string {
  if (error instanceof ApiProblem) {
    if (error.status === 0) return t('error.network');
    if (Object.keys(error.errors).length > 0 && (!error.code || error.code === 'validation')) return t('error.fields');
    return errorText(error.code, error.detail) ?? t('error.unexpected', { status: error.status });
  }
  return t('error.unexpected', { status: String(error instanceof Error ? error.message : error) });
}
