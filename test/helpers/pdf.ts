/**
 * Reading PDFs back with poppler-utils (pdfinfo, pdftotext, pdftohtml), as a
 * reader's PDF viewer would see them: not with the code that made them.
 */
import { execFileSync } from 'node:child_process';

export const hasPoppler = (() => {
	try {
		execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
})();

export const HOW_TO_GET_POPPLER = 'Install poppler-utils (on Debian or Ubuntu: sudo apt-get install -y poppler-utils).';

export interface PdfInfo {
	pages: number;
	/** Points. */
	width: number;
	height: number;
	tagged: boolean;
	title: string;
}

export function pdfInfo(file: string): PdfInfo {
	const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(out)?.[1]?.trim() ?? '';
	const size = /([\d.]+) x ([\d.]+) pts/.exec(field('Page size'));
	return {
		pages: Number(field('Pages')),
		width: Number(size?.[1]),
		height: Number(size?.[2]),
		tagged: field('Tagged') === 'yes',
		title: field('Title'),
	};
}

/**
 * The text of each page (one string per page): laid out as on the page
 * (`layout`, for lines such as "A to Z ..... 36"), or in the order it was
 * written (`raw`, for sentences in columns).
 */
export function pageTexts(file: string, mode: 'layout' | 'raw' = 'layout'): string[] {
	const text = execFileSync('pdftotext', [`-${mode}`, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	const pages = text.split('\f');
	if (pages.at(-1)?.trim() === '') pages.pop();
	return pages;
}

/** Whitespace collapsed, for finding a sentence however it was wrapped (also after a hyphen: "over-\n50s"). */
export function flat(text: string): string {
	return text.replace(/-\s+/g, '-').replace(/\s+/g, ' ').trim();
}

/** The lines of a page, trimmed, without blank ones. */
export function lines(page: string): string[] {
	return page
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);
}

export interface Word {
	page: number;
	text: string;
	xMin: number;
	yMin: number;
	xMax: number;
	yMax: number;
}

/** Every word with its box, in points from the page's top left. */
export function words(file: string): { pageWidth: number; pageHeight: number; words: Word[] }[] {
	const xml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	const pages: { pageWidth: number; pageHeight: number; words: Word[] }[] = [];
	for (const page of xml.split('<page ').slice(1)) {
		const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page);
		const list: Word[] = [];
		for (const m of page.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)) {
			list.push({ page: pages.length + 1, xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: m[5] });
		}
		pages.push({ pageWidth: Number(size?.[1]), pageHeight: Number(size?.[2]), words: list });
	}
	return pages;
}

/** The size, in points, of every run of text, with the text (pdftohtml at zoom 1 reports sizes in points). */
export function textSizes(file: string): { size: number; text: string }[] {
	const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-zoom', '1', '-q', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	const fonts = new Map<string, number>();
	for (const m of xml.matchAll(/<fontspec id="(\d+)" size="([\d.]+)"/g)) fonts.set(m[1], Number(m[2]));
	const runs: { size: number; text: string }[] = [];
	for (const m of xml.matchAll(/<text [^>]*font="(\d+)"[^>]*>(.*?)<\/text>/g)) {
		const text = m[2].replace(/<[^>]+>/g, '').trim();
		if (text) runs.push({ size: fonts.get(m[1]) ?? 0, text });
	}
	return runs;
}
