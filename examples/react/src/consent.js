import { init } from 'temoin';
import { matomo, youtube } from 'temoin/catalog/fr';

/** The page's one temoin instance, started once in the browser (in a server-rendered app, in an effect). */
export const cmp = init({
  tenant: { id: 'mutuelle', name: 'Mutuelle Exemple', privacyPolicyUrl: 'https://example.org/confidentialite' },
  trackers: [matomo, youtube],
  // A single-page app reloads nothing on a withdrawal: temoin stops Matomo through its consent API
  // and deletes its cookies; a tracker the app started itself, the app stops on cmp.on('change').
  reloadOnWithdrawal: false,
});
