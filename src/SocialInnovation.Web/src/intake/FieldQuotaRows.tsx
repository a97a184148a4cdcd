import { t } from '../i18n';
import type { QuotaField } from './intakeApi';

export interface FieldRow { field: QuotaField; value: string; min: string; max: string }

export const quotaFields: QuotaField[] = ['Role', 'Organisation', 'City'];

/** "Role “Student”": how a quota on another field is named in labels and explanations. */
export const fieldQuotaName = (field: QuotaField, value: string) => t('quota.named', { field: t(`quota.field.${field}`), value });

/**
 * Quotas on fields other than country: the organizer picks the field and types (or picks from what
 * applicants wrote) the value, with its minimum and maximum places.
 */
export function FieldQuotaRows({ rows, capacity, values, errors, changed }: {
  rows: FieldRow[]; capacity: number; values: Record<QuotaField, string[]>; errors: Record<string, string[]>; changed: (rows: FieldRow[]) => void;
}) {
  const change = (i: number, patch: Partial<FieldRow>) => changed(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const error = (i: number) => ['Field', 'Value', 'Min', 'Max'].map((k) => errors[`FieldQuotas[${i}].${k}`]?.join(' ')).filter(Boolean).join(' ');
  return (
    <fieldset data-testid="field-quotas">
      <legend>{t('settings.fieldQuotas')}</legend>
      <p class="muted">{t('settings.fieldQuotasHelp')}</p>
      {errors.FieldQuotas && <p class="field-error">{errors.FieldQuotas.join(' ')}</p>}
      {rows.length === 0 && <p class="empty">{t('settings.noFieldQuotas')}</p>}
      {quotaFields.map((f) => <datalist key={f} id={`quota-values-${f}`}>{values[f].map((v) => <option key={v} value={v} />)}</datalist>)}
      {rows.map((r, i) => {
        const name = fieldQuotaName(r.field, r.value || '…');
        return (
          <div class="quota-row" key={i} data-testid={`field-quota-${i}`}>
            <label>{t('settings.field')}
              <select value={r.field} onChange={(e) => change(i, { field: e.currentTarget.value as QuotaField })}>
                {quotaFields.map((f) => <option key={f} value={f}>{t(`quota.field.${f}`)}</option>)}
              </select>
            </label>
            <label>{t('settings.value')}
              <input type="text" maxLength={80} list={`quota-values-${r.field}`} value={r.value} onInput={(e) => change(i, { value: e.currentTarget.value })}
                aria-invalid={!!errors[`FieldQuotas[${i}].Value`]} data-testid="field-quota-value" />
            </label>
            <label>{t('settings.min')}
              <input type="number" min={0} max={capacity} inputMode="numeric" value={r.min} onInput={(e) => change(i, { min: e.currentTarget.value })}
                aria-label={t('settings.minFor', { country: name })} aria-invalid={!!errors[`FieldQuotas[${i}].Min`]} />
            </label>
            <label>{t('settings.max')}
              <input type="number" min={0} max={capacity} inputMode="numeric" value={r.max} onInput={(e) => change(i, { max: e.currentTarget.value })}
                aria-label={t('settings.maxFor', { country: name })} aria-invalid={!!errors[`FieldQuotas[${i}].Max`]} />
            </label>
            <button type="button" class="secondary" onClick={() => changed(rows.filter((_, j) => j !== i))}
              aria-label={t('settings.removeFor', { country: name })}>{t('settings.remove')}</button>
            {error(i) && <p class="field-error">{error(i)}</p>}
          </div>
        );
      })}
      <p class="actions">
        <button type="button" class="secondary" onClick={() => changed([...rows, { field: 'Role', value: '', min: '0', max: String(capacity) }])}
          data-testid="add-field-quota">{t('settings.addField')}</button>
      </p>
    </fieldset>
  );
}
