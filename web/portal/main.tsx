import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../ui/i18n/i18n.tsx';
import '../ui/styles.css';
import { PortalApp } from './portal-app.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <PortalApp />
      </I18nProvider>
    </StrictMode>,
  );
}
