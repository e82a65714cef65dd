import { lazy, Suspense, useEffect } from 'react';
import { LangSwitch } from '../ui/components/lang-switch.tsx';
import { useT } from '../ui/i18n/i18n.tsx';
import { Link, useLocation } from '../ui/router.tsx';
import { codeFromTrackingPath } from '../ui/tracking-code.ts';
import { ProceduresPage } from './features/procedures/procedures-page.tsx';
import { SubmitPage } from './features/submit/submit-page.tsx';
import { TrackPage } from './features/track/track-page.tsx';

// Transparency pages load on demand: the submit form stays the only code a first visit downloads.
const ProblemsPage = lazy(() => import('./features/transparency/problems-page.tsx'));
const StatsPage = lazy(() => import('./features/transparency/stats-page.tsx'));
const TRANSPARENCY_PAGES = { '/ban-do': 'map', '/phan-anh': 'list', '/so-lieu': 'stats' } as const;

/** Citizen portal: `/` to send a case, `/track` and `/track/<code>` to follow one, `/thu-tuc` to look up procedures. */
export function PortalApp() {
  const t = useT();
  const [path = '/', search = ''] = useLocation().split('?');
  const isTrack = path === '/track' || path.startsWith('/track/');
  const isProcedures = path === '/thu-tuc' || path.startsWith('/thu-tuc/');
  const code = codeFromTrackingPath(path);
  const procedureCode = isProcedures ? decodeURIComponent(path.slice('/thu-tuc/'.length)) || null : null;
  const transparency = (TRANSPARENCY_PAGES as Record<string, 'map' | 'list' | 'stats' | undefined>)[path.replace(/\/$/u, '')];
  const page = isTrack ? 'track' : isProcedures ? 'procedures' : (transparency ?? 'submit');

  useEffect(() => {
    const title = { track: t('track.title'), procedures: t('procedures.title'), submit: t('portal.title'), map: t('transparency.mapTitle'), list: t('transparency.listTitle'), stats: t('stats.title') }[page];
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
            <Link href="/ban-do" aria-current={page === 'map' || page === 'list' ? 'page' : undefined}>
              {t('transparency.nav')}
            </Link>
            <Link href="/so-lieu" aria-current={page === 'stats' ? 'page' : undefined}>
              {t('stats.nav')}
            </Link>
          </nav>
          <LangSwitch />
        </div>
      </header>
      <main id="main" className="portal-main" tabIndex={-1}>
        {page === 'track' ? <TrackPage key={code ?? ''} code={code} /> : null}
        {page === 'procedures' ? <ProceduresPage code={procedureCode} query={new URLSearchParams(search).get('q') ?? ''} /> : null}
        {page === 'submit' ? <SubmitPage /> : null}
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          {page === 'map' || page === 'list' ? <ProblemsPage key={page} view={page} /> : null}
          {page === 'stats' ? <StatsPage /> : null}
        </Suspense>
      </main>
    </>
  );
}
