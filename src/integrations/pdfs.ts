/**
 * The PDF stage: the last step of the build. For each neighbourhood it prints
 * the print pages with Chromium into dist/<n>/guide.pdf (A4),
 * dist/<n>/guide-large.pdf (large print) and dist/<n>/week.pdf (one sheet),
 * tagged for screen readers and with an outline (bookmarks).
 *
 * Page numbers in the contents and the A to Z are found in a second pass.
 * Browsers cannot put a page number into a page's text (`target-counter()`
 * is implemented by none of them), and the polyfills that can (Paged.js,
 * Vivliostyle) lay the document out again in JavaScript in the reader's
 * browser: they need scripts and inline styles on the page (against the
 * site's Content-Security-Policy), cut elements into copies that garble
 * tagged PDFs, are slow on long guides, and Paged.js has not had a stable
 * release since 2023. Chromium's own paged media (margin boxes and page
 * counters since Chrome 131) does everything else natively. So:
 *
 *   1. print the page with a two-digit number in every place one goes;
 *   2. read from the PDF on which page each anchor landed (Chromium writes a
 *      named destination for every element a link points to);
 *   3. write the numbers into the built HTML in dist/ and print again;
 *   4. repeat until the numbers stop changing (they settle on the second
 *      pass; a number becoming one digit wider could move a line).
 *
 * The HTML in dist/ then carries its own page numbers, with no JavaScript,
 * and the PDF is a print of exactly that HTML. Printed from Chrome or Edge
 * the page gives the same pages as the PDF; other browsers follow the same
 * CSS but lay out text their own way, which is why the print pages offer the
 * PDF too.
 *
 * GUIDE_PDF=off skips this stage (quick builds); GUIDE_PDF=required fails the
 * build when there is no Chromium (for publishing); by default a build
 * without Chromium warns and carries on without PDFs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_ARGS, HOW_TO_GET_CHROMIUM, findChromium } from '../lib/chromium.ts';
import { fillPageRefs, pageRefTargets } from '../lib/page-refs.ts';
import { PdfCache, sha256, type PrintedPdf } from '../lib/pdf-cache.ts';
import { readPdfDestinations } from '../lib/pdf-destinations.ts';
import { cacheDirFor, selection } from '../lib/settings.ts';
import { serveStatic } from '../lib/static-server.ts';
import { PRINT_EDITIONS, type PrintEdition } from '../lib/print-editions.ts';
import { outputFileFor, routes, withBase } from '../lib/urls.ts';
import type { BuildStage, StageLogger } from './stage.ts';
import { plural } from '../lib/words.ts';

export type PdfSetting = 'on' | 'off' | 'required';

/** GUIDE_PDF: "off" (or 0, false, no), "required", anything else (or nothing) is "on". */
export function pdfSetting(value = process.env.GUIDE_PDF): PdfSetting {
	const v = (value ?? '').trim().toLowerCase();
	if (['off', '0', 'false', 'no'].includes(v)) return 'off';
	if (v === 'required') return 'required';
	return 'on';
}

/** How each edition is printed (a new edition must say, or the type check fails). */
const HOW_TO_PRINT: Record<PrintEdition, Omit<PdfJob, 'page' | 'pdf'>> = {
	standard: { name: 'guide', pageNumbers: true },
	large: { name: 'large-print guide', pageNumbers: true },
	// One sheet: if 14pt does not fit on one page, try 12pt, then 12pt with less space between the lines (and say so when even that does not fit).
	week: { name: 'week sheet', pageNumbers: false, fitOnePage: ['w-roomy', 'w-dense', 'w-tight'] },
};

/** What the stage prints for each neighbourhood. */
export const PDF_JOBS: readonly PdfJob[] = PRINT_EDITIONS.map(({ edition, page, pdf }) => ({ ...HOW_TO_PRINT[edition], page, pdf }));

interface PdfJob {
	name: string;
	page: (n: string) => string;
	pdf: (n: string) => string;
	pageNumbers: boolean;
	/** Classes to try in turn, in the HTML, until the page fits on one sheet. */
	fitOnePage?: readonly string[];
}

/** What the first printing shows for every page number, before the real ones are known. */
const PLACEHOLDER_PAGE = 88;

/** More passes than this means the numbers keep moving the layout: a bug to report, not to loop on. */
const MAX_PASSES = 4;

