import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../i18n';

/**
 * Text someone typed (a name, a camp, a label), isolated from the sentence around it: a right-to-left
 * name cannot reorder the words after it.
 */
export const User = ({ children }: { children: ComponentChildren }) => <bdi>{children}</bdi>;

/**
 * A catalogue sentence whose {placeholders} are filled with elements (e.g. <User>), not only strings:
 * t() is text-only, this keeps the sentence's word order from the catalogue.
 */
export function tx(key: MessageKey, params: Record<string, ComponentChildren>): ComponentChildren[] {
  return t(key).split(/\{(\w+)\}/).map((part, i) => (i % 2 === 1 ? (part in params ? params[part] : `{${part}}`) : part));
}
