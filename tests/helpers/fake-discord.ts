/**
 * A fake Discord on 127.0.0.1 for driving the real discord.js Client: REST under /api/v10 and a
 * JSON WebSocket gateway on the same port. It records every REST call, answers like Discord does
 * where the bot could go wrong (content over 2,000 characters → 400 50035, a second interaction
 * callback → 400 40060, an expired interaction token → 401 50027), and lets tests inject
 * interactions and messages. Threads: the bot can start one on a message (POST
 * /channels/{id}/messages/{mid}/threads, answered 201 and dispatched as THREAD_CREATE), tests can
 * open one as a person would, and messages can be sent in threads and as replies.
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { commands } from '../../src/discord/commands/index.js';
import type { WebSocket } from 'ws';

export interface FakeUser {
  id: string;
  username: string;
  bot?: boolean;
}

export interface FakeGuild {
  id: string;
  name: string;
  preferredLocale: string;
  channelIds: string[];
  /** Extra roles besides @everyone (whose id is the guild id). */
  roles: Array<{ id: string; name: string; permissions: string }>;
}

export interface RecordedCall {
  method: string;
  /** Decoded path without the `/api/v10` prefix, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  authorization: string | null;
  status: number;
  /** What the fake answered (a message object for message routes). */
  response: unknown;
  at: number;
}

/** A request editing the original reply of the interaction with `token` (whatever the fake answered). */
export const editsOriginal =
  (token: string) =>
  (c: RecordedCall): boolean =>
    c.method === 'PATCH' && c.path.endsWith(`/${token}/messages/@original`);

/** Application flags: either Message Content bit means the intent is switched on in the portal. */
export const APPLICATION_FLAGS = { none: 0, messageContent: 1 << 18, messageContentLimited: 1 << 19 } as const;

const MESSAGE_CONTENT_INTENT = 1 << 15;

/** Discord permission bits as strings, as interactions carry them. */
export const PERMISSIONS = { none: '0', manageGuild: '32', everyone: '104324673' } as const;

/** Permission bits the bot's own role has by default: what the README's invite link grants. */
export const BOT_PERMISSIONS = {
  viewChannel: 1n << 10n,
  sendMessages: 1n << 11n,
  embedLinks: 1n << 14n,
  readMessageHistory: 1n << 16n,
  createPublicThreads: 1n << 35n,
  sendMessagesInThreads: 1n << 38n,
} as const;
const BOT_ROLE_PERMISSIONS = Object.values(BOT_PERMISSIONS).reduce((a, b) => a | b, 0n);

/** A thread the fake knows (opened by the bot or by a test). */
export interface FakeThread {
  id: string;
  parentId: string;
  name: string;
  ownerId: string;
}

/** A channel permission overwrite as Discord sends it (`type` 0: role, 1: member). */
export interface FakeOverwrite {
  id: string;
  type: 0 | 1;
  allow: string;
  deny: string;
}

const EPOCH = 1_420_070_400_000n;
let counter = 0n;
/** A snowflake for "now", unique within the process. */
export function snowflake(): string {
  counter = (counter + 1n) % 4096n;
  return (((BigInt(Date.now()) - EPOCH) << 22n) | counter).toString();
}

type Json = Record<string, unknown>;
type Handler = (match: RegExpExecArray, body: Json, call: RecordedCall) => { status: number; body?: unknown };
interface InteractionRecord {
  id: string;
  token: string;
  createdAt: number;
  channelId: string;
  acknowledged: boolean;
  originalId: string | null;
  flags: number;
}

