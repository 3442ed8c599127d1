import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { cmp } from './consent.js';
import { useConsent } from './use-consent.js';
import { Video } from './video.jsx';

function App() {
  const consent = useConsent(cmp);
  return (
    <main>
      <h1>Mutuelle Exemple</h1>
      <p>Mesure d’audience : {consent ? (consent.trackers.matomo ? 'acceptée' : 'refusée') : 'pas encore de choix'}</p>
      <button type="button" onClick={() => cmp.showPreferences()}>
        Choisir mes cookies
      </button>
      <button type="button" onClick={() => cmp.reset()}>
        Oublier mon choix
      </button>
      <Video id="aqz-KE-bpKQ" title="Présentation de la Mutuelle Exemple" />
    </main>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
