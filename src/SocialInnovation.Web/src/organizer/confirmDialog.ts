import { h } from '../ui/dom';
import { t } from '../i18n';

/** A modal yes/no question; the native dialog traps focus, and Escape answers no. */
export function confirmDialog(question: string, yes: string): Promise<boolean> {
  return new Promise((resolve) => {
    const text = h('p', { id: 'confirm-text' }, question);
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-text' },
      text,
      h('form', { method: 'dialog', class: 'actions' },
        h('button', { value: 'no', class: 'secondary', autofocus: true, 'data-testid': 'confirm-no' }, t('common.cancel')),
        h('button', { value: 'yes', class: 'danger', 'data-testid': 'confirm-yes' }, yes),
      ),
    );
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'yes');
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
