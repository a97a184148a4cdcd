import { formatDays, roleName, t } from '../i18n';
import type { Me } from '../api/types';
import { PhaseBadge } from '../ui/PhaseBadge';
import { Empty } from '../ui/Message';
import { User } from '../ui/text';

export function CampList({ me }: { me: Me }) {
  if (me.camps.length === 0) return <Empty>{t(me.isPlatformOrganizer ? 'home.emptyOrganizer' : 'home.empty')}</Empty>;
  return (
    <ul class="camp-list">
      {me.camps.map((camp) => (
        <li key={camp.campId} class="card camp-item">
          <h2><a href={`/camps/${camp.campId}`}><User>{camp.name}</User></a></h2>
          <p class="muted"><User>{camp.location}</User> · {formatDays(camp.startsOn, camp.endsOn)}</p>
          <p>{t('home.role', { role: roleName(camp.role) })} <PhaseBadge phase={camp.phase} /></p>
        </li>
      ))}
    </ul>
  );
}
