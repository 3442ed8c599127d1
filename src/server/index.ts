/** `temoin/server`: the consent endpoint (docs/contract.md §11), for Node ≥ 20 and any fetch-handler runtime; no DOM. */
export { consentHandler, MAX_BODY_BYTES, type ConsentHandlerOptions, type ConsentReceipt } from './handler';
export { toNodeHandler, type NodeHandlerOptions, type NodeRequest, type NodeResponse } from './node';
export { TemoinConfigError, type ConfigIssue } from '../config/error';
export type { TemoinConfig } from '../config/types';
