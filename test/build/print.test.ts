/**
 * The guides on paper, read back from the real PDFs the build wrote (with
 * poppler's pdfinfo, pdftotext and pdftohtml, not with the code that made
 * them): A4, tagged, every entry exactly once, contents and A to Z numbers
 * that are the pages things start on, nothing split or stranded, large print
 * at 16pt or more, nothing near the edge of the paper, and nothing consent
 * withholds. Then the builds without Chromium, without PDFs, and without a
 * site address.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/corpus.ts';
import { checkContent } from '../../src/lib/check-content.ts';
import { writtenPageRefs } from '../../src/lib/page-refs.ts';
import { anchors } from '../../src/lib/print-plan.ts';
import { HOW_TO_GET_CHROMIUM } from '../../src/lib/chromium.ts';
import { applyConsent, withheldNameParts } from '../../src/lib/consent.ts';
import { FIXTURE_CONTENT, FIXTURE_TODAY, ROOT, SAMPLE_CONTENT, buildSite, outDirOf, type BuildResult } from '../helpers/build.ts';
import { chromePath } from '../helpers/browser.ts';
import { HOW_TO_GET_POPPLER, flat, hasPoppler, lines, pageTexts, pdfInfo, textSizes, words } from '../helpers/pdf.ts';
import { removeScratch, scratchDir } from '../helpers/scratch.ts';

/** 5mm: what a printer cannot print at the edge of the sheet. */
const PRINTER_EDGE = (5 / 25.4) * 72;
const A4 = { width: 595.28, height: 841.89 };

const fixture = checkContent(FIXTURE_CONTENT, { today: new Date(`${FIXTURE_TODAY}T00:00:00Z`) }).loaded;
const sample = checkContent(SAMPLE_CONTENT).loaded;

/** Every published neighbourhood of the fixture and the sample, with what its guide must contain. */
const GUIDES = [
	...published(fixture).map((g) => ({ ...g, dist: outDirOf('fixture') })),
	...published(sample).map((g) => ({ ...g, dist: outDirOf('sample') })),
];

function published(content: typeof fixture) {
	return content.neighbourhoods
		.filter((n) => !n.data.draft)
		.map((n) => ({
			n: n.n,
			name: n.data.name,
			connectors: n.data.connectors.length > 0,
			assets: content.assets.filter((a) => a.n === n.n && !a.data.draft).map((a) => ({ slug: a.slug, data: applyConsent(a.data), raw: a.data })),
			drafts: content.assets.filter((a) => a.n === n.n && a.data.draft),
			stories: content.stories.filter((s) => s.n === n.n && !s.data.draft),
			themes: content.themes,
		}));
}

type Guide = (typeof GUIDES)[number];
const EDITIONS = [
	{ name: 'guide', pdf: 'guide.pdf', html: 'print/index.html' },
	{ name: 'large print', pdf: 'guide-large.pdf', html: 'print/large/index.html' },
] as const;

const describePdfs = hasPoppler && chromePath ? describe : describe.skip;
if (!hasPoppler) console.warn(`PDF checks skipped: ${HOW_TO_GET_POPPLER}`);

/** Text that marks where each anchor's thing starts on its page. */
function headingOf(guide: Guide, anchor: string): { line?: string; text: string } | undefined {
	const sections: Record<string, string> = {
		[anchors.section('someone-to-ask')]: 'Someone to ask',
		[anchors.section('whats-on')]: "What's on each day",
		[anchors.section('what-matters')]: 'What matters to you?',
		[anchors.section('stories')]: 'Stories from neighbours',
		[anchors.section('a-to-z')]: 'A to Z',
	};
	if (sections[anchor]) return { line: sections[anchor], text: sections[anchor] };
	const theme = guide.themes.find((t) => anchor === anchors.theme(t.id));
	if (theme) return { line: theme.label, text: theme.label };
	const asset = guide.assets.find((a) => anchor === anchors.entry(a.slug));
	if (asset) return { text: asset.data.summary };
	const story = guide.stories.find((s) => anchor === anchors.story(s.slug));
	if (story) return { text: story.data.title };
	return undefined;
}

