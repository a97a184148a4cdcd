import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { configureBoards, newId, runSprint } from './boardApi';
import type { CampBoardPlan } from './boardTypes';
import { Schedule, type SprintGoal } from './Schedule';

const hour = 3_600_000;

/** The organizer's plan for every board: WIP limits warn or refuse, who else may look, the sprint schedule, start and stop. */
export function PlanForm({ campId, plan, goals, changed }: { campId: string; plan: CampBoardPlan; goals: SprintGoal[]; changed(plan: CampBoardPlan): void }) {
  const first = plan.schedule[0];
  const [warnOnly, setWarnOnly] = useState(plan.wipWarnOnly);
  const [othersMayView, setOthersMayView] = useState(plan.othersMayView);
  const [count, setCount] = useState(String(plan.schedule.length || 4));
  const [hours, setHours] = useState(String(first ? Math.round((Date.parse(first.end) - Date.parse(first.start)) / hour) : 6));
  const [start, setStart] = useState(localInput(first ? new Date(first.start) : new Date()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const run = (work: Promise<CampBoardPlan>, saving = false) => {
    setBusy(true);
    setSaved(false);
    work.then((p) => { changed(p); setError(null); setSaved(saving); }, (e: unknown) => setError(describe(e))).finally(() => setBusy(false));
  };
  const save = (e: Event) => {
    e.preventDefault();
    const from = new Date(start).getTime();
    const length = Math.max(1, Number.parseInt(hours, 10) || 6) * hour;
    const schedule = Array.from({ length: Math.min(20, Math.max(0, Number.parseInt(count, 10) || 0)) }, (_, i) => ({
      number: i + 1, start: new Date(from + i * length).toISOString(), end: new Date(from + (i + 1) * length).toISOString(),
    }));
    run(configureBoards(campId, { wipWarnOnly: warnOnly, othersMayView, schedule, idempotencyKey: newId() }), true);
  };
  const next = plan.activeSprint === null
    ? plan.schedule.find((s) => Date.parse(s.end) > Date.now())?.number ?? plan.schedule[0]?.number
    : plan.schedule.find((s) => s.number === (plan.activeSprint ?? 0) + 1)?.number;
  return (
    <section class="card" aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t('boards.plan')}</h2>
      <Schedule plan={plan} goals={goals} />
      <div class="actions sprint-run">
        {plan.activeSprint !== null && (
          <button type="button" class="danger" disabled={busy} data-testid="sprint-stop" onClick={() => run(runSprint(campId, null, newId()))}>
            {t('boards.stop', { number: plan.activeSprint })}
          </button>
        )}
        {next !== undefined && (
          <button type="button" disabled={busy} data-testid="sprint-start" onClick={() => run(runSprint(campId, next, newId()))}>
            {t('boards.start', { number: next })}
          </button>
        )}
      </div>
      <form class="form" onSubmit={save}>
        <label class="check"><input type="checkbox" checked={warnOnly} onChange={(e) => setWarnOnly((e.target as HTMLInputElement).checked)} /> {t('boards.warnOnly')}</label>
        <label class="check"><input type="checkbox" checked={othersMayView} onChange={(e) => setOthersMayView((e.target as HTMLInputElement).checked)} /> {t('boards.othersMayView')}</label>
        <div class="row">
          <div class="field"><label for="plan-count">{t('boards.sprintCount')}</label>
            <input id="plan-count" type="number" min={0} max={20} inputMode="numeric" value={count} onInput={(e) => setCount((e.target as HTMLInputElement).value)} /></div>
          <div class="field"><label for="plan-hours">{t('boards.sprintHours')}</label>
            <input id="plan-hours" type="number" min={1} max={72} inputMode="numeric" value={hours} onInput={(e) => setHours((e.target as HTMLInputElement).value)} /></div>
        </div>
        <div class="field"><label for="plan-start">{t('boards.firstStart')}</label>
          <input id="plan-start" type="datetime-local" value={start} onInput={(e) => setStart((e.target as HTMLInputElement).value)} /></div>
        <Message text={error} />
        <Message kind="info" text={saved ? t('boards.planSaved') : null} />
        <button type="submit" disabled={busy}>{t('boards.savePlan')}</button>
      </form>
    </section>
  );
}

/** A date as a datetime-local input wants it, in the reader's time zone. */
function localInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
