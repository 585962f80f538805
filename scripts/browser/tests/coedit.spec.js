// Colleagues who answer a consultation together through the same private
// link (issue 13, acceptance 1): two browsers type in the same answer form
// at the same time, in different fields and in the same one. Nothing typed
// is lost, and a field both changed shows both versions to choose between.
// Then the working group's notes, live between two colleagues.
import { test, expect, facilitator, unique, expectNoAxeViolations } from './helpers.js';
import { say } from './lang.js';

// Several browsers at once: on two shared cores that takes a while.
test.describe.configure({ timeout: 300_000 });

const DRAFT = '1. Bidrag\nBidraget är 10 000 kronor per förening.\n\n2. Villkor\nFöreningen redovisar hur bidraget används.';
const ORG = 'Länsbygderådet';

/** A consultation of two sections with one invited organisation, open; its id and the private link. */
async function openConsultation(wg) {
  await wg.goto('/admin/consultations/new');
  await wg.getByLabel('Rubrik').fill(unique('Bidragsregler'));
  const d = new Date(Date.now() + 30 * 24 * 3600_000);
  await wg.getByLabel('Datum').fill(d.toISOString().slice(0, 10));
  await wg.getByLabel('Utkastet i sin helhet').fill(DRAFT);
  await wg.getByRole('button', { name: 'Skapa remiss' }).click();
  await wg.getByRole('button', { name: 'Skapa remissen med de här 2 avsnitten' }).first().click();
  const id = new URL(wg.url()).pathname.split('/')[3];
  await wg.getByLabel('Lista med organisationer').fill(`${ORG};info@lbr.example.se`);
  await wg.getByRole('button', { name: 'Bjud in alla' }).click();
  await wg.getByRole('button', { name: 'Öppna remissen för svar' }).click();
  await expect(wg.getByText('Läget är ändrat.')).toBeVisible();
  const link = new URL(await wg.getByLabel(`Privat svarslänk för ${ORG}`).inputValue()).pathname;
  return { id, link };
}

/** The answer form in one language: its fields by what they are. */
function answerForm(page, lang) {
  const region = (n) => page.getByRole('region', { name: n === 1 ? '1. Bidrag' : '2. Villkor' });
  return {
    page,
    lang,
    comment: (n) => region(n).getByLabel(say(lang, 'remiss.form.comment_on', { section: n === 1 ? '1. Bidrag' : '2. Villkor' })),
    field: (key) => page.getByLabel(say(lang, `remiss.field.${key}`), { exact: true }),
    conflict: () => page.getByRole('group', { name: new RegExp(say(lang, 'remiss.coedit.changed')) }),
  };
}

async function open(context, link, lang) {
  const page = await context.newPage();
  await page.goto(link);
  const form = answerForm(page, lang);
  await expect(form.field('summary')).toBeVisible();
  return form;
}

