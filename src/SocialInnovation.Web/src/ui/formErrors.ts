import { signal } from '@preact/signals';
import { ApiProblem } from '../api/http';
import { describe } from './describe';

/**
 * A form's refusal: one general message, and each field error next to the field it names. Server field
 * names ("Details.Name", "Token") are matched without regard to case; errors for a field the form does
 * not show are added to the general message.
 */
export class FormErrors {
  readonly message = signal<string | null>(null);
  readonly fields = signal<Record<string, string>>({});
  private readonly shown: Set<string>;

  constructor(fieldNames: string[]) {
    this.shown = new Set(fieldNames.map((n) => n.toLowerCase()));
  }

  of(name: string): string | undefined {
    return this.fields.value[name.toLowerCase()];
  }

  clear(): void {
    this.message.value = null;
    this.fields.value = {};
  }

  show(error: unknown): void {
    const unplaced: string[] = [];
    const fields: Record<string, string> = {};
    const errors = error instanceof ApiProblem ? error.errors : {};
    for (const [name, messages] of Object.entries(errors)) {
      const lower = name.toLowerCase();
      const key = this.shown.has(lower) ? lower : lower.replace(/\[\d+\]$/, '');
      if (!this.shown.has(key)) {
        unplaced.push(...messages);
        continue;
      }
      fields[key] = [fields[key], ...messages].filter(Boolean).join(' ');
    }
    this.fields.value = fields;
    this.message.value = [describe(error), ...unplaced].join(' ');
  }
}

/** After a refusal, the first field marked invalid gets focus, so the reader lands on what to fix. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
