// Stops the server started by global-setup.js and removes its temporary folder
// (binary and database), unless SAMRAD_KEEP_TMP=1 asks to keep it for a look.
import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const pid = Number(process.env.SAMRAD_TEST_PID);
  if (pid) {
    try {
      process.kill(pid, 'SIGTERM');
      // Wait (bounded) for a graceful stop, then make sure.
      for (let i = 0; i < 100; i++) {
        process.kill(pid, 0);
        await new Promise((r) => setTimeout(r, 100));
      }
      process.kill(pid, 'SIGKILL');
    } catch { /* already gone */ }
  }
  const tmp = process.env.SAMRAD_TEST_TMP;
  if (tmp && process.env.SAMRAD_KEEP_TMP !== '1') rmSync(tmp, { recursive: true, force: true });
  else if (tmp) console.log(`kept ${tmp} (server log: ${process.env.SAMRAD_TEST_LOG})`);
}
