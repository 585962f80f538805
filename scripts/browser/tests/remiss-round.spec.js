// The rest of a consultation round, as the working group does it: the draft
// split for confirmation (without JavaScript too), the working group's
// analysis, the e-mail page, and publication with consent; axe on every
// new page and state, on a phone and a laptop.
import { test, expect, facilitator, unique, expectNoAxeViolations } from './helpers.js';
import { say, switchLanguage } from './lang.js';

test.describe.configure({ timeout: 300_000 });

const DRAFT = `1. Bidrag
Bidraget är
10 000 kronor per förening.
Målen är:
1. ökad delaktighet
2. fler samarbeten

§ 2
Villkor
Föreningen redovisar hur bidraget används.`;

/** Date and time in Stockholm, offset minutes from now, as the form's fields take them. */
function stockholm(offsetMinutes) {
  const d = new Date(Date.now() + offsetMinutes * 60_000);
  const p = Object.fromEntries(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

test('the split is confirmed before saving, with join and split, without JavaScript', async ({ newContext }) => {
  const context = await newContext('phone', { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('E-postadress').fill('admin@example.se');
  await page.getByLabel('Lösenord').fill('blå cykel på taket 7');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.goto('/admin/consultations/new');
  const title = unique('Bidragsregler');
  await page.getByLabel('Rubrik').fill(title);
  const when = stockholm(60 * 24 * 30);
  await page.getByLabel('Datum').fill(when.date);
  await page.getByLabel('Utkastet i sin helhet').fill(DRAFT);
  await page.getByRole('button', { name: 'Skapa remiss' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Kontrollera avsnitten' })).toBeVisible();
  await expect(page.getByText('Texten delades i 2 avsnitt.')).toBeVisible();
  // The list and the number stayed text.
  const first = page.getByRole('group', { name: /Avsnitt 1 av 2/ });
  await expect(first.getByLabel('Rubrik')).toHaveValue('Bidrag');
  await expect(first.getByLabel('Text', { exact: true })).toHaveValue(/^Bidraget är\n10 000 kronor per förening\.\nMålen är:\n1\. ökad delaktighet/);
  await expect(page.getByRole('group', { name: /Avsnitt 2 av 2/ }).getByLabel('Rubrik')).toHaveValue('Villkor');

  // Split section 1 before the list, name the new section, then join it back.
  await first.getByLabel(/Dela avsnittet före raden/).selectOption({ label: '1. ökad delaktighet' });
  await first.getByRole('button', { name: /^Dela/ }).click();
  await expect(page.getByText('Avsnitt 1 är delat i två: 1 och 2.')).toBeVisible();
  const second = page.getByRole('group', { name: /Avsnitt 2 av 3/ });
  await expect(second.getByLabel('Text', { exact: true })).toHaveValue('1. ökad delaktighet\n2. fler samarbeten');
  await page.getByRole('button', { name: 'Skapa remissen med de här 3 avsnitten' }).first().click();
  await expect(page.getByText('Varje avsnitt behöver en rubrik.')).toBeVisible();
  await page.getByRole('group', { name: /Avsnitt 2 av 3/ }).getByRole('button', { name: /Slå ihop med avsnittet ovanför/ }).click();
  await expect(page.getByText('Avsnitt 1 och 2 är ihopslagna.')).toBeVisible();
  await page.getByRole('button', { name: 'Skapa remissen med de här 2 avsnitten' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('strong').filter({ hasText: '1. Bidrag' })).toBeVisible();
  await expect(page.getByRole('strong').filter({ hasText: '§ 2 Villkor' })).toBeVisible();

  // axe needs scripts: the same pages in a browser with JavaScript, on a phone and a laptop.
  for (const kind of ['phone', 'laptop']) {
    const { page: wg } = await facilitator(newContext, kind);
    await wg.goto('/admin/consultations/new');
    await wg.getByLabel('Rubrik').fill(unique('Bidragsregler'));
    await wg.getByLabel('Datum').fill(when.date);
    await wg.getByLabel('Utkastet i sin helhet').fill(DRAFT);
    await wg.getByRole('button', { name: 'Skapa remiss' }).click();
    await expect(wg.getByText('Texten delades i 2 avsnitt.')).toBeVisible();
    await expectNoAxeViolations(wg, `the split for confirmation on a ${kind}`);
    const g = wg.getByRole('group', { name: /Avsnitt 1 av 2/ });
    await g.getByLabel(/Dela avsnittet före raden/).selectOption({ label: '1. ökad delaktighet' });
    await g.getByRole('button', { name: /^Dela/ }).click();
    await wg.getByRole('button', { name: 'Skapa remissen med de här 3 avsnitten' }).first().click();
    await expect(wg.getByText('Varje avsnitt behöver en rubrik.')).toBeVisible();
    await expectNoAxeViolations(wg, `the split with a section without a heading on a ${kind}`);
  }
});

test('the working group analyses, publishes with consent, and sees its e-mail page', async ({ newContext }) => {
  const { page: wg } = await facilitator(newContext, 'laptop');
  // A consultation whose deadline has just passed; the organisation is let in late.
  await wg.goto('/admin/consultations/new?example=1');
  const title = unique('Överenskommelsen');
  await wg.getByLabel('Rubrik').fill(title);
  const past = stockholm(-2);
  await wg.getByLabel('Datum').fill(past.date);
  await wg.getByLabel('Klockslag').fill(past.time);
  await wg.getByRole('button', { name: 'Skapa remiss' }).click();
  await wg.getByRole('button', { name: 'Skapa remissen med de här 6 avsnitten' }).first().click();
  await expect(wg.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const id = new URL(wg.url()).pathname.split('/')[3];
  await wg.getByLabel('Lista med organisationer').fill('Länsbygderådet\tinfo@lbr.example.se\nIdeell Arena\tkontakt@ia.example.se');
  await wg.getByRole('button', { name: 'Bjud in alla' }).click();
  await wg.getByRole('button', { name: 'Öppna remissen för svar' }).click();
  await expect(wg.locator('.badge').first()).toHaveText('Svarstiden har gått ut');
  await wg.getByRole('button', { name: 'Tillåt sent svar Länsbygderådet' }).click();
  const link = new URL(await wg.getByLabel('Privat svarslänk för Länsbygderådet').inputValue()).pathname;

  const phone = await (await newContext('phone')).newPage();
  await phone.goto(link);
  await phone.getByLabel('Kontaktperson (obligatoriskt)').fill('Per Holm');
  await phone.getByLabel('E-postadress (obligatoriskt)').fill('per@lbr.example.se');
  const s2 = phone.getByRole('region', { name: '2. Vision och syfte' });
  await s2.getByRole('radio', { name: 'Tillstyrker delvis' }).check();
  await s2.getByLabel('Synpunkter på 2. Vision och syfte').fill('Vår ordförande Eva Svensson vill se landsbygden nämnd.');
  await phone.getByRole('radio', { name: 'Ja, svaret får publiceras på webben' }).check();
  await phone.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: 'Kvitto på ert remissvar' })).toBeVisible();

  // The working group's comment and action on the view, and summaries.
  await wg.goto(`/admin/consultations/${id}/analysis`);
  await expectNoAxeViolations(wg, 'the analysis page');
  await wg.getByLabel('Arbetsgruppens sammanfattning av remissvaren').fill('Svaren stöder förslaget.');
  await wg.getByRole('button', { name: /Spara sammanfattningen/ }).click();
  await expect(wg.getByRole('status').filter({ hasText: 'Sammanfattningen är sparad.' })).toBeVisible();
  await wg.getByRole('link', { name: '2. Vision och syfte' }).click();
  await wg.getByLabel('Arbetsgruppens kommentar – Länsbygderådet').fill('Landsbygden skrivs in.');
  await wg.getByLabel('Åtgärd – Länsbygderådet').selectOption({ label: 'Beaktas delvis' });
  await wg.getByRole('button', { name: 'Spara – Länsbygderådet' }).click();
  await expect(wg.getByRole('status').filter({ hasText: 'Kommentaren är sparad.' })).toBeVisible();
  await expect(wg.getByLabel('Arbetsgruppens kommentar – Länsbygderådet')).toHaveValue('Landsbygden skrivs in.');
  await expectNoAxeViolations(wg, 'a section with the working group\'s notes');
  await wg.goto(`/admin/consultations/${id}/report`);
  await expect(wg.getByText('Landsbygden skrivs in.')).toBeVisible();
  await expect(wg.getByRole('heading', { name: 'Länsbygderådet – tillstyrker delvis (sent inkommet)' })).toBeVisible();

  // Publication: review, remove a name with a reason, publish.
  await wg.goto(`/admin/consultations/${id}/publish`);
  await expectNoAxeViolations(wg, 'the publication page');
  await wg.getByRole('link', { name: 'Granska och ta bort uppgifter Länsbygderådet' }).click();
  await wg.getByLabel('Del av svaret').selectOption({ label: '2. Vision och syfte' });
  await wg.getByLabel('Text att ta bort').fill('Eva Svensson');
  await wg.getByLabel('Skäl').fill('Personuppgift om en privatperson');
  await wg.getByRole('button', { name: 'Ta bort texten' }).click();
  await expect(wg.getByRole('status').filter({ hasText: 'Texten är borttagen ur den publicerade versionen.' })).toBeVisible();
  await expectNoAxeViolations(wg, 'reviewing an answer for publication');
  await wg.goto(`/admin/consultations/${id}/publish`);
  await wg.getByRole('button', { name: 'Publicera Länsbygderådet' }).click();
  await expect(wg.getByRole('status').filter({ hasText: 'Svaret är publicerat.' })).toBeVisible();

  for (const kind of ['phone', 'laptop']) {
    const visitor = await (await newContext(kind)).newPage();
    await visitor.goto(`/published/${id}`);
    await expectNoAxeViolations(visitor, `the public page of published answers on a ${kind}`);
    await visitor.getByRole('link', { name: 'Länsbygderådet' }).click();
    await expect(visitor.getByRole('heading', { level: 1, name: 'Remissvar från Länsbygderådet' })).toBeVisible();
    await expect(visitor.getByText('Vår ordförande [uppgift borttagen] vill se landsbygden nämnd.')).toBeVisible();
    await expect(visitor.getByText('Per Holm')).toHaveCount(0);
    await expect(visitor.getByRole('button', { name: 'Skriv ut eller spara som PDF' })).toBeVisible();
    await expectNoAxeViolations(visitor, `a published answer on a ${kind}`);
  }

  // Without SMTP the e-mail page says so.
  await wg.goto(`/admin/consultations/${id}/mail`);
  await expect(wg.getByText(say('sv', 'mail.off'))).toBeVisible();
  await expectNoAxeViolations(wg, 'the e-mail page');

  // The same pages in English.
  await switchLanguage(wg, 'en');
  const rid = new URL(await wg.goto(`/admin/consultations/${id}/publish`).then(() =>
    wg.getByRole('link', { name: `${say('en', 'remiss.publish.review')} Länsbygderådet` }).evaluate((a) => a.href))).pathname.split('/').pop();
  for (const [path, what] of [[`/admin/consultations/${id}/analysis`, 'analysis'], [`/admin/consultations/${id}/mail`, 'e-mail page'],
    [`/admin/consultations/${id}/publish`, 'publication page'], [`/admin/consultations/${id}/publish/${rid}`, 'review for publication'],
    [`/published/${id}`, 'published answers'], [`/published/${id}/${rid}`, 'a published answer']]) {
    await wg.goto(path);
    await expect(wg.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoAxeViolations(wg, `${what} (en)`);
  }
  await wg.goto('/admin/consultations/new?example=1');
  await wg.getByRole('button', { name: say('en', 'remiss.create') }).click();
  await expect(wg.getByRole('heading', { level: 1, name: say('en', 'remiss.split.title') })).toBeVisible();
  await expectNoAxeViolations(wg, 'the split for confirmation (en)');
});
