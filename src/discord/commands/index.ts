import type { Command } from '../context.js';
import ask from './ask.js';
import gaps from './gaps.js';
import reindex from './reindex.js';
import status from './status.js';

/** Every slash command, in registration order; shared by the bot and the deploy script. */
export const commands: readonly Command[] = [ask, status, reindex, gaps];
