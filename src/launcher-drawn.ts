import type { ResolvedConfig } from './config/types';
import { type Launcher, showLauncher } from './launcher';
import { launcherLook } from './launcher-look';

/**
 * The floating button of `config`, drawn: the chunk init() loads once a choice exists, the look
 * (its stylesheet, its label) with the drawing (`init.ts`).
 */
export const drawLauncher = (config: ResolvedConfig, open: () => void): Launcher => showLauncher(launcherLook(config))(open);
