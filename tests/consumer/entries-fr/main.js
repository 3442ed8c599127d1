// The same app, its three entries imported in the one language its config shows.
import { init } from 'temoin';
import { googleAnalytics, matomo, zendesk } from 'temoin/catalog/fr';

window.cmp = init({
  tenant: { id: 'mutuelle', name: 'Mutuelle Test', privacyPolicyUrl: 'https://example.org/confidentialite' },
  trackers: [matomo, zendesk, googleAnalytics],
});
