/**
 * Open data, calendars, feeds and QR codes as the build writes them: every
 * services.json of the built sites checked against the official Open
 * Referral UK schema, calendars parsed back with ical.js, QR codes decoded,
 * and no gift or withheld name in any of it.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_TODAY, OUT, ROOT, buildOrThrow, outDirOf } from '../helpers/build.ts';
import { fileForPath, listFiles, readPage } from '../helpers/dist.ts';
import { parseCalendar } from '../helpers/ical.ts';
import { pageProblems, serviceProblems, unknownFields } from '../helpers/oruk.ts';

const SITE = 'https://test.example.org';
const SAMPLE_SITE = 'https://guides.example.org';
const BUILT = [
	{ name: 'fixture', dist: outDirOf('fixture'), origin: SITE, base: '/' },
	{ name: 'fixture under /guides/', dist: outDirOf('fixtureUnderBase'), origin: SITE, base: '/guides/' },
	{ name: 'sample', dist: outDirOf('sample'), origin: SAMPLE_SITE, base: '/' },
];
const dist = outDirOf('fixture');
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const xml = new XMLParser({ ignoreAttributes: false });

/** The built file a full address of the site leads to, or undefined if it is not on this site. */
function fileOf(dir: string, origin: string, base: string, url: string): string | undefined {
	const prefix = `${origin}${base}`;
	if (!url.startsWith(prefix)) return undefined;
	return fileForPath(dir, `/${url.slice(prefix.length)}`);
}

/** Gifts in the fixture, and the names their consent withholds. */
const GIFT_WORDS = ['Zzholt', 'Qqlumb', 'Derek', 'Pat Public', 'Pat plays piano', "Margaret's knitting", 'retired joiner', 'knitting-first-name', 'joiner-via-connector', 'piano-gift'];

describe('Open Referral UK services in the built sites', () => {
	for (const site of BUILT) {
		it(`${site.name}: every services.json is valid against the official schema, and its links lead to pages`, () => {
			const files = listFiles(site.dist).filter((f) => f.endsWith('services.json'));
			const hoods = listFiles(site.dist).filter((f) => /^[a-z0-9-]+\/whats-on\/index\.html$/.test(f));
			expect(files).toContain('services.json');
			expect(files.length).toBe(hoods.length + 1);
			let services = 0;
			for (const file of files) {
				const text = read(site.dist, file);
				// Written without layout, which only made the files 40% larger (jsonFile in src/data/published.ts).
				expect({ file, lines: text.split('\n').length }).toEqual({ file, lines: 2 });
				const page = JSON.parse(text);
				expect({ file, problems: pageProblems(page) }).toEqual({ file, problems: [] });
				for (const service of page.contents) {
					services++;
					expect({ file, service: service.name, problems: serviceProblems(service), unknown: unknownFields(service) }).toEqual({
						file,
						service: service.name,
						problems: [],
						unknown: [],
					});
					const target = fileOf(site.dist, site.origin, site.base, service.url);
					expect(target && existsSync(target), `${service.url} is a page of the site`).toBe(true);
				}
			}
			expect(services).toBeGreaterThan(4);
		});
	}

	it('the whole site is every neighbourhood together, each service once', () => {
		const all = JSON.parse(read(dist, 'services.json'));
		const parts = ['testwick', 'otherby'].flatMap((n) => JSON.parse(read(dist, `${n}/services.json`)).contents);
		expect(all.contents.map((s: { id: string }) => s.id).sort()).toEqual(parts.map((s: { id: string }) => s.id).sort());
		expect(new Set(all.contents.map((s: { id: string }) => s.id)).size).toBe(all.total_items);
		expect(all.contents.map((s: { name: string }) => s.name).sort()).toEqual(['Monthly Lunch', 'Other Cafe', 'Quiet Garden', 'Weekly Group']);
	});

	it('leaves out every gift, and never names a person consent withholds, in any output', () => {
		for (const file of ['services.json', 'testwick/services.json', 'testwick/calendar.ics', 'testwick/stories.xml', 'stories.xml', 'sitemap.xml']) {
			const text = read(dist, file);
			for (const word of GIFT_WORDS.filter((w) => !(file.endsWith('sitemap.xml') && /-/.test(w)))) {
				expect(text.includes(word), `${file} mentions "${word}"`).toBe(false);
			}
		}
		for (const file of listFiles(dist).filter((f) => /\.(html|json|ics|xml|txt|svg)$/.test(f))) {
			const text = read(dist, file);
			expect(text.includes('Zzholt') || text.includes('Qqlumb'), `${file} names a person whose consent withholds it`).toBe(false);
		}
	});
});

