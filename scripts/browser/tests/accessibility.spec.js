// axe-core on every page a person sees, in the states that matter: WCAG 2.1
// A and AA rules, no rule switched off. Every page in Swedish and in English;
// participant page and dashboard on both a phone and a laptop. Workshops are
// prepared in Swedish (the shared helpers speak Swedish); the pages under test
// are then switched to the language being checked, and acted on through the
// catalogue keys.
import {
  test, expect, ADMIN, facilitator, createWorkshop, openWorkshop, openQuestion, joinCode,
  readyWorkshop, openTable, submitAnswer, answer, card, SENT, expectNoAxeViolations,
} from './helpers.js';
import { LANGUAGES, say, switchLanguage } from './lang.js';

const LOCALE = { sv: 'sv-SE', en: 'en-GB' };

/** The phone's list of the table's answers, and one entry in it, in lang. */
function tableAnswer(page, lang, text) {
  const list = page.getByRole('list', { name: new RegExp(`^${say(lang, 'phone.table_answers')}`) }).first();
  return card(list, text);
}

/** A theme's column on the dashboard, in lang. */
function themeColumn(page, lang, theme) {
  return page.getByRole('region', { name: say(lang, 'dash.board') }).getByRole('region', { name: theme, exact: true });
}

for (const lang of LANGUAGES) {
  const t = (key, params) => say(lang, key, params);

  test.describe(`in ${lang}`, () => {
    // Each test prepares a workshop and runs axe three to five times: on a busy
    // two-core machine that can take over the default minute.
    test.slow();

    test('home and login, also with their error messages', async ({ newContext }) => {
      // A browser that asks for the language gets it without choosing.
      const visitor = await (await newContext('laptop', { locale: LOCALE[lang] })).newPage();
      await visitor.goto('/');
      await expect(visitor.locator('html')).toHaveAttribute('lang', lang);
      await expect(visitor.getByRole('heading', { level: 1, name: t('home.heading') })).toBeVisible();
      await expectNoAxeViolations(visitor, `home page (${lang})`);
      // A wrong code shows the error state of the form.
      await visitor.getByLabel(t('home.code_label')).fill('ZZZZZZ');
      await visitor.getByRole('button', { name: t('home.join') }).click();
      await expect(visitor.getByRole('alert')).toHaveText(t('error.code_unknown'));
      await expectNoAxeViolations(visitor, `home page with an unknown code (${lang})`);
      await visitor.goto('/login');
      await expectNoAxeViolations(visitor, `login page (${lang})`);
      await visitor.getByLabel(t('login.email')).fill(ADMIN.email);
      await visitor.getByLabel(t('login.password')).fill('fel lösenord här');
      await visitor.getByRole('button', { name: t('login.submit') }).click();
      await expect(visitor.getByRole('alert')).toHaveText(t('error.login_failed'));
      await expectNoAxeViolations(visitor, `login page with a wrong password (${lang})`);
      await visitor.goto('/no-such-page');
      await expect(visitor.getByText(t('error.page_not_found'))).toBeVisible();
      await expectNoAxeViolations(visitor, `error page (${lang})`);
    });

    test('the facilitator\'s pages: workshops, new workshop, workshop, users, print', async ({ newContext }) => {
      const { page } = await facilitator(newContext);
      const workshop = await createWorkshop(page, { tables: 3 });
      await openWorkshop(page);
      await openQuestion(page, 1);
      await switchLanguage(page, lang);
      await expectNoAxeViolations(page, `workshop page (${lang})`);
      await page.goto('/admin');
      await expect(page.getByRole('link', { name: workshop.name, exact: true })).toBeVisible();
      await expectNoAxeViolations(page, `workshop list (${lang})`);
      await page.getByRole('link', { name: t('admin.new') }).click();
      await expectNoAxeViolations(page, `new workshop form (${lang})`);
      await page.goto('/admin/users');
      await expect(page.getByRole('heading', { level: 1, name: t('users.title') })).toBeVisible();
      await expectNoAxeViolations(page, `users page (${lang})`);
      await page.goto(workshop.url);
      await page.getByRole('link', { name: t('ws.print') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('print.title') })).toBeVisible();
      await expect(page.getByRole('img', { name: t('print.qr_alt', { name: 'Bord 3' }) })).toBeVisible();
      await expectNoAxeViolations(page, `print page (${lang})`);
    });

    for (const kind of ['phone', 'laptop']) {
      test(`participant pages on a ${kind}`, async ({ newContext }) => {
        const { page, codes } = await readyWorkshop(newContext);
        const event = await joinCode(page);
        const context = await newContext(kind, { locale: LOCALE[lang] });
        const pick = await context.newPage();
        await pick.goto(`/e/${event}`);
        await expect(pick.getByRole('link', { name: 'Bord 2' })).toBeVisible();
        await expectNoAxeViolations(pick, `pick-a-table page on a ${kind} (${lang})`);
        await pick.getByRole('link', { name: 'Bord 1' }).click();
        await expect(pick).toHaveURL(new RegExp(`/t/${codes[0]}$`));
        await expect(pick.getByText(t('live.open'), { exact: true })).toBeVisible();
        await expectNoAxeViolations(pick, `table page with an open question, no input, on a ${kind} (${lang})`);
        const text = 'Vi har ett gott samarbete med studieförbunden.';
        await pick.getByLabel(t('phone.answer_label')).first().fill(text);
        await pick.getByLabel(t('phone.theme_label')).first().selectOption({ label: 'Dialog' });
        await pick.getByRole('button', { name: t('phone.send') }).first().click();
        await expect(tableAnswer(pick, lang, text)).toContainText(t('phone.status_sent'));
        // An empty answer shows the field's error state.
        await pick.getByRole('button', { name: t('phone.send') }).click();
        await expect(pick.getByText(t('phone.error_empty'))).toBeVisible();
        await pick.getByText(t('phone.privacy_title')).click();
        await expectNoAxeViolations(pick, `table page with an input and an error, on a ${kind} (${lang})`);
      });

      test(`dashboard on a ${kind}, with inputs and an open action panel`, async ({ newContext }) => {
        const { workshop, codes } = await readyWorkshop(newContext);
        const phone = await openTable(await newContext('phone'), codes[0]);
        await submitAnswer(phone, 'Föreningarna behöver långsiktiga avtal.', 'Långsiktighet');
        await submitAnswer(phone, 'Mer dialog innan besluten fattas.');
        await expect(answer(phone, 'Mer dialog innan besluten fattas.')).toContainText(SENT);

        const { page } = await facilitator(newContext, kind);
        await page.goto(`${workshop.url}/dashboard`);
        await switchLanguage(page, lang);
        await expect(page.getByRole('heading', { level: 1, name: t('dash.title') })).toBeVisible();
        await expect(page.getByText(t('live.open'), { exact: true })).toBeVisible();
        const item = card(themeColumn(page, lang, 'Långsiktighet'), 'Föreningarna behöver långsiktiga avtal.');
        await expect(item).toBeVisible();
        await expect(card(themeColumn(page, lang, 'Övrigt / ej sorterat'), 'Mer dialog innan besluten fattas.')).toBeVisible();
        await expectNoAxeViolations(page, `dashboard on a ${kind} (${lang})`);
        await item.getByText(t('dash.actions'), { exact: true }).click();
        await expect(item.getByLabel(t('dash.move_to'))).toBeVisible();
        await item.getByRole('checkbox', { name: t('dash.select') }).check();
        await expect(page.getByText(t('dash.selected_n', { n: 1 }))).toBeVisible();
        await page.getByRole('button', { name: t('dash.pause') }).click();
        await expect(page.getByRole('button', { name: t('dash.resume') })).toHaveAttribute('aria-pressed', 'true');
        await expectNoAxeViolations(page, `dashboard on a ${kind} with open actions, a selection and paused (${lang})`);
      });
    }

    test('projector: overview and a theme slide', async ({ newContext }) => {
      const { workshop, codes } = await readyWorkshop(newContext);
      const phone = await openTable(await newContext('phone'), codes[0]);
      await submitAnswer(phone, 'Samverkan kring ungdomars psykiska hälsa.', 'Dialog');
      await expect(answer(phone, 'Samverkan kring ungdomars psykiska hälsa.')).toContainText(SENT);

      // The projector has no header: the language comes from the browser.
      const { page } = await facilitator(newContext, 'laptop');
      await switchLanguage(page, lang);
      await page.goto(`${workshop.url}/projector`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1, name: workshop.name })).toBeVisible();
      await expect(page.getByText(t('live.open'), { exact: true })).toBeVisible();
      await expect(page.getByRole('img', { name: t('proj.join_qr_alt') })).toBeVisible();
      await expectNoAxeViolations(page, `projector overview (${lang})`);
      await page.getByLabel(t('proj.goto')).selectOption({ label: 'Dialog' });
      await expect(page.getByRole('heading', { level: 1, name: 'Dialog' })).toBeVisible();
      await expect(page.getByText('Samverkan kring ungdomars psykiska hälsa.')).toBeVisible();
      await expectNoAxeViolations(page, `projector theme slide (${lang})`);
    });
  });
}
