import { h, replaceChildren } from '../ui/dom';
import { pageTitle } from '../ui/layout';
import { empty } from '../ui/status';
import { formatMoment, phaseName, t } from '../i18n';
import type { CampSnapshot } from '../api/types';
import { currentMe } from '../session/current';
import { sameId } from '../live/applyEvent';
import { campFacts, memberCounts } from './campFacts';
import { openCamp } from './openCamp';
import { phaseStatus } from './phaseStatus';
import { phaseTimeline } from './phaseTimeline';

const recentChanges = 5;

export function campPage(root: HTMLElement, params: Record<string, string>): () => void {
  const campId = params.campId;
  const status = phaseStatus();
  const timeline = phaseTimeline();
  const teams = h('div', {});
  const members = h('ul', { class: 'counts' });
  const history = h('div', {});
  const consoleLink = h('p', { class: 'console-link' });

  return openCamp(root, campId, (snapshot, camp) => {
    pageTitle(snapshot.details.name);
    void currentMe().then((me) => {
      const mine = me?.camps.find((c) => sameId(c.campId, campId));
      if (mine?.role === 'Organizer') consoleLink.append(h('a', { href: `/camps/${campId}/organize` }, t('camp.console')));
    }, () => undefined);
    return h('div', { class: 'camp' },
      h('div', { class: 'page-head' }, h('h1', {}, snapshot.details.name), camp.live),
      camp.notice, consoleLink,
      campFacts(snapshot.details),
      h('section', { class: 'card' }, status.element, timeline.element),
      h('section', {}, h('h2', {}, t('camp.themes')), themeList(snapshot.details.themes)),
      h('section', {}, h('h2', {}, t('camp.teams')), teams),
      h('section', {}, h('h2', {}, t('camp.members')), members),
      h('section', {}, h('h2', {}, t('camp.history')), history),
    );
  }, (snapshot) => {
    status.update(snapshot.phase);
    timeline.update(snapshot.phase);
    replaceChildren(teams, teamList(snapshot));
    replaceChildren(members, memberCounts(snapshot.members));
    replaceChildren(history, historyList(snapshot));
  });
}

function themeList(themes: string[]): HTMLElement {
  return themes.length === 0 ? empty(t('camp.themesEmpty')) : h('ul', { class: 'tags' }, themes.map((theme) => h('li', {}, theme)));
}

function teamList(snapshot: CampSnapshot): HTMLElement {
  if (snapshot.teams.length === 0) return empty(t('camp.teamsEmpty'));
  return h('ul', { class: 'teams' }, snapshot.teams.map((team) =>
    h('li', {}, h('strong', {}, team.name), ' · ', h('span', { class: 'muted' }, team.theme))));
}

function historyList(snapshot: CampSnapshot): HTMLElement {
  if (snapshot.history.length === 0) return empty(t('camp.historyEmpty'));
  const recent = snapshot.history.slice(-recentChanges).reverse();
  return h('ul', { class: 'history' }, recent.map((change) => h('li', {}, t('camp.historyItem', {
    from: phaseName(change.from), to: phaseName(change.to), name: change.byName, at: formatMoment(change.at),
  }))));
}
