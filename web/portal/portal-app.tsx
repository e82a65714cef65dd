import { useEffect } from 'react';
import { LangSwitch } from '../ui/components/lang-switch.tsx';
import { useT } from '../ui/i18n/i18n.tsx';
import { Link, useLocation } from '../ui/router.tsx';
import { codeFromTrackingPath } from '../ui/tracking-code.ts';
import { ProceduresPage } from './features/procedures/procedures-page.tsx';
import { SubmitPage } from './features/submit/submit-page.tsx';
import { TrackPage } from './features/track/track-page.tsx';

/** Citizen portal: `/` to send a case, `/track` and `/track/<code>` to follow one, `/thu-tuc` to look up procedures. */
export function PortalApp() {
  const t = useT();
  const [path = '/', search = ''] = useLocation().split('?');
  const isTrack = path === '/track' || path.startsWith('/track/');
  const isProcedures = path === '/thu-tuc' || path.startsWith('/thu-tuc/');
  const code = codeFromTrackingPath(path);
  const procedureCode = isProcedures ? decodeURIComponent(path.slice('/thu-tuc/'.length)) || null : null;
  const page = isTrack ? 'track' : isProcedures ? 'procedures' : 'submit';

  useEffect(() => {
    const title = { track: t('track.title'), procedures: t('procedures.title'), submit: t('portal.title') }[page];
    document.title = `${title} — ${t('app.name')}`;
  }, [page, t]);

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
            <Link href="/" aria-current={page === 'submit' ? 'page' : undefined}>
              {t('portal.nav.submit')}
            </Link>
            <Link href="/track/" aria-current={page === 'track' ? 'page' : undefined}>
              {t('portal.nav.track')}
            </Link>
            <Link href="/thu-tuc" aria-current={page === 'procedures' ? 'page' : undefined}>
              {t('procedures.nav')}
            </Link>
          </nav>
          <LangSwitch />
        </div>
      </header>
      <main id="main" className="portal-main" tabIndex={-1}>
        {page === 'track' ? <TrackPage key={code ?? ''} code={code} /> : null}
        {page === 'procedures' ? <ProceduresPage code={procedureCode} query={new URLSearchParams(search).get('q') ?? ''} /> : null}
        {page === 'submit' ? <SubmitPage /> : null}
      </main>
    </>
  );
}
