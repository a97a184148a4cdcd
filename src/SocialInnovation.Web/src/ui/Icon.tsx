import type { JSX } from 'preact';
/**
 * Small icons drawn inline. An emoji or a rare symbol used as an icon shows as an empty box on a machine
 * without a font for it (Debian's Chromium has no emoji font); an SVG path always draws. With a label the
 * icon is an image with that name; without one it is decoration, hidden from screen readers.
 */
export type IconName = 'comment' | 'checklist' | 'grip';

const shapes: Record<IconName, JSX.Element> = {
  comment: <path d="M2.5 2.5h11a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H7l-3.5 3v-3h-1a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />,
  checklist: <g fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"><rect x="1.75" y="1.75" width="12.5" height="12.5" rx="2" /><path d="M4.75 8.25l2.25 2.25 4.25-4.75" /></g>,
  grip: <g fill="currentColor"><circle cx="5.5" cy="3" r="1.5" /><circle cx="10.5" cy="3" r="1.5" /><circle cx="5.5" cy="8" r="1.5" /><circle cx="10.5" cy="8" r="1.5" /><circle cx="5.5" cy="13" r="1.5" /><circle cx="10.5" cy="13" r="1.5" /></g>,
};

export function Icon({ name, label }: { name: IconName; label?: string }) {
  const named = label ? { role: 'img' as const, 'aria-label': label } : { 'aria-hidden': 'true' as const };
  return <svg class="icon" viewBox="0 0 16 16" width="1em" height="1em" focusable="false" data-icon={name} {...named}>{shapes[name]}</svg>;
}
