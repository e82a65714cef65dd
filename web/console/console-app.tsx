import { useCallback, useEffect, useState } from 'react';
import type { Session } from '../ui/api-types.ts';
import { ApiError, api, setAuthRequiredHandler, setCsrfToken } from '../ui/api.ts';
import { Button } from '../ui/components/button.tsx';
import { ErrorMessage } from '../ui/components/error-message.tsx';
import { LangSwitch } from '../ui/components/lang-switch.tsx';
import { useT } from '../ui/i18n/i18n.tsx';
import { Link, navigate, useLocation } from '../ui/router.tsx';
import { LoginPage } from './features/auth/login-page.tsx';
import { SessionProvider } from './features/auth/session.tsx';
import { CalendarPage } from './features/calendar/calendar-page.tsx';
import { CasePage } from './features/case/case-page.tsx';
import { ChannelBanner } from './features/channels/channel-banner.tsx';
import { canManageChannels } from './features/channels/channel-model.ts';
import { ChannelsPage } from './features/channels/channels-page.tsx';
import { RoutingPage } from './features/routing/routing-page.tsx';
import { InboxPage } from './features/inbox/inbox-page.tsx';
import { LiveEventsProvider } from './features/live/live-events.tsx';
import { NotificationBell } from './features/notifications/notification-bell.tsx';
import { NotificationsPage } from './features/notifications/notifications-page.tsx';
import { IntakePage } from './features/intake/intake-page.tsx';
import { OutboxPage } from './features/outbox/outbox-page.tsx';
import { OnTimePage } from './features/reports/on-time-page.tsx';
import { ReplyTemplatesPage } from './features/settings/reply-templates-page.tsx';
import { TemplatePage } from './features/settings/template-page.tsx';
import { ShortcutsDialog } from './features/shortcuts/shortcuts-dialog.tsx';
import { useShortcuts } from './features/shortcuts/use-shortcuts.ts';
import { parseRoute, paths, type ConsoleRoute } from './routes.ts';
import { SetupMenu } from './setup-menu.tsx';

type SessionState = { kind: 'loading' } | { kind: 'signed-out' } | { kind: 'failed'; error: unknown } | { kind: 'signed-in'; session: Session };

/** Staff console shell: session gate, top bar, page by pathname, "?" shortcut help. */
export function ConsoleApp() {
  const t = useT();
  const [state, setState] = useState<SessionState>({ kind: 'loading' });
  const [version, setVersion] = useState(0);

  const signIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ kind: 'signed-in', session });
  }, []);

  useEffect(() => {
    setAuthRequiredHandler(() => {
      setCsrfToken(null);
      setState({ kind: 'signed-out' });
    });
    api.get<Session>('/api/staff/me').then(signIn, (error: unknown) => {
      if (error instanceof ApiError && error.code === 'AUTH_REQUIRED') setState({ kind: 'signed-out' });
      else setState({ kind: 'failed', error });
    });
    return () => setAuthRequiredHandler(null);
  }, [signIn, version]);

  useEffect(() => {
    document.title = t('console.title');
  }, [t]);

  switch (state.kind) {
    case 'loading':
      return (
        <p className="console-main" role="status">
          {t('common.loading')}
        </p>
      );
    case 'failed':
      return (
        <main className="login stack">
          <ErrorMessage error={state.error} />
          <Button onClick={() => setVersion((v) => v + 1)}>{t('common.retry')}</Button>
        </main>
      );
    case 'signed-out':
      return <LoginPage onSignedIn={signIn} />;
    case 'signed-in':
      return (
        <SessionProvider value={state.session.user}>
          <LiveEventsProvider>
            <Shell session={state.session} onSignedOut={() => setState({ kind: 'signed-out' })} />
          </LiveEventsProvider>
        </SessionProvider>
      );
  }
}

function Shell({ session, onSignedOut }: { session: Session; onSignedOut: () => void }) {
  const t = useT();
  const route = parseRoute(useLocation().split('?')[0] ?? '');
  const [isHelpOpen, setHelpOpen] = useState(false);
  useShortcuts({ '?': () => setHelpOpen(true) });

  const logout = async () => {
    try {
      await api.post('/api/staff/auth/logout');
    } finally {
      setCsrfToken(null);
      onSignedOut();
      navigate(paths.inbox());
    }
  };

  const current = (name: ConsoleRoute['name']) => (route.name === name || (name === 'inbox' && route.name === 'case') ? 'page' : undefined);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="console-bar">
        <Link href={paths.inbox()} className="console-brand">
          {t('app.name')}
        </Link>
        <nav className="console-nav" aria-label={t('nav.label')}>
          <Link href={paths.inbox()} aria-current={current('inbox')}>
            {t('nav.inbox')}
          </Link>
          <Link href={paths.intake()} aria-current={current('intake')}>
            {t('nav.intake')}
          </Link>
          <Link href={paths.outbox()} aria-current={current('outbox')}>
            {t('nav.outbox')}
          </Link>
          <Link href={paths.reports()} aria-current={current('reports')}>
            {t('nav.reports')}
          </Link>
          <SetupMenu
            links={[
              { href: paths.settings(), label: t('nav.settings'), isCurrent: route.name === 'settings' },
              { href: paths.replyTemplates(), label: t('nav.replyTemplates'), isCurrent: route.name === 'replyTemplates' },
              { href: paths.calendar(), label: t('nav.calendar'), isCurrent: route.name === 'calendar' },
              { href: paths.routing(), label: t('nav.routing'), isCurrent: route.name === 'routing' },
              ...(canManageChannels(session.user.role) ? [{ href: paths.channels(), label: t('nav.channels'), isCurrent: route.name === 'channels' }] : []),
            ]}
          />
        </nav>
        <span className="spacer" />
        <NotificationBell isCurrent={route.name === 'notifications'} />
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
          {t('nav.shortcuts')} <kbd>?</kbd>
        </button>
        <LangSwitch />
        <span className="console-user" title={`${session.user.name} · ${session.user.unit.name} · ${t(`role.${session.user.role}`)}`}>
          {session.user.name}
          <br />
          {session.user.unit.name} · {t(`role.${session.user.role}`)}
        </span>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => void logout()}>
          {t('nav.logout')}
        </button>
      </header>
      <ChannelBanner />
      <main id="main" className="console-main" tabIndex={-1}>
        <Page route={route} />
      </main>
      <ShortcutsDialog isOpen={isHelpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );
}

function Page({ route }: { route: ConsoleRoute }) {
  const t = useT();
  switch (route.name) {
    case 'inbox':
      return <InboxPage />;
    case 'case':
      return <CasePage key={route.id} id={route.id} />;
    case 'intake':
      return <IntakePage />;
    case 'settings':
      return <TemplatePage />;
    case 'outbox':
      return <OutboxPage />;
    case 'channels':
      return <ChannelsPage />;
    case 'reports':
      return <OnTimePage />;
    case 'notifications':
      return <NotificationsPage />;
    case 'calendar':
      return <CalendarPage />;
    case 'routing':
      return <RoutingPage />;
    case 'replyTemplates':
      return <ReplyTemplatesPage />;
    case 'not-found':
      return <p className="alert alert-error">{t('error.NOT_FOUND')}</p>;
  }
}
