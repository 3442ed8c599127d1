// An app whose only code is init() with three catalog trackers, imported one by one.
import { init } from 'temoin';
import { googleAnalytics, matomo, zendesk } from 'temoin/catalog';

window.cmp = init({
  tenant: { id: 'mutuelle', name: 'Mutuelle Test', privacyPolicyUrl: 'https://example.org/confidentialite' },
  trackers: [matomo, zendesk, googleAnalytics],
});
