import { test, expect, readyWorkshop, openTable, submitAnswer } from './helpers.js';

test('explore', async ({ newContext }) => {
  const { page, workshop, codes } = await readyWorkshop(newContext);
  console.log(workshop, codes);
  const phoneCtx = await newContext('phone');
  const phone = await openTable(phoneCtx, codes[0]);
  await submitAnswer(phone, 'hej online', 'Dialog');
  await expect(phone.getByText('hej online')).toBeVisible();
  console.log(await phone.locator('#questions').innerHTML());
  const sw = await phone.evaluate(async () => { const r = await navigator.serviceWorker.ready; return !!r.active; });
  console.log('sw', sw, 'controller', await phone.evaluate(() => !!navigator.serviceWorker.controller));
  await phoneCtx.setOffline(true);
  await phone.waitForTimeout(1000);
  console.log('conn', await phone.locator('#conn-text').textContent());
  await submitAnswer(phone, 'offline 1');
  await phone.waitForTimeout(500);
  console.log(await phone.locator('#questions').innerText());
  await phone.reload().catch((e) => console.log('reload failed', e.message));
  await phone.waitForTimeout(1000);
  console.log('after reload', await phone.locator('body').innerText());
  await phoneCtx.setOffline(false);
  await phone.waitForTimeout(3000);
  console.log('after online', await phone.locator('#questions').innerText());
});
