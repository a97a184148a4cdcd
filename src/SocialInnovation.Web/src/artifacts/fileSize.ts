import { language } from '../i18n';

/**
 * A file's size in the reader's language: "1 kB", "1.5 MB"; in Russian "1 кБ", "1,5 МБ" (it was "1 KB" with
 * a point on every page). Kilobytes are whole and at least 1, megabytes have one decimal.
 */
export function formatSize(bytes: number, lang: string = language): string {
  return bytes >= 1024 * 1024
    ? new Intl.NumberFormat(lang, { style: 'unit', unit: 'megabyte', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))
    : new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1024)));
}
