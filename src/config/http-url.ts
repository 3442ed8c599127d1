/**
 * Only `http:` and `https:` links ever reach a page: no `javascript:` or `data:` URL. A module of
 * its own: rules.ts computes values when it loads, which a bundle importing it for this check alone
 * would carry (temoin.js's first banner checks the privacy policy's link with it).
 */
export function isHttpUrl(value: string, protocol = /^https?:$/): boolean {
  try {
    return protocol.test(new URL(value).protocol);
  } catch {
    return false;
  }
}
