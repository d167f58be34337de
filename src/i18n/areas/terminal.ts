import { defineArea } from '../define-area.js';

/** The operator's terminal: `npm run index`'s build report and `npm run ask`'s notes under an answer. */
export const terminal = defineArea({
  it: {
    'build.success': 'Indice costruito ({mode}) → generazione {generation}',
    'build.failed': 'Costruzione dell’indice FALLITA: {error}',
    'build.model': 'modello: `{model}`',
    'build.model-with-note': 'modello: `{model}` ({note})',
    'build.embedding': 'vettori: {note}',
    'build.articles':
      'articoli: {seen} visti, {added} aggiunti, {updated} aggiornati, {unchanged} invariati, {removed} rimossi, {skipped} saltati',
    'build.passages': 'passaggi: {total} nell’indice, {embedded} calcolati, {removed} rimossi',
    'build.time': 'tempo: {seconds} s, {rate} passaggi/s di calcolo, lettura {reading} s ({articlesRate} articoli/s)',
    'build.source':
      'fonte {id}: {outcome}, {articles} articoli ({fetched} scaricati, {unchanged} invariati, {failed} non riusciti), {seconds} s',
    'build.source-newest':
      'fonte {id}: {outcome}, {articles} articoli ({fetched} scaricati, {unchanged} invariati, {failed} non riusciti), il più recente del {newest}, {seconds} s',
    'build.source-outcome.fetched': 'letta',
    'build.source-outcome.unchanged': 'invariata',
    'build.source-outcome.failed': 'non riuscita',
    'build.ignored': 'ignorati: {count} file di altri tipi',
    'build.skipped': 'saltato {reason}',
    'build.skipped-more': '… e altri {count} saltati',
    'ask.follow-up': '[domanda di seguito cercata come ({via}): {standalone}]',
    'ask.follow-up-via.offline': 'completamento locale',
    'ask.follow-up-via.llm': 'modello linguistico',
    'ask.translated': '[domanda tradotta da {engine} in {ms} ms: {query}]',
  },
  en: {
    'build.success': 'Index built ({mode}) → generation {generation}',
    'build.failed': 'Index build FAILED: {error}',
    'build.model': 'model: `{model}`',
    'build.model-with-note': 'model: `{model}` ({note})',
    'build.embedding': 'embedding: {note}',
    'build.articles':
      'articles: {seen} seen, {added} added, {updated} updated, {unchanged} unchanged, {removed} removed, {skipped} skipped',
    'build.passages': 'passages: {total} in the index, {embedded} embedded, {removed} removed',
    'build.time': 'time: {seconds} s, {rate} passages/s embedding, reading {reading} s ({articlesRate} articles/s)',
    'build.source':
      'source {id}: {outcome}, {articles} articles ({fetched} fetched, {unchanged} unchanged, {failed} failed), {seconds} s',
    'build.source-newest':
      'source {id}: {outcome}, {articles} articles ({fetched} fetched, {unchanged} unchanged, {failed} failed), newest {newest}, {seconds} s',
    'build.source-outcome.fetched': 'fetched',
    'build.source-outcome.unchanged': 'unchanged',
    'build.source-outcome.failed': 'failed',
    'build.ignored': 'ignored: {count} files of other types',
    'build.skipped': 'skipped {reason}',
    'build.skipped-more': '… and {count} more skipped',
    'ask.follow-up': '[follow-up searched as ({via}): {standalone}]',
    'ask.follow-up-via.offline': 'offline completion',
    'ask.follow-up-via.llm': 'LLM',
    'ask.translated': '[query translated by {engine} in {ms} ms: {query}]',
  },
});
