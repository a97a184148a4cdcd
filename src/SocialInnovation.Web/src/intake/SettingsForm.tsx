import { useEffect, useMemo, useState } from 'preact/hooks';
import { countryName, t } from '../i18n';
import { ApiProblem } from '../api/http';
import { IdempotentSubmission } from '../api/idempotency';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { configureSelection, type CountryQuota, type FieldQuota, type QuotaField, type SelectionSettings } from './intakeApi';
import { FieldQuotaRows, type FieldRow } from './FieldQuotaRows';

interface Row { country: string; min: string; max: string }

/** What the form holds: kept aside when a colleague's save wins, so the user can put it back. */
interface Draft { rows: Row[]; fields: FieldRow[]; places: string; hours: string; privacy: string }

const draftOf = (s: SelectionSettings, campCapacity: number): Draft => ({
  rows: s.quotas.map((q) => ({ country: q.country, min: String(q.min), max: String(q.max) })),
  fields: s.fieldQuotas.map((q) => ({ field: q.field, value: q.value, min: String(q.min), max: String(q.max) })),
  places: String(s.capacity ?? campCapacity),
  hours: String(s.confirmWithinHours),
  privacy: s.privacyText,
});

/**
 * The intake settings: the places to fill, per-country and per-field (role, organisation, city) minimum
 * and maximum places, the confirmation deadline and the privacy text. Saving names the settings' version
 * the form was filled from, so a colleague's change made meanwhile is refused (selection.stale) instead
 * of overwritten; the form then shows the colleague's values and offers to put the user's own back.
 */
export function SettingsForm({ campId, settings, campCapacity, countries, values, saved }: {
  campId: string; settings: SelectionSettings; campCapacity: number; countries: string[];
  values: Record<QuotaField, string[]>; saved: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings, campCapacity));
  const [mine, setMine] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submission = useMemo(() => new IdempotentSubmission(), [settings.version, draft]);
  // A new version (saved here, by a colleague, or seen live) replaces what the form shows.
  useEffect(() => setDraft(draftOf(settings, campCapacity)), [settings.version]);

  const { rows, fields, places, hours, privacy } = draft;
  const capacity = Number(places) || campCapacity;
  const unused = countries.filter((c) => !rows.some((r) => r.country === c));
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const change = (i: number, patch: Partial<Row>) => set({ rows: rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const fieldError = (key: string) => errors[key]?.join(' ');

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    const quotas: CountryQuota[] = rows.map((r) => ({ country: r.country, min: Number(r.min || 0), max: r.max === '' ? capacity : Number(r.max) }));
    const fieldQuotas: FieldQuota[] = fields.map((f) => ({ field: f.field, value: f.value, min: Number(f.min || 0), max: f.max === '' ? capacity : Number(f.max) }));
    // Left at the camp's own capacity, the intake keeps following the camp.
    const placesToSend = settings.capacity === null && Number(places) === campCapacity ? null : Number(places);
    setBusy(true);
    setMessage(null);
    setErrors({});
    try {
      await submission.run((key) => configureSelection(campId, { privacyText: privacy, confirmWithinHours: Number(hours), quotas, fieldQuotas, capacity: placesToSend }, settings.version, key));
      setMine(null);
      setMessage({ kind: 'info', text: t('settings.saved') });
      saved();
    } catch (error) {
      if (error instanceof ApiProblem) setErrors(error.errors);
      if (error instanceof ApiProblem && error.code === 'selection.stale') {
        setMine(draft);
        setMessage({ kind: 'error', text: t('settings.stale') });
        saved();
      } else {
        setMessage({ kind: 'error', text: describe(error) });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card settings" onSubmit={(e) => void save(e)} aria-labelledby="settings-heading" data-testid="selection-settings" noValidate>
      <h2 id="settings-heading">{t('settings.title')}</h2>
      <label>{t('settings.places')}
        <input type="number" min={1} max={5000} inputMode="numeric" value={places} onInput={(e) => set({ places: e.currentTarget.value })}
          aria-invalid={!!fieldError('Capacity')} aria-describedby="settings-places-help" data-testid="settings-capacity" />
      </label>
      <p class="muted" id="settings-places-help">{t('settings.placesHelp', { capacity: campCapacity })}</p>
      {fieldError('Capacity') && <p class="field-error">{fieldError('Capacity')}</p>}
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
            <button type="button" class="secondary" onClick={() => set({ rows: rows.filter((_, j) => j !== i) })}
              aria-label={t('settings.removeFor', { country: countryName(r.country) })}>{t('settings.remove')}</button>
            {(fieldError(`Quotas[${i}].Min`) || fieldError(`Quotas[${i}].Max`)) && (
              <p class="field-error">{[fieldError(`Quotas[${i}].Min`), fieldError(`Quotas[${i}].Max`)].filter(Boolean).join(' ')}</p>
            )}
          </div>
        ))}
        {unused.length > 0 && (
          <p class="actions">
            {unused.map((c) => (
              <button key={c} type="button" class="secondary" onClick={() => set({ rows: [...rows, { country: c, min: '0', max: String(capacity) }] })}
                data-testid={`add-quota-${c}`}>{t('settings.addFor', { country: countryName(c) })}</button>
            ))}
          </p>
        )}
      </fieldset>
      <FieldQuotaRows rows={fields} capacity={capacity} values={values} errors={errors} changed={(next) => set({ fields: next })} />
      <label>{t('settings.confirmHours')}
        <input type="number" min={1} max={720} inputMode="numeric" value={hours} onInput={(e) => set({ hours: e.currentTarget.value })}
          aria-invalid={!!fieldError('ConfirmWithinHours')} />
      </label>
      {fieldError('ConfirmWithinHours') && <p class="field-error">{fieldError('ConfirmWithinHours')}</p>}
      <label>{t('settings.privacy')}
        <textarea rows={4} value={privacy} onInput={(e) => set({ privacy: e.currentTarget.value })} aria-invalid={!!fieldError('PrivacyText')} />
      </label>
      {fieldError('PrivacyText') && <p class="field-error">{fieldError('PrivacyText')}</p>}
      <div aria-live="polite">{message && <Message kind={message.kind} text={message.text} />}</div>
      <p class="actions">
        <button type="submit" disabled={busy} data-testid="save-settings">{t('settings.save')}</button>
        {mine && <button type="button" class="secondary" onClick={() => { setDraft(mine); setMine(null); setMessage(null); }}
          data-testid="reapply-settings">{t('settings.reapply')}</button>}
      </p>
    </form>
  );
}
