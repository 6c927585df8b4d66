/**
 * Browser tests in a real Chromium (Debian's, driven by playwright-core).
 *
 * Where no Chromium is installed the tests are reported as skipped, with how
 * to enable them; under CI=true a missing browser fails the run instead.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { CHROMIUM_ARGS, HOW_TO_GET_CHROMIUM, findChromium } from '../../src/lib/chromium.ts';

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
