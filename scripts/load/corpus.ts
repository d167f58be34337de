import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A question the load corpus answers, and the title of the article the answer must cite. */
export interface LoadQuestion {
  question: string;
  /** Text that the sources block of a right answer contains (the article's title or author). */
  cites: string;
}

interface LoadArticle {
  file: string;
  title: string;
  author: string;
  date: string;
  paragraphs: string[];
  question: string;
}

// Invented places and people: only these articles can answer their questions.
const ARTICLES: LoadArticle[] = [
  {
    file: 'biblioteca-fontechiara.md',
    title: 'Fontechiara, la biblioteca civica apre anche di notte',
    author: 'Marta Colombini',
    date: '2025-02-10',
    paragraphs: [
      'La biblioteca civica di Fontechiara resterà aperta fino a mezzanotte il venerdì e il sabato, a partire dal mese prossimo.',
      'La direttrice Ornella Pasquinelli ha spiegato che gli studenti universitari chiedevano da anni uno spazio tranquillo per studiare la sera.',
    ],
    question: 'Fino a che ora resterà aperta la biblioteca civica di Fontechiara?',
  },
  {
    file: 'tram-sanlorenzo.md',
    title: 'Il tram di San Lorenzo Marittimo avrà sei nuove fermate',
    author: 'Davide Ruggeri',
    date: '2025-01-22',
    paragraphs: [
      'La linea del tram di San Lorenzo Marittimo avrà sei nuove fermate tra il porto e il quartiere delle Saline.',
      'L’assessore ai trasporti Bruno Malacarne ha detto che il cantiere durerà diciotto mesi e costerà quaranta milioni.',
    ],
    question: 'Quante nuove fermate avrà il tram di San Lorenzo Marittimo?',
  },
  {
    file: 'vendemmia-colleverde.md',
    title: 'Colleverde, vendemmia anticipata per il caldo',
    author: 'Elisa Montanaro',
    date: '2024-08-30',
    paragraphs: [
      'A Colleverde la vendemmia del nebbiolo dorato è cominciata con tre settimane di anticipo a causa del caldo di agosto.',
      'Il consorzio dei viticoltori stima una produzione più bassa del venti per cento ma un’ottima qualità delle uve.',
    ],
    question: 'Perché a Colleverde la vendemmia del nebbiolo dorato è cominciata in anticipo?',
  },
  {
    file: 'orchestra-valdemora.md',
    title: 'L’orchestra giovanile di Valdemora suonerà a Vienna',
    author: 'Federico Anselmi',
    date: '2025-04-05',
    paragraphs: [
      'L’orchestra giovanile di Valdemora è stata invitata a suonare al Musikverein di Vienna il prossimo dicembre.',
      'Il maestro Arturo Benincasa dirigerà sessanta ragazzi tra i quattordici e i vent’anni in un programma dedicato a Rossini.',
    ],
    question: 'Dove suonerà l’orchestra giovanile di Valdemora a dicembre?',
  },
];

/** The seed article of the repository and a question only it answers (used when the file exists). */
const SEED = {
  file: '000_30c6f2a9dbb3d624.txt',
  question: { question: 'Che cosa ha proposto Lavrov a Rubio?', cites: 'Luigi Medici' },
};

/**
 * Writes the load corpus into `corpusDir` (created): the fictional articles, plus the seed
 * article when `seedDir` holds it. Returns the questions it answers, one per article.
 */
export function writeLoadCorpus(corpusDir: string, seedDir: string): LoadQuestion[] {
  mkdirSync(corpusDir, { recursive: true });
  const questions: LoadQuestion[] = [];
  for (const a of ARTICLES) {
    const front = `---\ntitle: ${a.title}\ndate: ${a.date}\nauthor: ${a.author}\nlang: it\n---\n\n`;
    writeFileSync(path.join(corpusDir, a.file), front + a.paragraphs.join('\n\n') + '\n');
    questions.push({ question: a.question, cites: a.title });
  }
  const seed = path.join(seedDir, SEED.file);
  if (existsSync(seed)) {
    copyFileSync(seed, path.join(corpusDir, SEED.file));
    questions.push(SEED.question);
  }
  return questions;
}