export const pdfs: BuildStage = {
	name: 'pdfs',
	async run({ outDir, base, logger }) {
		const setting = pdfSetting();
		if (setting === 'off') {
			logger.info('GUIDE_PDF=off, so no PDFs this time (and no page numbers in the printed contents).');
			return;
		}
		const neighbourhoods = readdirSync(outDir).filter((n) => existsSync(path.join(outDir, outputFileFor(routes.print(n)))));
		if (neighbourhoods.length === 0) return;

		const executablePath = findChromium();
		if (!executablePath) {
			const message =
				`No Chromium found, so the guides have no PDFs and their printed contents have no page numbers (the print pages are still there). ${HOW_TO_GET_CHROMIUM}` +
				' To build without PDFs on purpose, set GUIDE_PDF=off.';
			if (setting === 'required') throw new Error(`${message} (GUIDE_PDF=required, so the build stops here.)`);
			logger.warn(message);
			return;
		}

		const server = await serveStatic(outDir, base);
		let browser: Browser | undefined;
		const counts = { printed: 0, kept: 0 };
		let cache: PdfCache | undefined;
		try {
			// Loaded only when printing: Playwright costs a process about 100 MB, which a build without PDFs need not hold.
			const { chromium } = await import('playwright-core');
			browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
			cache = new PdfCache(path.join(cacheDirFor(outDir), 'pdfs'), pdfFingerprint(browser.version()));
			// What the browser fetches for the page being printed: the PDF depends on those files too.
			let fetched = new Set<string>();
			const opened = browser;
			let context: BrowserContext | undefined;
			let page: Page | undefined;
			const openPage = async (): Promise<Page> => {
				context = await opened.newContext();
				const fresh = await context.newPage();
				fresh.on('request', (request) => fetched.add(request.url()));
				return fresh;
			};
			const prefix = withBase(base, '/');
			const fileOf = (sitePath: string) => siteFile(outDir, sitePath);
			let cacheProblem: string | undefined;
			for (const n of neighbourhoods) {
				// A fresh browser context (and so a fresh renderer) for each neighbourhood: printed one after
				// another in one page, 80 neighbourhoods' guides took its renderer to 2 GB; this way, under 370 MB.
				await context?.close();
				context = undefined;
				page = undefined;
				for (const job of PDF_JOBS) {
					const started = performance.now();
					const htmlFile = path.join(outDir, outputFileFor(job.page(n)));
					const pdfFile = path.join(outDir, outputFileFor(job.pdf(n)));
					const built = await readFile(htmlFile, 'utf8');
					const kept = await cache.find(job.page(n), built, fileOf);
					let result: PrintedPdf;
					if (kept) {
						result = kept;
						await writeFile(htmlFile, kept.html);
						await writeFile(pdfFile, kept.pdf);
						counts.kept++;
					} else {
						fetched = new Set();
						const target = { url: `${server.origin}${withBase(base, job.page(n))}`, htmlFile, pageNumbers: job.pageNumbers };
						page ??= await openPage();
						const printed = job.fitOnePage ? await printOnOnePage(page, target, job.fitOnePage) : await printPage(page, target);
						await writeFile(pdfFile, printed.pdf);
						const html = await announcePdf(htmlFile, withBase(base, job.pdf(n)), printed.pageCount, printed.pdf.length);
						result = { ...printed, html };
						counts.printed++;
						const resources = sitePathsOf(fetched, server.origin, prefix, job.page(n));
						if (resources) {
							await cache.keep(job.page(n), built, resources, fileOf, result).catch((error: unknown) => {
								cacheProblem ??= String(error);
							});
						}
					}
					const seconds = ((performance.now() - started) / 1000).toFixed(1);
					const how = kept ? 'unchanged since the last build, so its PDF was kept' : `${plural(result.passes, 'pass', 'passes')}, ${seconds}s`;
					logger.info(`${n}: ${job.name}, ${plural(result.pageCount, 'page')}, ${how}`);
					if (job.fitOnePage && result.pageCount > 1) warnWeekSheet(logger, n, result.pageCount);
				}
			}
			if (cacheProblem) logger.warn(`The PDFs could not be kept for the next build (${cacheProblem}): it will print them all again. The site is not affected.`);
		} finally {
			await browser?.close();
			await server.close();
		}
		const shown = path.relative(process.cwd(), cache?.dir ?? '') || cache?.dir;
		logger.info(
			`Printed ${plural(counts.printed, 'PDF')} and kept ${counts.kept} from the last build, whose pages had not changed (kept in ${shown}: delete it to print them all afresh).`,
		);
		// A preview of some neighbourhoods shares its output with the whole site: it keeps the others' PDFs.
		if (cache && selection().kind !== 'only') {
			try {
				const gone = cache.prune();
				if (gone > 0) logger.info(`Let go of ${plural(gone, 'PDF')} kept for pages that have since changed.`);
			} catch (error) {
				logger.warn(`The PDFs kept for pages that have since changed could not be let go (${String(error)}): they take room in ${shown}, and nothing else. The site is not affected.`);
			}
		}
	},
};

