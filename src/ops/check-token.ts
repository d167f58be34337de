import type { Findings } from './problem.js';

// A bot token is three base64url parts: the bot's user id, a timestamp, an HMAC.
const TOKEN_SHAPE = /^([A-Za-z0-9_-]{16,})\.([A-Za-z0-9_-]{4,})\.([A-Za-z0-9_-]{20,})$/;

/** The application (bot user) id a token's first part encodes, or null when the token is not shaped like one. */
export function tokenApplicationId(token: string): string | null {
  const match = TOKEN_SHAPE.exec(token);
  if (match?.[1] === undefined) return null;
  const id = Buffer.from(match[1], 'base64url').toString('utf8');
  return /^\d{15,22}$/.test(id) ? id : null;
}

/**
 * Offline checks of DISCORD_TOKEN and DISCORD_CLIENT_ID: present, shaped like a bot token, and
 * naming the same application. Returns the token when it is usable for the online checks.
 */
export function checkToken(findings: Findings, token: string | null, clientId: string | null): string | null {
  const name = 'Discord token';
  if (token === null) {
    findings.fail(name, {
      code: 'token-missing',
      key: 'DISCORD_TOKEN',
      message:
        'DISCORD_TOKEN is not set: copy the bot token from the Discord developer portal (Bot → Reset Token) into .env.',
      fatal: true,
    });
    return null;
  }
  const appId = tokenApplicationId(token);
  if (appId === null) {
    findings.fail(name, {
      code: 'token-malformed',
      key: 'DISCORD_TOKEN',
      message:
        'DISCORD_TOKEN is not shaped like a bot token (three dot-separated parts, the first encoding the bot id): paste it again without quotes or spaces, and not the client secret.',
      fatal: true,
    });
    return null;
  }
  findings.pass(name, `well-formed, for application ${appId}`);
  if (clientId === null) {
    findings.fail('Discord application id', {
      code: 'client-id-missing',
      key: 'DISCORD_CLIENT_ID',
      message: `DISCORD_CLIENT_ID is not set: npm run deploy-commands needs it (the token says ${appId}).`,
      fatal: false,
    });
  } else if (clientId !== appId) {
    findings.fail('Discord application id', {
      code: 'client-id-mismatch',
      key: 'DISCORD_CLIENT_ID',
      message: `DISCORD_CLIENT_ID is ${clientId} but the token belongs to application ${appId}: set DISCORD_CLIENT_ID=${appId}.`,
      fatal: false,
    });
  } else findings.pass('Discord application id', clientId);
  return token;
}
