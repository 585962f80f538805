// What a vote is on, in words: "Alla synliga svar", "Svaren på fråga 2",
// "Svaren i temat Kultur".
import { t } from './i18n.js';

export function scopeLabel(model, vote) {
  if (vote.scope === 'question') {
    const q = model.questions.get(vote.scopeId);
    return t('dash.vote_scope_question', { n: q ? q.position : '?' });
  }
  if (vote.scope === 'theme') {
    const th = model.themes.find((x) => x.id === vote.scopeId);
    return t('dash.vote_scope_theme', { name: th ? th.name : '?' });
  }
  return t('dash.vote_scope_workshop');
}
