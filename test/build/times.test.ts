/**
 * Times, read back from the sample guides as built: every page that says
 * when something is on says all of it, notes included, and no printed page
 * says a day is empty when something is on that day.
 */
import { describe, expect, it } from 'vitest';
import { SAMPLE_CONTENT, outDirOf } from '../helpers/build.ts';
import { readPage } from '../helpers/dist.ts';
import { checkContent } from '../../src/lib/check-content.ts';
import { applyConsent } from '../../src/lib/consent.ts';
import { whenInWords } from '../../src/lib/schedule.ts';

const dist = outDirOf('sample');
const content = checkContent(SAMPLE_CONTENT).loaded;
const hoods = content.neighbourhoods.filter((n) => !n.data.draft).map((n) => n.n);
const assetsOf = (n: string) => content.assets.filter((a) => a.n === n && !a.data.draft).map((a) => ({ ...a, data: applyConsent(a.data) }));
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the week sheet', () => {
	it('gives each time its note, as the booklet and What’s on do', () => {
		let notes = 0;
		for (const n of hoods) {
			const sheet = flat(readPage(dist, `/${n}/print/week/`).querySelector('.w-sheet')!.text);
			for (const asset of assetsOf(n)) {
				for (const line of whenInWords(asset.data.when)) {
					if (!line.note) continue;
					notes++;
					expect(sheet, `${n}: ${asset.slug}`).toContain(flat(line.note));
				}
			}
		}
		expect(notes).toBeGreaterThan(5);
	});

	it('never puts "at" before a place that already says where ("at Outside Lockside Hub")', () => {
		for (const n of hoods) {
			for (const page of [`/${n}/print/week/`, `/${n}/print/`, `/${n}/print/large/`]) {
				const text = flat(readPage(dist, page).querySelector('main')!.text);
				expect(text, page).not.toMatch(/\bat (?:outside|inside|behind|near|opposite|at|in|on|by|beside|next to)\b/i);
			}
		}
		expect(flat(readPage(dist, '/lockside/print/week/').text)).toContain('Monday buggy walk, outside Lockside Hub');
	});
});
