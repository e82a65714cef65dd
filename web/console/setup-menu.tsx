import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../ui/i18n/i18n.tsx';
import { Link } from '../ui/router.tsx';

export type SetupLink = { href: string; label: string; isCurrent: boolean };

/**
 * The console's set-up pages (templates, calendar, routing rules, channels) behind one disclosure button, so the
 * bar keeps every link visible on a 1366-pixel office screen. The button names the set-up page that is open.
 * Escape or a click elsewhere closes the list; Escape puts the focus back on the button.
 */
export function SetupMenu({ links }: { links: SetupLink[] }) {
  const t = useT();
  const [isOpen, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const current = links.find((l) => l.isCurrent);

  useEffect(() => {
    if (!isOpen) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown, true);
    };
  }, [isOpen]);

  return (
    <div className="nav-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="nav-menu-button"
        aria-expanded={isOpen}
        aria-controls={listId}
        data-current={current ? 'true' : undefined}
        onClick={() => setOpen((open) => !open)}
      >
        {current ? t('nav.setupCurrent', { page: current.label }) : t('nav.setup')} <span aria-hidden="true">▾</span>
      </button>
      {isOpen && (
        <ul id={listId} className="nav-menu-list">
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href} aria-current={l.isCurrent ? 'page' : undefined} onClick={() => setOpen(false)}>
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
