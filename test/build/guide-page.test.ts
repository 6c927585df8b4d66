/**
 * The guide page and the embed, read back from the sample as built: entries
 * by what matters to you, each listed in full once. Before, an entry with
 * three themes was listed in full three times, and a guide of 50 entries ran
 * to 65 phone screens. What is on four days a week or more (a café's opening
 * times, a daily meal) is named once before the days, not under each of them.
 */
import { describe, expect, it } from 'vitest';
import { SAMPLE_CONTENT, outDirOf } from '../helpers/build.ts';
import { readPage } from '../helpers/dist.ts';
import { checkContent } from '../../src/lib/check-content.ts';

const dist = outDirOf('sample');
const content = checkContent(SAMPLE_CONTENT).loaded;
const hoods = content.neighbourhoods.filter((n) => !n.data.draft).map((n) => n.n);
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('what matters to you, on the guide page and the embed', () => {
	for (const page of ['', 'embed/']) {
		it(`lists each entry in full once, under its first theme, and links to it under its others (/<n>/${page})`, () => {
			let alsoLinks = 0;
			for (const n of hoods) {
				const html = readPage(dist, `/${n}/${page}`);
				const published = content.assets.filter((a) => a.n === n && !a.data.draft);
				for (const asset of published) {
					const where = `/${n}/${page}: ${asset.slug}`;
					const full = html.querySelectorAll('li.entry').filter((li) => flat(li.querySelector('.entry-title')?.text ?? '') === flat(asset.data.title));
					expect(full.length, where).toBe(1);
					const [first, ...others] = asset.data.themes;
					expect(full[0].closest('section')?.getAttribute('aria-labelledby'), where).toBe(`theme-${first}`);
					for (const theme of others) {
						const section = html.querySelector(`section[aria-labelledby="theme-${theme}"]`);
						expect(section, `${where} under ${theme}`).not.toBeNull();
						expect(section!.querySelector(`.link-list a[href="/${n}/assets/${asset.slug}/"]`), `${where} under ${theme}`).not.toBeNull();
						alsoLinks++;
					}
				}
			}
			// The sample has entries about more than one thing (a hub for company, food and learning).
			expect(alsoLinks).toBeGreaterThan(10);
		});
	}

	it('keeps the links to narrow the guide to one theme, with how many entries each holds', () => {
		for (const n of hoods) {
			const links = readPage(dist, `/${n}/`).querySelectorAll('.theme-links a');
			const themes = new Set(content.assets.filter((a) => a.n === n && !a.data.draft).flatMap((a) => a.data.themes));
			expect(links.map((a) => a.getAttribute('href')).sort(), n).toEqual([...themes].map((t) => `/${n}/themes/${t}/`).sort());
			for (const a of links) {
				const theme = a.getAttribute('href')!.split('/')[3];
				const count = content.assets.filter((x) => x.n === n && !x.data.draft && x.data.themes.includes(theme)).length;
				expect(flat(a.text), n).toMatch(new RegExp(`\\(${count}\\)$`));
			}
		}
	});
});

describe("what's on each day, on the guide page and the embed", () => {
	const published = content.assets.filter((a) => !a.data.draft);
	const daysOf = (asset: (typeof published)[number]) => new Set((asset.data.when ?? []).map((when) => when.day)).size;

	it('names what is on four days or more once, before the days, and lists the rest under their days', () => {
		let mostDays = 0;
		for (const n of hoods) {
			for (const page of ['', 'embed/']) {
				const html = readPage(dist, `/${n}/${page}`);
				const listed = html.querySelectorAll('section[aria-labelledby="day-most-days"] .link-list a').map((a) => a.getAttribute('href'));
				const inDays = html.querySelectorAll('.slot a').map((a) => a.getAttribute('href'));
				for (const asset of published.filter((a) => a.n === n && daysOf(a) > 0)) {
					const link = `/${n}/assets/${asset.slug}/`;
					const where = `/${n}/${page}: ${asset.slug} (${daysOf(asset)} days)`;
					if (daysOf(asset) >= 4) {
						expect(listed.filter((href) => href === link), where).toHaveLength(1);
						expect(inDays, where).not.toContain(link);
						mostDays++;
					} else {
						expect(listed, where).not.toContain(link);
						expect(inDays.filter((href) => href === link), where).toHaveLength(asset.data.when!.length);
					}
				}
			}
		}
		// The sample has a launderette open every day, cafés and a daily meal.
		expect(mostDays).toBeGreaterThan(6);
	});

	it("still gives every time on the what's-on page, day by day", () => {
		for (const n of hoods) {
			const html = readPage(dist, `/${n}/whats-on/`);
			expect(html.querySelector('#day-most-days'), n).toBeNull();
			const inDays = html.querySelectorAll('.slot a').map((a) => a.getAttribute('href'));
			for (const asset of published.filter((a) => a.n === n)) {
				expect(inDays.filter((href) => href === `/${n}/assets/${asset.slug}/`), `${n}: ${asset.slug}`).toHaveLength(asset.data.when?.length ?? 0);
			}
		}
	});
});
