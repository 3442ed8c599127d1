import { useSyncExternalStore } from 'react';

/**
 * The visitor's current choice (`null` before the first one and after `reset()`); the component
 * renders again on every choice and reset. `getConsent()` returns the same object until the next choice, as React's store contract asks.
 */
export function useConsent(cmp) {
  return useSyncExternalStore(
    (onChange) => cmp.on('change', onChange),
    () => cmp.getConsent(),
    () => null,
  );
}
