// The npm API, as a site's own bundle uses it: `temoin` resolves to the package's dist/temoin.mjs
// (demo/vite.config.ts), whose UI chunk loads on demand. Config texts only reach the page as text.
// The tenants' JSON configs name trackers by id: the catalog comes along to resolve them.
import { init, TemoinConfigError } from 'temoin';
import { catalog } from 'temoin/catalog';

const list = document.getElementById('log');

/** A short, readable form of a consent for the log. */
function summary(consent) {
  if (!consent) return 'null (pas encore de choix)';
  const trackers = Object.entries(consent.trackers).map(([id, granted]) => `${id}: ${granted ? 'oui' : 'non'}`);
  return `{ ${trackers.join(', ')} } jusqu’au ${consent.expiresAt.toLocaleDateString('fr-FR')}`;
}

function log(event, detail) {
  const item = document.createElement('li');
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString('fr-FR');
  const name = document.createElement('strong');
  name.textContent = ` ${event} `;
  item.append(time, name, detail);
  list.prepend(item);
}

document.addEventListener('temoin:ready', (event) => log('temoin:ready', summary(event.detail)));
document.addEventListener('temoin:change', (event) => log('temoin:change', summary(event.detail)));
window.addEventListener('demo:ran', (event) => log('stand-in', `${event.detail} exécuté (script libéré par temoin)`));

const tenant = new URLSearchParams(location.search).get('tenant');
const id = ['horizon', 'azur', 'wellcare'].includes(tenant) ? tenant : 'horizon';
const config = await (await fetch(`/tenants/${id}.json`)).json();
document.getElementById('tenant-name').textContent = config.tenant.name;

const cmp = init(config, { catalog });
log('init()', `instance de ${cmp.config.tenant.name}, ${cmp.config.trackers.length} traceurs`);
cmp.on('change', (consent) => log('cmp.on("change")', summary(consent)));

const calls = {
  acceptAll: () => cmp.acceptAll(),
  rejectAll: () => cmp.rejectAll(),
  allowMatomo: () => cmp.update({ trackers: { matomo: true } }),
  showPreferences: () => cmp.showPreferences(),
  isGranted: () => log("cmp.isGranted('matomo')", String(cmp.isGranted('matomo'))),
  reset: () => {
    cmp.reset();
    log('cmp.reset()', 'choix oublié, la bannière revient');
  },
  invalid: () => {
    try {
      init({ tenant: { id: 'Mutuelle X', name: 'X', consentMaxAgeMonths: 24 }, trackers: ['hotjar'] }, { catalog });
    } catch (error) {
      if (!(error instanceof TemoinConfigError)) throw error;
      log('TemoinConfigError', error.issues.map((issue) => `${issue.path}: ${issue.message}`).join(' · '));
    }
  },
};
for (const button of document.querySelectorAll('[data-call]')) button.addEventListener('click', () => calls[button.dataset.call]());
