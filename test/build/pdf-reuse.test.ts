/**
 * A build keeps its PDFs for the next build of the same output
 * (src/lib/pdf-cache.ts): built again with nothing changed, it prints
 * nothing and the site is the same file for file; after an edit to one
 * entry, it prints again only that neighbourhood's guides, and they have the
 * edit in them, read back with pdftotext. Real builds of the sample guides,
 * with Chromium.
 */
import { cpSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CONTENT, buildOrThrow, buildSite } from '../helpers/build.ts';
import { chromePath } from '../helpers/browser.ts';
import { flat, hasPoppler, pageTexts } from '../helpers/pdf.ts';
import { removeScratch, scratchDir } from '../helpers/scratch.ts';

const NAME = 'pdf-reuse';
const PDFS = ['guide.pdf', 'guide-large.pdf', 'week.pdf'];
const EDITED = 'lockside';
const NEW_TITLE = 'The Big Lockside Supper Club';
/** One day for every build here, so that a run over midnight (or into a new month) changes nothing. */
const TODAY = '2026-12-04';

/** Every file of a built site, by path, with its bytes. */
function files(dir: string, under = ''): Map<string, Buffer> {
	const found = new Map<string, Buffer>();
	for (const name of readdirSync(path.join(dir, under))) {
		const rel = path.join(under, name);
		if (statSync(path.join(dir, rel)).isDirectory()) for (const [p, b] of files(dir, rel)) found.set(p, b);
		else found.set(rel, readFileSync(path.join(dir, rel)));
	}
	return found;
}

function summary(output: string): { printed: number; kept: number } {
	const match = /Printed (\d+) PDFs? and kept (\d+) from the last build/.exec(output);
	if (!match) throw new Error(`The build did not say what it printed:\n${output.slice(-3000)}`);
	return { printed: Number(match[1]), kept: Number(match[2]) };
}

describe.skipIf(!chromePath || !hasPoppler)('PDFs kept from one build to the next', () => {
	let content: string;
	let first: Map<string, Buffer>;
	let firstOutput: string;
	const neighbourhoods = readdirSync(path.join(SAMPLE_CONTENT, 'neighbourhoods'));

	beforeAll(() => {
		content = path.join(scratchDir('glg-pdf-reuse-'), 'content');
		cpSync(SAMPLE_CONTENT, content, { recursive: true });
		const result = buildSite({ name: NAME, contentDir: content, today: TODAY, env: { GUIDE_PDF: 'required' } });
		if (result.status !== 0) throw new Error(result.output.slice(-4000));
		firstOutput = result.output;
		first = files(result.outDir);
	}, 240_000);
	afterAll(removeScratch);

	it('prints every PDF the first time', () => {
		expect(summary(firstOutput)).toEqual({ printed: neighbourhoods.length * PDFS.length, kept: 0 });
	});

	it('built again with nothing changed, prints nothing and makes the same site, file for file', () => {
		const result = buildSite({ name: NAME, contentDir: content, today: TODAY, env: { GUIDE_PDF: 'required' }, keepPdfs: true });
		expect(result.status, result.output.slice(-3000)).toBe(0);
		expect(summary(result.output)).toEqual({ printed: 0, kept: neighbourhoods.length * PDFS.length });
		const again = files(result.outDir);
		expect([...again.keys()].sort()).toEqual([...first.keys()].sort());
		const differ = [...again].filter(([file, bytes]) => !bytes.equals(first.get(file) as Buffer)).map(([file]) => file);
		expect(differ).toEqual([]);
	}, 240_000);

	it('after an edit to one entry, prints again only that neighbourhood, with the edit in its guides', () => {
		const file = path.join(content, 'neighbourhoods', EDITED, 'assets', 'big-supper.md');
		const text = readFileSync(file, 'utf8');
		expect(text).toMatch(/^title: The Big Supper$/m);
		writeFileSync(file, text.replace(/^title: The Big Supper$/m, `title: ${NEW_TITLE}`));

		const result = buildSite({ name: NAME, contentDir: content, today: TODAY, env: { GUIDE_PDF: 'required' }, keepPdfs: true });
		expect(result.status, result.output.slice(-3000)).toBe(0);
		expect(summary(result.output)).toEqual({ printed: PDFS.length, kept: (neighbourhoods.length - 1) * PDFS.length });
		for (const pdf of ['guide.pdf', 'guide-large.pdf']) {
			expect(flat(pageTexts(path.join(result.outDir, EDITED, pdf)).join('\n'))).toContain(NEW_TITLE);
		}
		const after = files(result.outDir);
		for (const n of neighbourhoods.filter((n) => n !== EDITED)) {
			for (const pdf of PDFS) expect(after.get(path.join(n, pdf))?.equals(first.get(path.join(n, pdf)) as Buffer), `${n}/${pdf}`).toBe(true);
		}

		// The same content built from scratch, with no PDFs kept, says the same on paper.
		const fresh = buildOrThrow({ name: `${NAME}-fresh`, contentDir: content, today: TODAY, env: { GUIDE_PDF: 'required' } });
		for (const n of neighbourhoods) {
			for (const page of ['print/index.html', 'print/large/index.html', 'print/week/index.html']) {
				expect(after.get(path.join(n, page))?.toString(), `${n}/${page}`).toBe(readFileSync(path.join(fresh, n, page), 'utf8'));
			}
			for (const pdf of PDFS) {
				expect(pageTexts(path.join(result.outDir, n, pdf)), `${n}/${pdf}`).toEqual(pageTexts(path.join(fresh, n, pdf)));
			}
		}
	}, 480_000);
});
