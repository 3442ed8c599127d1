/**
 * The script tag's `temoin-storage.mjs`, loaded only for a config whose optional trackers declare
 * `storage` keys, and by `temoin-withdrawal.mjs` when the trackers it stops declare some.
 */
export { clearRefusedStorage, storageClearing as integration } from './storage';
