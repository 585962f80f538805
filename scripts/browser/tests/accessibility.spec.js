// axe-core on every page a person sees, in the states that matter: WCAG 2.1
// A and AA rules, no rule switched off. Participant page and dashboard on
// both a phone and a laptop.
import {
  test, expect, ADMIN, facilitator, createWorkshop, openWorkshop, openQuestion, joinCode,
  readyWorkshop, openDashboard, openTable, submitAnswer, answer, card, column, SENT,
  expectNoAxeViolations,
} from './helpers.js';

test('home and login, also with their error messages', async ({ newContext }) => {
  const visitor = await (await newContext('laptop')).newPage();
  await visitor.goto('/');
  await expect(visitor.getByRole('heading', { level: 1, name: 'Delta i en workshop' })).toBeVisible();
  await expectNoAxeViolations(visitor, 'home page');
  // A wrong code shows the error state of the form.
  await visitor.getByLabel('Kod').fill('ZZZZZZ');
  await visitor.getByRole('button', { name: 'Gå vidare' }).click();
  await expect(visitor.getByRole('alert')).toHaveText('Koden finns inte. Kontrollera den och försök igen.');
  await expectNoAxeViolations(visitor, 'home page with an unknown code');
  await visitor.goto('/login');
  await expectNoAxeViolations(visitor, 'login page');
  await visitor.getByLabel('E-postadress').fill(ADMIN.email);
  await visitor.getByLabel('Lösenord').fill('fel lösenord här');
  await visitor.getByRole('button', { name: 'Logga in' }).click();
  await expect(visitor.getByRole('alert')).toHaveText('Fel e-postadress eller lösenord.');
  await expectNoAxeViolations(visitor, 'login page with a wrong password');
});

test('the facilitator\'s pages: workshops, new workshop, workshop, users, print', async ({ newContext }) => {
  const { page } = await facilitator(newContext);
  const workshop = await createWorkshop(page, { tables: 3 });
  await page.goto('/admin');
  await expect(page.getByRole('link', { name: workshop.name, exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'workshop list');
  await page.getByRole('link', { name: 'Skapa workshop' }).click();
  await expectNoAxeViolations(page, 'new workshop form');
  await page.goto(workshop.url);
  await openWorkshop(page);
  await openQuestion(page, 1);
  await expectNoAxeViolations(page, 'workshop page');
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Användare' })).toBeVisible();
  await expectNoAxeViolations(page, 'users page');
  await page.goto(workshop.url);
  await page.getByRole('link', { name: 'Skriv ut lappar med QR-koder' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lappar till borden' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'QR-kod till Bord 3' })).toBeVisible();
  await expectNoAxeViolations(page, 'print page');
});

for (const kind of ['phone', 'laptop']) {
  test(`participant pages on a ${kind}`, async ({ newContext }) => {
    const { page, codes } = await readyWorkshop(newContext);
    const event = await joinCode(page);
    const context = await newContext(kind);
    const pick = await context.newPage();
    await pick.goto(`/e/${event}`);
    await expect(pick.getByRole('link', { name: 'Bord 2' })).toBeVisible();
    await expectNoAxeViolations(pick, `pick-a-table page on a ${kind}`);
    await pick.getByRole('link', { name: 'Bord 1' }).click();
    await expect(pick).toHaveURL(new RegExp(`/t/${codes[0]}$`));
    await expect(pick.getByText('Ansluten', { exact: true })).toBeVisible();
    await expectNoAxeViolations(pick, `table page with an open question, no input, on a ${kind}`);
    await submitAnswer(pick, 'Vi har ett gott samarbete med studieförbunden.', 'Dialog');
    await expect(answer(pick, 'Vi har ett gott samarbete med studieförbunden.')).toContainText(SENT);
    // An empty answer shows the field's error state.
    await pick.getByRole('button', { name: 'Skicka' }).click();
    await expect(pick.getByText('Skriv något innan du skickar.')).toBeVisible();
    await pick.getByText('Om era uppgifter').click();
    await expectNoAxeViolations(pick, `table page with an input and an error, on a ${kind}`);
  });

  test(`dashboard on a ${kind}, with inputs and an open action panel`, async ({ newContext }) => {
    const { workshop, codes } = await readyWorkshop(newContext);
    const phone = await openTable(await newContext('phone'), codes[0]);
    await submitAnswer(phone, 'Föreningarna behöver långsiktiga avtal.', 'Långsiktighet');
    await submitAnswer(phone, 'Mer dialog innan besluten fattas.');
    await expect(answer(phone, 'Mer dialog innan besluten fattas.')).toContainText(SENT);

    const { page } = await facilitator(newContext, kind);
    await openDashboard(page, workshop);
    const item = card(column(page, 'Långsiktighet'), 'Föreningarna behöver långsiktiga avtal.');
    await expect(item).toBeVisible();
    await expect(card(column(page, 'Övrigt / ej sorterat'), 'Mer dialog innan besluten fattas.')).toBeVisible();
    await expectNoAxeViolations(page, `dashboard on a ${kind}`);
    await item.getByText('Åtgärder', { exact: true }).click();
    await expect(item.getByLabel('Flytta till tema')).toBeVisible();
    await item.getByRole('checkbox', { name: 'Välj för sammanslagning' }).check();
    await expect(page.getByText('Valda svar: 1')).toBeVisible();
    await page.getByRole('button', { name: 'Pausa live-uppdateringen' }).click();
    await expect(page.getByRole('button', { name: 'Fortsätt live-uppdateringen' })).toHaveAttribute('aria-pressed', 'true');
    await expectNoAxeViolations(page, `dashboard on a ${kind} with open actions, a selection and paused`);
  });
}

test('projector: overview and a theme slide', async ({ newContext }) => {
  const { workshop, codes } = await readyWorkshop(newContext);
  const phone = await openTable(await newContext('phone'), codes[0]);
  await submitAnswer(phone, 'Samverkan kring ungdomars psykiska hälsa.', 'Dialog');
  await expect(answer(phone, 'Samverkan kring ungdomars psykiska hälsa.')).toContainText(SENT);

  const { page } = await facilitator(newContext);
  await page.goto(`${workshop.url}/projector`);
  await expect(page.getByRole('heading', { level: 1, name: workshop.name })).toBeVisible();
  await expect(page.getByText('Ansluten', { exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: 'QR-kod för att delta' })).toBeVisible();
  await expectNoAxeViolations(page, 'projector overview');
  await page.getByLabel('Gå till').selectOption({ label: 'Dialog' });
  await expect(page.getByRole('heading', { level: 1, name: 'Dialog' })).toBeVisible();
  await expect(page.getByText('Samverkan kring ungdomars psykiska hälsa.')).toBeVisible();
  await expectNoAxeViolations(page, 'projector theme slide');
});
