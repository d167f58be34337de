import { defineArea } from '../define-area.js';

/** What the bot says about its own setup: missing permissions, the Message Content intent, commands. */
export const setup = defineArea({
  it: {
    'permission.ViewChannel': 'Visualizza canale',
    'permission.SendMessages': 'Invia messaggi',
    'permission.SendMessagesInThreads': 'Invia messaggi nei thread',
    'permission.CreatePublicThreads': 'Crea thread pubblici',
    'permission.EmbedLinks': 'Incorpora link',
    'missing-here':
      'ℹ️ In questo canale mi mancano dei permessi: {permissions}. Chiedi a un moderatore di concederli al ruolo di Archivista (impostazioni del canale → Permessi).',
    'cannot-speak':
      'ℹ️ Ho visto la tua domanda in {channel}, ma lì non posso rispondere: mi mancano i permessi {permissions}. Chiedi a un moderatore di concederli, oppure usa /chiedi.',
    'message-content-off':
      'ℹ️ L’intent «Message Content» di questo bot è disattivato: leggo solo i messaggi che mi menzionano. Chiedi a chi gestisce il bot di attivarlo (Developer Portal → Bot → Privileged Gateway Intents).',
    'commands-not-deployed':
      'ℹ️ I miei comandi ({commands}) non sono registrati in questo server: chiedi a chi gestisce il bot di eseguire `npm run deploy-commands`. Nel frattempo puoi menzionarmi con la domanda.',
    'status.title': '**Configurazione** (visibile ai moderatori)',
    'status.channel': '{channel}: mancano {permissions}',
    'status.none': 'Nessun problema di permessi, intent o comandi.',
    stale: 'Le indicizzazioni falliscono da {since} (nessuna riuscita da allora): {error}',
    'stale-source':
      'La fonte {source} non si aggiorna da {since} (nessuna lettura riuscita da allora): {reason} — {error}',
  },
  en: {
    'permission.ViewChannel': 'View Channel',
    'permission.SendMessages': 'Send Messages',
    'permission.SendMessagesInThreads': 'Send Messages in Threads',
    'permission.CreatePublicThreads': 'Create Public Threads',
    'permission.EmbedLinks': 'Embed Links',
    'missing-here':
      'ℹ️ I am missing permissions in this channel: {permissions}. Please ask a moderator to grant them to Archivista’s role (channel settings → Permissions).',
    'cannot-speak':
      'ℹ️ I saw your question in {channel}, but I cannot answer there: I am missing {permissions}. Please ask a moderator to grant them, or use /ask.',
    'message-content-off':
      'ℹ️ This bot’s Message Content intent is off: I only read messages that mention me. Please ask whoever runs the bot to turn it on (Developer Portal → Bot → Privileged Gateway Intents).',
    'commands-not-deployed':
      'ℹ️ My commands ({commands}) are not registered in this server: please ask whoever runs the bot to run `npm run deploy-commands`. Meanwhile you can mention me with your question.',
    'status.title': '**Setup** (shown to moderators)',
    'status.channel': '{channel}: missing {permissions}',
    'status.none': 'No permission, intent or command problems.',
    stale: 'Builds have been failing since {since} (none succeeded since): {error}',
    'stale-source': 'Source {source} has been failing since {since} (no pull succeeded since): {reason} — {error}',
  },
});
