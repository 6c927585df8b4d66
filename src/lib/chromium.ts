/**
 * Finding and starting Chromium for tests, PDFs and screenshots.
 *
 * Looks at CHROME_PATH, then the system's chromium or chrome. Tools that
 * download their own browser cannot work offline; Debian's `chromium`
 * package does (`apt-get install -y chromium`).
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATES = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
	'/snap/bin/chromium',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
	'/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const HOW_TO_GET_CHROMIUM =
	'Install Chromium (on Debian or Ubuntu: sudo apt-get install -y chromium), or set CHROME_PATH to a Chrome or Chromium program.';

/** The path of a Chromium-family browser, or undefined when none is installed. */
export function findChromium(): string | undefined {
	const fromEnv = process.env.CHROME_PATH;
	if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
	for (const candidate of CANDIDATES) if (existsSync(candidate)) return candidate;
	for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'chrome']) {
		try {
			const found = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
			if (found) return found;
		} catch {
			// not on PATH
		}
	}
	return undefined;
}

/**
 * Flags for a headless Chromium on a closed network: no background requests
 * to Google, no sandbox (tests run as root in CI containers).
 */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--no-first-run',
	'--disable-features=Translate,OptimizationHints,MediaRouter',
];
