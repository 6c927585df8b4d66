/**
 * The PDF cache (src/lib/pdf-cache.ts) finds a PDF only when everything it
 * was printed from is the same, and the PDF stage's fingerprint covers all
 * of its code. The whole stage, with real builds: test/build/pdf-reuse.test.ts.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { PDF_CODE, siteFile, sitePathsOf } from '../../src/integrations/pdfs.ts';
import { PdfCache, type PrintedPdf } from '../../src/lib/pdf-cache.ts';
import { removeScratch, scratchDir } from '../helpers/scratch.ts';

const root = scratchDir('glg-pdf-cache-');
afterAll(removeScratch);
const site = path.join(root, 'site');
const cacheDir = path.join(root, 'cache');
const fileOf = (sitePath: string) => siteFile(site, sitePath);

const PAGE = '/mill-lane/print/';
const BUILT = '<html><link rel="stylesheet" href="/_astro/print.css"><img src="/mill-lane/images/hall.jpg"></html>';
const RESOURCES = ['/_astro/print.css', '/mill-lane/images/hall.jpg'];
const PRINTED: PrintedPdf = { html: '<html>with page numbers</html>', pdf: Buffer.from('%PDF-1.7 pretend'), pageCount: 12, passes: 2 };

beforeEach(() => {
	rmSync(root, { recursive: true, force: true });
	mkdirSync(path.join(site, '_astro'), { recursive: true });
	mkdirSync(path.join(site, 'mill-lane/images'), { recursive: true });
	writeFileSync(path.join(site, '_astro/print.css'), 'body { font-size: 12pt }');
	writeFileSync(path.join(site, 'mill-lane/images/hall.jpg'), 'a picture');
});

async function kept(fingerprint = 'chromium 1'): Promise<PdfCache> {
	const cache = new PdfCache(cacheDir, fingerprint);
	await cache.keep(PAGE, BUILT, RESOURCES, fileOf, PRINTED);
	return cache;
}

describe('PdfCache', () => {
	it('finds a PDF kept for the same page, HTML and files, with its finished HTML', async () => {
		await kept();
		const found = await new PdfCache(cacheDir, 'chromium 1').find(PAGE, BUILT, fileOf);
		expect(found).toEqual(PRINTED);
	});

	it('does not find it when the page was built differently', async () => {
		await kept();
		expect(await new PdfCache(cacheDir, 'chromium 1').find(PAGE, `${BUILT} `, fileOf)).toBeUndefined();
	});

	it('does not give one page the PDF of another with the same HTML', async () => {
		await kept();
		expect(await new PdfCache(cacheDir, 'chromium 1').find('/mill-lane/print/large/', BUILT, fileOf)).toBeUndefined();
	});

	it('does not find it when a file the browser fetched has changed, or gone', async () => {
		await kept();
		writeFileSync(path.join(site, '_astro/print.css'), 'body { font-size: 14pt }');
		expect(await new PdfCache(cacheDir, 'chromium 1').find(PAGE, BUILT, fileOf)).toBeUndefined();
		writeFileSync(path.join(site, '_astro/print.css'), 'body { font-size: 12pt }');
		expect(await new PdfCache(cacheDir, 'chromium 1').find(PAGE, BUILT, fileOf)).toEqual(PRINTED);
		rmSync(path.join(site, 'mill-lane/images/hall.jpg'));
		expect(await new PdfCache(cacheDir, 'chromium 1').find(PAGE, BUILT, fileOf)).toBeUndefined();
	});

	it('does not find it when a file that was missing is there now', async () => {
		const cache = new PdfCache(cacheDir, 'chromium 1');
		await cache.keep(PAGE, BUILT, ['/favicon.ico'], fileOf, PRINTED);
		expect(await new PdfCache(cacheDir, 'chromium 1').find(PAGE, BUILT, fileOf)).toEqual(PRINTED);
		writeFileSync(path.join(site, 'favicon.ico'), 'an icon');
		expect(await new PdfCache(cacheDir, 'chromium 1').find(PAGE, BUILT, fileOf)).toBeUndefined();
	});

	it('does not find it when something else prints (another browser, fonts or code)', async () => {
		await kept('chromium 1');
		expect(await new PdfCache(cacheDir, 'chromium 2').find(PAGE, BUILT, fileOf)).toBeUndefined();
	});

	it('treats a PDF cut short, or a description it cannot read, as not there', async () => {
		await kept();
		const pdf = readdirSync(cacheDir).find((name) => name.endsWith('.pdf')) as string;
		truncateSync(path.join(cacheDir, pdf), 4);
		expect(await new PdfCache(cacheDir, 'chromium 1').find(PAGE, BUILT, fileOf)).toBeUndefined();

		await kept();
		const json = readdirSync(cacheDir).find((name) => name.endsWith('.json')) as string;
		writeFileSync(path.join(cacheDir, json), '{ not json');
		expect(await new PdfCache(cacheDir, 'chromium 1').find(PAGE, BUILT, fileOf)).toBeUndefined();
	});

	it('treats a description it cannot read as not there', async () => {
		await kept();
		const json = readdirSync(cacheDir).find((name) => name.endsWith('.json')) as string;
		const stored = JSON.parse(readFileSync(path.join(cacheDir, json), 'utf8'));
		for (const resources of [[null], [[42, 'x']], [['/_astro/print.css', 'not its hash']], 'not a list']) {
			writeFileSync(path.join(cacheDir, json), JSON.stringify({ ...stored, resources }));
			expect(await new PdfCache(cacheDir, 'chromium 1').find(PAGE, BUILT, fileOf), JSON.stringify(resources)).toBeUndefined();
		}
	});

	it('does not keep a print that fetched a file it cannot find again', async () => {
		const cache = new PdfCache(cacheDir, 'chromium 1');
		const nowhere = (sitePath: string) => (sitePath === '/elsewhere.css' ? undefined : fileOf(sitePath));
		expect(await cache.keep(PAGE, BUILT, ['/_astro/print.css', '/elsewhere.css'], nowhere, PRINTED)).toBe(false);
		expect(await new PdfCache(cacheDir, 'chromium 1').find(PAGE, BUILT, fileOf)).toBeUndefined();
	});

	it('lets go of what a build neither found nor kept, and keeps what it used', async () => {
		await kept();
		const other = new PdfCache(cacheDir, 'chromium 1');
		await other.keep('/lockside/print/', '<html>lockside</html>', [], fileOf, PRINTED);
		writeFileSync(path.join(cacheDir, 'leftover.pdf.123.part'), 'half a file');
		expect(readdirSync(cacheDir)).toHaveLength(7);

		const next = new PdfCache(cacheDir, 'chromium 1');
		expect(await next.find('/lockside/print/', '<html>lockside</html>', fileOf)).toEqual(PRINTED);
		expect(next.used).toBe(1);
		expect(next.prune()).toBe(1);
		expect(readdirSync(cacheDir).sort()).toEqual(readdirSync(cacheDir).filter((name) => name.startsWith(next.key('/lockside/print/', '<html>lockside</html>'))).sort());
		expect(readdirSync(cacheDir)).toHaveLength(3);
		expect(await new PdfCache(cacheDir, 'chromium 1').find(PAGE, BUILT, fileOf)).toBeUndefined();
	});
});

describe('what the browser fetched, as files of the site', () => {
	const origin = 'http://127.0.0.1:4321';

	it('gives paths in the site without the base path and without the page itself', () => {
		const urls = [`${origin}/guides/mill-lane/print/`, `${origin}/guides/_astro/print.css`, `${origin}/guides/mill-lane/images/a%20hall.jpg`, 'data:image/png;base64,AAAA'];
		expect(sitePathsOf(urls, origin, '/guides/', PAGE)).toEqual(['/_astro/print.css', '/mill-lane/images/a hall.jpg']);
	});

	it('reads a name that is not percent-encoding as it is, as the server does', () => {
		// Chromium asks for a picture called "100%-wool.jpg" as it is written; decodeURI cannot read it.
		expect(sitePathsOf([`${origin}/mill-lane/images/100%-wool.jpg`, `${origin}/mill-lane/images/a%2Fb.jpg`], origin, '/', PAGE)).toEqual([
			'/mill-lane/images/100%-wool.jpg',
			'/mill-lane/images/a%2Fb.jpg',
		]);
	});

	it('keeps nothing for a page that fetched something from elsewhere, which the cache cannot check', () => {
		expect(sitePathsOf([`${origin}/_astro/print.css`, 'https://fonts.example.com/arial.woff2'], origin, '/', PAGE)).toBeUndefined();
	});

	it('never leads out of the site, whatever the path says', () => {
		expect(siteFile(site, '/../outside.css')).toBe(path.join(site, 'outside.css'));
		expect(siteFile(site, '/mill-lane/../../../etc/passwd')).toBe(path.join(site, 'etc/passwd'));
		expect(siteFile(site, '/mill-lane/../_astro/print.css')).toBe(path.join(site, '_astro/print.css'));
	});

	it('reads a folder as its index.html', () => {
		mkdirSync(path.join(site, 'mill-lane/print'), { recursive: true });
		expect(siteFile(site, '/mill-lane/print/')).toBe(path.join(site, 'mill-lane/print/index.html'));
		expect(siteFile(site, '/mill-lane/print')).toBe(path.join(site, 'mill-lane/print/index.html'));
		expect(siteFile(site, '/_astro/print.css')).toBe(path.join(site, '_astro/print.css'));
	});
});

describe('the fingerprint of the PDF stage', () => {
	/** Modules a module imports for their code (not `import type`), as paths under src/. */
	function localImports(file: string): string[] {
		const text = readFileSync(path.join('src', file), 'utf8');
		const found: string[] = [];
		for (const match of text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'(\.{1,2}\/[^']+)';/gms)) {
			found.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1])));
		}
		return found;
	}

	it('covers every module the stage runs, near or far, and nothing else', () => {
		const seen = new Set<string>();
		const queue = ['integrations/pdfs.ts'];
		while (queue.length) {
			const file = queue.shift() as string;
			if (seen.has(file)) continue;
			seen.add(file);
			queue.push(...localImports(file));
		}
		expect([...PDF_CODE].sort()).toEqual([...seen].sort());
	});
});
