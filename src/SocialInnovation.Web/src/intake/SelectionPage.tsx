import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { countryName, t } from '../i18n';
import type { PageProps } from '../router';
import { describe } from '../ui/describe';
import { Loading, Message } from '../ui/Message';
import { usePageTitle } from '../ui/usePageTitle';
import { exportUrl, getCriteria, listApplications, selectionOverview, type ApplicationStatus, type SelectionCriteria, type SelectionEntry, type SelectionOverview } from './intakeApi';
import { CriteriaForm } from './CriteriaForm';
import { ApplicationsTable } from './ApplicationsTable';
import { SuggestionPanel } from './SuggestionPanel';
import { SettingsForm } from './SettingsForm';
import { getCamp } from '../api/camps';
import { statusName, waitlistOrder } from './waitlist';
import { fieldQuotaName, quotaFields } from './FieldQuotaRows';
import type { QuotaField } from './intakeApi';
import { useRole } from './useRole';
import { mergeEntries, watchSelection } from './selectionLive';

const statuses: ApplicationStatus[] = ['Submitted', 'Waitlisted', 'Accepted', 'Confirmed', 'Rejected', 'Declined', 'Withdrawn', 'Expired'];

/**
 * /camps/<id>/selection: places and quotas, the applications with their reviews, and the decisions.
 * A reviewer sees the counts and the applications and scores them; settings, suggestions, decisions,
 * the CSV and resending links are the organizers' (the server refuses them to reviewers too).
 * The page watches the camp's <code>selection</code> stream: a colleague's decision, score or quota change
 * shows here at once (rows from the events themselves, counts fetched again after them).
 */
