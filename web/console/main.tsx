import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../ui/i18n/i18n.tsx';
import '../ui/styles.css';
import { ConsoleApp } from './console-app.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <ConsoleApp />
      </I18nProvider>
    </StrictMode>,
  );
}
