export { init } from './init';
export { TemoinConfigError, type ConfigIssue } from './config/error';
export { configSchema, trackerSchema } from './config/schema';
export type { ConsentUpdate, ChangeListener, TemoinInstance } from './instance';
export type { Consent } from './consent/consent';
export type {
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
