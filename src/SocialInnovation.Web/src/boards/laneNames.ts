import { t } from '../i18n';
import { backlog, type BoardView } from './boardTypes';

// The server's default columns (BoardGrain.DefaultColumns): their English names are shown in the reader's
// language until the team renames them.
const defaultColumns: Record<string, string> = { todo: 'To do', doing: 'In progress', review: 'Review', done: 'Done' };

/** A column's name; the default columns keep the reader's language until the team renames them. */
export function columnName(view: BoardView, lane: string): string {
  if (lane === backlog) return t('boards.backlog');
  const column = view.columns.find((c) => c.columnId === lane);
  if (!column) return lane;
  return defaultColumns[lane] === column.name ? t(`boards.column.${lane}` as 'boards.column.todo') : column.name;
}

/**
 * A lane's name as a card's history recorded it (the name it had then, "backlog" for the backlog): a default
 * column's English name in the reader's language, so a Russian page does not say "moved it to «In progress»".
 */
export function recordedLaneName(name: string | null | undefined): string {
  if (!name) return '';
  if (name === backlog) return t('boards.backlog');
  const id = Object.keys(defaultColumns).find((c) => defaultColumns[c] === name);
  return id ? t(`boards.column.${id}` as 'boards.column.todo') : name;
}
