import { h, uid } from './dom';
import { messageRegion, describe } from './status';
import { ApiProblem } from '../api/http';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface Field {
  wrapper: HTMLElement;
  control: Control;
  error: HTMLElement;
}

/** A labelled control with an optional hint and a slot for its error, linked by aria-describedby. */
export function field(label: string, control: Control, hint?: string): Field {
  control.id ||= uid('f');
  const hintEl = hint ? h('p', { class: 'hint', id: uid('hint') }, hint) : null;
  const error = h('p', { class: 'field-error', id: uid('err') });
  control.setAttribute('aria-describedby', [hintEl?.id, error.id].filter(Boolean).join(' '));
  const wrapper = h('div', { class: 'field' }, h('label', { for: control.id }, label), hintEl, control, error);
  return { wrapper, control, error };
}

/**
 * Shows a problem's message, and each of its field errors next to the field it names. Server field
 * names ("Details.Name", "Token") are matched without regard to case; errors for a field the form
 * does not show are added to the general message.
 */
export class FormErrors {
  readonly region = messageRegion('error');
  private readonly fields = new Map<string, Field>();

  bind(serverName: string, f: Field): Field {
    this.fields.set(serverName.toLowerCase(), f);
    return f;
  }

  clear(): void {
    this.region.show(null);
    for (const f of this.fields.values()) {
      f.error.textContent = '';
      f.control.removeAttribute('aria-invalid');
    }
  }

  show(error: unknown): void {
    this.clear();
    const unplaced: string[] = [];
    let first: Control | null = null;
    const errors = error instanceof ApiProblem ? error.errors : {};
    for (const [name, messages] of Object.entries(errors)) {
      const f = this.fields.get(name.toLowerCase()) ?? this.fields.get(name.toLowerCase().replace(/\[\d+\]$/, ''));
      if (!f) {
        unplaced.push(...messages);
        continue;
      }
      f.error.textContent = [f.error.textContent, ...messages].filter(Boolean).join(' ');
      f.control.setAttribute('aria-invalid', 'true');
      first ??= f.control;
    }
    this.region.show([describe(error), ...unplaced].join(' '));
    first?.focus();
  }
}

/** Disables a form's submit button and swaps its text while work is under way. */
export async function busy<T>(button: HTMLButtonElement, busyText: string, work: () => Promise<T>): Promise<T> {
  const idle = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = busyText;
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = idle;
  }
}