describePdfs('PDFs of the guides', () => {
	it('print guides that have names to withhold, so the consent checks below have something to find', () => {
		// test/build/consent.test.ts looks for the fixture's withheld names written out literally.
		expect(GUIDES.flatMap((guide) => guide.assets.flatMap((asset) => withheldNameParts(asset.raw))).length).toBeGreaterThan(0);
	});

	for (const guide of GUIDES) {
		for (const edition of EDITIONS) {
			describe(`${guide.n}: ${edition.name}`, () => {
				const file = path.join(guide.dist, guide.n, edition.pdf);
				let pages: string[] = [];
				let rawPages: string[] = [];
				let all = '';
				beforeAll(() => {
					pages = pageTexts(file);
					rawPages = pageTexts(file, 'raw');
					all = flat(rawPages.join('\n'));
				});

				it('is an A4, tagged PDF with an outline, titled after the guide', () => {
					const info = pdfInfo(file);
					expect(Math.abs(info.width - A4.width)).toBeLessThan(1);
					expect(Math.abs(info.height - A4.height)).toBeLessThan(1);
					expect(info.tagged).toBe(true);
					expect(info.title).toContain(guide.name);
					expect(readFileSync(file).toString('latin1')).toMatch(/\/Type \/Outlines/);
					expect(info.pages).toBe(pages.length);
				});

				it('has every entry exactly once, and no drafts', () => {
					for (const asset of guide.assets) {
						const summary = flat(asset.data.summary);
						expect(all.split(summary).length - 1, `${asset.slug}: "${summary}"`).toBe(1);
						expect(all, asset.slug).toContain(flat(asset.data.title));
					}
					for (const draft of guide.drafts) expect(all).not.toContain(draft.data.title);
				});

				it('has every story', () => {
					for (const story of guide.stories) expect(all).toContain(flat(story.data.title));
				});

				it('shows nothing of a person that their consent withholds', () => {
					for (const asset of guide.assets) {
						for (const part of withheldNameParts(asset.raw)) expect(all).not.toContain(part);
						if (asset.raw.consent === 'first-name' || asset.raw.consent === 'via-connector') {
							for (const value of [asset.raw.contact?.phone, asset.raw.contact?.email]) if (value) expect(all).not.toContain(value);
						}
					}
				});

				it('numbers its contents and A to Z with the pages things start on, in the HTML and in the PDF', () => {
					const html = readFileSync(path.join(guide.dist, guide.n, edition.html), 'utf8');
					expect(html).toContain('data-page-numbers="yes"');
					const numbers = writtenPageRefs(html);
					expect(numbers.size).toBeGreaterThan(guide.assets.length);
					// Every page number the print components wrote was found and filled in: one written
					// in a way the filler does not recognise would stay blank on paper.
					const blanks = html.match(/class="page-ref"/g) ?? [];
					expect(html.match(/<span class="page-ref" data-ref="[a-z0-9-]+">\d+<\/span>/g) ?? []).toHaveLength(blanks.length);
					for (const [anchor, page] of numbers) {
						const expected = headingOf(guide, anchor);
						expect(expected, `nothing known about #${anchor}`).toBeDefined();
						if (expected!.line) expect(lines(pages[page - 1] ?? ''), `#${anchor} should start on page ${page}`).toContain(expected!.line);
						expect(flat(rawPages[page - 1] ?? ''), `#${anchor} should start on page ${page}`).toContain(flat(expected!.text));
						// It starts there: it is not on the page before (the contents and the A to Z excepted).
						if (expected!.line && page > 2) expect(lines(pages[page - 2])).not.toContain(expected!.line);
					}
					// The contents page of the PDF shows the same numbers.
					const contents = lines(pages[1]);
					expect(contents[0]).toBe('Contents');
					for (const [label, anchor] of [
						['What matters to you?', anchors.section('what-matters')],
						['A to Z', anchors.section('a-to-z')],
					] as const) {
						expect(contents).toContainEqual(expect.stringMatching(new RegExp(`^${label.replace(/[?]/g, '\\?')}\\s+${numbers.get(anchor)}$`)));
					}
				});

				it('never splits an entry across two pages', () => {
					for (const asset of guide.assets) {
						const page = rawPages.find((p) => flat(p).includes(flat(asset.data.summary)));
						const text = flat(page ?? '');
						for (const part of [asset.data.title, asset.data.how_to_join, asset.data.when_note, asset.data.contact?.email]) {
							if (part) expect(text, `${asset.slug}: "${part}"`).toContain(flat(part));
						}
					}
				});

				it('never leaves a heading at the foot of a page', () => {
					const headings = new Set([
						'Someone to ask',
						"What's on each day",
						'What matters to you?',
						'Stories from neighbours',
						'At other times',
						'On most days',
						...guide.themes.map((t) => t.label),
						...guide.stories.map((s) => s.data.title),
						...['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
					]);
					pages.forEach((page, i) => {
						const body = lines(page).filter((l) => !/Page \d+ of \d+$/.test(l));
						expect(headings.has(body.at(-1) ?? ''), `page ${i + 1} ends with the heading "${body.at(-1)}"`).toBe(false);
					});
				});

				it('keeps everything well inside the printable area of the paper', () => {
					for (const page of words(file)) {
						for (const w of page.words) {
							expect(w.xMin, `"${w.text}" on page ${w.page}`).toBeGreaterThan(PRINTER_EDGE);
							expect(w.yMin, `"${w.text}" on page ${w.page}`).toBeGreaterThan(PRINTER_EDGE);
							expect(w.xMax, `"${w.text}" on page ${w.page}`).toBeLessThan(page.pageWidth - PRINTER_EDGE);
							expect(w.yMax, `"${w.text}" on page ${w.page}`).toBeLessThan(page.pageHeight - PRINTER_EDGE);
						}
					}
				});

				it('has a footer with the guide’s name and the page number, except on the cover', () => {
					expect(pages[0]).not.toMatch(/Page 1 of/);
					for (let i = 1; i < pages.length; i++) {
						const last = lines(pages[i]).at(-1);
						expect(last, `page ${i + 1}`).toMatch(new RegExp(`^${guide.name} guide\\s+Page ${i + 1} of ${pages.length}$`));
					}
				});

				if (edition.name === 'large print') {
					it('sets all its text at 16pt or more, the body at 18pt', () => {
						const sizes = textSizes(file);
						const small = sizes.filter((s) => s.size < 16);
						expect(small, `text under 16pt: ${small.slice(0, 5).map((s) => `${s.size}pt "${s.text}"`).join(', ')}`).toEqual([]);
						expect(mostCommon(sizes.map((s) => s.size))).toBe(18);
					});
				} else {
					it('sets its body at 14pt and nothing under 11pt', () => {
						const sizes = textSizes(file);
						expect(sizes.filter((s) => s.size < 11)).toEqual([]);
						expect(mostCommon(sizes.map((s) => s.size))).toBe(14);
					});
				}
			});
		}

		it(`${guide.n}: the week sheet is one A4 page with every regular activity`, () => {
			const file = path.join(guide.dist, guide.n, 'week.pdf');
			const info = pdfInfo(file);
			expect(info.pages).toBe(1);
			expect(Math.abs(info.width - A4.width)).toBeLessThan(1);
			const text = flat(pageTexts(file, 'raw').join(' '));
			for (const asset of guide.assets.filter((a) => a.data.when?.length)) expect(text).toContain(flat(asset.data.title));
			for (const draft of guide.drafts) expect(text).not.toContain(draft.data.title);
		});

		it(`${guide.n}: each print page shows its PDF, with its length`, () => {
			for (const [html, pdf] of [
				['print/index.html', 'guide.pdf'],
				['print/large/index.html', 'guide-large.pdf'],
				['print/week/index.html', 'week.pdf'],
			]) {
				const page = readFileSync(path.join(guide.dist, guide.n, html), 'utf8');
				const pages = pdfInfo(path.join(guide.dist, guide.n, pdf)).pages;
				expect(page).toContain(`<p class="pdf-download" data-pdf-download><a href="/${guide.n}/${pdf}" download>Download it as a PDF (${pages}\u00a0${pages === 1 ? 'page' : 'pages'}, `);
			}
		});
	}
});

/** The days as the week sheet heads them. */
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

describePdfs('the week sheet of a busy neighbourhood', () => {
	// Fifty entries, as the benchmark's neighbourhoods have: more regular times than one sheet holds at 12pt.
	let pdf: string;
	let output: string;
	let n: string;
	beforeAll(() => {
		const corpus = generateCorpus({ dir: path.join(scratchDir('glg-busy-week-'), 'content'), neighbourhoods: 1, assetsPerNeighbourhood: 50, storiesPerNeighbourhood: 2, seed: 1 });
		n = corpus.neighbourhoods[0].n;
		const result = buildSite({ name: 'busy-week', contentDir: corpus.dir, today: FIXTURE_TODAY, env: { GUIDE_PDF: 'required' } });
		if (result.status !== 0) throw new Error(result.output.slice(-4000));
		output = result.output;
		pdf = path.join(result.outDir, n, 'week.pdf');
	}, 240_000);
	afterAll(removeScratch);

	it('goes on to a second page, in the smallest type allowed, and the build says so', () => {
		expect(pdfInfo(pdf).pages).toBe(2);
		expect(mostCommon(textSizes(pdf).map((s) => s.size))).toBe(12);
		expect(readFileSync(path.join(path.dirname(pdf), 'print/week/index.html'), 'utf8')).toContain('class="w-sheet w-tight"');
		expect(output).toContain(`The week sheet for ${n} takes 2 pages, not one`);
	});

	it('keeps the days in order: none on the first page comes after one on the second', () => {
		const pages = pageTexts(pdf, 'raw').map((text) => lines(text));
		const pageOf = DAYS.map((day) => pages.findIndex((page) => page.includes(day)));
		expect(pageOf.every((page) => page >= 0), `every day is on the sheet: ${pageOf}`).toBe(true);
		expect(pageOf).toEqual([...pageOf].sort((a, b) => a - b));
		expect(pageOf[0]).toBe(0);
	});
});

describe('print pages in the built HTML', () => {
	const dist = outDirOf('fixture');

	it('has a print page, a large-print page, a week sheet and a list page for every published neighbourhood', () => {
		for (const guide of GUIDES) {
			for (const page of ['print/index.html', 'print/large/index.html', 'print/week/index.html', 'my-list/index.html', 'my-list/entries/index.html', 'print/page.css']) {
				expect(existsSync(path.join(guide.dist, guide.n, page)), `${guide.n}/${page}`).toBe(true);
			}
		}
		expect(existsSync(path.join(dist, 'draftham'))).toBe(false);
	});

	it('prints every entry once in the guide, and offers every entry to lists', () => {
		for (const guide of GUIDES) {
			const slugs = guide.assets.map((a) => a.slug).sort();
			for (const page of ['print/index.html', 'print/large/index.html', 'my-list/entries/index.html']) {
				const html = readFileSync(path.join(guide.dist, guide.n, page), 'utf8');
				const found = [...html.matchAll(/data-entry="([a-z0-9-]+)"/g)].map((m) => m[1]).sort();
				expect(found, `${guide.n}/${page}`).toEqual(slugs);
			}
		}
	});

	it('uses no inline script or style on pages made for paper or lists (the Content-Security-Policy allows only files)', () => {
		for (const page of ['testwick/print/index.html', 'testwick/print/large/index.html', 'testwick/print/week/index.html', 'testwick/my-list/index.html', 'testwick/assets/weekly-group/index.html']) {
			const html = readFileSync(path.join(dist, page), 'utf8');
			expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g), page).toBeNull();
			expect(html.match(/<style[\s>]/g), page).toBeNull();
			expect(html.match(/\sstyle="/g), page).toBeNull();
			for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) expect(existsSync(path.join(dist, m[1])), m[1]).toBe(true);
		}
	});

	it('writes the guide’s name into the running footer safely', () => {
		expect(readFileSync(path.join(dist, 'testwick/print/page.css'), 'utf8')).toContain('content: "Testwick guide";');
	});

	it('puts the QR code and the address in words on the cover when the site has an address', () => {
		const html = readFileSync(path.join(dist, 'testwick/print/index.html'), 'utf8');
		expect(html).toMatch(/<img class="p-qr" src="\/testwick\/qr.svg"/);
		expect(flat(html.replace(/<[^>]+>/g, ''))).toContain('test.example.org/testwick');
	});
});

