// Search in the answers, forgiving about Swedish inflection and compounds:
// "förening" finds "föreningarna", "tandvård" finds "tandvårdsstödet". Each
// word of the query must be found in the text, at the start of a word, or
// (four letters and more) inside a compound.

// Endings Swedish adds to a word, longest first (definite forms, plurals,
// genitive); the query word is matched without them.
const ENDINGS = ['arnas', 'ernas', 'ornas', 'arna', 'erna', 'orna', 'ande', 'ende', 'heten', 'het', 'ens', 'ets',
  'ar', 'er', 'or', 'en', 'et', 'na', 'a', 'e', 's'];

function stem(word) {
  for (const end of ENDINGS) {
    if (word.length - end.length >= 4 && word.endsWith(end)) return word.slice(0, -end.length);
  }
  return word;
}

function normalize(text) {
  return text.normalize('NFC').toLocaleLowerCase('sv');
}

/** A text made ready for matching (worth keeping: the wall is searched often). */
export function haystack(text) {
  return ` ${normalize(text).replace(/[^\p{L}\p{N}]+/gu, ' ')}`;
}

/** Returns a test for haystacks, or null when the query is empty. */
export function matcher(query) {
  const words = normalize(query).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1).map(stem);
  if (words.length === 0) return null;
  return (hay) => words.every((w) => hay.includes(` ${w}`) || (w.length >= 4 && hay.includes(w)));
}
