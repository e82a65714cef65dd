import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../ui/components/button.tsx';
import { useT } from '../../../ui/i18n/i18n.tsx';
import { Link } from '../../../ui/router.tsx';
import { trackingPath } from '../../../ui/tracking-code.ts';

/** Shown after sending: the tracking code, large, with copy and a link to the tracking page. */
export function SuccessView({ code, onAnother }: { code: string; onAnother: () => void }) {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [isCopied, setCopied] = useState(false);

  useEffect(() => headingRef.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      // Clipboard blocked (http, old browser): the code is selectable with one tap (user-select: all).
    }
  };

  return (
    <section className="card" aria-labelledby="success-title">
      <h1 id="success-title" className="success-head" ref={headingRef} tabIndex={-1}>
        {t('portal.success.title')}
      </h1>
      <p>{t('portal.success.codeLabel')}</p>
      <p className="tracking-code" data-testid="tracking-code">
        {code}
      </p>
      <p>{t('portal.success.keep')}</p>
      <div className="stack">
        <Button variant="secondary" className="btn-block" onClick={() => void copy()}>
          {isCopied ? t('common.copied') : t('common.copy')}
        </Button>
        <Link href={trackingPath(code)} className="btn btn-primary btn-block">
          {t('portal.success.track')}
        </Link>
        <Button variant="ghost" className="btn-block" onClick={onAnother}>
          {t('portal.success.another')}
        </Button>
      </div>
      <p className="visually-hidden" role="status">
        {isCopied ? t('common.copied') : ''}
      </p>
    </section>
  );
}
