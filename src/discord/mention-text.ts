/** True when `content` mentions the user `botId` directly (`<@id>` or `<@!id>`), not via @everyone or a reply. */
export function mentionsUser(content: string, botId: string): boolean {
  return content.includes(`<@${botId}>`) || content.includes(`<@!${botId}>`);
}

/** `content` without the bot's own mentions, whitespace collapsed. */
export function stripMention(content: string, botId: string): string {
  return content.replaceAll(`<@${botId}>`, ' ').replaceAll(`<@!${botId}>`, ' ').replace(/\s+/g, ' ').trim();
}
