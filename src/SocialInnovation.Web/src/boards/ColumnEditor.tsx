import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { newId, setColumns } from './boardApi';
import type { BoardView } from './boardTypes';
import { columnName } from './laneNames';

interface Row { columnId: string | null; shown: string; wip: string }

const rowsOf = (view: BoardView): Row[] =>
  view.columns.map((c) => ({ columnId: c.columnId, shown: columnName(view, c.columnId), wip: c.wipLimit?.toString() ?? '' }));

/**
 * The team's columns: rename, add, reorder (buttons, no drag needed), remove an empty one, and a WIP limit
 * per column. Saved as one change based on the columns version shown; the board's stream redraws the lanes.
 */
export function ColumnEditor({ view, campId, teamId }: { view: BoardView; campId: string; teamId: string }) {
  const [rows, setRows] = useState<Row[]>(() => rowsOf(view));
  // The columns changed (saved here or by a teammate): show them as they now are.
  useEffect(() => setRows(rowsOf(view)), [view.columnsVersion]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const change = (i: number, row: Partial<Row>) => { setSaved(false); setRows(rows.map((r, j) => (j === i ? { ...r, ...row } : r))); };
  const swap = (i: number, j: number) => {
    const next = [...rows];
    [next[i], next[j]] = [next[j], next[i]];
    setSaved(false);
    setRows(next);
  };
  const save = (e: Event) => {
    e.preventDefault();
    // A default column whose translated name was left as is keeps its stored name, so it stays in each reader's language.
    const columns = rows.map((r) => {
      const original = view.columns.find((c) => c.columnId === r.columnId);
      const name = original && r.shown.trim() === columnName(view, original.columnId) ? original.name : r.shown.trim();
      const wip = Number.parseInt(r.wip, 10);
      return { columnId: r.columnId, name, wipLimit: Number.isFinite(wip) && wip > 0 ? wip : null };
    });
    if (columns.some((c) => !c.name)) { setError(t('boards.columnNameNeeded')); return; }
    setBusy(true);
    setColumns(campId, teamId, { basedOn: view.columnsVersion, columns, idempotencyKey: newId() })
      .then(() => { setError(null); setSaved(true); }, (err: unknown) => setError(describe(err)))
      .finally(() => setBusy(false));
  };
  return (
    <details class="column-editor" data-testid="column-editor">
      <summary>{t('boards.columns')}</summary>
      <form class="form" onSubmit={save}>
        <ol class="column-rows">
          {rows.map((row, i) => (
            <li key={row.columnId ?? `new-${i}`} class="column-row" data-testid="column-row">
              <div class="field"><label for={`column-name-${i}`}>{t('boards.columnName', { number: i + 1 })}</label>
                <input id={`column-name-${i}`} value={row.shown} maxLength={40} onInput={(e) => change(i, { shown: (e.target as HTMLInputElement).value })} /></div>
              <div class="field"><label for={`column-wip-${i}`}>{t('boards.wipLimit')}</label>
                <input id={`column-wip-${i}`} type="number" min={1} max={50} inputMode="numeric" value={row.wip} placeholder={t('boards.wipNone')}
                  onInput={(e) => change(i, { wip: (e.target as HTMLInputElement).value })} /></div>
              <div class="actions">
                {i > 0 && <button type="button" class="secondary small" onClick={() => swap(i, i - 1)}
                  aria-label={t('boards.columnEarlier', { name: row.shown })}>{t('boards.earlier')}</button>}
                {i < rows.length - 1 && <button type="button" class="secondary small" onClick={() => swap(i, i + 1)}
                  aria-label={t('boards.columnLater', { name: row.shown })}>{t('boards.later')}</button>}
                {rows.length > 1 && <button type="button" class="secondary small" onClick={() => { setSaved(false); setRows(rows.filter((_, j) => j !== i)); }}
                  aria-label={t('boards.columnRemove', { name: row.shown })}>{t('boards.remove')}</button>}
              </div>
            </li>
          ))}
        </ol>
        <Message text={error} />
        {saved && <p class="muted" role="status">{t('boards.columnsSaved')}</p>}
        <div class="actions">
          {rows.length < 10 && (
            <button type="button" class="secondary" onClick={() => { setSaved(false); setRows([...rows, { columnId: null, shown: '', wip: '' }]); }}>
              {t('boards.columnAdd')}
            </button>
          )}
          <button type="submit" disabled={busy} data-testid="columns-save">{t('boards.columnsSave')}</button>
        </div>
      </form>
    </details>
  );
}
