import { describe, expect, it } from 'vitest';
import { neighbourhoodSchema, siteSchema, storySchema, themesSchema } from '../../src/schema/index.ts';
import { messages, parsed } from '../helpers/schema.ts';

const today = new Date('2026-06-01T00:00:00Z');

describe('site schema', () => {
	it('accepts the settings and fills defaults', () => {
		const site = parsed(siteSchema(), { title: 'Good Life Guides for Northtown' });
		expect(site).toEqual({ title: 'Good Life Guides for Northtown', language: 'en-GB', timezone: 'Europe/London', stale_after_months: 12 });
		expect(parsed(siteSchema(), { title: 'x', suggest: 'https://example.org/form' }).suggest).toBe('https://example.org/form');
	});

	it('rejects each invalid setting', () => {
		expect(
			messages(siteSchema(), {
				title: 'x',
				url: 'guides.example.org',
				language: 'english please',
				timezone: 'London',
				suggest: 'tell us',
				stale_after_months: 1.5,
				edit_url: 'ftp://x',
			}),
		).toMatchInlineSnapshot(`
			[
			  "url: "guides.example.org" is not a web address (write it in full, starting with https://)",
			  "language: "english please" is not a language code (use a code such as "en-GB", "pl" for Polish or "pa" for Punjabi)",
			  "timezone: "London" is not a time zone (use a name such as "Europe/London")",
			  "edit_url: "ftp://x" is not a web address (write it in full, starting with https://)",
			  "suggest: "tell us" is not a web address or email link (write "https://..." or "mailto:name@example.org")",
			  "stale_after_months: should be a whole number of months (like 12)",
			]
		`);
		expect(messages(siteSchema(), {})).toMatchInlineSnapshot(`
			[
			  "title: is missing (add a line like title: Knit and Natter)",
			]
		`);
	});
});

describe('themes schema', () => {
	it('accepts a list of themes', () => {
		expect(parsed(themesSchema(), [{ id: 'food', label: 'Food' }])).toEqual([{ id: 'food', label: 'Food' }]);
	});

	it('rejects duplicate ids, bad ids and a non-list', () => {
		expect(
			messages(themesSchema(), [
				{ id: 'food', label: 'Food' },
				{ id: 'food', label: 'More food' },
				{ id: 'Music & Singing', label: 'Music' },
			]),
		).toMatchInlineSnapshot(`
			[
			  "id: "Music & Singing" is not a valid theme id (use lowercase letters a-z, digits and single hyphens, like "music-and-singing")",
			  "id: "food" is used by two themes (give each theme its own id)",
			]
		`);
		expect(messages(themesSchema(), { food: 'Food' })).toMatchInlineSnapshot(`
			[
			  "should be a list of themes (start each one with "- id:")",
			]
		`);
	});
});

describe('neighbourhood schema', () => {
	const valid = { name: 'Mill Lane', summary: 'Terraces by the river.', area: 'Mill Lane to the canal', maintained_by: { name: 'Mill Lane Residents' } };

	it('accepts a neighbourhood with connectors and surgeries', () => {
		const hood = parsed(neighbourhoodSchema(), {
			...valid,
			population: 4200,
			languages: ['en-GB', 'pa'],
			connectors: [{ name: 'Amina', role: 'Connector', phone: '0113 496 0000', email: 'amina@example.org', when: 'Mornings' }],
			surgeries: [{ name: 'Vale Surgery', url: 'https://example.org' }],
		});
		expect(hood.connectors).toHaveLength(1);
		expect(parsed(neighbourhoodSchema(), valid).connectors).toEqual([]);
	});

	it('rejects each invalid field', () => {
		expect(
			messages(neighbourhoodSchema(), {
				name: 'Mill Lane',
				summary: 'x'.repeat(201),
				population: 'about 4000',
				connectors: [{ nmae: 'Amina', phone: 'ring the centre' }],
				maintained_by: 'Mill Lane Residents',
			}),
		).toMatchInlineSnapshot(`
			[
			  "summary: is 201 characters long (keep it to 200 or fewer)",
			  "area: is missing (add the streets and landmarks, like area: Mill Lane, Brook Street and the green)",
			  "population: should be a whole number (like 4200)",
			  "connectors[0].phone: "ring the centre" is not a UK phone number (write it with its area code, like "0113 496 0123" or "07700 900123")",
			  "connectors[0].nmae: "nmae" is not a field here (did you mean "name"?)",
			  "maintained_by: should be a group of fields, not the text "Mill Lane Residents" (indent the fields below it, such as name:, email: or url:)",
			]
		`);
	});
});

describe('story schema', () => {
	const schema = storySchema({ themeIds: ['food'], today });
	const valid = {
		title: 'How I found the lunch club',
		summary: 'A story.',
		author: 'Jean, Mill Lane',
		date: '2026-03-01',
		consent: { given: true, date: '2026-03-01' },
	};

	it('accepts a story and fills defaults', () => {
		const story = parsed(schema, { ...valid, themes: ['food'], assets: ['lunch-club', 'other-place/garden'], language: 'pl' });
		expect(story.assets).toEqual(['lunch-club', 'other-place/garden']);
		expect(parsed(schema, valid).assets).toEqual([]);
	});

	it('rejects each invalid field', () => {
		expect(
			messages(schema, {
				...valid,
				date: '2026-07-01',
				themes: ['fod'],
				assets: ['Lunch Club', 'a/b/c'],
				consent: { given: false, date: '2026-03-01' },
			}),
		).toMatchInlineSnapshot(`
			[
			  "date: 2026-07-01 is in the future (date cannot be later than today, 2026-06-01)",
			  "themes[0]: "fod" is not a theme (did you mean "food"? use one of the ids in content/themes.yaml: food)",
			  "assets[0]: "Lunch Club" is not an asset name (use the asset's file name without ".md", like "lunch-club", or "other-neighbourhood/lunch-club" for one in another neighbourhood)",
			  "assets[1]: "a/b/c" is not an asset name (use the asset's file name without ".md", like "singing-together", or "other-neighbourhood/singing-together" for one in another neighbourhood)",
			  "consent.given: must be true: publish a story only when its author has agreed (until they do, add draft: true)",
			]
		`);
		expect(messages(schema, { ...valid, consent: undefined, author: undefined })).toMatchInlineSnapshot(`
			[
			  "author: is missing (add the author as they chose to be named, like author: Jean, Mill Lane)",
			  "consent: is missing (add the author's agreement, like consent: { given: true, date: 2026-03-14 })",
			]
		`);
	});
});
