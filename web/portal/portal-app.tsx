import { useEffect } from 'react';
import { LangSwitch } from '../ui/components/lang-switch.tsx';
import { useT } from '../ui/i18n/i18n.tsx';
import { Link, useLocation } from '../ui/router.tsx';
import { codeFromTrackingPath } from '../ui/tracking-code.ts';
import { SubmitPage } from './features/submit/submit-page.tsx';
import { TrackPage } from './features/track/track-page.tsx';

/** Citizen portal: `/` to send a case, `/track` and `/track/<code>` to follow one. */
export function PortalApp() {
  const t = useT();
  const path = useLocation().split('?')[0] ?? '/';
  const isTrack = path === '/track' || path.startsWith('/track/');
  const code = codeFromTrackingPath(path);

  useEffect(() => {
    document.title = `${isTrack ? t('track.title') : t('portal.title')} — ${t('app.name')}`;
  }, [isTrack, t]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="portal-header">
        <div className="portal-header-inner">
          <Link href="/" className="portal-brand">
            {t('app.name')}
            <small>{t('app.city')}</small>
          </Link>
          <nav className="portal-nav" aria-label={t('nav.label')}>
            <Link href="/" aria-current={isTrack ? undefined : 'page'}>
              {t('portal.nav.submit')}
            </Link>
            <Link href="/track/" aria-current={isTrack ? 'page' : undefined}>
              {t('portal.nav.track')}
            </Link>
          </nav>
          <LangSwitch />
        </div>
      </header>
      <main id="main" className="portal-main" tabIndex={-1}>
        {isTrack ? <TrackPage key={code ?? ''} code={code} /> : <SubmitPage />}
      </main>
    </>
  );
}