/**
 * The code that makes a PDF from a page, under src/: a change to any of it
 * prints every PDF again. It is every module this one imports, near or far
 * (test/unit/pdf-cache.test.ts keeps the list whole).
 */
export const PDF_CODE: readonly string[] = [
	'integrations/pdfs.ts',
	'lib/chromium.ts',
	'lib/page-refs.ts',
	'lib/pdf-cache.ts',
	'lib/pdf-destinations.ts',
	'lib/print-editions.ts',
	'lib/selection.ts',
	'lib/settings.ts',
	'lib/static-server.ts',
	'lib/urls.ts',
	'lib/words.ts',
];

/**
 * What prints the PDFs, as one fingerprint for the cache: the browser's
 * version, the fonts the machine has (the guides are set in its Arial or
 * Liberation Sans), and the code above.
 */
export function pdfFingerprint(browserVersion: string): string {
	const code = PDF_CODE.map((file) => `${file}\n${readFileSync(path.join(import.meta.dirname, '..', file), 'utf8')}`);
	return sha256([browserVersion, ...PDF_PACKAGES.map(packageVersion), machineFonts(), ...code].join('\0'));
}

/** Packages that take part in printing: Playwright turns the print options into the browser's, sirv serves the page. */
const PDF_PACKAGES = ['playwright-core', 'sirv'];

function packageVersion(name: string): string {
	try {
		const { version } = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../node_modules', name, 'package.json'), 'utf8')) as { version?: string };
		return `${name}@${version}`;
	} catch {
		return `${name}@unknown`;
	}
}

