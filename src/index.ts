export { init, type InitOptions } from './init';
export { TemoinConfigError, type ConfigIssue } from './config/error';
export type { ConsentUpdate, ChangeListener, TemoinInstance } from './instance';
export type { Consent } from './consent/consent';
export type {
  Basis,
  Category,
  CategoryInput,
  LocalizedText,
  Locale,
  ResolvedConfig,
  SharedCookie,
  TemoinConfig,
  TenantInput,
  Tracker,
  TrackerCookie,
  TrackerRef,
} from './config/types';