export class FakeDiscord {
  readonly applicationId = snowflake();
  /** Shaped like a real bot token: base64url(bot id) . timestamp . HMAC. */
  readonly token = `${Buffer.from(this.applicationId).toString('base64url')}.GfAkE0.fake-hmac-ABCDEFGHIJKLMNOPQRSTUVWXYZ012`;
  /** The application's flags, as READY and GET /applications/@me carry them (default: Message Content intent on). */
  applicationFlags = APPLICATION_FLAGS.messageContentLimited;
  readonly bot: FakeUser = { id: this.applicationId, username: 'Archivista', bot: true };
  readonly guild: FakeGuild;
  readonly calls: RecordedCall[] = [];
  /** Gateway payloads the client sent (IDENTIFY, RESUME, heartbeats…). */
  readonly gatewayReceived: Array<{ op: number; d: unknown }> = [];
  readonly registeredCommands = new Map<string, unknown[]>();
  /** Threads by id, in the order they were opened. */
  readonly threads = new Map<string, FakeThread>();
  /** The id of the bot's own (managed) role in the guild. */
  readonly botRoleId = snowflake();
  /** Permissions of the bot's role (default: the invite link's); change before the client connects, or call `setChannelOverwrites`. */
  botRolePermissions = BOT_ROLE_PERMISSIONS;
  /** Permission overwrites per channel id. */
  readonly channelOverwrites = new Map<string, FakeOverwrite[]>();
  /** Messages the bot sent in DM channels, by recipient user id. */
  readonly directMessages = new Map<string, Json[]>();
  readonly #dmChannels = new Map<string, string>();
  /** How long an interaction token works (Discord: 15 min). */
  interactionTokenTtlMs = 15 * 60_000;

  readonly #server: http.Server;
  readonly #wss: WebSocketServer;
  readonly #events = new EventEmitter();
  readonly #messages = new Map<string, Json>();
  readonly #interactions = new Map<string, InteractionRecord>();
  readonly #sessionId = `session-${snowflake()}`;
  #socket: WebSocket | null = null;
  #seq = 0;
  #backlog: Json[] = [];
  #routes: Array<[string, RegExp, Handler]> = [];
  #faults: Array<{ method: string; path: RegExp; status: number; remaining: number }> = [];

  private constructor(guild: FakeGuild) {
    this.guild = guild;
    this.#server = http.createServer((req, res) => void this.#onRequest(req, res));
    this.#wss = new WebSocketServer({ server: this.#server });
    this.#wss.on('connection', (socket) => this.#onConnection(socket));
    this.#events.setMaxListeners(100);
    this.#defineRoutes();
  }

