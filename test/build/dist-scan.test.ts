/**
 * The whole of every built site, scanned: no script that is not ours, no
 * event handler, no script address, nothing fetched from another origin, no
 * inline style or script the Content-Security-Policy would block, rel on
 * every link that leaves the site, and the CSP and referrer policy on every
 * page. Generic: pages and outputs added later are scanned too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITES, outDirOf } from '../helpers/build.ts';
import { htmlFiles, readPage } from '../helpers/dist.ts';
import { scanCss, scanDist, scanHtml } from '../helpers/dist-scan.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/safety/csp.ts';

const sites = Object.keys(SITES) as Array<keyof typeof SITES>;

describe.each(sites)('the built %s site', (site) => {
	const outDir = outDirOf(site);
	const base = (SITES[site] as { base?: string }).base ?? '/';

	it('has nothing unsafe in any page, stylesheet or picture', () => {
		expect(htmlFiles(outDir).length).toBeGreaterThan(5);
		expect(scanDist(outDir, base)).toEqual([]);
	});

	it('never runs a word into a link (a line break before a link in a template is dropped when the page is compressed)', () => {
		const runTogether: string[] = [];
		for (const file of htmlFiles(outDir)) {
			const html = readFileSync(path.join(outDir, file), 'utf8');
			for (const match of html.matchAll(/[A-Za-z0-9,;:]<a\s[^>]*>[^<]{0,20}|<\/a>[A-Za-z][^<]{0,20}/g)) runTogether.push(`${file}: ${match[0]}`);
		}
		expect(runTogether).toEqual([]);
	});

	it('never skips a heading level on the way down (h1 to h3 leaves a hole in the outline a screen reader reads out)', () => {
		const skips: string[] = [];
		for (const file of htmlFiles(outDir)) {
			const levels = [...readFileSync(path.join(outDir, file), 'utf8').matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
			levels.forEach((level, i) => {
				const before = i === 0 ? 0 : levels[i - 1];
				if (level > before + 1) skips.push(`${file}: h${before || '(none)'} then h${level}`);
			});
		}
		expect(skips).toEqual([]);
	});

	it('links every page to the privacy page', () => {
		for (const file of htmlFiles(outDir)) {
			const page = readPage(outDir, `/${file}`.replace(/index\.html$/, ''));
			// The embeds and posters are views of a page made for somewhere else (an iframe, a wall); the screen pages link to it.
			if (page.querySelector('body.embed, body.poster-page')) continue;
			const links = page.querySelectorAll('footer a').map((a) => a.getAttribute('href'));
			expect({ file, privacy: links.includes(`${base}privacy/`) }).toEqual({ file, privacy: true });
		}
		expect(readPage(outDir, '/privacy/').querySelector('h1')?.textContent).toContain('Privacy');
	});
});

describe('the scanner itself', () => {
	const page = (head: string, body: string) =>
		`<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}"><meta name="referrer" content="no-referrer">${head}</head><body>${body}</body></html>`;
	const found = (html: string, base = '/') => scanHtml('x.html', html, base).map((f) => f.what);

	it('passes a clean page', () => {
		expect(found(page('<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/a.js"></script>', '<a href="https://x.example/" rel="noopener noreferrer">x</a><img src="/a.png">'))).toEqual([]);
		expect(found(page('<script type="application/ld+json">{}</script>', ''))).toEqual([]);
	});

	it.each([
		['an inline script', page('', '<script>alert(1)</script>')],
		['a script from elsewhere', page('<script src="https://cdn.example/x.js"></script>', '')],
		['a protocol-relative script', page('<script src="//cdn.example/x.js"></script>', '')],
		['a script outside the base', page('<script src="/other/x.js"></script>', ''), '/guides/'],
		['an event handler', page('', '<p onclick="x()">x</p>')],
		['a javascript: link', page('', '<a href=" javascript:alert(1)">x</a>')],
		['a font from elsewhere', page('<link rel="stylesheet" href="https://fonts.example/css">', '')],
		['a picture from elsewhere', page('', '<img src="https://evil.example/p.png">')],
		['a srcset from elsewhere', page('', '<img src="/a.png" srcset="https://evil.example/p.png 2x">')],
		['an iframe', page('', '<iframe src="/x/"></iframe>')],
		['an inline style', page('', '<p style="color:red">x</p>')],
		['a style element', page('<style>p{}</style>', '')],
		['an external link without rel', page('', '<a href="https://x.example/">x</a>')],
		['a page without the CSP', '<!doctype html><html><head><meta name="referrer" content="no-referrer"></head><body></body></html>'],
		['a base address elsewhere', page('<base href="https://evil.example/">', '')],
		['a page without the referrer policy', `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}"></head><body></body></html>`],
	])('finds %s', (_, html, base = '/') => {
		expect(found(html, base)).toHaveLength(1);
	});

	it('finds other origins in stylesheets', () => {
		expect(scanCss('a.css', '@import url("https://fonts.example/x.css"); a{background:url(//evil.example/p.png)} b{background:url(/ok.png)} i{background:url(data:image/png;base64,AA)}', '/').map((f) => f.what)).toHaveLength(3);
		expect(scanCss('a.css', '@font-face{src:url(https://fonts.example/f.woff2)}', '/')).toHaveLength(1);
	});

	it('scans a whole folder', () => {
		expect(scanDist(outDirOf('fixture'), '/').length).toBe(0);
	});
});
