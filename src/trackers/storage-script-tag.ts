/** The script tag's `temoin-storage.mjs`, loaded only for a config whose optional trackers declare `storage` keys. */
export { storageClearing as integration } from './storage';
