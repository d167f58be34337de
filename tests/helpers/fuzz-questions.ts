import { createRng } from '../../scripts/bench/random.js';

/** A deterministic PRNG (mulberry32): the same seed gives the same questions on every run. */
export const createRandom = createRng;

/** Hostile fragments by kind; questions are made of one or several of them. */
export const FRAGMENTS = {
  plain: [
    'Che cosa ha proposto Lavrov?',
    'What did Rubio say about Ukraine?',
    'Kuala Lumpur',
    'Rubio Lavrov incontro',
    'frustrazione',
    'il 10 luglio',
    'nel 2025',
  ],
  punctuation: ['?', '!!!', '...', ';;;', '¿¡', '—–-', '«»“”', '()[]{}', '#$%&', '\\/\\/', '~`|'],
  fts: [
    'AND',
    'OR',
    'NOT',
    'NEAR',
    'NEAR(Lavrov Rubio, 2)',
    '*',
    'Lavrov*',
    '^Lavrov',
    ':',
    'stems:',
    'prefixes : lavro*',
    '{stems prefixes}:',
    '(',
    ')',
    '"',
    '""',
    '"Lavrov',
    '-',
    '- Rubio',
    'Lavrov AND NOT Rubio',
    'col:"x"',
    '+',
    'MATCH',
  ],
  sql: [
    "'; DROP TABLE chunks; --",
    "' OR '1'='1",
    '" OR ""="',
    '1; DELETE FROM articles',
    "Robert'); DROP TABLE runs;--",
    '/* comment */',
    'UNION SELECT * FROM meta',
    '%_%',
  ],
  invisible: ['\u200B', '\u200C\u200D', '\uFEFF', '\u202E', '\u200F', '\u2066\u2069', '\u00AD', '\u2028', '\u0085'],
  rtl: ['ما الذي اقترحه لافروف؟', 'מה הציע לברוב?', '\u202Eovarval'],
  emoji: ['🙂', '👩‍👩‍👧‍👦', '🇮🇹', '🏳️‍🌈', '🤔❓', '👍🏽'],
  mentions: ['@everyone', '@here', '<@&123>', '<@456>', '<@!789>', '<#101112>', '<:emoji:131415>', '<t:1700000000:R>'],
  markdown: [
    '**grassetto**',
    '__sottolineato__',
    '`codice`',
    '```js\nDROP TABLE chunks;\n```',
    '> citazione',
    '[link](https://example.org)',
    '||spoiler||',
    '# Titolo',
    '- elenco',
    '~~barrato~~',
  ],
  surrogates: ['\uD800', '\uDFFF', 'a\uD83Db', '\uDC00\uD800', 'Lavrov\uD800?'],
  control: ['\u0000', 'Lav\u0000rov', '\u0001\u0002\u0003', '\u001B[31m', '\u007F', '\r\n\t', '\b\f\v'],
  scripts: [
    'Лавров',
    '拉夫罗夫',
    'Λάβροφ',
    'ラブロフ',
    'लावरोव',
    '𝐋𝐚𝐯𝐫𝐨𝐯',
    'Ｌａｖｒｏｖ',
    'e\u0301'.repeat(50),
    'Z̴̡̛͎a̷l̶g̸o̵',
  ],
} as const;

const KINDS = Object.keys(FRAGMENTS) as (keyof typeof FRAGMENTS)[];

/** Fixed extremes every run includes, whatever the seed. */
export const EXTREME_QUESTIONS: readonly string[] = [
  '',
  ' ',
  '\n\t  \r\n',
  '\u200B\u200B\u200B',
  'x'.repeat(10_000),
  'Lavrov '.repeat(1_430),
  '?'.repeat(10_000),
  '\uD800'.repeat(500),
  '\u0000'.repeat(300),
  '🙂'.repeat(2_000),
  '"'.repeat(999),
  '('.repeat(999),
  'NEAR('.repeat(150),
  'AND OR NOT * ^ : ( ) " {stems}: -',
  "'; DROP TABLE chunks; --",
  '@everyone <@&123> <@456> Che cosa ha proposto Lavrov?',
  '```\nChe cosa ha proposto Lavrov?\n```',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** One generated question: 1-6 fragments of random kinds, joined by random separators; 1.5% are repeated to 2,000-10,000 characters (each costs ~0.4 s to embed). */
function generateQuestion(random: () => number): string {
  const parts: string[] = [];
  const count = 1 + Math.floor(random() * 6);
  for (let i = 0; i < count; i++) parts.push(pick(random, FRAGMENTS[pick(random, KINDS)]));
  const joined = parts.join(pick(random, [' ', '', '\n', '\u200B', ' OR ', '"', '\u0000']));
  if (random() < 0.015)
    return joined.repeat(Math.ceil((2_000 + random() * 9_000) / Math.max(1, joined.length))).slice(0, 10_000);
  return joined;
}

/** `count` questions from `seed`: the fixed extremes first, then generated ones. */
export function generateQuestions(seed: number, count: number): string[] {
  const random = createRandom(seed);
  const questions = EXTREME_QUESTIONS.slice(0, count);
  while (questions.length < count) questions.push(generateQuestion(random));
  return questions;
}
