import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { initLanguage } from './i18n/languages';
import { AppRoutes } from './router';
import { AgenciesProvider } from './session/agencies';
import { SessionProvider } from './session/SessionContext';
import './styles.css';

async function start(): Promise<void> {
  // The catalogue is ready before the first paint, so no one sees keys or the wrong language.
  await initLanguage();
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html lacks #root');
  createRoot(root).render(
    <StrictMode>
      <SessionProvider>
        <AgenciesProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AgenciesProvider>
      </SessionProvider>
    </StrictMode>,
  );
}

void start();
