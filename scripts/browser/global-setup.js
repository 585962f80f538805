// Builds the server into a fresh temporary folder, starts it on a free port
// with an empty data folder and a known administrator, and waits for /healthz.
// The tests find the server through process.env.SAMRAD_TEST_URL (set here,
// inherited by Playwright's worker processes); global-teardown.js stops it.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN } from './tests/helpers.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export async function waitHealthy(url, child, logFile, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`samrad exited with ${child.exitCode}; see ${logFile}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok && (await res.text()) === 'ok') return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`samrad did not answer ${url}/healthz within ${timeoutMs} ms; see ${logFile}`);
}

async function start(tmp, bin) {
  const port = await freePort();
  const data = mkdtempSync(path.join(tmp, 'data-'));
  const logFile = path.join(tmp, `server-${port}.log`);
  const log = openSync(logFile, 'w');
  const child = spawn(bin, [], {
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), SAMRAD_DATA: data,
      SAMRAD_ADMIN_EMAIL: ADMIN.email, SAMRAD_ADMIN_PASSWORD: ADMIN.password,
      // No drain time at the end of the run: no proxy waits for /readyz here.
      SAMRAD_DRAIN: '0s',
    },
    stdio: ['ignore', log, log],
  });
  // localhost, not 127.0.0.1: the participant page registers its service
  // worker only in a secure context, and http://localhost is one.
  const url = `http://localhost:${port}`;
  try {
    await waitHealthy(url, child, logFile);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return { child, url, logFile };
}

export default async function globalSetup() {
  // Neutral names, so that nobody's `pkill samrad` on a shared machine stops it.
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'browser-tests-'));
  const bin = path.join(tmp, 'server-under-test');
  let server;
  try {
    execFileSync('go', ['build', '-o', bin, './server'], { cwd: repo, stdio: 'inherit' });
    // The free port is only free until someone else takes it: try a second one.
    for (let attempt = 1; ; attempt++) {
      try {
        server = await start(tmp, bin);
        break;
      } catch (err) {
        if (attempt >= 2) throw err;
      }
    }
  } catch (err) {
    if (process.env.SAMRAD_KEEP_TMP !== '1') rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  // Should the runner die without its teardown, the server goes with it.
  process.on('exit', () => server.child.kill('SIGKILL'));
  process.env.SAMRAD_TEST_URL = server.url;
  process.env.SAMRAD_TEST_PID = String(server.child.pid);
  process.env.SAMRAD_TEST_TMP = tmp;
  process.env.SAMRAD_TEST_LOG = server.logFile;
}
