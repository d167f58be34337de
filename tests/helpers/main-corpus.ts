/**
 * Fictional articles (invented places, people and events, so only they can answer their
 * questions) for the full-stack tests, and a workspace that holds them beside the seed article.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SEED_FILE, SEED_ID } from './build-setup.js';

/** A fictional article as a `.md` file with front matter, and a question only it answers. */
export interface FictionalArticle {
  file: string;
  title: string;
  author: string;
  question: string;
  /** A phrase of the article the answer quotes. */
  fact: string;
  body: string;
}

function markdown(a: FictionalArticle, date: string): string {
  return `---\ntitle: ${a.title}\ndate: ${date}\nauthor: ${a.author}\nlang: it\n---\n\n${a.body}\n`;
}

/** In the corpus from the start. */
export const STARTING_ARTICLES: FictionalArticle[] = [
  {
    file: 'sagra-del-pecorino-vallarsa.md',
    title: 'Borgo Vallarsa, la sagra del pecorino stellato batte ogni record',
    author: 'Giulia Fontanelli',
    question: 'Quanti visitatori ha avuto la sagra del pecorino stellato di Borgo Vallarsa?',
    fact: 'trentottomila visitatori',
    body: [
      'La sagra del pecorino stellato di Borgo Vallarsa ha chiuso la sua ventesima edizione con trentottomila visitatori, il numero più alto da quando la festa è nata.',
      'Il comitato organizzatore, guidato dal casaro Ettore Brambillaschi, ha spiegato che il pecorino stellato viene stagionato per diciotto mesi nelle grotte di tufo sotto la piazza del paese.',
      'La prossima edizione si terrà a settembre e il comune sta valutando un servizio di navette dalla stazione di Pontelungo.',
    ].join('\n\n'),
  },
  {
    file: 'funivia-monte-crestaluna.md',
    title: 'Monte Crestaluna, la nuova funivia costerà dodici milioni',
    author: 'Paolo Serravalle',
    question: 'Quanto costerà la funivia del Monte Crestaluna?',
    fact: 'dodici milioni di euro',
    body: [
      'La nuova funivia del Monte Crestaluna costerà dodici milioni di euro e collegherà il paese di Roccafiorita alla vetta in sette minuti.',
      'Il sindaco Annalisa Quercetti ha detto che i lavori cominceranno in primavera e che le cabine potranno portare ottanta persone per volta.',
      'Gli ambientalisti del circolo Aquila Grigia chiedono invece di rinunciare al progetto e di rinnovare il vecchio sentiero dei carbonai.',
    ].join('\n\n'),
  },
];

/** Added to the corpus later, before a /reindex: citable only after it. */
export const NEW_ARTICLE: FictionalArticle = {
  file: 'ponte-sospeso-montegrillo.md',
  title: 'Riapre il ponte sospeso di Montegrillo dopo tre anni',
  author: 'Chiara Belmonte',
  question: 'Quando riapre il ponte sospeso di Montegrillo sul torrente Scuracqua?',
  fact: 'riaprirà il 14 marzo',
  body: [
    'Il ponte sospeso di Montegrillo sul torrente Scuracqua riaprirà il 14 marzo, dopo tre anni di chiusura per il restauro dei cavi d’acciaio.',
    'L’ingegnera Ludovica Tramontin, che ha diretto il cantiere, ha spiegato che il ponte sospeso ora regge il doppio del peso di prima.',
    'La pro loco di Montegrillo organizzerà una camminata inaugurale con la banda del paese.',
  ].join('\n\n'),
};

/** Writes `article` (dated `date`) into `corpusDir`. */
export function writeArticle(corpusDir: string, article: FictionalArticle, date = '2025-03-01'): void {
  writeFileSync(path.join(corpusDir, article.file), markdown(article, date));
}

/** A temporary folder with `corpus/` (the seed article and STARTING_ARTICLES), an empty `models/` and a `data/` path; `cleanup()` removes it. */
export function makeBotWorkspace(): {
  root: string;
  corpusDir: string;
  dataDir: string;
  modelsDir: string;
  cleanup: () => void;
} {
  const root = mkdtempSync(path.join(tmpdir(), 'archivista-main-'));
  const corpusDir = path.join(root, 'corpus');
  const modelsDir = path.join(root, 'models');
  mkdirSync(corpusDir, { recursive: true });
  mkdirSync(modelsDir, { recursive: true });
  cpSync(SEED_FILE, path.join(corpusDir, SEED_ID));
  for (const article of STARTING_ARTICLES) writeArticle(corpusDir, article);
  return {
    root,
    corpusDir,
    dataDir: path.join(root, 'data'),
    modelsDir,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
