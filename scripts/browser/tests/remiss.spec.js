// Consultations (remiss) as people use them: the working group prepares and
// follows a consultation on a laptop, organisations answer on a phone.
import { test, expect, facilitator, createWorkshop, unique, expectNoAxeViolations } from './helpers.js';
import { say, switchLanguage } from './lang.js';

// Each test walks through several pages and contexts; on two shared cores
// that takes longer than a workshop test.
test.describe.configure({ timeout: 180_000 });

const INVITEES = [
  ['Coompanion Göteborgsregionen', 'info@coompanion.example.se'],
  ['Studieförbundet Vuxenskolan', 'kansli@sv.example.se'],
  ['Länsbygderådet', 'info@lbr.example.se'],
  ['Ideell Arena', 'kontakt@ideellarena.example.se'],
  ['RSMH Västra Götaland', 'rsmh@example.se'],
];

/**
 * Creates the example consultation (six sections) through the forms, invites
 * five organisations from a pasted list and opens it. Returns its id, the
 * private links by organisation and the public link.
 */
async function createConsultation(page) {
  const title = unique('Överenskommelsen');
  await page.goto('/admin/consultations');
  await page.getByRole('link', { name: 'Skapa exempelremiss (överenskommelsen 2014)' }).click();
  await expect(page.getByLabel('Utkastet i sin helhet')).toHaveValue(/6\. Uppföljning och fortsatt arbete/);
  await page.getByLabel('Rubrik').fill(title);
  await page.getByRole('button', { name: 'Skapa remiss' }).click();
  // The split is shown for confirmation first.
  await expect(page.getByRole('heading', { level: 1, name: 'Kontrollera avsnitten' })).toBeVisible();
  await expect(page.getByText('Texten delades i 6 avsnitt.')).toBeVisible();
  await page.getByRole('button', { name: 'Skapa remissen med de här 6 avsnitten' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const id = new URL(page.url()).pathname.split('/')[3];
  await expect(page.getByRole('strong').filter({ hasText: '6. Uppföljning och fortsatt arbete' })).toBeVisible();
  await page.getByLabel('Lista med organisationer').fill(
    `Organisation;E-post\n${INVITEES.map(([o, e]) => `${o};${e}`).join('\n')}`);
  await page.getByRole('button', { name: 'Bjud in alla' }).click();
  await expect(page.getByText('Listan över remissinstanser är sparad.')).toBeVisible();
  await page.getByRole('button', { name: 'Öppna remissen för svar' }).click();
  await expect(page.getByText('Läget är ändrat.')).toBeVisible();
  const links = {};
  for (const [org] of INVITEES) {
    links[org] = new URL(await page.getByLabel(`Privat svarslänk för ${org}`).inputValue()).pathname;
  }
  const publicLink = new URL(await page.getByLabel('Öppen länk för spontana svar').inputValue()).pathname;
  return { id, title, links, publicLink };
}

async function fillRequired(form, org) {
  await form.getByLabel('Organisation (obligatoriskt)').fill(org);
  await form.getByLabel('Kontaktperson (obligatoriskt)').fill('Karin Åberg');
  await form.getByLabel('E-postadress (obligatoriskt)').fill('karin@example.se');
}

test('an organisation drafts, reloads, finishes and submits while the working group watches live', async ({ newContext }) => {
  const { page: wg } = await facilitator(newContext, 'laptop');
  const c = await createConsultation(wg);
  await wg.goto(`/admin/consultations/${c.id}/overview`);
  await expect(wg.getByText('Ansluten')).toBeVisible();
  await expect(wg.locator('#participation')).toHaveText('0 svar: 0 av 5 inbjudna, 0 spontana. 0 med inga synpunkter.');

  const phone = await (await newContext('phone')).newPage();
  await phone.goto(c.links['Länsbygderådet']);
  await expect(phone.getByText('Svara senast den')).toBeVisible();
  await expect(phone.getByLabel('Organisation (obligatoriskt)')).toHaveValue('Länsbygderådet');
  await phone.getByLabel('Kontaktperson (obligatoriskt)').fill('Per Holm');
  const section2 = phone.getByRole('region', { name: '2. Vision och syfte' });
  await section2.getByRole('radio', { name: 'Tillstyrker delvis' }).check();
  await section2.getByLabel('Synpunkter på 2. Vision och syfte').fill('Visionen bör nämna landsbygden.');
  await expect(phone.getByText(/Utkastet sparades kl\./)).toBeVisible();

  await phone.reload();
  await expect(phone.getByLabel('Kontaktperson (obligatoriskt)')).toHaveValue('Per Holm');
  await expect(section2.getByRole('radio', { name: 'Tillstyrker delvis' })).toBeChecked();
  await expect(section2.getByLabel('Synpunkter på 2. Vision och syfte')).toHaveValue('Visionen bör nämna landsbygden.');

  // Submitting with a field missing names it, and nothing is lost.
  await phone.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(phone.getByRole('alert')).toContainText('Skriv en e-postadress.');
  await expect(section2.getByLabel('Synpunkter på 2. Vision och syfte')).toHaveValue('Visionen bör nämna landsbygden.');
  await phone.getByRole('link', { name: 'Skriv en e-postadress.' }).click();
  await expect(phone.getByLabel('E-postadress (obligatoriskt)')).toBeFocused();
  await phone.getByLabel('E-postadress (obligatoriskt)').fill('per@lbr.example.se');
  const section4 = phone.getByRole('region', { name: '4. Gemensamma utmaningar' });
  await section4.getByRole('radio', { name: 'Avstyrker' }).check();
  await expect(phone.getByRole('heading', { name: 'Ert svar blir en allmän handling' })).toBeVisible();
  await phone.getByRole('button', { name: 'Skicka svaret' }).click();

  await expect(phone.getByRole('heading', { level: 1, name: 'Kvitto på ert remissvar' })).toBeVisible();
  await expect(phone.locator('.reference')).toHaveText(/^RV-\d{4}-\d{4}$/);
  await expect(phone.getByText('Visionen bör nämna landsbygden.')).toBeVisible();

  // The overview changed without a reload.
  await expect(wg.locator('#participation')).toHaveText('1 svar: 1 av 5 inbjudna, 0 spontana. 0 med inga synpunkter.');
  const chart2 = wg.getByRole('table', { name: 'Ställningstaganden till 2. Vision och syfte' });
  await expect(chart2.getByRole('row', { name: /Tillstyrker delvis/ }).getByRole('cell').first()).toHaveText('1');
  const chart4 = wg.getByRole('table', { name: 'Ställningstaganden till 4. Gemensamma utmaningar' });
  await expect(chart4.getByRole('row', { name: /Avstyrker/ }).getByRole('cell').first()).toHaveText('1');
  const list = wg.getByRole('table', { name: /Remissinstanser och var deras svar står/ });
  await expect(list.getByRole('row', { name: /Länsbygderådet/ })).toContainText(/Svar inskickat \d+ \p{L}+ \d{4} kl\. \d+\.\d\d/u);
  await expect(list.getByRole('row', { name: /Ideell Arena/ })).toContainText('Inte öppnad');

  // A spontaneous answer through the public link, then the compiled report.
  const other = await (await newContext('phone')).newPage();
  await other.goto(c.publicLink);
  await other.getByRole('button', { name: 'Börja svara' }).click();
  await expect(other.getByLabel('Er privata länk')).toBeVisible();
  await fillRequired(other, 'Föreningen Gemenskap');
  await other.getByRole('region', { name: '2. Vision och syfte' }).getByRole('radio', { name: 'Tillstyrker', exact: true }).check();
  await other.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(other.locator('.reference')).toBeVisible();
  await expect(wg.locator('#participation')).toHaveText('2 svar: 1 av 5 inbjudna, 1 spontana. 0 med inga synpunkter.');
  await expect(list.getByRole('row', { name: /Föreningen Gemenskap/ })).toContainText('Spontant svar');

  await wg.getByRole('link', { name: 'Remissammanställning' }).click();
  await expect(wg.getByRole('heading', { level: 1 })).toHaveText(`Remissammanställning: ${c.title}`);
  await expect(wg.getByRole('heading', { name: 'Länsbygderådet – tillstyrker delvis' })).toBeVisible();
  await expect(wg.getByRole('heading', { name: 'Föreningen Gemenskap – tillstyrker (spontant svar)' })).toBeVisible();
  await expect(wg.getByText('per@lbr.example.se')).toHaveCount(0);
});

test('text typed just before a reload is not lost', async ({ newContext }) => {
  const { page: wg } = await facilitator(newContext, 'laptop');
  const c = await createConsultation(wg);
  const phone = await (await newContext('phone')).newPage();
  await phone.goto(c.links['Ideell Arena']);
  await expect(phone.getByLabel('Allmänna synpunkter')).toBeVisible();
  // Reload at once, before the draft is sent: the browser kept it.
  await phone.getByLabel('Allmänna synpunkter').fill('Skrivet i sista sekunden');
  await phone.reload();
  await expect(phone.getByLabel('Allmänna synpunkter')).toHaveValue('Skrivet i sista sekunden');
  await expect(phone.getByText(/Utkastet sparades kl\./)).toBeVisible();
  // Now the server has it too: a colleague's fresh browser sees it.
  const colleague = await (await newContext('laptop')).newPage();
  await colleague.goto(c.links['Ideell Arena']);
  await expect(colleague.getByLabel('Allmänna synpunkter')).toHaveValue('Skrivet i sista sekunden');
});

test('the answer form works without JavaScript', async ({ newContext }) => {
  const { page: wg } = await facilitator(newContext, 'laptop');
  const c = await createConsultation(wg);
  const page = await (await newContext('phone', { javaScriptEnabled: false })).newPage();
  await page.goto(c.links['RSMH Västra Götaland']);
  await page.getByLabel('Allmänna synpunkter').fill('Utan skript');
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByText('Utkastet är sparat.')).toBeVisible();
  await expect(page.getByLabel('Allmänna synpunkter')).toHaveValue('Utan skript');
  await page.getByLabel('Kontaktperson (obligatoriskt)').fill('Lena Berg');
  await page.getByLabel('E-postadress (obligatoriskt)').fill('lena@rsmh.example.se');
  await page.getByRole('region', { name: '5. Åtaganden' }).getByRole('radio', { name: 'Avstyrker' }).check();
  await page.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kvitto på ert remissvar' })).toBeVisible();
  await expect(page.locator('.reference')).toHaveText(/^RV-\d{4}-\d{4}$/);
});

test('axe finds nothing on the answer form, its errors, the receipt and the public page', async ({ newContext }) => {
  const { page: wg } = await facilitator(newContext, 'laptop');
  const c = await createConsultation(wg);
  for (const kind of ['phone', 'laptop']) {
    const page = await (await newContext(kind)).newPage();
    await page.goto(c.links['Coompanion Göteborgsregionen']);
    await expectNoAxeViolations(page, `answer form on a ${kind}`);
    await page.getByRole('button', { name: 'Skicka svaret' }).click();
    await expect(page.getByRole('alert')).toContainText('Skriv en e-postadress.');
    await expectNoAxeViolations(page, `answer form with errors on a ${kind}`);
  }
  const phone = await (await newContext('phone')).newPage();
  await phone.goto(c.links['Studieförbundet Vuxenskolan']);
  await fillRequired(phone, 'Studieförbundet Vuxenskolan');
  await phone.getByRole('region', { name: '1. Inledning och bakgrund' }).getByRole('radio', { name: 'Inga invändningar' }).check();
  await phone.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(phone.locator('.reference')).toBeVisible();
  await expectNoAxeViolations(phone, 'receipt');
  await phone.goto(c.publicLink);
  await expectNoAxeViolations(phone, 'public page');
});

test('axe finds nothing on the working group\'s consultation pages', async ({ newContext }) => {
  const { page: wg } = await facilitator(newContext, 'laptop');
  await wg.goto('/admin/consultations');
  await expectNoAxeViolations(wg, 'consultation list');
  await wg.goto('/admin/consultations/new');
  await expectNoAxeViolations(wg, 'new consultation form');
  const c = await createConsultation(wg);
  await expectNoAxeViolations(wg, 'consultation page');
  const phone = await (await newContext('phone')).newPage();
  await phone.goto(c.links['Ideell Arena']);
  await fillRequired(phone, 'Ideell Arena');
  await phone.getByRole('region', { name: '3. Utgångspunkter och värdegrund' }).getByRole('radio', { name: 'Avstyrker' }).check();
  await phone.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(phone.locator('.reference')).toBeVisible();
  await wg.goto(`/admin/consultations/${c.id}/overview`);
  await expect(wg.getByText('Ansluten')).toBeVisible();
  await expectNoAxeViolations(wg, 'live overview');
  await wg.getByRole('link', { name: 'Läs alla synpunkter 3. Utgångspunkter och värdegrund' }).click();
  await expect(wg.getByRole('heading', { name: 'Ideell Arena' })).toBeVisible();
  await expectNoAxeViolations(wg, 'views on a section');
  await wg.goto(`/admin/consultations/${c.id}/report`);
  await expectNoAxeViolations(wg, 'compiled report');
});

test('axe finds nothing on the consultation pages in English', async ({ newContext }) => {
  const { page: wg } = await facilitator(newContext, 'laptop');
  const c = await createConsultation(wg);
  const sv = await (await newContext('phone')).newPage();
  await sv.goto(c.links['Ideell Arena']);
  await fillRequired(sv, 'Ideell Arena');
  await sv.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(sv.locator('.reference')).toBeVisible();
  const receipt = new URL(sv.url()).pathname;

  await switchLanguage(wg, 'en');
  for (const [path, what] of [['/admin/consultations', 'consultation list'], ['/admin/consultations/new', 'new consultation form'],
    [`/admin/consultations/${c.id}`, 'consultation page'], [`/admin/consultations/${c.id}/report`, 'compiled report']]) {
    await wg.goto(path);
    await expect(wg.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoAxeViolations(wg, `${what} (en)`);
  }
  await wg.goto(`/admin/consultations/${c.id}/overview`);
  await expect(wg.getByText(say('en', 'live.open'), { exact: true })).toBeVisible();
  await expectNoAxeViolations(wg, 'live overview (en)');
  await wg.locator(`a[href^="/admin/consultations/${c.id}/sections/"]`).first().click();
  await expect(wg.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(wg, 'views on a section (en)');

  const en = await (await newContext('phone', { locale: 'en-GB' })).newPage();
  for (const [path, what] of [[c.links['Coompanion Göteborgsregionen'], 'answer form'], [receipt, 'receipt'], [c.publicLink, 'public page']]) {
    await en.goto(path);
    await expect(en.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoAxeViolations(en, `${what} on a phone (en)`);
  }
});

test('a comment tagged with a workshop theme shows on the theme page with the workshop input', async ({ newContext }) => {
  const { page: wg } = await facilitator(newContext, 'laptop');
  const workshop = await createWorkshop(wg, { tables: 1 });
  const c = await createConsultation(wg);
  const phone = await (await newContext('phone')).newPage();
  await phone.goto(c.links['Länsbygderådet']);
  await fillRequired(phone, 'Länsbygderådet');
  const region = phone.getByRole('region', { name: '1. Inledning och bakgrund' });
  await region.getByRole('radio', { name: 'Tillstyrker delvis' }).check();
  await region.getByRole('textbox').first().fill('Landsbygden behöver nämnas uttryckligen.');
  await phone.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(phone.locator('.reference')).toBeVisible();

  await wg.goto(`/admin/consultations/${c.id}`);
  await wg.getByLabel('Använd teman från workshoppen').selectOption({ label: workshop.name });
  await wg.getByRole('region', { name: 'Teman' }).getByRole('button', { name: 'Spara' }).click();
  await expect(wg.getByText('Temana är valda.')).toBeVisible();
  await wg.goto(`/admin/consultations/${c.id}/overview`);
  await wg.getByRole('link', { name: 'Läs alla synpunkter 1. Inledning och bakgrund' }).click();
  await wg.getByLabel('Tema Länsbygderådet').selectOption({ label: 'Mångfald' });
  await wg.getByRole('button', { name: 'Spara Länsbygderådet' }).click();
  await expect(wg.getByRole('status').filter({ hasText: 'Temat är sparat.' })).toBeVisible();
  await expectNoAxeViolations(wg, 'views on a section, with theme tags');
  await wg.getByRole('link', { name: 'Allt om temat Mångfald' }).click();
  await expect(wg.getByRole('heading', { level: 1, name: 'Mångfald' })).toBeVisible();
  await expect(wg.getByText('Landsbygden behöver nämnas uttryckligen.')).toBeVisible();
  await expectNoAxeViolations(wg, 'theme page');
  await switchLanguage(wg, 'en');
  await expectNoAxeViolations(wg, 'theme page (en)');
});
