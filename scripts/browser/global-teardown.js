// Stops the server started by global-setup.js and removes its temporary folder
// (binary and database), unless SAMRAD_KEEP_TMP=1 asks to keep it for a look.
// A server that is already gone by now stopped during the run: its log is
// printed, since that explains the failures better than the tests can.
import { readFileSync, rmSync } from 'node:fs';

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function globalTeardown() {
  const pid = Number(process.env.SAMRAD_TEST_PID);
  const log = process.env.SAMRAD_TEST_LOG;
  if (pid && !alive(pid)) {
    console.error(`The test server (pid ${pid}) stopped during the run. Its log:`);
    try { console.error(readFileSync(log, 'utf8').split('\n').slice(-40).join('\n')); } catch { /* no log */ }
  } else if (pid) {
    process.kill(pid, 'SIGTERM');
    // Wait (bounded) for a graceful stop, then make sure.
    for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  const tmp = process.env.SAMRAD_TEST_TMP;
  if (tmp && process.env.SAMRAD_KEEP_TMP !== '1') rmSync(tmp, { recursive: true, force: true });
  else if (tmp) console.log(`kept ${tmp} (server log: ${log})`);
}
