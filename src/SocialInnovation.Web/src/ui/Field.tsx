import { useId } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

/** What a control needs to be labelled and described: spread it onto the input, select or textarea. */
export interface ControlProps {
  id: string;
  'aria-describedby': string;
  'aria-invalid'?: 'true';
}

/** A labelled control with an optional hint and a slot for its error, linked by aria-describedby. */
export function Field({ label, hint, error, children }: {
  label: ComponentChildren;
  hint?: string;
  error?: string | undefined;
  children: (control: ControlProps) => ComponentChildren;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-err`;
  const control: ControlProps = {
    id: `${id}-c`,
    'aria-describedby': [hint ? hintId : null, errorId].filter(Boolean).join(' '),
    ...(error ? { 'aria-invalid': 'true' as const } : {}),
  };
  return (
    <div class="field">
      <label for={control.id}>{label}</label>
      {hint && <p class="hint" id={hintId}>{hint}</p>}
      {children(control)}
      <p class="field-error" id={errorId}>{error ?? ''}</p>
    </div>
  );
}

/** A submit button that says what is happening while its form's request is under way. */
export function SubmitButton({ busy, idle, busyText, testId }: { busy: boolean; idle: string; busyText: string; testId?: string }) {
  return (
    <button type="submit" disabled={busy} aria-busy={busy ? 'true' : undefined} data-testid={testId}>
      {busy ? busyText : idle}
    </button>
  );
}
