import './styles.css';
import { render } from 'preact';
import { language } from './i18n';
import { openRoute, route, Routes, startRouter } from './router';
import { Header } from './ui/Header';
import { currentMe } from './session/current';
import { prefetchInvite } from './join/invitePreview';

document.documentElement.lang = language;

openRoute('/', () => import('./home/HomePage'));
openRoute('/signin', () => import('./session/SigninPage'));
openRoute('/join', () => import('./join/JoinPage'), prefetchInvite);
route('/camps/:campId', () => import('./camp/CampPage'));
route('/camps/:campId/organize', () => import('./organizer/ConsolePage'));
openRoute('/camps/:campId/apply', () => import('./apply/ApplyPage'));
openRoute('/application', () => import('./apply/MyApplicationPage'));
// intake, organizer's side and dot voting (issue 15)
route('/camps/:campId/selection', () => import('./intake/SelectionPage'));
route('/camps/:campId/vote', () => import('./intake/VotePage'));
route('/camps/:campId/vote/screen', () => import('./intake/TallyScreenPage'));
route('/camps/:campId/teams', () => import('./intake/TeamsPage'));
route('/camps/:campId/statements', () => import('./statements/StatementsPage'));
// team formation (issue 15)
route('/camps/:campId/team-formation', () => import('./teams/FormationPage'));
route('/camps/:campId/profile', () => import('./teams/ProfilePage'));
route('/camps/:campId/teams/:teamId', () => import('./teams/TeamPage'));
// boards (issue 16)
route('/camps/:campId/boards', () => import('./boards/BoardsPage'));
route('/camps/:campId/boards/screen', () => import('./boards/BigScreenPage'));
route('/camps/:campId/teams/:teamId/board', () => import('./boards/BoardPage'));
// judging (issue 18)
route('/camps/:campId/judge', () => import('./judging/JudgePage'));
route('/camps/:campId/judging', () => import('./judging/LeaderboardPage'));
openRoute('/v', () => import('./audience/AudienceVotePage'));
openRoute('/v/:code', () => import('./audience/AudienceVotePage'));
route('/camps/:campId/audience', () => import('./audience/AudienceControlPage'));
route('/camps/:campId/audience/:pollId/screen', () => import('./audience/AudienceScreenPage'));
openRoute('/camps/:campId/results', () => import('./audience/ResultsPage'));
route('/camps/:campId/results/edit', () => import('./audience/ResultsEditorPage'));
openRoute('/camps/:campId/results/reveal', () => import('./audience/RevealPage'));
// mentors and artifacts (issue 17)
route('/camps/:campId/mentoring', () => import('./mentors/MentoringPage'));
route('/camps/:campId/mentor', () => import('./mentors/MentorPage'));
route('/camps/:campId/teams/:teamId/mentoring', () => import('./mentors/TeamMentoringPage'));
route('/camps/:campId/gallery', () => import('./artifacts/GalleryPage'));

// openRoute: anyone may open the page; route: signed-in people only (others get the sign-in prompt).
const root = document.getElementById('app')!;
startRouter();
render(<Header />, document.getElementById('site-header')!);
render(<Routes root={root} />, root);
// The header shows who is signed in; a failure here is shown by the page that needs it.
currentMe().catch(() => undefined);
