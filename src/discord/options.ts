import { ApplicationCommandOptionType } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import { userErrors } from './errors.js';

/**
 * A string option of a slash command, checked at run time (payloads can be forged or stale):
 * null when absent; throws UserFacingError `invalid-option` when present with another type.
 */
export function readStringOption(interaction: ChatInputCommandInteraction, name: string): string | null {
  const option = interaction.options.data.find((o) => o.name === name);
  if (option === undefined) return null;
  if (option.type !== ApplicationCommandOptionType.String || typeof option.value !== 'string')
    throw userErrors.invalidOption(name);
  return option.value;
}

/** A boolean option, checked like readStringOption: null when absent, throws `invalid-option` on another type. */
export function readBooleanOption(interaction: ChatInputCommandInteraction, name: string): boolean | null {
  const option = interaction.options.data.find((o) => o.name === name);
  if (option === undefined) return null;
  if (option.type !== ApplicationCommandOptionType.Boolean || typeof option.value !== 'boolean')
    throw userErrors.invalidOption(name);
  return option.value;
}
