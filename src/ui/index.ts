import type { TemoinInstance, UiController } from '../instance';

export function mountUi(_instance: TemoinInstance): UiController {
  throw new Error('UI not built yet');
}
