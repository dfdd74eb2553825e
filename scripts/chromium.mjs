// Finds the Chromium or Chrome the browser tests and scripts/bench drive
// (through playwright-core, which brings no browser of its own):
//   1. $WEIGHTLAB_CHROMIUM, if set (it must be an executable file);
//   2. the first of chromium, chromium-browser, google-chrome,
//      google-chrome-stable on the PATH;
//   3. on macOS, the usual app bundles in /Applications (and ~/Applications).
// Throws an error that says what to install when there is none.
//   node scripts/chromium.mjs     # prints the path, or the error (exit 1)
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { homedir, platform } from 'node:os';

export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Chromium.app/Contents/MacOS/Chromium',
];

const executable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

export function findChromium(env = process.env) {
  if (env.WEIGHTLAB_CHROMIUM) {
    if (executable(env.WEIGHTLAB_CHROMIUM)) return env.WEIGHTLAB_CHROMIUM;
    throw new Error(`WEIGHTLAB_CHROMIUM=${env.WEIGHTLAB_CHROMIUM} is not an executable file`);
  }
  const dirs = (env.PATH || '').split(delimiter).filter(Boolean);
  for (const name of CHROMIUM_NAMES) {
    for (const dir of dirs) if (executable(join(dir, name))) return join(dir, name);
  }
  if (platform() === 'darwin') {
    for (const root of ['/Applications', join(homedir(), 'Applications')]) {
      for (const app of MAC_APPS) if (executable(join(root, app))) return join(root, app);
    }
  }
  throw new Error(`no Chromium or Chrome found: set WEIGHTLAB_CHROMIUM to one, or put one of ` +
    `${CHROMIUM_NAMES.join(', ')} on the PATH (Debian: apt-get install chromium; macOS: Google Chrome in /Applications)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(findChromium());
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
