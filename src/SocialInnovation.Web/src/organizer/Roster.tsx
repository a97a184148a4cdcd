import { useEffect, useState } from 'preact/hooks';
import { formatMoment, roleName, t } from '../i18n';
import { getMembers } from '../api/camps';
import type { CampMember } from '../api/types';
import { describe } from '../ui/describe';
import { Empty, Loading, Message } from '../ui/Message';
import { User } from '../ui/text';

/** Who has joined the camp; loaded again whenever `joined` (the member count) changes. */
export function Roster({ campId, joined }: { campId: string; joined: number }) {
  const [members, setMembers] = useState<CampMember[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    getMembers(campId).then(
      (loaded) => {
        setError(null);
        setMembers([...loaded].sort((a, b) => a.joinedAt.localeCompare(b.joinedAt)));
      },
      (failure: unknown) => setError(describe(failure)),
    );
  }, [campId, joined]);

  return (
    <div>
      <Message text={error} />
      {!members ? (!error && <Loading text={t('roster.loading')} />)
        : members.length === 0 ? <Empty>{t('roster.empty')}</Empty>
        : <ul class="roster">{members.map((m) => (
          <li key={m.personId}>
            <strong><User>{m.name}</User></strong> · {roleName(m.role)} · <span class="muted">{t('roster.joined', { date: formatMoment(m.joinedAt) })}</span>
          </li>
        ))}</ul>}
    </div>
  );
}
