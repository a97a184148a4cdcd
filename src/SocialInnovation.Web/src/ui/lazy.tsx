import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';

/**
 * A component whose code is fetched the first time it is shown (e.g. the QR code and its library),
 * rendering nothing until it has arrived.
 */
export function lazyComponent<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<unknown> | null = null;
  return function Lazy(props: P) {
    const [, ready] = useState(0);
    useEffect(() => {
      if (!loaded) (loading ??= load().then((m) => (loaded = m.default))).then(() => ready(1));
    }, []);
    const Component = loaded;
    return Component ? <Component {...props} /> : null;
  };
}
