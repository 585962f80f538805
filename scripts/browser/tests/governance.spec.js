// Roles, accounts, the audit log, the legal pages and the session warning,
// as people use them; axe-core on each of these pages.
import {
  test, expect, facilitator, inviteColleague, grantAccess, readyWorkshop, openDashboard, openTable, submitAnswer,
  answer, card, column, SENT, expectNoAxeViolations,
} from './helpers.js';
import { LANGUAGES, say, switchLanguage } from './lang.js';

test('the footer of every kind of page links to the statements; feedback reaches the administrator', async ({ newContext }) => {
  test.slow();
  const { codes } = await readyWorkshop(newContext);
  const phone = await openTable(await newContext('phone'), codes[0]);
  const visitor = await (await newContext('laptop')).newPage();
  for (const page of [phone, visitor]) {
    if (page === visitor) await visitor.goto('/');
    const footer = page.getByRole('contentinfo');
    await expect(footer.getByRole('link', { name: 'Tillgänglighetsredogörelse' })).toBeVisible();
    await expect(footer.getByRole('link', { name: 'Personuppgifter' })).toBeVisible();
    await expect(footer.getByRole('link', { name: 'Kakor' })).toBeVisible();
  }
  await visitor.getByRole('link', { name: 'Personuppgifter' }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: 'Så behandlar vi dina personuppgifter' })).toBeVisible();
  await expect(visitor.getByText('uppgift av allmänt intresse')).toBeVisible();
  await expectNoAxeViolations(visitor, 'privacy notice');
  await visitor.getByRole('link', { name: 'Kakor' }).click();
  await expect(visitor.getByRole('table', { name: 'Kakor som Samråd använder' })).toBeVisible();
  await expectNoAxeViolations(visitor, 'cookie statement');
  await visitor.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: 'Tillgänglighet för Samråd' })).toBeVisible();
  for (const h of ['Hur tillgänglig är webbplatsen?', 'Innehåll som inte är tillgängligt', 'Rapportera brister', 'Tillsyn', 'Hur vi testat webbplatsen']) {
    await expect(visitor.getByRole('heading', { level: 2, name: h })).toBeVisible();
  }
  await expectNoAxeViolations(visitor, 'accessibility statement');
  await visitor.getByRole('button', { name: 'Skicka' }).click();
  // The browser's own check stops an empty message first; the text is required.
  await expect(visitor.getByLabel('Vad fungerade inte?')).toHaveJSProperty('validity.valueMissing', true);
  const message = `Kontrasten på knapparna i projektorvyn är för låg ${Date.now()}`;
  await visitor.getByLabel('Vad fungerade inte?').fill(message);
  await visitor.getByLabel('Vilken sida gäller det? (frivilligt)').fill('Projektorvyn');
  await visitor.getByRole('button', { name: 'Skicka' }).click();
  await expect(visitor.getByRole('status')).toHaveText('Tack! Dina synpunkter har kommit fram.');
  await expectNoAxeViolations(visitor, 'accessibility statement after sending feedback');

  const { page: admin } = await facilitator(newContext);
  await admin.getByRole('link', { name: 'Tillgänglighetssynpunkter' }).click();
  await expect(admin.getByText(message)).toBeVisible();
  await expectNoAxeViolations(admin, 'feedback list');
});

test('a reader watches the dashboard without controls; the log shows who did what', async ({ newContext }) => {
  test.slow();
  const { page: admin, workshop, codes } = await readyWorkshop(newContext);
  const { user, page: reader } = await inviteColleague(admin, newContext, 'Läsare');
  await expectNoAxeViolations(reader, 'a new reader\'s empty workshop list');
  await reader.goto(workshop.url);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Workshoppen finns inte, eller så har du inte tillgång till den.');

  await grantAccess(admin, workshop, user);
  await expectNoAxeViolations(admin, 'workshop page with access and retention');
  await reader.goto(workshop.url);
  await expect(reader.getByText('Du har läsbehörighet')).toBeVisible();
  await expect(reader.getByRole('button', { name: 'Öppna för deltagarna' })).toHaveCount(0);
  await expectNoAxeViolations(reader, 'read-only workshop page');

  const phone = await openTable(await newContext('phone'), codes[0]);
  const text = 'Läsaren ska se detta men inte kunna flytta det.';
  await submitAnswer(phone, text);
  await expect(answer(phone, text)).toContainText(SENT);
  await openDashboard(reader, workshop);
  const item = card(column(reader, 'Övrigt / ej sorterat'), text);
  await expect(item).toBeVisible();
  await expect(item.getByText('Åtgärder', { exact: true })).toBeHidden();
  // The filters "only new" and "show hidden" only: no selection, no automatic sorting.
  await expect(reader.getByRole('checkbox')).toHaveCount(2);
  await expect(reader.getByRole('button', { name: /^Godkänn/ })).toHaveCount(0);
  await expectNoAxeViolations(reader, 'read-only dashboard');

  // The administrator hides it; the reader sees that live, and the log has it.
  await openDashboard(admin, workshop);
  const own = card(column(admin, 'Övrigt / ej sorterat'), text);
  await own.getByText('Åtgärder', { exact: true }).click();
  await own.getByRole('button', { name: 'Dölj' }).click();
  await expect(item).toBeHidden();
  await admin.goto(`/admin/audit?event=${workshop.id}`);
  await expect(admin.getByRole('cell', { name: 'input.hide' })).toBeVisible();
  await expect(admin.getByRole('cell', { name: 'access.grant' })).toBeVisible();
  await expectNoAxeViolations(admin, 'audit log');
  await admin.goto('/admin/account');
  await expectNoAxeViolations(admin, 'account page');
});