  /** Starts a fake with one guild (two text channels; ids generated unless given) on 127.0.0.1 and a free port. */
  static async start(
    options: {
      preferredLocale?: string;
      roles?: FakeGuild['roles'];
      channelIds?: string[];
      /** `deployed` (default): the bot's slash commands are registered globally, as after `npm run deploy-commands`. */
      commands?: 'deployed' | 'none';
    } = {},
  ): Promise<FakeDiscord> {
    const guildId = snowflake();
    const guild: FakeGuild = {
      id: guildId,
      name: 'Redazione',
      preferredLocale: options.preferredLocale ?? 'it',
      channelIds: options.channelIds ?? [snowflake(), snowflake()],
      roles: options.roles ?? [],
    };
    const fake = new FakeDiscord(guild);
    if (options.commands !== 'none')
      fake.registeredCommands.set(
        'global',
        commands.map((c) => ({
          ...c.define({ maxQuestionChars: 1000 }),
          id: snowflake(),
          application_id: fake.applicationId,
          version: snowflake(),
        })),
      );
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  /** REST base for `new Client({ rest: { api } })`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get mainChannelId(): string {
    return this.guild.channelIds[0] ?? '';
  }

  async close(): Promise<void> {
    for (const socket of this.#wss.clients) socket.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  // ---- recorded calls ----

  /** Resolves with the first recorded call (past or future) matching `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs = 3000): Promise<RecordedCall> {
    const found = this.calls.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onCall = (call: RecordedCall): void => {
        if (!predicate(call)) return;
        clearTimeout(timer);
        this.#events.off('call', onCall);
        resolve(call);
      };
      const timer = setTimeout(() => {
        this.#events.off('call', onCall);
        const seen = this.calls.map((c) => `${c.method} ${c.path} → ${c.status}`).join('\n  ');
        reject(new Error(`waitFor timed out after ${timeoutMs} ms; calls so far:\n  ${seen}`));
      }, timeoutMs);
      this.#events.on('call', onCall);
    });
  }

  /** Calls made for one interaction (its callback and its webhook), in order. */
  callsFor(interaction: { id: string; token: string }): RecordedCall[] {
    return this.calls.filter(
      (c) => c.path.startsWith(`/interactions/${interaction.id}/`) || c.path.includes(`/${interaction.token}`),
    );
  }

  /** Every call that carries a message the bot sends, with its payload (`data` of a callback, else the body). */
  sentMessages(): Array<{ call: RecordedCall; payload: Json }> {
    return this.calls.flatMap((call) => {
      const payload = messagePayload(call);
      return payload === null ? [] : [{ call, payload }];
    });
  }

  // ---- injection ----

  /** A user in the guild (members are not pre-registered; any id works). */
  user(username: string): FakeUser {
    return { id: snowflake(), username };
  }

  /**
   * Injects a slash command. Without `dm`, it comes from the guild with a member carrying
   * `permissions` (default: @everyone's, without Manage Server) and `roles`; with `dm: true` it is
   * a forged DM payload (`user`, no guild, no member).
   */
  sendSlashCommand(input: {
    name: string;
    user: FakeUser;
    options?: Record<string, string | boolean | number>;
    rawOptions?: Array<{ name: string; type: number; value: unknown }>;
    locale?: string;
    permissions?: string;
    roles?: string[];
    channelId?: string;
    dm?: boolean;
  }): { id: string; token: string } {
    const options =
      input.rawOptions ??
      Object.entries(input.options ?? {}).map(([name, value]) => ({ name, type: optionType(value), value }));
    return this.#dispatchInteraction({ type: 2, data: { id: snowflake(), name: input.name, type: 1, options } }, input);
  }

  /** Injects a click on a button of a message the bot sent (`messageId` from a recorded reply). */
  clickButton(input: { customId: string; user: FakeUser; messageId: string; locale?: string; channelId?: string }): {
    id: string;
    token: string;
  } {
    const message =
      this.#messages.get(input.messageId) ?? this.#message({ content: '' }, input.channelId ?? this.mainChannelId);
    return this.#dispatchInteraction(
      { type: 3, data: { custom_id: input.customId, component_type: 2 }, message },
      input,
    );
  }

