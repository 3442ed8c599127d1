/**
 * The scenario every library runs: the same French page, the same three
 * services in an audience category, the same two gated stand-in trackers.
 * Each library only supplies its own markup around it (libraries.mjs).
 */

export const SITE = {
  name: 'Mutuelle Bench',
  privacyPolicyUrl: 'https://example.org/confidentialite',
};

/** French texts, used wherever a library lets the site set them. */
export const TEXTS = {
  title: 'Vos choix en matière de cookies',
  description:
    "Mutuelle Bench utilise des traceurs pour mesurer l'audience du site et vous proposer une aide en ligne. " +
    'Vous pouvez tout accepter, tout refuser ou choisir service par service, et changer d’avis à tout moment.',
  acceptAll: 'Tout accepter',
  rejectAll: 'Tout refuser',
  customise: 'Personnaliser',
  save: 'Enregistrer mes choix',
  close: 'Fermer',
  privacyPolicy: 'Politique de confidentialité',
  preferencesTitle: 'Gestion des cookies',
  functional: { title: 'Fonctionnement du site', description: 'Indispensables au site, toujours actifs.' },
  audience: { title: "Mesure d'audience", description: 'Nous aident à comprendre comment le site est utilisé.' },
};

/** The services declared in the audience category, with the cookies they set. */
export const SERVICES = [
  { id: 'matomo', name: 'Matomo', cookies: ['_pk_id', '_pk_ses'] },
  { id: 'google-analytics', name: 'Google Analytics', cookies: ['_ga', '_gid'] },
  { id: 'zendesk', name: 'Zendesk', cookies: ['__zlcmid'] },
];

/**
 * Code of the gated stand-in trackers. Each records when it ran and sets the
 * cookie the real tracker would set.
 */
export const GATED = {
  matomo: standIn('matomo', '_pk_id.1.abcd=x; path=/'),
  'google-analytics': standIn('google-analytics', '_ga=GA1.1.x; path=/'),
};

/** @param {string} id @param {string} cookie */
function standIn(id, cookie) {
  return `(window.__ran = window.__ran || []).push({ id: ${JSON.stringify(id)}, at: performance.now() }); document.cookie = ${JSON.stringify(cookie)};`;
}

/** Cookie names that prove a gated tracker ran. */
export const TRACKER_COOKIE = /^(_pk_|_ga)/;

const PARAGRAPHS = [
  'Votre mutuelle santé vous accompagne au quotidien : remboursements rapides, tiers payant généralisé et conseillers disponibles six jours sur sept.',
  'Consultez vos garanties, téléchargez votre carte de tiers payant et suivez vos remboursements depuis votre espace adhérent, sur ordinateur comme sur mobile.',
  'Nos offres couvrent les soins courants, l’hospitalisation, l’optique et le dentaire, avec des formules adaptées aux familles, aux jeunes actifs et aux seniors.',
  'Pour toute question, nos équipes répondent par téléphone, par courriel ou par messagerie instantanée, et un réseau de partenaires de santé vous accueille partout en France.',
];

/**
 * The whole page.
 * @param {object} parts
 * @param {string} parts.title library name, for the tab title
 * @param {string} parts.head markup at the end of <head> (CSS link, gated scripts)
 * @param {string} parts.body markup at the end of <body> (the widget and its set-up)
 */
export function pageHtml({ title, head, body }) {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${SITE.name} — ${title}</title>
<style>
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1d2433; }
  header, footer { background: #0b3d91; color: #fff; padding: 1rem 1.5rem; }
  main { max-width: 46rem; margin: 0 auto; padding: 1.5rem; }
  .hero { height: 12rem; background: #dfe8f7; border-radius: 0.5rem; }
</style>
${head}
</head>
<body>
<header><strong>${SITE.name}</strong> · Accueil · Nos offres · Espace adhérent</header>
<main>
  <h1>Bienvenue chez ${SITE.name}</h1>
  <div class="hero"></div>
${[...PARAGRAPHS, ...PARAGRAPHS].map((p) => `  <p>${p}</p>`).join('\n')}
</main>
<footer><a href="${SITE.privacyPolicyUrl}" style="color:#fff">${TEXTS.privacyPolicy}</a></footer>
${body}
</body>
</html>
`;
}