test('the session warning lets the user stay, and typed text survives the end of a session', async ({ newContext }) => {
  const context = await newContext('laptop');
  const page = await context.newPage();
  await page.clock.install();
  const { workshop } = await readyWorkshop(async () => context);
  await page.goto(workshop.url);
  // Five minutes before the 12-hour session ends, a dialog offers to stay.
  await page.clock.fastForward('11:56:00');
  const dialog = page.getByRole('dialog', { name: 'Du loggas snart ut' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Fortsätt vara inloggad' })).toBeFocused();
  await expectNoAxeViolations(page, 'session warning');
  await dialog.getByRole('button', { name: 'Fortsätt vara inloggad' }).click();
  await expect(dialog).toBeHidden();

  // Text typed into a form is kept, even when the session runs out before sending.
  const question = 'Hur vill ni följa upp överenskommelsen?';
  await page.getByLabel('Ny fråga').fill(question);
  await page.clock.fastForward('12:01:00');
  await expect(page.getByRole('dialog', { name: 'Du har loggats ut' })).toBeVisible();
  const expired = page.getByRole('dialog', { name: 'Du har loggats ut' });
  await expired.getByRole('button', { name: 'Stäng' }).click();
  await page.getByRole('button', { name: 'Lägg till fråga' }).click();
  await expect(expired).toBeVisible();
  await expired.getByRole('button', { name: 'Stäng' }).click();
  await page.reload();
  await expect(page.getByLabel('Ny fråga')).toHaveValue(question);
});

for (const lang of LANGUAGES) {
  test(`statements, account, audit log and feedback pass axe in ${lang}`, async ({ newContext }) => {
    test.slow();
    const { page: admin } = await facilitator(newContext);
    await switchLanguage(admin, lang);
    const visitor = await (await newContext('phone')).newPage();
    await visitor.goto('/');
    await switchLanguage(visitor, lang);
    for (const [path, title] of [['/privacy', 'privacy.title'], ['/cookies', 'cookies.title'], ['/accessibility', 'a11y.title']]) {
      await visitor.goto(path);
      await expect(visitor.getByRole('heading', { level: 1, name: say(lang, title) })).toBeVisible();
      await expectNoAxeViolations(visitor, `${path} on a phone (${lang})`);
    }
    for (const [path, title] of [['/admin/account', 'account.title'], ['/admin/audit', 'audit.title'], ['/admin/feedback', 'feedback.title']]) {
      await admin.goto(path);
      await expect(admin.getByRole('heading', { level: 1, name: say(lang, title) })).toBeVisible();
      await expectNoAxeViolations(admin, `${path} (${lang})`);
    }
    await admin.goto('/admin/users');
    await admin.getByLabel(say(lang, 'users.email')).fill(`axe-${Date.now()}@example.se`);
    await admin.getByRole('button', { name: say(lang, 'users.make_invite') }).click();
    const link = await admin.getByLabel(say(lang, 'users.link_label'), { exact: true }).inputValue();
    await expectNoAxeViolations(admin, `users page with an invitation link (${lang})`);
    await visitor.goto(new URL(link).pathname);
    await expect(visitor.getByRole('heading', { level: 1, name: say(lang, 'link.invite_title') })).toBeVisible();
    await expectNoAxeViolations(visitor, `invitation page (${lang})`);
  });
}
