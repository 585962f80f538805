// Signing in with the organisation's own account (OpenID Connect), in
// Chromium, through a real provider: scripts/oidc-provider (server/sso/ssotest,
// which signs its one person in at once, without a page of its own). The
// global server has no provider, so this spec starts its own Samråd servers
// (the binary global-setup.js built, started the same way) next to the provider.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort, waitHealthy } from '../global-setup.js';
import { test, expect, ADMIN, expectNoAxeViolations } from './helpers.js';
import { LANGUAGES, say, switchLanguage } from './lang.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PROVIDER = 'Regionkontot';
const t = (key, params) => say('sv', key, params);

// The specs share two processes: the provider and whichever Samråd runs.
test.describe.configure({ mode: 'serial' });

let tmp;
let provider;
const children = [];

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) { resolve(); return; }
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** Starts scripts/oidc-provider; resolves with what it prints (issuer, client). */
async function startProvider(args) {
  const bin = path.join(tmp, 'oidc-provider');
  execFileSync('go', ['build', '-o', bin, './scripts/oidc-provider'], { cwd: repo, stdio: 'inherit' });
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const line = await new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`oidc-provider exited with ${code}`)));
  });
  return JSON.parse(line);
}

/**
 * Starts Samråd with the provider as its identity provider, on a data folder
 * (kept across restarts), with extra environment; resolves with its address
 * and log file.
 */
async function startSamrad(data, env = {}) {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const logFile = path.join(tmp, `samrad-${port}.log`);
  const child = spawn(path.join(process.env.SAMRAD_TEST_TMP, 'server-under-test'), [], {
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), SAMRAD_DATA: data, SAMRAD_BASE_URL: url,
      SAMRAD_OIDC_ISSUER: provider.issuer, SAMRAD_OIDC_CLIENT_ID: provider.clientId,
      SAMRAD_OIDC_CLIENT_SECRET: provider.clientSecret, SAMRAD_OIDC_NAME: PROVIDER, ...env,
    },
    stdio: ['ignore', openSync(logFile, 'w'), openSync(logFile, 'a')],
  });
  children.push(child);
  await waitHealthy(url, child, logFile);
  return { url, child, logFile };
}

test.beforeAll(async () => {
  // Should the worker die without afterAll, its servers go with it.
  process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));
  tmp = mkdtempSync(path.join(process.env.SAMRAD_TEST_TMP, 'sso-'));
  provider = await startProvider(['-email', 'eva.ek@example.se', '-name', 'Eva Ek', '-roles', 'samrad-admin']);
});

test.afterAll(async () => {
  await Promise.all(children.map(stop));
});

/** The login page in each language, checked by axe; back in Swedish after. */
async function loginPageInEveryLanguage(page, what, check) {
  for (const lang of LANGUAGES) {
    await switchLanguage(page, lang);
    await check((key, params) => say(lang, key, params));
    await expectNoAxeViolations(page, `${what} (${lang})`);
  }
  await switchLanguage(page, 'sv');
}

test('signs in through the provider, lands on /admin, and signs out of both', async ({ newContext }) => {
  const samrad = await startSamrad(mkdtempSync(path.join(tmp, 'data-')), {
    SAMRAD_ADMIN_EMAIL: ADMIN.email, SAMRAD_ADMIN_PASSWORD: ADMIN.password,
    SAMRAD_OIDC_ROLE_CLAIM: 'roles', SAMRAD_OIDC_ADMIN_VALUES: 'samrad-admin',
  });
  const page = await (await newContext('laptop', { baseURL: samrad.url })).newPage();
  await page.goto('/login');
  await loginPageInEveryLanguage(page, 'login page with a provider', async (say) => {
    await expect(page.getByRole('link', { name: say('login.sso', { provider: PROVIDER }) })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: say('login.with_password') })).toBeVisible();
    await expect(page.getByLabel(say('login.password'), { exact: true })).toBeVisible();
  });

  await page.getByRole('link', { name: t('login.sso', { provider: PROVIDER }) }).click();
  await expect(page).toHaveURL(/\/admin\/?$/);
  await expect(page.getByRole('heading', { level: 1, name: t('admin.title') })).toBeVisible();
  // The provider's role claim made Eva an administrator at her first sign-in.
  await page.goto('/admin/users');
  await expect(page.getByRole('cell', { name: 'eva.ek@example.se' })).toBeVisible();

  // Signing out ends the provider's session too, which sends the browser back.
  await page.getByRole('button', { name: t('nav.logout', { name: 'Eva Ek' }) }).click();
  await expect(page).toHaveURL(`${samrad.url}/`);
  await expect(page.getByRole('heading', { level: 1, name: t('home.heading') })).toBeVisible();
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/login/);
  await stop(samrad.child);
});

test('with local passwords off only the provider is offered, and the break-glass path works', async ({ newContext }) => {
  const data = mkdtempSync(path.join(tmp, 'data-'));
  // No users and passwords off: the first administrator comes by the setup link.
  const off = await startSamrad(data, { SAMRAD_LOCAL_PASSWORDS: 'off' });
  const setupLink = readFileSync(off.logFile, 'utf8').match(/\/setup\/[\w-]+/)[0];
  const page = await (await newContext('laptop', { baseURL: off.url })).newPage();
  await page.goto('/login');
  await loginPageInEveryLanguage(page, 'login page with passwords off', async (say) => {
    await expect(page.getByRole('link', { name: say('login.sso', { provider: PROVIDER }) })).toBeVisible();
    await expect(page.getByLabel(say('login.password'), { exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: say('login.submit'), exact: true })).toHaveCount(0);
  });
  await page.goto(setupLink);
  await page.getByLabel(t('users.name')).fill(ADMIN.name);
  await page.getByLabel(t('login.email'), { exact: true }).fill(ADMIN.email);
  await page.getByLabel(t('login.password'), { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: t('setup.submit') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('admin.title') })).toBeVisible();
  await stop(off.child);

  // The provider is down: the operator restarts with SAMRAD_LOCAL_PASSWORDS=admins.
  const admins = await startSamrad(data, { SAMRAD_LOCAL_PASSWORDS: 'admins' });
  const again = await (await newContext('laptop', { baseURL: admins.url })).newPage();
  await again.goto('/login');
  await loginPageInEveryLanguage(again, 'login page in break-glass', async (say) => {
    await expect(again.getByRole('heading', { level: 2, name: say('login.break_glass') })).toBeVisible();
    await expect(again.getByText(say('login.break_glass_hint'))).toBeVisible();
  });
  await again.getByLabel(t('login.email'), { exact: true }).fill(ADMIN.email);
  await again.getByLabel(t('login.password'), { exact: true }).fill(ADMIN.password);
  await again.getByRole('button', { name: t('login.submit'), exact: true }).click();
  await expect(again.getByRole('heading', { level: 1, name: t('admin.title') })).toBeVisible();
  await stop(admins.child);
});
