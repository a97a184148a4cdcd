import { useMemo, useState } from 'preact/hooks';
import { countryName, t } from '../i18n';
import { ApiProblem } from '../api/http';
import { IdempotentSubmission } from '../api/idempotency';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { configureSelection, type CountryQuota, type SelectionSettings } from './intakeApi';

interface Row { country: string; min: string; max: string }

/**
 * The intake settings: per-country minimum and maximum places, the confirmation deadline and the
 * privacy text. The capacity is the camp's. Saving names the settings' version the form was filled
 * from, so a colleague's change made meanwhile is refused (selection.stale) instead of overwritten.
 */
export function SettingsForm({ campId, settings, capacity, countries, saved }: {
  campId: string; settings: SelectionSettings; capacity: number; countries: string[]; saved: () => void;
}) {
  const [rows, setRows] = useState<Row[]>(() => settings.quotas.map((q) => ({ country: q.country, min: String(q.min), max: String(q.max) })));
  const [hours, setHours] = useState(String(settings.confirmWithinHours));
  const [privacy, setPrivacy] = useState(settings.privacyText);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submission = useMemo(() => new IdempotentSubmission(), [settings.version]);
  const unused = countries.filter((c) => !rows.some((r) => r.country === c));

  const change = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const fieldError = (key: string) => errors[key]?.join(' ');

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    const quotas: CountryQuota[] = rows.map((r) => ({ country: r.country, min: Number(r.min || 0), max: r.max === '' ? capacity : Number(r.max) }));
    setBusy(true);
    setMessage(null);
    setErrors({});
    try {
      await submission.run((key) => configureSelection(campId, privacy, Number(hours), quotas, settings.version, key));
      setMessage({ kind: 'info', text: t('settings.saved') });
      saved();
    } catch (error) {
      if (error instanceof ApiProblem) setErrors(error.errors);
      setMessage({ kind: 'error', text: describe(error) });
      if (error instanceof ApiProblem && error.code === 'selection.stale') saved();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card settings" onSubmit={(e) => void save(e)} aria-labelledby="settings-heading" data-testid="selection-settings" noValidate>
      <h2 id="settings-heading">{t('settings.title')}</h2>
      <p>{t('settings.capacity', { capacity })}</p>
      <fieldset>
        <legend>{t('settings.quotas')}</legend>
        <p class="muted">{t('settings.quotasHelp')}</p>
        {rows.length === 0 && <p class="empty">{t('settings.noQuotas')}</p>}
        {rows.map((r, i) => (
          <div class="quota-row" key={r.country} data-testid={`quota-${r.country}`}>
            <strong>{countryName(r.country)}</strong>
            <label>{t('settings.min')}
              <input type="number" min={0} max={capacity} inputMode="numeric" value={r.min} onInput={(e) => change(i, { min: e.currentTarget.value })}
                aria-label={t('settings.minFor', { country: countryName(r.country) })} aria-invalid={!!fieldError(`Quotas[${i}].Min`)} />
            </label>
            <label>{t('settings.max')}
              <input type="number" min={0} max={capacity} inputMode="numeric" value={r.max} onInput={(e) => change(i, { max: e.currentTarget.value })}
                aria-label={t('settings.maxFor', { country: countryName(r.country) })} aria-invalid={!!fieldError(`Quotas[${i}].Max`)} />
            </label>
            <button type="button" class="secondary" onClick={() => setRows(rows.filter((_, j) => j !== i))}
              aria-label={t('settings.removeFor', { country: countryName(r.country) })}>{t('settings.remove')}</button>
            {(fieldError(`Quotas[${i}].Min`) || fieldError(`Quotas[${i}].Max`)) && (
              <p class="field-error">{[fieldError(`Quotas[${i}].Min`), fieldError(`Quotas[${i}].Max`)].filter(Boolean).join(' ')}</p>
            )}
          </div>
        ))}
        {unused.length > 0 && (
          <p class="actions">
            {unused.map((c) => (
              <button key={c} type="button" class="secondary" onClick={() => setRows([...rows, { country: c, min: '0', max: String(capacity) }])}
                data-testid={`add-quota-${c}`}>{t('settings.addFor', { country: countryName(c) })}</button>
            ))}
          </p>
        )}
      </fieldset>
      <label>{t('settings.confirmHours')}
        <input type="number" min={1} max={720} inputMode="numeric" value={hours} onInput={(e) => setHours(e.currentTarget.value)}
          aria-invalid={!!fieldError('ConfirmWithinHours')} />
      </label>
      {fieldError('ConfirmWithinHours') && <p class="field-error">{fieldError('ConfirmWithinHours')}</p>}
      <label>{t('settings.privacy')}
        <textarea rows={4} value={privacy} onInput={(e) => setPrivacy(e.currentTarget.value)} aria-invalid={!!fieldError('PrivacyText')} />
      </label>
      {fieldError('PrivacyText') && <p class="field-error">{fieldError('PrivacyText')}</p>}
      <div aria-live="polite">{message && <Message kind={message.kind} text={message.text} />}</div>
      <p class="actions"><button type="submit" disabled={busy} data-testid="save-settings">{t('settings.save')}</button></p>
    </form>
  );
}
