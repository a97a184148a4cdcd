import { useEffect, useRef } from 'preact/hooks';
import { liveIndicator } from '../live/indicator';

/** The live connection's badge from live/ (data-testid="live-state"), mounted for as long as the page shows. */
export function LiveBadge() {
  const slot = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const indicator = liveIndicator();
    slot.current!.append(indicator.element);
    return () => {
      indicator.dispose();
      indicator.element.remove();
    };
  }, []);
  return <span ref={slot} />;
}
