import type { ModelSource } from '../embedding/resolve-model.js';
import { t } from '../i18n/index.js';
import type { Lang } from '../text/lang.js';
import type { BridgeNote, FullReason, ModelNote } from './build-report.js';

/** A value shown inside a code span: a backtick in it would end the span. */
const inCode = (text: string) => text.replace(/`/g, "'");

/** Why a build was full, in `lang`. */
export function wordFullReason(lang: Lang, reason: FullReason): string {
  switch (reason.code) {
    case 'asked':
      return t(lang, 'build.full-reason.asked');
    case 'no-live-index':
      return t(lang, 'build.full-reason.no-live-index');
    case 'live-unreadable':
      return t(lang, 'build.full-reason.live-unreadable', { error: inCode(reason.error) });
    case 'schema-changed':
      return t(lang, 'build.full-reason.schema-changed', { from: reason.from, to: reason.to });
    case 'engine-changed':
      return t(lang, 'build.full-reason.engine-changed', { from: reason.from, to: reason.to });
    case 'model-config-changed':
      return t(lang, 'build.full-reason.model-config-changed', { from: reason.from, to: reason.to });
    case 'chunker-changed':
      return t(lang, 'build.full-reason.chunker-changed');
    case 'bridge-possible':
      return t(lang, 'build.full-reason.bridge-possible', { engine: reason.engine });
    case 'bridge-unconfigured':
      return t(lang, 'build.full-reason.bridge-unconfigured', { engine: reason.engine });
  }
}

/** Where a model came from, in `lang`. */
export function wordModelSource(lang: Lang, source: ModelSource): string {
  switch (source.code) {
    case 'models-dir':
      return t(lang, 'build.model-source.models-dir', { dir: inCode(source.dir) });
    case 'hub-cache':
      return t(lang, 'build.model-source.hub-cache', { dir: inCode(source.dir) });
    case 'hub':
      return t(lang, 'build.model-source.hub');
    case 'fallback':
      return t(lang, 'build.model-source.fallback', {
        from: source.fallbackFrom,
        detail: inCode(source.detail),
        dir: inCode(source.dir),
      });
  }
}

/** A build's note about its model, in `lang`. */
export function wordModelNote(lang: Lang, note: ModelNote): string {
  if (note.code === 'source') return wordModelSource(lang, note.source);
  return t(lang, 'build.model-note.would-switch', {
    current: note.current,
    to: note.to,
    source: wordModelSource(lang, note.source),
  });
}

/** How passages were embedded through a translation, in `lang`. */
export function wordBridgeNote(lang: Lang, note: BridgeNote): string {
  const language = t(lang, note.language === 'it' ? 'build.language.it' : 'build.language.en');
  if (note.code === 'translator-down')
    return t(lang, 'build.bridge.translator-down', { engine: note.engine, language });
  const bridged = t(lang, 'build.bridge.bridged', { engine: note.engine, language });
  return note.untranslated === 0
    ? bridged
    : `${bridged} (${t(lang, 'build.bridge.untranslated', { count: note.untranslated })})`;
}
