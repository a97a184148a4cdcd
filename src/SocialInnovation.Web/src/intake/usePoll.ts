import { useEffect, useState } from 'preact/hooks';
import { watchStream } from '../live/streamStore';
import { streamName } from '../live/streams';
import { describe } from '../ui/describe';
import { listPolls, type PollTally } from './intakeApi';

/**
 * The camp's newest poll, kept live from its stream (`poll:<camp>:<poll>`, each event the whole tally,
 * so the reducer takes the newest). Null while loading; `none` when the camp has no poll yet.
 */
export function usePoll(campId: string, reloadKey = 0): { tally: PollTally | null | 'none'; failure: string | null } {
  const [tally, setTally] = useState<PollTally | null | 'none'>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let stop = () => undefined as void;
    let left = false;
    listPolls(campId).then((polls) => {
      if (left) return;
      const newest = polls[0];
      if (!newest) return setTally('none');
      setTally(newest);
      const store = watchStream<PollTally>(streamName('poll', campId, newest.pollId.replace(/-/g, '')), {
        fromSnapshot: (s) => s as PollTally,
        reduce: (current, event) => {
          const next = event.payload as PollTally;
          return next.version >= current.version ? next : current;
        },
        onChange: (next) => setTally(next),
        onRefused: (code, detail) => setFailure(detail || code),
      });
      stop = () => store.stop();
    }, (e: unknown) => setFailure(describe(e)));
    return () => {
      left = true;
      stop();
    };
  }, [campId, reloadKey]);

  return { tally, failure };
}
