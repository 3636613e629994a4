import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { windowApi } from './lib/api';
import { translate } from './i18n/messages';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const api = windowApi();
const startLang = navigator.language.toLowerCase().startsWith('it') ? 'it' : 'en';

createRoot(root).render(
  <StrictMode>
    {api ? (
      <App api={api} initialLang={startLang} />
    ) : (
      <p role="alert">{translate(startLang, 'test.error', { message: 'window.api' })}</p>
    )}
  </StrictMode>,
);
