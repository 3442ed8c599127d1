// The same app without temoin, keeping a lazy chunk of its own: what Vite puts in any entry chunk
// (its module-preload polyfill and dynamic-import helper), to be subtracted from the others.
window.cmp = () => import('./lazy.js');
