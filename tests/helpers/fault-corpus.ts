import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Fictional places and people only, so no test says anything untrue about real ones.
const HEADS = ['Vel', 'Mor', 'Cast', 'Torr', 'Lun', 'Sel', 'Brun', 'Pent', 'Gald', 'Ferr'];
const TAILS = ['anova', 'ellino', 'orate', 'isella', 'ugnano', 'essaro', 'imonte', 'abruna', 'occhio', 'ativa'];
const WORKS = [
  'il ponte sul torrente',
  'la biblioteca civica',
  'il mercato coperto',
  'la scuola elementare',
  'il campo sportivo',
  'il vecchio mulino',
];
const AUTHORS = ['Carla Benedetti', 'Marco Ferrandi', 'Lucia Orsenigo', 'Paolo Venturelli'];

/** One generated article: its file name (= article id), the unique town it is about, and its text. */
export interface FictionalArticle {
  name: string;
  town: string;
  text: string;
}

/** A unique fictional town name for `n` in 0..99. */
export function townName(n: number): string {
  return `${HEADS[Math.floor(n / 10) % 10] ?? 'Vel'}${TAILS[n % 10] ?? 'anova'}`;
}

/**
 * A Markdown article (front matter + five paragraphs, about 250 words: two or three passages)
 * about the fictional town `townName(n)`. `revision` changes the figures, hence the content hash.
 */
export function fictionalArticle(n: number, revision = 0): FictionalArticle {
  const town = townName(n);
  const work = WORKS[n % WORKS.length] ?? WORKS[0];
  const cost = 1 + ((n * 7 + revision * 3) % 40) / 10;
  const people = 120 + n * 13 + revision * 50;
  const day = String(1 + (n % 28)).padStart(2, '0');
  const paragraphs = [
    `Dopo due anni di lavori ${work} di ${town}, paese immaginario dell'entroterra, è stato riaperto sabato mattina davanti a ${people} abitanti. Il sindaco di ${town} ha tagliato il nastro accompagnato dalla banda del paese e dai bambini delle scuole.`,
    `Il cantiere è costato ${cost.toFixed(1).replace('.', ',')} milioni di euro, coperti per metà dalla regione e per il resto da una raccolta fondi a cui hanno partecipato commercianti, famiglie e associazioni di ${town}. I conti sono stati pubblicati sul sito del comune.`,
    `I lavori erano stati sospesi per sei mesi durante l'inverno, quando una frana aveva bloccato la strada provinciale che collega ${town} alla valle. La ditta incaricata ha recuperato il ritardo lavorando anche nei fine settimana di primavera.`,
    `Secondo l'assessore ai lavori pubblici, la riapertura cambierà la vita quotidiana del paese: gli abitanti non dovranno più spostarsi nei comuni vicini e i ragazzi avranno un luogo dove ritrovarsi il pomeriggio. Nei prossimi mesi sono previsti incontri pubblici per decidere gli orari di apertura.`,
    `La festa è proseguita fino a sera in piazza, con una cena preparata dai volontari della pro loco di ${town} e un concerto del coro parrocchiale. Il prossimo cantiere, già finanziato, riguarderà l'illuminazione delle vie del centro storico.`,
  ];
  const text = [
    '---',
    `title: ${town}, riapre ${work}`,
    `date: 2025-05-${day}`,
    `author: ${AUTHORS[n % AUTHORS.length] ?? AUTHORS[0]}`,
    '---',
    paragraphs.join('\n\n'),
    '',
  ].join('\n');
  return { name: `town-${String(n).padStart(3, '0')}.md`, town, text };
}

/** Writes articles `from`..`from+count-1` into `dir` (created if needed). */
export function writeFictionalArticles(dir: string, from: number, count: number, revision = 0): FictionalArticle[] {
  mkdirSync(dir, { recursive: true });
  const written: FictionalArticle[] = [];
  for (let n = from; n < from + count; n++) {
    const article = fictionalArticle(n, revision);
    writeFileSync(path.join(dir, article.name), article.text);
    written.push(article);
  }
  return written;
}

/** Copies corpus `from` to `to`, then applies edits: add articles, rewrite some (new revision), delete some. */
export function deriveCorpus(
  from: string,
  to: string,
  edits: { add?: number[]; modify?: number[]; remove?: number[] },
): void {
  cpSync(from, to, { recursive: true });
  for (const n of [...(edits.add ?? []), ...(edits.modify ?? [])]) {
    const article = fictionalArticle(n, (edits.modify ?? []).includes(n) ? 1 : 0);
    writeFileSync(path.join(to, article.name), article.text);
  }
  for (const n of edits.remove ?? []) rmSync(path.join(to, fictionalArticle(n).name));
}
