import { shared } from './shared.js';

export const lazy = shared;
