/**
 * Browser tests in a real Chromium (Debian's, driven by playwright-core).
 *
 * Where no Chromium is installed the tests are reported as skipped, with how
 * to enable them; under CI=true a missing browser fails the run instead.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { CHROMIUM_ARGS, HOW_TO_GET_CHROMIUM, findChromium } from '../../src/lib/chromium.ts';
import { serveStatic, type RunningServer } from '../../src/lib/static-server.ts';
import { outDirOf, type SITES } from './build.ts';

export const chromePath = findChromium();

/** `describe` for tests that need Chromium. */
export function describeInBrowser(name: string, body: () => void) {
	if (chromePath) {
		describe(name, body);
		return;
	}
	if (process.env.CI === 'true') {
		describe(name, () => {
			it('needs Chromium, which CI must provide', () => {
				throw new Error(`No Chromium found, and CI=true. ${HOW_TO_GET_CHROMIUM}`);
			});
		});
		return;
	}
	describe(name, () => {
		it.skip(`skipped: no Chromium found. ${HOW_TO_GET_CHROMIUM}`, () => {});
	});
}

export async function launch(): Promise<Browser> {
	return chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS });
}

/**
 * In a suite (describeInBrowser): one Chromium for its tests, launched before
 * them and closed after. Use as `chrome.browser` inside the tests.
 */
export function useChromium(): { readonly browser: Browser } {
	const held: { browser?: Browser } = {};
	beforeAll(async () => {
		held.browser = await launch();
	});
	afterAll(async () => {
		await held.browser?.close();
	});
	return {
		get browser() {
			if (!held.browser) throw new Error('useChromium(): the browser is only there inside the suite\'s tests');
			return held.browser;
		},
	};
}

/**
 * In a suite: a built test site (test/helpers/build.ts) served on localhost
 * under `base` for its tests. `url` is the site's address, ending in the base.
 */
export function useServedSite(site: keyof typeof SITES, base = '/'): { readonly url: string; readonly origin: string } {
	const held: { server?: RunningServer } = {};
	beforeAll(async () => {
		held.server = await serveStatic(outDirOf(site), base);
	});
	afterAll(async () => {
		await held.server?.close();
	});
	const server = () => {
		if (!held.server) throw new Error('useServedSite(): the site is only served inside the suite\'s tests');
		return held.server;
	};
	return {
		get url() {
			return server().url;
		},
		get origin() {
			return server().origin;
		},
	};
}

export interface WatchedPage {
	page: Page;
	context: BrowserContext;
	/** Every URL the page asked for. */
	requests: string[];
}

/** A page that records every request it makes. */
export async function openPage(browser: Browser, options: { width?: number; height?: number } = {}): Promise<WatchedPage> {
	const context = await browser.newContext({
		viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
		// axe-core is injected as a script; the site's own CSP must not block the test's tools.
		bypassCSP: true,
	});
	const page = await context.newPage();
	const requests: string[] = [];
	page.on('request', (request) => requests.push(request.url()));
	return { page, context, requests };
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: string[];
}

/** WCAG 2.2 A and AA violations on the page, as axe-core reports them. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
	await page.addScriptTag({ content: axeSource });
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
		const result = await axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
		});
		return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
	});
}
