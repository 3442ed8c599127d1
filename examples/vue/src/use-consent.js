import { onScopeDispose, shallowRef } from 'vue';

/** The visitor's current choice (`null` before the first one and after `reset()`), as a ref that follows every choice and reset. */
export function useConsent(cmp) {
  const consent = shallowRef(cmp.getConsent());
  onScopeDispose(cmp.on('change', (value) => (consent.value = value)));
  return consent;
}