describe('stable ids and reproducible files', () => {
	let first: string;
	let second: string;
	beforeAll(() => {
		// The same content built twice, on different days: nothing may change.
		const content = path.join(ROOT, 'test/fixtures/surgeries');
		first = buildOrThrow({ name: 'surgeries-a', contentDir: content, today: '2026-06-01' });
		second = buildOrThrow({ name: 'surgeries-b', contentDir: content, today: '2026-06-15' });
	});

	it('gives every service and event the same id in both builds, byte for byte the same files', () => {
		for (const file of ['services.json', 'fernley/services.json', 'fernley/calendar.ics', 'fernley/stories.xml', 'sitemap.xml']) {
			expect(read(second, file), file).toBe(read(first, file));
		}
		const ids = JSON.parse(read(first, 'services.json')).contents.map((s: { id: string }) => s.id);
		expect(ids.length).toBe(5);
		expect(new Set(ids).size).toBe(5);
	});

	it('validates the richer fixture too, and its calendar expands the first and third Tuesday', () => {
		for (const service of JSON.parse(read(first, 'services.json')).contents) {
			expect(serviceProblems(service)).toEqual([]);
		}
		const calendar = parseCalendar(read(first, 'fernley/calendar.ics'));
		expect(calendar.properties['X-WR-CALNAME']).toBe('Fernley & Mill "Green": what\'s on');
		const tea = calendar.events.find((e) => e.summary === 'Tea dance');
		expect(tea?.occurrences(4).map((o) => o.local)).toEqual(['2026-01-20T14:00:00', '2026-02-03T14:00:00', '2026-02-17T14:00:00', '2026-03-03T14:00:00']);
	});

	it('keeps the iframe and link snippets for surgeries valid HTML when a name needs escaping', () => {
		const page = readPage(first, '/for-surgeries/');
		expect(page.querySelector('#embed-fernley')?.textContent).toBe(
			'<iframe src="https://surgeries.example.org/fernley/embed/" title="Fernley &amp; Mill &quot;Green&quot; neighbourhood guide: someone to ask and what\'s on" width="100%" height="640" loading="lazy"></iframe>',
		);
		expect(page.querySelector('#link-html-fernley')?.textContent).toBe(
			'<a href="https://surgeries.example.org/fernley/">Fernley &amp; Mill &quot;Green&quot; neighbourhood guide</a>',
		);
	});
});

describe('calendars in the built sites', () => {
	for (const site of BUILT) {
		it(`${site.name}: each calendar.ics parses, in Europe/London, with events that link to pages`, () => {
			const files = listFiles(site.dist).filter((f) => f.endsWith('calendar.ics'));
			expect(files.length).toBeGreaterThan(1);
			for (const file of files) {
				const calendar = parseCalendar(read(site.dist, file));
				expect(calendar.timezones).toEqual(['Europe/London']);
				for (const event of calendar.events) {
					expect(event.allDay || event.zone === 'Europe/London', `${file}: ${event.summary}`).toBe(true);
					expect(event.occurrences(3)).toHaveLength(3);
					const target = event.url && fileOf(site.dist, site.origin, site.base, event.url);
					expect(target && existsSync(target), `${event.url}`).toBe(true);
				}
			}
		});
	}

	it('expands the monthly lunch (first and third Thursday) to the right dates', () => {
		const calendar = parseCalendar(read(dist, 'testwick/calendar.ics'));
		const lunch = calendar.events.find((e) => e.summary === 'Monthly Lunch');
		expect(lunch?.rrule).toBe('FREQ=MONTHLY;BYDAY=1TH,3TH');
		expect(lunch?.occurrences(6).map((o) => o.local)).toEqual([
			'2026-05-07T12:00:00',
			'2026-05-21T12:00:00',
			'2026-06-04T12:00:00',
			'2026-06-18T12:00:00',
			'2026-07-02T12:00:00',
			'2026-07-16T12:00:00',
		]);
		// Margaret's knitting (a gift, second and fourth Monday) is not there.
		expect(calendar.events.map((e) => e.summary).sort()).toEqual(['Monthly Lunch', 'Weekly Group']);
	});
});

