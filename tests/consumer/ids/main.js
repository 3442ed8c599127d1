// The same app naming its trackers by id, as a JSON config does: the whole catalog comes along.
import { init } from 'temoin';
import { catalog } from 'temoin/catalog';

window.cmp = init(
  {
    tenant: { id: 'mutuelle', name: 'Mutuelle Test', privacyPolicyUrl: 'https://example.org/confidentialite' },
    trackers: ['matomo', 'zendesk', 'google-analytics'],
  },
  { catalog },
);
