export { mountUi } from './mount';
export { renderCookieTable } from './cookie-table';
