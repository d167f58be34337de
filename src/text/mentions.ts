/**
 * Discord's tokens in message text: user, role and channel mentions (`<@id>`, `<@!id>`, `<@&id>`,
 * `<#id>`), custom emoji (`<:name:id>`), and `@everyone`, `@here` or `@name` as cleanContent
 * leaves them (possibly with a zero-width space after the `@`).
 */
const DISCORD_TOKENS = /<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|(?<![\p{L}\p{N}])@\u200b?[\p{L}\p{N}_.]+/gu;

/** `text` without Discord mentions and tokens (they are never question words), whitespace collapsed. */
export function stripDiscordTokens(text: string): string {
  return text.replace(DISCORD_TOKENS, ' ').replace(/\s+/g, ' ').trim();
}
