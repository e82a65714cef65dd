import { useEffect, useRef } from 'react';
import { Button } from '../../../ui/components/button.tsx';
import { useT } from '../../../ui/i18n/i18n.tsx';
import type { MessageKey } from '../../../ui/i18n/translate.ts';

const SHORTCUTS: [keys: string[], label: MessageKey][] = [
  [['j', 'k'], 'shortcuts.move'],
  [['Enter'], 'shortcuts.open'],
  [['/'], 'shortcuts.search'],
  [['x'], 'shortcuts.tick'],
  [['r'], 'shortcuts.reply'],
  [['n'], 'shortcuts.note'],
  [['Esc'], 'shortcuts.back'],
  [['?'], 'shortcuts.help'],
];

/** The "?" help: a native modal dialog, so focus is trapped and Escape closes it. */
export function ShortcutsDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <dl className="shortcut-list">
        {SHORTCUTS.map(([keys, label]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>
              {keys.map((key) => (
                <kbd key={key} style={{ marginRight: 4 }}>
                  {key}
                </kbd>
              ))}
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <Button variant="secondary" onClick={onClose} autoFocus>
        {t('common.close')}
      </Button>
    </dialog>
  );
}
