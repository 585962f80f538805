// Texts come from the server's catalogue, embedded in the page as JSON, so
// every string stays in one place per language.
// A page may carry its own texts (#i18n) and the session warning's (#session-i18n).
const catalogue = Object.assign({}, ...['i18n', 'session-i18n'].map(
  (id) => JSON.parse(document.getElementById(id)?.textContent || '{}')));
const lang = document.documentElement.lang || 'sv';
// British English keeps the 24-hour clock and day-month order people here expect.
const locale = { sv: 'sv-SE', en: 'en-GB' }[lang] || lang;
const numbers = new Intl.NumberFormat(locale);

export function t(key, params = {}) {
  let s = catalogue[key];
  if (s === undefined) return key;
  for (const [k, v] of Object.entries(params)) {
    s = s.replaceAll(`{${k}}`, typeof v === 'number' ? numbers.format(v) : String(v));
  }
  return s;
}

const timeFormat = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });

// "kl. 14.05" in Swedish; Intl writes 14:05, the Swedish style guide 14.05.
export function clock(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const s = timeFormat.format(d);
  return lang === 'sv' ? `kl. ${s.replace(':', '.')}` : s;
}
