import type { Lang } from '../text/lang.js';
import type { NeededPermission } from './diagnose.js';

/** What the bot says about its own setup (missing permissions, intent, commands), per language. */
export interface SetupTexts {
  permission: Record<NeededPermission, string>;
  missingHere: (permissions: string) => string;
  cannotSpeakIn: (channel: string, permissions: string) => string;
  messageContentOff: string;
  commandsNotDeployed: (commands: string) => string;
  statusTitle: string;
  statusChannel: (channel: string, permissions: string) => string;
  statusNone: string;
}

export const SETUP_TEXTS: Readonly<Record<Lang, SetupTexts>> = {
  it: {
    permission: {
      ViewChannel: 'Visualizza canale',
      SendMessages: 'Invia messaggi',
      SendMessagesInThreads: 'Invia messaggi nei thread',
      CreatePublicThreads: 'Crea thread pubblici',
      EmbedLinks: 'Incorpora link',
    },
    missingHere: (p) =>
      `ℹ️ In questo canale mi mancano dei permessi: ${p}. Chiedi a un moderatore di concederli al ruolo di Archivista (impostazioni del canale → Permessi).`,
    cannotSpeakIn: (c, p) =>
      `ℹ️ Ho visto la tua domanda in ${c}, ma lì non posso rispondere: mi mancano i permessi ${p}. Chiedi a un moderatore di concederli, oppure usa /chiedi.`,
    messageContentOff:
      'ℹ️ L’intent «Message Content» di questo bot è disattivato: leggo solo i messaggi che mi menzionano. Chiedi a chi gestisce il bot di attivarlo (Developer Portal → Bot → Privileged Gateway Intents).',
    commandsNotDeployed: (c) =>
      `ℹ️ I miei comandi (${c}) non sono registrati in questo server: chiedi a chi gestisce il bot di eseguire \`npm run deploy-commands\`. Nel frattempo puoi menzionarmi con la domanda.`,
    statusTitle: '**Configurazione** (visibile ai moderatori)',
    statusChannel: (c, p) => `${c}: mancano ${p}`,
    statusNone: 'Nessun problema di permessi, intent o comandi.',
  },
  en: {
    permission: {
      ViewChannel: 'View Channel',
      SendMessages: 'Send Messages',
      SendMessagesInThreads: 'Send Messages in Threads',
      CreatePublicThreads: 'Create Public Threads',
      EmbedLinks: 'Embed Links',
    },
    missingHere: (p) =>
      `ℹ️ I am missing permissions in this channel: ${p}. Please ask a moderator to grant them to Archivista’s role (channel settings → Permissions).`,
    cannotSpeakIn: (c, p) =>
      `ℹ️ I saw your question in ${c}, but I cannot answer there: I am missing ${p}. Please ask a moderator to grant them, or use /ask.`,
    messageContentOff:
      'ℹ️ This bot’s Message Content intent is off: I only read messages that mention me. Please ask whoever runs the bot to turn it on (Developer Portal → Bot → Privileged Gateway Intents).',
    commandsNotDeployed: (c) =>
      `ℹ️ My commands (${c}) are not registered in this server: please ask whoever runs the bot to run \`npm run deploy-commands\`. Meanwhile you can mention me with your question.`,
    statusTitle: '**Setup** (shown to moderators)',
    statusChannel: (c, p) => `${c}: missing ${p}`,
    statusNone: 'No permission, intent or command problems.',
  },
};
