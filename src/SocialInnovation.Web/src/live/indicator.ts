import { h } from '../ui/dom';
import { t, type MessageKey } from '../i18n';
import { liveState, onLiveState, type LiveState } from './connection';

/** A small badge saying whether live updates are arriving. Call dispose when the page goes. */
export function liveIndicator(): { element: HTMLElement; dispose: () => void } {
  const text = h('span', { class: 'live-text' });
  const element = h('span', { class: 'live-state', 'data-testid': 'live-state' }, h('span', { class: 'live-dot', 'aria-hidden': 'true' }), text);
  const show = (state: LiveState) => {
    const word = t(`live.${state}` as MessageKey);
    element.dataset.state = state;
    text.textContent = word;
    element.title = t('live.label', { state: word });
  };
  show(liveState());
  return { element, dispose: onLiveState(show) };
}
