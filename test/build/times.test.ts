/**
 * Times, read back from the sample guides as built: every page that says
 * when something is on says all of it, notes included, and no printed page
 * says a day is empty when something is on that day.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_CONTENT, outDirOf } from '../helpers/build.ts';
import { readPage } from '../helpers/dist.ts';
import { checkContent } from '../../src/lib/check-content.ts';
import { applyConsent } from '../../src/lib/consent.ts';
import { DAY_NAMES } from '../../src/lib/labels.ts';
import { whenInShort, whenInWords } from '../../src/lib/schedule.ts';
import { DAYS } from '../../src/schema/asset.ts';

const dist = outDirOf('sample');
const content = checkContent(SAMPLE_CONTENT).loaded;
const hoods = content.neighbourhoods.filter((n) => !n.data.draft).map((n) => n.n);
const assetsOf = (n: string) => content.assets.filter((a) => a.n === n && !a.data.draft).map((a) => ({ ...a, data: applyConsent(a.data) }));
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('short lists', () => {
	it('give every time an entry is on, with its notes, on the guide page, the A to Z and the embed', () => {
		let several = 0;
		for (const n of hoods) {
			for (const page of [`/${n}/`, `/${n}/a-to-z/`, `/${n}/embed/`]) {
				const entries = readPage(dist, page).querySelectorAll('li.entry');
				for (const asset of assetsOf(n)) {
					const lines = whenInShort(asset.data.when, asset.data.when_note);
					if (lines.length > 1) several++;
					const shown = entries.filter((li) => flat(li.querySelector('.entry-title')?.text ?? '') === flat(asset.data.title));
					expect(shown.length, `${page} lists ${asset.slug}`).toBeGreaterThan(0);
					for (const li of shown) for (const line of lines) expect(flat(li.text), `${page}: ${asset.slug}`).toContain(flat(line));
				}
			}
		}
		// The sample has entries on more than one day or time (a dog walker on Saturdays too, a library, a bowls club).
		expect(several).toBeGreaterThan(5);
	});
});

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

describe('printed days', () => {
	const onDay = (n: string, day: string) => assetsOf(n).filter((a) => a.data.when?.some((w) => w.day === day));

	it('never say a day has nothing on when something is on it: the week sheet', () => {
		let checked = 0;
		for (const n of hoods) {
			const page = readPage(dist, `/${n}/print/week/`);
			for (const day of DAYS) {
				const section = page.querySelector(`section[aria-labelledby="w-${day}"]`)!;
				const text = flat(section.text);
				const on = onDay(n, day);
				if (on.length === 0) continue;
				checked++;
				expect(flat(section.querySelector('.w-none')?.text ?? ''), `${n} ${day}`).not.toMatch(/^Nothing regular/);
				// A day with nothing of its own names what is on it from "On most days".
				if (section.querySelector('.w-none')) for (const asset of on) expect(text, `${n} ${day}: ${asset.slug}`).toContain(flat(asset.data.title));
			}
		}
		expect(checked).toBeGreaterThan(15);
	});

	it('never say a day has nothing on when something is on it: the booklet and large print', () => {
		for (const n of hoods) {
			for (const file of ['print/index.html', 'print/large/index.html']) {
				const text = flat(readFileSync(path.join(dist, n, file), 'utf8').replace(/<[^>]+>/g, ' '));
				for (const day of DAYS) {
					if (onDay(n, day).length === 0) continue;
					expect(text, `${n}/${file}`).not.toContain(`Nothing regular on ${DAY_NAMES[day]}s.`);
				}
			}
		}
	});
});

describe('cards', () => {
	it('give an entry’s note about its times (a closed season) beside its times, on every theme page', () => {
		let checked = 0;
		for (const n of hoods) {
			for (const asset of assetsOf(n).filter((a) => a.data.when?.length && a.data.when_note)) {
				for (const theme of asset.data.themes) {
					const card = readPage(dist, `/${n}/themes/${theme}/`)
						.querySelectorAll('article.card')
						.find((c) => c.querySelector(`.card-title a[href$="/assets/${asset.slug}/"]`));
					expect(flat(card?.querySelector('.when-lines')?.textContent ?? ''), `${n}/${asset.slug} on ${theme}`).toContain(flat(asset.data.when_note!));
					checked++;
				}
			}
		}
		expect(checked).toBeGreaterThan(0);
	});
});
