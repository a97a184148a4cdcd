import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../i18n';
import { IdempotentSubmission } from '../api/idempotency';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { setCriteria, type SelectionCriterion as Criterion, type SelectionCriteria } from './intakeApi';
import { criterionName } from './criteria';

/** A new criterion's id from its name: what the server accepts (lower-case Latin, digits, dashes), unique in the list. */
function idFor(name: string, taken: Set<string>): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 24) || 'criterion';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The camp's selection criteria (organizers only): rename, remove, add; saving names the list's version
 * seen, so a colleague's change is refused (criteria.stale) rather than overwritten. Existing criteria
 * keep their ids, so reviews already given still name them.
 */
export function CriteriaForm({ campId, criteria, saved }: { campId: string; criteria: SelectionCriteria; saved: (next: SelectionCriteria) => void }) {
  const [rows, setRows] = useState<Criterion[]>(() => criteria.criteria.map((c) => ({ ...c, name: criterionName(c) })));
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submission = useMemo(() => new IdempotentSubmission(), [criteria.version, rows]);
  useEffect(() => setRows(criteria.criteria.map((c) => ({ ...c, name: criterionName(c) }))), [criteria.version]);

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const taken = new Set(rows.filter((r) => r.id).map((r) => r.id));
      const list = rows.map((r) => (r.id ? r : { id: idFor(r.name, taken), name: r.name }));
      const next = await submission.run((key) => setCriteria(campId, list, criteria.version, key));
      setMessage({ kind: 'info', text: t('criteria.saved') });
      saved(next);
    } catch (error) {
      setMessage({ kind: 'error', text: describe(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate data-testid="criteria-form">
      <p class="muted">{t('criteria.help')}</p>
      <ol>
        {rows.map((r, i) => (
          <li key={i}>
            <label>{t('criteria.name', { n: i + 1 })}
              <input value={r.name} maxLength={60} onInput={(e) => { const name = e.currentTarget.value; setRows(rows.map((x, j) => (j === i ? { ...x, name } : x))); }}
                data-testid={`criterion-${i}`} />
            </label>
            <button type="button" class="secondary" disabled={rows.length <= 1} onClick={() => setRows(rows.filter((_, j) => j !== i))}
              aria-label={t('criteria.remove', { name: r.name })}>×</button>
          </li>
        ))}
      </ol>
      <div aria-live="polite">{message && <Message kind={message.kind} text={message.text} />}</div>
      <p class="actions">
        <button type="button" class="secondary" disabled={rows.length >= 8} onClick={() => setRows([...rows, { id: '', name: '' }])} data-testid="add-criterion">{t('criteria.add')}</button>
        <button type="submit" disabled={busy} data-testid="save-criteria">{t('criteria.save')}</button>
      </p>
    </form>
  );
}