  /** Injects a guild message; mentions are read from `<@id>` markup in `content`. */
  sendMessage(input: { content: string; author: FakeUser; channelId?: string; replyTo?: string }): string {
    const channelId = input.channelId ?? this.mainChannelId;
    const mentioned = [...input.content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]);
    const mentions = mentioned.includes(this.bot.id) ? [apiUser(this.bot)] : [];
    // A reply carries the message it answers as `referenced_message`, as Discord does (no ping added).
    const referenced = input.replyTo === undefined ? undefined : this.#messages.get(input.replyTo);
    const reference =
      input.replyTo === undefined ? {} : { message_reference: { message_id: input.replyTo, channel_id: channelId } };
    const message: Json = {
      ...this.#message({ content: input.content, ...reference }, channelId, apiUser(input.author)),
      guild_id: this.guild.id,
      member: member([], PERMISSIONS.everyone),
      mentions,
      mention_everyone: /@(everyone|here)/.test(input.content),
      ...(referenced === undefined ? {} : { referenced_message: referenced }),
    };
    this.#store(message);
    this.dispatch('MESSAGE_CREATE', message);
    return String(message.id);
  }

  /**
   * Opens a public thread in `parentId` as a person would (on `starterMessageId`, whose id the
   * thread takes, or on none) and dispatches THREAD_CREATE; returns the thread's id.
   */
  createThread(input: { parentId: string; name: string; starterMessageId?: string; owner?: FakeUser }): string {
    const thread = this.#openThread({
      id: input.starterMessageId ?? snowflake(),
      parentId: input.parentId,
      name: input.name,
      ownerId: (input.owner ?? this.user('autore')).id,
    });
    return String(thread.id);
  }

  /** Sends a gateway dispatch; buffered while no session is connected and replayed on RESUME. */
  dispatch(t: string, d: unknown): void {
    const payload = { op: 0, t, d, s: ++this.#seq };
    if (this.#socket === null) this.#backlog.push(payload);
    else this.#socket.send(JSON.stringify(payload));
  }

  /** Closes the gateway connection with `code` (4000: the client should RESUME). */
  closeGateway(code: number): void {
    const socket = this.#socket;
    this.#socket = null;
    socket?.close(code, 'closed by the fake');
  }

  /** Resolves when the client sends a gateway payload with opcode `op` (2 IDENTIFY, 6 RESUME). */
  waitForGateway(op: number, timeoutMs = 5000): Promise<void> {
    if (this.gatewayReceived.some((p) => p.op === op)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no gateway op ${op} within ${timeoutMs} ms`)), timeoutMs);
      const onOp = (seen: number): void => {
        if (seen !== op) return;
        clearTimeout(timer);
        this.#events.off('op', onOp);
        resolve();
      };
      this.#events.on('op', onOp);
    });
  }

  // ---- gateway ----

  #onConnection(socket: WebSocket): void {
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    socket.on('message', (raw: Buffer) => {
      const payload = JSON.parse(raw.toString()) as { op: number; d: Json };
      this.gatewayReceived.push(payload);
      this.#events.emit('op', payload.op);
      if (payload.op === 1) socket.send(JSON.stringify({ op: 11 }));
      else if (payload.op === 2) this.#identify(socket, payload.d);
      else if (payload.op === 6) this.#resume(socket, payload.d);
    });
  }

  #identify(socket: WebSocket, d: Json): void {
    if (d.token !== this.token) return socket.close(4004, 'Authentication failed');
    // Like Discord: a privileged intent the portal has not switched on ends the session.
    const wantsContent = (Number(d.intents) & MESSAGE_CONTENT_INTENT) !== 0;
    const contentOn =
      (this.applicationFlags & (APPLICATION_FLAGS.messageContent | APPLICATION_FLAGS.messageContentLimited)) !== 0;
    if (wantsContent && !contentOn) return socket.close(4014, 'Disallowed intent(s).');
    this.#socket = socket;
    this.#seq = 0;
    this.#backlog = [];
    this.dispatch('READY', {
      v: 10,
      user: { ...apiUser(this.bot), verified: true, mfa_enabled: false, flags: 0 },
      guilds: [{ id: this.guild.id, unavailable: true }],
      session_id: this.#sessionId,
      resume_gateway_url: `ws://127.0.0.1:${this.port}`,
      shard: [0, 1],
      application: { id: this.applicationId, flags: this.applicationFlags },
    });
    this.dispatch('GUILD_CREATE', this.#guildPayload());
  }

  #resume(socket: WebSocket, d: Json): void {
    if (d.token !== this.token || d.session_id !== this.#sessionId)
      return socket.send(JSON.stringify({ op: 9, d: false }));
    this.#socket = socket;
    for (const missed of this.#backlog) socket.send(JSON.stringify(missed));
    this.#backlog = [];
    this.dispatch('RESUMED', {});
  }

  #guildPayload(): Json {
    const g = this.guild;
    const everyone = { id: g.id, name: '@everyone', permissions: PERMISSIONS.everyone };
    return {
      id: g.id,
      name: g.name,
      icon: null,
      owner_id: snowflake(),
      preferred_locale: g.preferredLocale,
      unavailable: false,
      member_count: 2,
      large: false,
      features: [],
      emojis: [],
      stickers: [],
      roles: [
        everyone,
        ...g.roles,
        { id: this.botRoleId, name: 'Archivista', permissions: this.botRolePermissions.toString() },
      ].map((r, i) => ({
        ...r,
        color: 0,
        hoist: false,
        position: i,
        managed: false,
        mentionable: false,
        flags: 0,
      })),
      channels: g.channelIds.map((id) => this.#channelPayload(id)),
      // Active threads, as Discord lists them when a client (re)connects.
      threads: [...this.threads.values()].map((t) => this.#threadPayload(t)),
      members: [{ ...member([this.botRoleId], PERMISSIONS.everyone), user: apiUser(this.bot) }],
      voice_states: [],
      presences: [],
    };
  }

  #channelPayload(id: string): Json {
    const thread = this.threads.get(id);
    if (thread !== undefined) return this.#threadPayload(thread);
    const i = this.guild.channelIds.indexOf(id);
    return {
      id,
      type: 0,
      name: `canale-${i}`,
      position: i,
      permission_overwrites: this.channelOverwrites.get(id) ?? [],
      guild_id: this.guild.id,
    };
  }

  /** Replaces a channel's permission overwrites and tells the client (CHANNEL_UPDATE), as Discord does. */
  setChannelOverwrites(channelId: string, overwrites: FakeOverwrite[]): void {
    this.channelOverwrites.set(channelId, overwrites);
    this.dispatch('CHANNEL_UPDATE', this.#channelPayload(channelId));
  }

  /** An overwrite that denies the bot's role `bits` in a channel. */
  denyBot(bits: bigint): FakeOverwrite {
    return { id: this.botRoleId, type: 0, allow: '0', deny: bits.toString() };
  }

  /**
   * The bot's permissions in a guild channel, computed as Discord does: @everyone and the bot's
   * role, then the channel's @everyone overwrite, its role overwrites, its member overwrite.
   */
  botPermissionsIn(channelId: string): bigint {
    let perms = BigInt(PERMISSIONS.everyone) | this.botRolePermissions;
    if ((perms & 8n) !== 0n) return (1n << 50n) - 1n;
    // A thread has the permissions of its parent channel.
    const overwrites = this.channelOverwrites.get(this.threads.get(channelId)?.parentId ?? channelId) ?? [];
    const apply = (list: FakeOverwrite[]) => {
      const deny = list.reduce((a, o) => a | BigInt(o.deny), 0n);
      const allow = list.reduce((a, o) => a | BigInt(o.allow), 0n);
      perms = (perms & ~deny) | allow;
    };
    apply(overwrites.filter((o) => o.type === 0 && o.id === this.guild.id));
    apply(overwrites.filter((o) => o.type === 0 && o.id === this.botRoleId));
    apply(overwrites.filter((o) => o.type === 1 && o.id === this.bot.id));
    return perms;
  }

  #dispatchInteraction(
    body: Json,
    input: {
      user: FakeUser;
      locale?: string;
      permissions?: string;
      roles?: string[];
      channelId?: string;
      dm?: boolean;
    },
  ): { id: string; token: string } {
    const id = snowflake();
    const token = `itoken-${id}`;
    const dm = input.dm === true;
    const channelId = input.channelId ?? (dm ? snowflake() : this.mainChannelId);
    this.#interactions.set(token, {
      id,
      token,
      createdAt: Date.now(),
      channelId,
      acknowledged: false,
      originalId: null,
      flags: 0,
    });
    const where = dm
      ? { user: apiUser(input.user), channel: { id: channelId, type: 1 }, context: 1 }
      : {
          guild_id: this.guild.id,
          guild_locale: this.guild.preferredLocale,
          member: {
            ...member(input.roles ?? [], input.permissions ?? PERMISSIONS.everyone),
            user: apiUser(input.user),
          },
          channel: { id: channelId, type: 0, guild_id: this.guild.id, name: 'canale' },
          context: 0,
        };
    this.dispatch('INTERACTION_CREATE', {
      ...body,
      ...where,
      id,
      application_id: this.applicationId,
      token,
      version: 1,
      channel_id: channelId,
      locale: input.locale ?? 'en-US',
      app_permissions: dm ? BOT_ROLE_PERMISSIONS.toString() : this.botPermissionsIn(channelId).toString(),
      entitlements: [],
      authorizing_integration_owners: dm ? { '1': input.user.id } : { '0': this.guild.id },
      attachment_size_limit: 8_388_608,
    });
    return { id, token };
  }

  // ---- REST ----

  #defineRoutes(): void {
    const route = (method: string, pattern: string, handler: Handler): void => {
      this.#routes.push([method, new RegExp(`^${pattern}$`), handler]);
    };
    route('GET', '/gateway/bot', () => ({
      status: 200,
      body: {
        url: `ws://127.0.0.1:${this.port}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      },
    }));
    route('GET', '/users/@me', () => ({ status: 200, body: apiUser(this.bot) }));
    route('GET', '/users/@me/guilds', () => ({
      status: 200,
      body: [{ id: this.guild.id, name: this.guild.name, icon: null, owner: false, permissions: '0', features: [] }],
    }));
    route('GET', '/applications/@me', () => ({
      status: 200,
      body: { id: this.applicationId, name: this.bot.username, flags: this.applicationFlags, bot_public: true },
    }));
    route('GET', '/applications/(\\d+)/commands', () => ({
      status: 200,
      body: this.registeredCommands.get('global') ?? [],
    }));
    route('GET', '/applications/(\\d+)/guilds/(\\d+)/commands', (m) => ({
      status: 200,
      body: this.registeredCommands.get(m[2] ?? '') ?? [],
    }));
    route('POST', '/interactions/(\\d+)/([^/]+)/callback', (m, body) => this.#callback(m[2] ?? '', body));
    route('PATCH', '/webhooks/(\\d+)/([^/]+)/messages/([^/]+)', (m, body) =>
      this.#editWebhookMessage(m[2] ?? '', m[3] ?? '', body),
    );
    route('DELETE', '/webhooks/(\\d+)/([^/]+)/messages/([^/]+)', (m) =>
      this.#withToken(m[2] ?? '', () => ({ status: 204 })),
    );
    route('POST', '/webhooks/(\\d+)/([^/]+)', (m, body) =>
      this.#withToken(m[2] ?? '', (i) => ({
        status: 200,
        body: this.#store(this.#message(body, i.channelId, apiUser(this.bot), body.flags)),
      })),
    );
    route('POST', '/users/@me/channels', (_m, body) => {
      const recipient = typeof body.recipient_id === 'string' ? body.recipient_id : '';
      const id = this.#dmChannels.get(recipient) ?? snowflake();
      this.#dmChannels.set(recipient, id);
      return {
        status: 200,
        body: { id, type: 1, recipients: [{ id: recipient, username: 'dm', discriminator: '0' }] },
      };
    });
    route('POST', '/channels/(\\d+)/messages', (m, body) => {
      const channelId = m[1] ?? '';
      if (this.guild.channelIds.includes(channelId)) {
        const perms = this.botPermissionsIn(channelId);
        const needed = BOT_PERMISSIONS.viewChannel | BOT_PERMISSIONS.sendMessages;
        if ((perms & needed) !== needed) return { status: 403, body: { message: 'Missing Permissions', code: 50013 } };
      }
      const message = this.#store(this.#message(body, channelId));
      const recipient = [...this.#dmChannels].find(([, id]) => id === channelId)?.[0];
      if (recipient !== undefined)
        this.directMessages.set(recipient, [...(this.directMessages.get(recipient) ?? []), message]);
      return { status: 200, body: message };
    });
    route('PATCH', '/channels/(\\d+)/messages/(\\d+)', (m, body) => this.#editMessage(m[2] ?? '', body));
    route('GET', '/channels/(\\d+)/messages/(\\d+)', (m) => {
      const message = this.#messages.get(m[2] ?? '');
      return message !== undefined && message.channel_id === m[1] ? { status: 200, body: message } : notFound(10008);
    });
    route('POST', '/channels/(\\d+)/messages/(\\d+)/threads', (m, body) =>
      this.#startThread(m[1] ?? '', m[2] ?? '', body),
    );
    route('POST', '/channels/(\\d+)/typing', () => ({ status: 204 }));
    route('GET', '/channels/(\\d+)', (m) => {
      const id = m[1] ?? '';
      const known = this.guild.channelIds.includes(id) || this.threads.has(id);
      return known ? { status: 200, body: this.#channelPayload(id) } : notFound(10003);
    });
    const putCommands: Handler = (m, _body, call) => {
      const list = Array.isArray(call.body) ? (call.body as Json[]) : [];
      const stored = list.map((c) => ({
        ...c,
        id: snowflake(),
        application_id: m[1],
        version: snowflake(),
        ...(m[2] ? { guild_id: m[2] } : {}),
      }));
      this.registeredCommands.set(m[2] ?? 'global', stored);
      return { status: 200, body: stored };
    };
    route('PUT', '/applications/(\\d+)/commands', putCommands);
    route('PUT', '/applications/(\\d+)/guilds/(\\d+)/commands', putCommands);
  }

  async #onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname
      .replace(/^\/api\/v10/, '')
      .split('/')
      .map(decodeURIComponent)
      .join('/');
    let body: unknown = raw;
    try {
      body = raw === '' ? null : JSON.parse(raw);
    } catch {
      // Multipart or other non-JSON bodies are kept raw.
    }
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      body,
      authorization: req.headers.authorization ?? null,
      status: 0,
      response: undefined,
      at: Date.now(),
    };
    const result = this.#handle(call);
    call.status = result.status;
    call.response = result.body;
    this.calls.push(call);
    if (result.body === undefined) res.writeHead(result.status).end();
    else res.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify(result.body));
    this.#events.emit('call', call);
  }

  /** Makes the next `times` matching REST calls fail with `status` (e.g. 500), as a struggling Discord would. */
  failNext(method: string, path: RegExp, status: number, times: number): void {
    this.#faults.push({ method, path, status, remaining: times });
  }

  /** Drops every injected failure that has not happened yet. */
  clearFaults(): void {
    this.#faults = [];
  }

  #handle(call: RecordedCall): { status: number; body?: unknown } {
    const fault = this.#faults.find((f) => f.remaining > 0 && f.method === call.method && f.path.test(call.path));
    if (fault !== undefined) {
      fault.remaining--;
      return { status: fault.status, body: { message: `${fault.status}: injected failure`, code: 0 } };
    }
    const bodyObject = isObject(call.body) ? call.body : {};
    const payload = messagePayload(call);
    if (payload !== null) {
      const invalid = validateMessage(payload, call.method === 'POST');
      if (invalid) return invalid;
    }
    for (const [method, pattern, handler] of this.#routes) {
      const match = method === call.method ? pattern.exec(call.path) : null;
      if (!match) continue;
      const needsBot = !/^\/(interactions|webhooks)\//.test(call.path);
      if (needsBot && call.authorization !== `Bot ${this.token}`)
        return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
      return handler(match, bodyObject, call);
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  #withToken(
    token: string,
    action: (i: InteractionRecord) => { status: number; body?: unknown },
  ): { status: number; body?: unknown } {
    const interaction = this.#interactions.get(token);
    if (!interaction) return notFound(10015);
    if (Date.now() - interaction.createdAt > this.interactionTokenTtlMs)
      return { status: 401, body: { message: 'Invalid Webhook Token', code: 50027 } };
    return action(interaction);
  }

  #callback(token: string, body: Json): { status: number; body?: unknown } {
    return this.#withToken(token, (i) => {
      if (i.acknowledged)
        return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
      i.acknowledged = true;
      const data = isObject(body.data) ? body.data : {};
      i.flags = typeof data.flags === 'number' ? data.flags : 0;
      const message = this.#store(
        this.#message(body.type === 4 ? data : { content: '' }, i.channelId, apiUser(this.bot), i.flags),
      );
      i.originalId = String(message.id);
      return { status: 204 };
    });
  }

  #editWebhookMessage(token: string, messageId: string, body: Json): { status: number; body?: unknown } {
    return this.#withToken(token, (i) => {
      const id = messageId === '@original' ? i.originalId : messageId;
      if (id === null) return notFound(10008);
      return this.#editMessage(id, body);
    });
  }

  #editMessage(id: string, body: Json): { status: number; body?: unknown } {
    const existing = this.#messages.get(id);
    if (!existing) return notFound(10008);
    const updated = { ...existing, ...body, id, edited_timestamp: new Date().toISOString() };
    this.#messages.set(id, updated);
    return { status: 200, body: updated };
  }

  #message(body: Json, channelId: string, author: Json = apiUser(this.bot), flags: unknown = 0): Json {
    return {
      id: snowflake(),
      channel_id: channelId,
      author,
      content: typeof body.content === 'string' ? body.content : '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: Array.isArray(body.components) ? body.components : [],
      pinned: false,
      type: isObject(body.message_reference) ? 19 : 0,
      flags: typeof flags === 'number' ? flags : 0,
      ...(isObject(body.message_reference) ? { message_reference: body.message_reference } : {}),
    };
  }

  #threadPayload(t: FakeThread): Json {
    const now = new Date().toISOString();
    return {
      id: t.id,
      type: 11,
      guild_id: this.guild.id,
      parent_id: t.parentId,
      owner_id: t.ownerId,
      name: t.name,
      last_message_id: null,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      flags: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: 1440,
        archive_timestamp: now,
        locked: false,
        create_timestamp: now,
      },
    };
  }

  #openThread(thread: FakeThread): Json {
    this.threads.set(thread.id, thread);
    const payload = this.#threadPayload(thread);
    this.dispatch('THREAD_CREATE', { ...payload, newly_created: true });
    return payload;
  }

  /** The bot starts a thread on a message: refused without Create Public Threads in the channel, like Discord. */
  #startThread(channelId: string, messageId: string, body: Json): { status: number; body?: unknown } {
    const message = this.#messages.get(messageId);
    if (message === undefined || message.channel_id !== channelId) return notFound(10008);
    if (this.threads.has(messageId))
      return { status: 400, body: { message: 'A thread has already been created for this message', code: 160004 } };
    if ((this.botPermissionsIn(channelId) & BOT_PERMISSIONS.createPublicThreads) === 0n)
      return { status: 403, body: { message: 'Missing Permissions', code: 50013 } };
    const name = typeof body.name === 'string' ? body.name : '';
    if (name.length < 1 || name.length > 100)
      return { status: 400, body: { message: 'Invalid Form Body', code: 50035 } };
    return { status: 201, body: this.#openThread({ id: messageId, parentId: channelId, name, ownerId: this.bot.id }) };
  }

  #store(message: Json): Json {
    this.#messages.set(String(message.id), message);
    return message;
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function apiUser(user: FakeUser): Json {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.username,
    avatar: null,
    bot: user.bot ?? false,
  };
}

function member(roles: string[], permissions: string): Json {
  return {
    roles,
    permissions,
    joined_at: '2024-01-01T00:00:00.000Z',
    deaf: false,
    mute: false,
    flags: 0,
    nick: null,
    avatar: null,
    premium_since: null,
    pending: false,
    communication_disabled_until: null,
  };
}

function optionType(value: string | boolean | number): number {
  if (typeof value === 'string') return 3;
  if (typeof value === 'boolean') return 5;
  return Number.isInteger(value) ? 4 : 10;
}

function notFound(code: number): { status: number; body: unknown } {
  return { status: 404, body: { message: 'Unknown', code } };
}

/** The message a call sends, if it sends one: a callback's `data` for type 4, else the body of a message route. */
function messagePayload(call: RecordedCall): Json | null {
  if (!isObject(call.body)) return null;
  if (/^\/interactions\/\d+\/[^/]+\/callback$/.test(call.path))
    return call.body.type === 4 && isObject(call.body.data) ? call.body.data : null;
  const sends = /^\/(webhooks\/\d+\/[^/]+(\/messages\/[^/]+)?|channels\/\d+\/messages(\/\d+)?)$/.test(call.path);
  return sends && (call.method === 'POST' || call.method === 'PATCH') ? call.body : null;
}

/** Discord's checks on message content that matter here: 2,000 characters, and a new message is not empty. */
function validateMessage(payload: Json, creates: boolean): { status: number; body: unknown } | null {
  const content = typeof payload.content === 'string' ? payload.content : '';
  if (content.length > 2000) {
    return {
      status: 400,
      body: {
        message: 'Invalid Form Body',
        code: 50035,
        errors: {
          content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] },
        },
      },
    };
  }
  const hasComponents = Array.isArray(payload.components) && payload.components.length > 0;
  const hasEmbeds = Array.isArray(payload.embeds) && payload.embeds.length > 0;
  if (creates && content === '' && !hasComponents && !hasEmbeds)
    return { status: 400, body: { message: 'Cannot send an empty message', code: 50006 } };
  return null;
}