describe('QR codes', () => {
	const decodePng = (file: string) => {
		const png = PNG.sync.read(readFileSync(file));
		return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data;
	};

	it('qr.png decodes to the guide\'s address, with the base path when there is one', () => {
		expect(decodePng(path.join(dist, 'testwick/qr.png'))).toBe(`${SITE}/testwick/`);
		expect(decodePng(path.join(dist, 'otherby/qr.png'))).toBe(`${SITE}/otherby/`);
		expect(decodePng(path.join(outDirOf('fixtureUnderBase'), 'testwick/qr.png'))).toBe(`${SITE}/guides/testwick/`);
	});

	it('qr.svg is an SVG of the same code (decoded in Chromium by test/browser/surgeries.test.ts)', () => {
		const svg = read(dist, 'testwick/qr.svg');
		expect(svg).toMatch(/^<svg[^>]+viewBox="0 0 \d+ \d+"/);
	});
});

describe('feeds, sitemap and robots.txt', () => {
	it('story feeds are valid RSS whose items lead to pages', () => {
		for (const file of ['stories.xml', 'testwick/stories.xml', 'otherby/stories.xml']) {
			const text = read(dist, file);
			expect(XMLValidator.validate(text), file).toBe(true);
			const items = [xml.parse(text).rss.channel.item].flat().filter(Boolean) as Array<{ link: string }>;
			expect(items.length, file).toBeGreaterThan(0);
			for (const item of items) expect(existsSync(fileOf(dist, SITE, '/', item.link) ?? ''), item.link).toBe(true);
		}
		const all = [xml.parse(read(dist, 'stories.xml')).rss.channel.item].flat() as Array<{ title: string }>;
		expect(all.map((i) => i.title)).toEqual(['Next door', 'Singing again', 'How I found the Weekly Group']);
	});

	it('the sitemap lists pages to find, each built and indexable, and no redirect, embed or poster', () => {
		for (const site of BUILT) {
			const text = read(site.dist, 'sitemap.xml');
			expect(XMLValidator.validate(text)).toBe(true);
			const locs = ([xml.parse(text).urlset.url].flat() as Array<{ loc: string }>).map((u) => u.loc);
			expect(locs.length).toBeGreaterThan(10);
			for (const loc of locs) {
				const file = fileOf(site.dist, site.origin, site.base, loc);
				expect(file && existsSync(file), `${site.name}: ${loc}`).toBe(true);
				expect(readPage(site.dist, `/${path.relative(site.dist, file!)}`).querySelector('meta[name=robots]'), loc).toBeNull();
			}
			expect(locs.filter((l) => /old-lunch|singing-for-memory|\/embed\/|\/poster\/|\/print\//.test(l))).toEqual([]);
			expect(locs).toContain(`${site.origin}${site.base}for-surgeries/`);
		}
	});

	it('robots.txt points at the sitemap', () => {
		expect(read(dist, 'robots.txt')).toContain(`Sitemap: ${SITE}/sitemap.xml`);
		expect(read(outDirOf('fixtureUnderBase'), 'robots.txt')).toContain(`Sitemap: ${SITE}/guides/sitemap.xml`);
	});
});

describe('a site with no address yet', () => {
	let noUrl: string;
	beforeAll(() => {
		const content = path.join(OUT, 'no-url-content');
		cpSync(path.join(ROOT, 'test/fixtures/site'), content, { recursive: true });
		const siteYaml = path.join(content, 'site.yaml');
		writeFileSync(siteYaml, readFileSync(siteYaml, 'utf8').replace(/^url:.*$/m, ''));
		noUrl = buildOrThrow({ name: 'no-url', contentDir: content, today: FIXTURE_TODAY });
	});

	it('builds, with no open data, feeds, QR codes or posters, and says so on the page for surgeries', () => {
		const files = listFiles(noUrl);
		expect(files.filter((f) => /services\.json|calendar\.ics|stories\.xml|sitemap\.xml|qr\.(svg|png)|poster\//.test(f))).toEqual([]);
		expect(files).toContain('testwick/embed/index.html');
		expect(read(noUrl, 'robots.txt')).toBe('User-agent: *\nAllow: /\n');
		const text = readPage(noUrl, '/for-surgeries/').querySelector('main')?.textContent ?? '';
		expect(text).toContain('This site has no web address set yet');
	});
});