function machineFonts(): string {
	try {
		const list = execFileSync('fc-list', ['--format', '%{file}|%{fontversion}|%{style}\n'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
		return list.split('\n').sort().join('\n');
	} catch {
		// No fontconfig tools: the browser's version and the code still count.
		return 'no fc-list';
	}
}

/**
 * A path of the site (`/_astro/print.css`, `/mill-lane/print/`) as its file in
 * the output. A path never leads out of the output, whatever it says (".."
 * stops at the top, as in a web address): a cache entry naming one reads
 * nothing else of the machine.
 */
export function siteFile(outDir: string, sitePath: string): string {
	const file = path.join(path.resolve(outDir), path.posix.normalize(`/${sitePath}`));
	if (sitePath.endsWith('/')) return path.join(file, 'index.html');
	try {
		if (statSync(file).isDirectory()) return path.join(file, 'index.html');
	} catch {
		// Missing: hashed as missing, so the print is redone if it ever appears.
	}
	return file;
}

/**
 * The site paths of what the browser fetched to print `page`, without the
 * page itself (its HTML is the cache's key), decoded as the static server
 * (sirv) decodes them; undefined if it fetched anything from outside the
 * site, which the cache cannot check, so that print is not kept.
 */
export function sitePathsOf(urls: Iterable<string>, origin: string, prefix: string, page: string): string[] | undefined {
	const paths: string[] = [];
	for (const url of urls) {
		if (url.startsWith('data:')) continue;
		const parsed = new URL(url);
		if (parsed.origin !== origin || !parsed.pathname.startsWith(prefix)) return undefined;
		let sitePath = `/${parsed.pathname.slice(prefix.length)}`;
		try {
			sitePath = decodeURI(sitePath);
		} catch {
			// Not percent-encoding (a picture called "100%-wool.jpg"): the server looks for the name as it is.
		}
		if (sitePath !== page) paths.push(sitePath);
	}
	return paths;
}

type Printed = Omit<PrintedPdf, 'html'>;

/**
 * Print one page to PDF; with `pageNumbers`, write the page numbers into its
 * HTML file and print again until they agree with the PDF.
 */
export async function printPage(page: Page, options: { url: string; htmlFile: string; pageNumbers: boolean }): Promise<Printed> {
	let html = await readFile(options.htmlFile, 'utf8');
	const targets = options.pageNumbers ? pageRefTargets(html) : [];
	if (targets.length > 0) {
		// The first printing is laid out as the last will be, with a number of two digits in every place one goes
		// (all digits are the same width): with the numbers hidden, as the page is built, showing them moved pages
		// in most long guides, and every one of those took a third printing.
		html = fillPageRefs(html, new Map(targets.map((id) => [id, PLACEHOLDER_PAGE]))).html;
		await writeFile(options.htmlFile, html);
	}
	let previous: Map<string, number> | undefined;
	for (let pass = 1; pass <= MAX_PASSES; pass++) {
		const pdf = await render(page, options.url);
		const { pages, pageCount } = readPdfDestinations(pdf);
		if (targets.length === 0) return { pdf, pageCount, passes: pass };
		const landed = new Map(targets.map((id) => [id, pages.get(id)] as const).filter((e): e is [string, number] => e[1] !== undefined));
		const lost = targets.filter((id) => !landed.has(id));
		if (lost.length) {
			throw new Error(
				`${options.url}: Chromium did not say where ${lost.slice(0, 5).join(', ')}${lost.length > 5 ? ` and ${lost.length - 5} more` : ''} landed. Each page number needs a link to its anchor and an element with that id on the page (src/components/print/).`,
			);
		}
		if (previous && sameNumbers(previous, landed)) return { pdf, pageCount, passes: pass };
		const filled = fillPageRefs(html, landed);
		html = filled.html;
		await writeFile(options.htmlFile, html);
		previous = landed;
	}
	throw new Error(
		`${options.url}: the page numbers did not settle after ${MAX_PASSES} printings (writing them in kept moving the pages). Look for something in the print CSS whose size depends on the numbers.`,
	);
}

/**
 * Print a page meant for one sheet: as built, then with each tighter class in
 * turn written into its HTML, until it fits (or there is nothing tighter).
 */
export async function printOnOnePage(page: Page, options: { url: string; htmlFile: string }, classes: readonly string[]): Promise<Printed> {
	let result = await printPage(page, { ...options, pageNumbers: false });
	for (let i = 1; i < classes.length && result.pageCount > 1; i++) {
		const html = await readFile(options.htmlFile, 'utf8');
		const tighter = html.replace(new RegExp(`(class="(?:[^"]* )?)${classes[i - 1]}((?: [^"]*)?")`), `$1${classes[i]}$2`);
		if (tighter === html) break;
		await writeFile(options.htmlFile, tighter);
		const again = await printPage(page, { ...options, pageNumbers: false });
		result = { ...again, passes: result.passes + again.passes };
	}
	return result;
}

async function render(page: Page, url: string): Promise<Buffer> {
	const response = await page.goto(url, { waitUntil: 'load' });
	if (!response?.ok()) throw new Error(`${url}: the server answered ${response?.status() ?? 'nothing'}, so it cannot be printed.`);
	await page.evaluate(async () => {
		await document.fonts.ready;
		await Promise.all([...document.images].map((img) => (img.complete ? undefined : img.decode().catch(() => undefined))));
	});
	const options = { preferCSSPageSize: true, printBackground: true, tagged: true, outline: true } as const;
	try {
		return await page.pdf(options);
	} catch (error) {
		// Chromium now and then answers "Printing failed" on a busy machine; once more is enough.
		if (!String(error).includes('Printing failed')) throw error;
		return page.pdf(options);
	}
}

function sameNumbers(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
	return a.size === b.size && [...a].every(([id, page]) => b.get(id) === page);
}

/** Link the PDF from the page it was made from, with its length and size; returns the page as written. */
async function announcePdf(htmlFile: string, href: string, pageCount: number, bytes: number): Promise<string> {
	const html = await readFile(htmlFile, 'utf8');
	// "29 pages" and "352 KB" never break across lines.
	const facts = `${plural(pageCount, 'page')}, ${sizeInWords(bytes)}`.replace(/(\d) /g, '$1\u00a0');
	const link = `<p class="pdf-download" data-pdf-download><a href="${href}" download>Download it as a PDF (${facts})</a></p>`;
	const shown = html.replace('<p class="pdf-download" data-pdf-download hidden></p>', link);
	if (shown === html) throw new Error(`${htmlFile} has no place for the PDF's link (<p class="pdf-download" data-pdf-download hidden></p>, from PrintBar.astro).`);
	await writeFile(htmlFile, shown);
	return shown;
}

function warnWeekSheet(logger: StageLogger, n: string, pages: number) {
	logger.warn(
		`The week sheet for ${n} takes ${pages} pages, not one: there is too much on to fit on one sheet in type people can read (12pt). It still prints; to fit it on one page, leave the less regular things off the week (a "when_note" instead of "when").`,
	);
}

/** "310 KB", "1.2 MB". */
export function sizeInWords(bytes: number): string {
	if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000))} KB`;
	return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
