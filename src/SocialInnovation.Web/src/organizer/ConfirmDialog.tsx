import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';

/** A modal yes/no question; the native dialog traps focus, and Escape answers no. */
export function confirmDialog(question: string, yes: string): Promise<boolean> {
  return new Promise((resolve) => {
    const host = document.createElement('div');
    document.body.append(host);
    const done = (answer: boolean) => {
      render(null, host);
      host.remove();
      resolve(answer);
    };
    render(<Confirm question={question} yes={yes} done={done} />, host);
  });
}

function Confirm({ question, yes, done }: { question: string; yes: string; done: (answer: boolean) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current!.showModal(), []);
  return (
    <dialog ref={dialog} class="confirm" aria-labelledby="confirm-text" onClose={() => done(dialog.current!.returnValue === 'yes')}>
      <p id="confirm-text">{question}</p>
      <form method="dialog" class="actions">
        <button value="no" class="secondary" autofocus data-testid="confirm-no">{t('common.cancel')}</button>
        <button value="yes" class="danger" data-testid="confirm-yes">{yes}</button>
      </form>
    </dialog>
  );
}