export default function SelectionPage({ params }: PageProps) {
  const campId = params.campId;
  const [overview, setOverview] = useState<SelectionOverview | null>(null);
  const [entries, setEntries] = useState<SelectionEntry[] | null>(null);
  const [criteria, setCriteria] = useState<SelectionCriteria | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [countries, setCountries] = useState<string[]>([]);
  const [campCapacity, setCampCapacity] = useState(0);
  const [country, setCountry] = useState('');
  const [status, setStatus] = useState('');
  const [minScore, setMinScore] = useState('');
  const [skill, setSkill] = useState('');
  const [organisation, setOrganisation] = useState('');
  const role = useRole(campId);
  const organizer = role === 'Organizer';
  usePageTitle(t('selection.title'));

  // Counts asked for later win: an answer to an older request (the first load) must not undo a newer count.
  const asked = useRef(0);
  async function reload(): Promise<void> {
    try {
      const ticket = ++asked.current;
      const [o, list, snapshot, c] = await Promise.all([selectionOverview(campId), listApplications(campId), getCamp(campId), getCriteria(campId)]);
      setOverview((now) => (ticket === asked.current || now === null ? o : now));
      setCriteria(c);
      setCountries(snapshot.details.countries);
      setCampCapacity(snapshot.details.capacity);
      setEntries((now) => mergeEntries(now, list));
    } catch (error) {
      setFailure(describe(error));
    }
  }
  // The counts after pushed changes: one request at a time, and one more if changes came meanwhile.
  const counting = useRef<'idle' | 'busy' | 'again'>('idle');
  async function recount(): Promise<void> {
    if (counting.current !== 'idle') {
      counting.current = 'again';
      return;
    }
    counting.current = 'busy';
    try {
      const ticket = ++asked.current;
      const o = await selectionOverview(campId);
      setOverview((now) => (ticket === asked.current || now === null ? o : now));
    } catch {
      // The next change or a reload counts again.
    }
    // (Set to 'again' by calls made while the request ran.)
    const again = (counting.current as string) === 'again';
    counting.current = 'idle';
    if (again) await recount();
  }
  useEffect(() => {
    void reload();
    return watchSelection(campId, {
      entries: (changed, snapshot) => setEntries((now) => mergeEntries(now, changed, snapshot)),
      changed: () => void recount(),
      refused: (detail) => setFailure(detail),
    });
  }, [campId]);

  const shown = useMemo(() => (entries ?? []).filter((e) =>
    (!country || e.application.country === country) && (!status || e.status === status)
    && (!minScore || (e.score.mean ?? 0) >= Number(minScore))
    && (!skill || e.application.skills.some((s) => s.toLocaleLowerCase().includes(skill.trim().toLocaleLowerCase())))
    && (!organisation || e.application.organisation.toLocaleLowerCase().includes(organisation.trim().toLocaleLowerCase()))),
  [entries, country, status, minScore, skill, organisation]);
  // What applicants wrote in each field a quota can count by, offered when typing a quota's value.
  const values = useMemo(() => Object.fromEntries(quotaFields.map((f) => [f, [...new Set((entries ?? [])
    .map((e) => (f === 'Role' ? e.application.role : f === 'Organisation' ? e.application.organisation : e.application.city).trim())
    .filter(Boolean))].sort()])) as Record<QuotaField, string[]>, [entries]);
  const filterKey = [country, status, minScore, skill, organisation].join('|');
  const waitlist = useMemo(() => (entries && overview ? waitlistOrder(entries, overview) : []), [entries, overview]);

  const back = organizer ? <a href={`/camps/${campId}/organize`}>{t('selection.backToConsole')}</a> : <a href={`/camps/${campId}`}>{t('selection.backToCamp')}</a>;
  if (failure) return <><Message text={failure} /><p>{back}</p></>;
  if (!overview || !entries || !criteria) return <Loading text={t('selection.loading')} />;
  return (
    <div class="selection">
      <h1>{t('selection.title')}</h1>
      <p class="actions">
        {back}
        {organizer && <a href={exportUrl(campId)} download="applications.csv" data-testid="export-csv">{t('selection.export')}</a>}
      </p>
      {role === 'Reviewer' && <p class="muted" data-testid="reviewer-help">{t('selection.reviewerHelp')}</p>}
      <section class="card" aria-labelledby="places-heading">
        <h2 id="places-heading">{t('selection.places')}</h2>
        <p>
          <label for="places-progress">{t('selection.placesTaken', { taken: overview.placesTaken, capacity: overview.capacity })}</label>
          <progress id="places-progress" max={overview.capacity} value={Math.min(overview.placesTaken, overview.capacity)} />
        </p>
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t('selection.byCountry')}>
          <table>
            <caption>{t('selection.byCountry')}</caption>
            <thead><tr><th scope="col">{t('apply.country')}</th><th scope="col">{t('selection.applications')}</th><th scope="col">{t('selection.taken')}</th><th scope="col">{t('selection.quota')}</th></tr></thead>
            <tbody>
              {overview.countries.map((c) => (
                <tr key={c.country}>
                  <th scope="row">{countryName(c.country)}</th>
                  <td>{c.applications}</td>
                  <td>{c.taken}{c.max !== null && <> <progress max={c.max} value={Math.min(c.taken, c.max)} aria-label={t('selection.quotaUse', { country: countryName(c.country) })} /></>}</td>
                  <td>{c.min === null && c.max === null ? '—' : t('selection.minMax', { min: c.min ?? 0, max: c.max ?? '∞' })}
                    {c.min !== null && c.taken < c.min && <strong> {t('selection.belowMin')}</strong>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {overview.fields.length > 0 && (
          <div class="table-scroll" tabIndex={0} role="region" aria-label={t('selection.byField')}>
            <table data-testid="field-counts">
              <caption>{t('selection.byField')}</caption>
              <thead><tr><th scope="col">{t('settings.value')}</th><th scope="col">{t('selection.applications')}</th><th scope="col">{t('selection.taken')}</th><th scope="col">{t('selection.quota')}</th></tr></thead>
              <tbody>
                {overview.fields.map((f) => (
                  <tr key={`${f.field}:${f.value}`}>
                    <th scope="row"><bdi>{fieldQuotaName(f.field, f.value)}</bdi></th>
                    <td>{f.applications}</td>
                    <td>{f.taken}</td>
                    <td>{t('selection.minMax', { min: f.min, max: f.max })}{f.taken < f.min && <strong> {t('selection.belowMin')}</strong>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>{statuses.filter((s) => overview.byStatus[s]).map((s) => `${statusName(s)}: ${overview.byStatus[s]}`).join(' · ')}</p>
      </section>
      {organizer && <>
      <details class="card" data-testid="settings-details">
        <summary>{t('settings.open')}</summary>
        <SettingsForm campId={campId} settings={overview.settings} campCapacity={campCapacity}
          countries={countries} values={values} saved={() => void reload()} />
      </details>
      <details class="card" data-testid="criteria-details">
        <summary>{t('criteria.title')}</summary>
        <CriteriaForm campId={campId} criteria={criteria} saved={setCriteria} />
      </details>
      <SuggestionPanel campId={campId} changed={() => void reload()} />
      </>}
      {/* Not named: the scrolling table inside is the region "Applications" (two landmarks of one name: axe landmark-unique). */}
      <section>
        <h2 id="apps-heading">{t('selection.applicationsTitle')}</h2>
        <form class="card filters" onSubmit={(e) => e.preventDefault()} aria-label={t('selection.filter')}>
          <label>{t('apply.country')}
            <select value={country} onChange={(e) => setCountry(e.currentTarget.value)} data-testid="filter-country">
              <option value="">{t('selection.all')}</option>
              {overview.countries.map((c) => <option key={c.country} value={c.country}>{countryName(c.country)}</option>)}
            </select>
          </label>
          <label>{t('selection.status')}
            <select value={status} onChange={(e) => setStatus(e.currentTarget.value)} data-testid="filter-status">
              <option value="">{t('selection.all')}</option>
              {statuses.map((s) => <option key={s} value={s}>{statusName(s)}</option>)}
            </select>
          </label>
          <label>{t('selection.minScore')}
            <input type="number" min={0} max={5} step={0.5} inputMode="decimal" value={minScore} onInput={(e) => setMinScore(e.currentTarget.value)} />
          </label>
          <label>{t('selection.skill')}
            <input type="search" value={skill} onInput={(e) => setSkill(e.currentTarget.value)} data-testid="filter-skill" />
          </label>
          <label>{t('selection.organisation')}
            <input type="search" value={organisation} onInput={(e) => setOrganisation(e.currentTarget.value)} data-testid="filter-organisation" />
          </label>
        </form>
        <p role="status">{t('selection.shown', { shown: shown.length, total: entries.length })}</p>
        <ApplicationsTable campId={campId} entries={shown} filterKey={filterKey} canDecide={organizer} criteria={criteria.criteria} changed={() => void reload()} />
      </section>
      <section class="card" aria-labelledby="waitlist-heading">
        <h2 id="waitlist-heading">{t('selection.waitlist')}</h2>
        <p class="muted">{t('selection.waitlistRule')}</p>
        {waitlist.length === 0 ? <p class="empty">{t('selection.waitlistEmpty')}</p> : (
          <ol data-testid="waitlist">{waitlist.map((e) => <li key={e.application.applicationId}><bdi>{e.application.name}</bdi> — {countryName(e.application.country)}, {e.score.mean ?? '—'}</li>)}</ol>
        )}
      </section>
    </div>
  );
}
