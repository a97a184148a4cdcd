import './styles.css';
import { language, t } from './i18n';
import { fallback, route, start } from './router';
import { renderHeader } from './ui/layout';
import { h } from './ui/dom';
import { currentMe } from './session/current';
import { homePage } from './home/homePage';
import { signinPage } from './session/signinPage';
import { joinPage } from './join/joinPage';
import { campPage } from './camp/campPage';
import { consolePage } from './organizer/consolePage';

document.documentElement.lang = language;

route('/', homePage);
route('/signin', signinPage);
route('/join', joinPage);
route('/camps/:campId', campPage);
route('/camps/:campId/organize', consolePage);
fallback((root) => {
  root.append(h('h1', {}, t('common.notFound')), h('p', {}, h('a', { href: '/' }, t('common.backHome'))));
});

renderHeader();
// The header shows who is signed in; a failure here is shown by the page that needs it.
currentMe().catch(() => undefined);
start();
