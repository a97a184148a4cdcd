import { t } from '../i18n';
import { Message } from '../ui/Message';
import { focusLastMoved } from './focus';
import type { LiveBoard } from './useBoard';

/**
 * Why a change was not saved (or only warned of), kept in view at the bottom of the screen: at the top of the page
 * it was ~860 px above a card moved on a phone, and the card just jumped back unexplained. Read out as it appears;
 * gone with the person's next change, or hidden by hand.
 */
export function BoardNotice({ board }: { board: LiveBoard }) {
  const text = board.notice.value;
  const hide = () => {
    board.notice.value = null;
    // The button goes with the notice: focus goes back to the card the notice was about, not to the page.
    focusLastMoved();
  };
  return (
    <div class={`board-notice${text ? ' shown' : ''}`} data-testid="board-notice">
      <Message text={text} />
      {text && <button type="button" class="secondary small" onClick={hide}>{t('boards.noticeHide')}</button>}
    </div>
  );
}
