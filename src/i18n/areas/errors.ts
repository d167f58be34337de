import { defineArea } from '../define-area.js';

/** What the user who caused an error is told (src/discord/errors.ts). */
export const errors = defineArea({
  it: {
    'empty-question': 'Scrivi una domanda, per esempio: «Cosa è successo al consiglio comunale di ieri?»',
    'question-too-long': 'La domanda è troppo lunga: al massimo {max} caratteri, per favore.',
    'rate-limited': 'Hai fatto molte domande in poco tempo: riprova tra {seconds} s.',
    busy: 'In questo momento sto rispondendo a molte domande: riprova tra qualche minuto.',
    'channel-not-allowed': 'Qui non posso rispondere: fai la domanda in uno dei canali dedicati.',
    'guild-only': 'Questo comando funziona solo in un server.',
    'not-moderator':
      'Solo i moderatori (permesso «Gestisci server» o ruolo da moderatore) possono usare questo comando.',
    'invalid-option': 'Il valore dell’opzione «{name}» non è valido.',
    'unknown-command': 'Non conosco il comando «{name}».',
  },
  en: {
    'empty-question': 'Please write a question, for example: “What happened at yesterday’s council meeting?”',
    'question-too-long': 'That question is too long: please keep it under {max} characters.',
    'rate-limited': 'You have asked a lot of questions in a short time: please try again in {seconds} s.',
    busy: 'I am answering a lot of questions right now: please try again in a few minutes.',
    'channel-not-allowed': 'I cannot answer here: please ask in one of the channels set up for questions.',
    'guild-only': 'This command only works in a server.',
    'not-moderator': 'Only moderators (Manage Server permission or a moderator role) can use this command.',
    'invalid-option': 'The value of the “{name}” option is not valid.',
    'unknown-command': 'I do not know the “{name}” command.',
  },
});