test('two colleagues type in the same answer at the same time and lose nothing', async ({ newContext }) => {
  const { page: wg } = await facilitator(newContext, 'laptop');
  const { link } = await openConsultation(wg);
  const contexts = [await newContext('phone'), await newContext('laptop', { locale: 'en-GB' })];
  const anna = await open(contexts[0], link, 'sv');
  const bo = await open(contexts[1], link, 'en');
  anna.context = contexts[0];
  bo.context = contexts[1];

  // Different fields within the same moment: both texts stay on both screens.
  await Promise.all([
    anna.comment(1).fill('Annas synpunkt på bidraget.'),
    bo.comment(2).fill('Bo on the conditions.'),
  ]);
  await expect(anna.comment(2)).toHaveValue('Bo on the conditions.');
  await expect(bo.comment(1)).toHaveValue('Annas synpunkt på bidraget.');
  await expect(anna.comment(1)).toHaveValue('Annas synpunkt på bidraget.');
  await expect(bo.comment(2)).toHaveValue('Bo on the conditions.');

  // The same field within the same moment: one save comes first; the other
  // keeps its text in the field and shows the first beside it.
  const texts = new Map([[anna, 'Annas sammanfattning.'], [bo, 'Summary by Bo.']]);
  await Promise.all([anna.field('summary').fill(texts.get(anna)), bo.field('summary').fill(texts.get(bo))]);
  await expect.poll(async () => (await anna.conflict().count()) + (await bo.conflict().count())).toBe(1);
  const [second, first] = (await anna.conflict().count()) ? [anna, bo] : [bo, anna];
  await expect(second.conflict()).toContainText(texts.get(first));
  await expect(second.field('summary')).toHaveValue(texts.get(second));
  await expect(first.field('summary')).toHaveValue(texts.get(first));
  await expect(first.conflict()).toHaveCount(0);
  await expectNoAxeViolations(second.page, `a same-field conflict on the answer form (${second.lang})`);

  // The first loses the network and goes on typing, in a field the second
  // then changes too and in one nobody else touches.
  await first.context.setOffline(true);
  await first.field('other').fill('Written offline.');
  await first.field('general').fill('Also written offline.');
  await expect(first.page.locator('#autosave')).toHaveText(say(first.lang, 'remiss.auto.offline'));
  await second.field('other').fill('Written online.');
  await expect.poll(async () => (await second.page.request.get(link)).text()).toContain('>Written online.</textarea>');
  await first.context.setOffline(false);
  await expect(first.conflict()).toContainText('Written online.');
  await expect(first.field('other')).toHaveValue('Written offline.');
  await expect(second.field('general')).toHaveValue('Also written offline.');
  await expectNoAxeViolations(first.page, `a conflict after typing offline (${first.lang})`);

  // Sending is held back while a choice waits.
  await first.page.getByRole('button', { name: say(first.lang, 'remiss.form.submit') }).click();
  await expect(first.page.locator('#autosave')).toHaveText(say(first.lang, 'remiss.coedit.choose_first'));

  // Choosing, by keyboard: the first keeps its offline text, which reaches
  // the second (who had not typed there since); the second takes the
  // first's summary.
  await first.conflict().getByRole('button', { name: new RegExp(say(first.lang, 'remiss.coedit.keep_mine')) }).press('Enter');
  await expect(first.field('other')).toBeFocused();
  await expect(first.conflict()).toHaveCount(0);
  await expect(second.field('other')).toHaveValue('Written offline.');
  await second.conflict().getByRole('button', { name: new RegExp(say(second.lang, 'remiss.coedit.use_theirs')) }).press('Enter');
  await expect(second.field('summary')).toHaveValue(texts.get(first));
  await expect(second.field('summary')).toBeFocused();

  // Everything is in the stored draft: a third browser sees it all.
  const third = await open(await newContext('laptop'), link, 'sv');
  await expect(third.comment(1)).toHaveValue('Annas synpunkt på bidraget.');
  await expect(third.comment(2)).toHaveValue('Bo on the conditions.');
  await expect(third.field('summary')).toHaveValue(texts.get(first));
  await expect(third.field('other')).toHaveValue('Written offline.');
  await expect(third.field('general')).toHaveValue('Also written offline.');
});

test('the working group sees a colleague\'s note live and keeps what it typed itself', async ({ newContext }) => {
  const { page: wg } = await facilitator(newContext, 'laptop');
  const { id, link } = await openConsultation(wg);
  const org = await (await newContext('phone')).newPage();
  await org.goto(link);
  await org.getByLabel('Kontaktperson (obligatoriskt)').fill('Per Holm');
  await org.getByLabel('E-postadress (obligatoriskt)').fill('per@lbr.example.se');
  await org.getByRole('region', { name: '1. Bidrag' }).getByRole('radio', { name: 'Avstyrker' }).check();
  await org.getByRole('region', { name: '1. Bidrag' }).getByLabel('Synpunkter på 1. Bidrag').fill('Beloppet är för lågt.');
  await org.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(org.locator('.reference')).toBeVisible();

  await wg.goto(`/admin/consultations/${id}/analysis`);
  await wg.getByRole('link', { name: '1. Bidrag' }).click();
  const { page: colleague } = await facilitator(newContext, 'laptop');
  await colleague.goto(wg.url());
  const comment = (page) => page.getByRole('article').filter({ hasText: ORG }).getByLabel(/Arbetsgruppens kommentar/);
  const save = (page) => page.getByRole('article').filter({ hasText: ORG }).getByRole('button', { name: /^Spara/ });

  // A colleague's saved note fills a form nobody has typed in.
  await comment(wg).fill('Höjs till 12 000 kronor.');
  await save(wg).click();
  await expect(wg.getByText('Kommentaren är sparad.')).toBeVisible();
  await expect(comment(colleague)).toHaveValue('Höjs till 12 000 kronor.');

  // Typed in: the colleague's next save shows beside it, and nothing is replaced.
  await comment(colleague).fill('Beloppet ses över i budgeten.');
  await comment(wg).fill('Höjs till 15 000 kronor.');
  await save(wg).click();
  await expect(wg.getByText('Kommentaren är sparad.')).toBeVisible();
  const conflict = colleague.getByRole('group', { name: /En kollega har ändrat det här fältet/ });
  await expect(conflict).toContainText('Höjs till 15 000 kronor.');
  await expect(comment(colleague)).toHaveValue('Beloppet ses över i budgeten.');
  await expectNoAxeViolations(colleague, 'a note a colleague changed while typing');
  await conflict.getByRole('button', { name: /Behåll min text/ }).press('Enter');
  await expect(comment(colleague)).toBeFocused();
  await save(colleague).click();
  await expect(colleague.getByText('Kommentaren är sparad.')).toBeVisible();
  await expect(comment(colleague)).toHaveValue('Beloppet ses över i budgeten.');
  await expect(comment(wg)).toHaveValue('Beloppet ses över i budgeten.');
});
