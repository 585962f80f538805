// The server's own catalogues, so a test can act on a page in any language
// by the keys the page uses ("login.email") rather than by copied texts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../server/i18n');
const catalogues = Object.fromEntries(['sv', 'en'].map((lang) => [
  lang, JSON.parse(readFileSync(path.join(dir, `${lang}.json`), 'utf8')),
]));

/** The languages the interface is offered in. */
export const LANGUAGES = Object.keys(catalogues);

/** The text of key in lang, with {placeholders} filled (numbers as plain digits). */
export function say(lang, key, params = {}) {
  let s = catalogues[lang][key];
  if (s === undefined) throw new Error(`no text ${key} in ${lang}`);
  for (const [k, v] of Object.entries(params)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

/**
 * Switches the page to lang with the switch in its header, by keyboard as a
 * person would (focus the link, press Enter), unless it already is in lang.
 */
export async function switchLanguage(page, lang) {
  const current = await page.locator('html').getAttribute('lang');
  if (current === lang) return;
  const link = page.getByRole('navigation', { name: say(current, 'lang.switch') })
    .getByRole('link', { name: say(lang, 'lang.name'), exact: true });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}
