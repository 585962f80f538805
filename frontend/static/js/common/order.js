// cmp orders ISO times and ids as plain strings: they sort as they read,
// and localeCompare (which consults the language's collation) is many times
// slower when a wall of a thousand answers is sorted on every change.
export function cmp(a, b) {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
