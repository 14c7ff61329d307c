// Browser tests drive Debian's Chromium (never a downloaded browser), with a CJK and an emoji font
// so card heights and screenshots are the same on every machine. Install what is missing, as root on
// Debian; elsewhere, say what to install.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const packages = ['chromium', 'fonts-wqy-microhei', 'fonts-noto-color-emoji'];

const installed = (pkg) => {
  try {
    return execSync(`dpkg-query -W -f='\${Status}' ${pkg}`, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().includes('ok installed');
  } catch {
    return false;
  }
};

const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
const missing = canApt ? packages.filter((p) => !installed(p)) : existsSync(path) ? [] : ['chromium'];
if (missing.length > 0) {
  if (!canApt) {
    console.error(`Chromium is missing at ${path}. Install Debian's ${packages.join(', ')} packages (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} for the browser tests ...`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' });
}