describe('builds without PDFs', () => {
	const plainContent = path.join(ROOT, 'test/fixtures/print-no-address');
	let noChromium: BuildResult;
	let off: BuildResult;
	let required: BuildResult;
	let withPdfs: BuildResult;
	beforeAll(() => {
		noChromium = buildSite({ name: 'print-no-chromium', contentDir: plainContent, env: { CHROME_PATH: '/nonexistent/chromium', GUIDE_PDF: 'on' } });
		if (chromePath) withPdfs = buildSite({ name: 'print-no-address', contentDir: plainContent, env: { GUIDE_PDF: 'on' } });
		off = buildSite({ name: 'print-pdf-off', contentDir: plainContent, env: { GUIDE_PDF: 'off' } });
		required = buildSite({ name: 'print-pdf-required', contentDir: plainContent, env: { CHROME_PATH: '/nonexistent/chromium', GUIDE_PDF: 'required' } });
	});

	it('without Chromium, says so plainly, with how to get one, and builds everything else', () => {
		expect(noChromium.status, noChromium.output.slice(-3000)).toBe(0);
		expect(noChromium.output).toContain('No Chromium found, so the guides have no PDFs');
		expect(noChromium.output).toContain(HOW_TO_GET_CHROMIUM);
		expect(noChromium.output).toContain('GUIDE_PDF=off');
		expect(existsSync(path.join(noChromium.outDir, 'plainby/print/index.html'))).toBe(true);
		expect(existsSync(path.join(noChromium.outDir, 'plainby/guide.pdf'))).toBe(false);
		const html = readFileSync(path.join(noChromium.outDir, 'plainby/print/index.html'), 'utf8');
		expect(html).toContain('data-page-numbers="no"');
		expect(html).toContain('<p class="pdf-download" data-pdf-download hidden></p>');
		expect(html).not.toContain('guide.pdf');
	});

	it('with GUIDE_PDF=off, makes no PDFs and says why', () => {
		expect(off.status, off.output.slice(-3000)).toBe(0);
		expect(off.output).toContain('GUIDE_PDF=off, so no PDFs this time');
		expect(off.output).not.toContain('No Chromium found');
		expect(existsSync(path.join(off.outDir, 'plainby/guide.pdf'))).toBe(false);
	});

	it('with GUIDE_PDF=required and no Chromium, stops the build and says why', () => {
		expect(required.status).not.toBe(0);
		expect(required.output).toContain('GUIDE_PDF=required, so the build stops here');
		expect(required.output).toContain(HOW_TO_GET_CHROMIUM);
	});

	it('without a site address, the cover gives no QR code and no broken picture', () => {
		const html = readFileSync(path.join(noChromium.outDir, 'plainby/print/index.html'), 'utf8');
		expect(html).not.toContain('qr.svg');
		expect(html).not.toContain('Find this guide online');
		expect(existsSync(path.join(noChromium.outDir, 'plainby/qr.svg'))).toBe(false);
		expect(html).toContain('Kept up to date by Plainby Neighbours');
		// Nobody to ask: no section, and no contents line for it.
		expect(html).not.toContain('Someone to ask');
		const week = readFileSync(path.join(noChromium.outDir, 'plainby/print/week/index.html'), 'utf8');
		expect(week).not.toContain('qr.svg');
		expect(week).toContain('Soup Club');
	});

	it.runIf(chromePath && hasPoppler)('without anyone to ask, sends people to the guide’s keepers for an introduction', () => {
		expect(withPdfs.status, withPdfs.output.slice(-3000)).toBe(0);
		const text = flat(pageTexts(path.join(withPdfs.outDir, 'plainby/guide.pdf'), 'raw').join(' '));
		expect(text).toContain('Vera would like to be introduced by someone who knows the neighbourhood. Ask Plainby Neighbours, who keep this guide, and they will put you in touch.');
		expect(text).not.toContain('Yyquist');
		expect(text).not.toContain('07700 900777');
		expect(text).not.toContain('Someone to ask');
	});
});

function mostCommon(values: number[]): number {
	const counts = new Map<number, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}
