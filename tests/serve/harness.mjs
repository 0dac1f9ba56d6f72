// What both icsim serve tests share: checks that count failures, and icsim
// serve started on a free port.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

let failures = 0;
export function check(ok, what) {
  console.log(`${ok ? 'ok' : 'FAILED'}: ${what}`);
  if (!ok) failures += 1;
}
export const failed = () => failures > 0;

// `icsim serve` with the shipped scenarios under SOURCE_DIR (or those in the
// folder `scenarios`); resolves with the process and its address
// ("http://127.0.0.1:PORT") once it listens.
export function startServer(icsim, source, args, scenarios = join(source, 'scenarios')) {
  const server = spawn(icsim, ['serve', '--port', '0', '--scenarios', scenarios, ...args],
                       { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error('icsim serve did not start in 60 s')), 60000);
    server.on('exit', (code) => fail(new Error(`icsim serve exited with ${code}`)));
    createInterface({ input: server.stdout }).on('line', (line) => {
      const found = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(line);
      if (found) {
        clearTimeout(timer);
        done({ server, url: `http://127.0.0.1:${found[1]}` });
      }
    });
  });
}
