import { h } from '../ui/dom';
import { pageTitle } from '../ui/layout';
import { t } from '../i18n';
import { openCamp } from '../camp/openCamp';
import { phaseStatus } from '../camp/phaseStatus';
import { phaseTimeline } from '../camp/phaseTimeline';
import { inviteForm } from './inviteForm';
import { inviteList } from './inviteList';
import { phaseControls } from './phaseControls';
import { roster } from './roster';
import { teamForm } from './teamForm';

/** /camps/<id>/organize: phase, invites, members and teams, kept live like the camp page. */
export function consolePage(root: HTMLElement, params: Record<string, string>): () => void {
  const campId = params.campId;
  const status = phaseStatus();
  const timeline = phaseTimeline();
  let controls: ReturnType<typeof phaseControls> | null = null;
  let members: ReturnType<typeof roster> | null = null;

  return openCamp(root, campId, (snapshot, camp) => {
    const title = t('console.title', { camp: snapshot.details.name });
    pageTitle(title);
    controls = phaseControls(campId, camp.feed);
    members = roster(campId);
    const invites = inviteList(campId);
    return h('div', { class: 'console' },
      h('div', { class: 'page-head' }, h('h1', {}, title), camp.live),
      h('p', {}, h('a', { href: `/camps/${campId}` }, t('camp.backToCamp'))),
      camp.notice,
      h('section', { class: 'card' }, h('h2', {}, t('console.phase')), status.element, controls.element, timeline.element),
      h('section', {}, h('h2', {}, t('invites.title')), inviteForm(campId, invites.add), invites.element),
      h('section', {}, h('h2', {}, t('roster.title')), members.element),
      teamForm(campId, snapshot.details.themes, camp.feed),
    );
  }, (snapshot, event) => {
    status.update(snapshot.phase);
    timeline.update(snapshot.phase);
    controls?.update(snapshot);
    if (event?.kind === 'MemberJoined') members?.reload();
  });
}
