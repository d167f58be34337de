import { GuildMember, PermissionFlagsBits } from 'discord.js';
import type { APIInteractionGuildMember, Channel, ChatInputCommandInteraction } from 'discord.js';
import { userErrors } from './errors.js';

/**
 * Whether questions are taken in `channelId`: always when `allowed` is empty, else when the
 * channel, or the channel a thread belongs to, is listed.
 */
export function isChannelAllowed(
  channelId: string | null,
  channel: Channel | null,
  allowed: readonly string[],
): boolean {
  if (allowed.length === 0) return true;
  if (channelId !== null && allowed.includes(channelId)) return true;
  const parentId = channel !== null && channel.isThread() ? channel.parentId : null;
  return parentId !== null && allowed.includes(parentId);
}

/**
 * Checks at run time that a moderator sent `interaction`: in a guild, with Manage Server or one of
 * `moderatorRoleIds`. Registration defaults are not trusted: a forged or stale payload is refused.
 * Throws UserFacingError `guild-only` outside a guild, `not-moderator` otherwise.
 */
export function assertModerator(interaction: ChatInputCommandInteraction, moderatorRoleIds: readonly string[]): void {
  if (!interaction.inGuild() || interaction.member === null) throw userErrors.guildOnly();
  if (!isModerator(interaction, moderatorRoleIds)) throw userErrors.notModerator();
}

/** Whether `interaction` comes from a moderator in a guild (Manage Server or one of `moderatorRoleIds`); never throws. */
export function isModerator(interaction: ChatInputCommandInteraction, moderatorRoleIds: readonly string[]): boolean {
  if (!interaction.inGuild() || interaction.member === null) return false;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true) return true;
  return memberRoleIds(interaction.member).some((id) => moderatorRoleIds.includes(id));
}

function memberRoleIds(member: GuildMember | APIInteractionGuildMember): string[] {
  return member instanceof GuildMember ? [...member.roles.cache.keys()] : member.roles;
}
