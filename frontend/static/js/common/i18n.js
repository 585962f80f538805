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

// Times are Stockholm time wherever the device is and whatever its own time
// zone is set to, as the server writes them: the same card reads the same
// time on every laptop.
const ZONE = 'Europe/Stockholm';
const parts = new Intl.DateTimeFormat('sv-SE', {
  timeZone: ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h23',
});

function stockholm(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
  return { year: p.year, month: Number(p.month), day: Number(p.day), hour: String(Number(p.hour)), minute: p.minute };
}

// "kl. 14.05" in Swedish, "at 14:05" in English (catalogue key time.clock).
export function clock(iso) {
  const s = stockholm(iso);
  return s ? t('time.clock', { h: s.hour, m: s.minute }) : '';
}

// "22 november 2026 kl. 9.05".
export function dateTime(iso) {
  const s = stockholm(iso);
  return s ? `${s.day} ${t(`month.${s.month}`)} ${s.year} ${clock(iso)}` : '';
}
