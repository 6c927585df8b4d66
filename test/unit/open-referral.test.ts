/**
 * Open Referral UK export, without a build: every service valid against the
 * official schema, only fields it defines, gifts never, and each rule of the
 * mapping (schedules, costs, places, ids) pinned.
 */
import { describe, expect, it } from 'vitest';
import { servicePage, singlePrice, splitAddress, type OrukService } from '../../src/lib/exports/open-referral.ts';
import { guideFrom } from '../helpers/guide.ts';
import { pageProblems, serviceProblems, unknownFields } from '../helpers/oruk.ts';

const guide = guideFrom('test/fixtures/surgeries', '2026-06-01');
const at = { siteUrl: 'https://surgeries.example.org/', base: '/' };
const page = servicePage(guide, guide.neighbourhoods, at);
const byName = (name: string): OrukService => {
	const found = page.contents.find((s) => s.name === name);
	if (!found) throw new Error(`no service called ${name}`);
	return found;
};

describe('Open Referral UK services', () => {
	it('is a page of every entry but the gift, each valid against the official schema', () => {
		expect(pageProblems(page as unknown as Record<string, unknown>)).toEqual([]);
		expect(page.contents.map((s) => s.name).sort()).toEqual([
			'Coffee, cake; and chat',
			'Last Friday supper',
			'Lift scheme',
			'Saturday market',
			'Tea dance',
		]);
		for (const service of page.contents) {
			expect({ name: service.name, problems: serviceProblems(service) }).toEqual({ name: service.name, problems: [] });
			expect({ name: service.name, unknown: unknownFields(service) }).toEqual({ name: service.name, unknown: [] });
		}
	});

	it('the schema check can fail: a broken service is reported', () => {
		const broken = { ...byName('Tea dance'), id: 'tea-dance', status: 'open', schedules: [{ id: byName('Tea dance').id, freq: 'DAILY' }] };
		expect(serviceProblems(broken).join('\n')).toMatch(/\/id must match format "uuid"[\s\S]*\/status must be equal to one of the allowed values[\s\S]*\/schedules\/0\/freq/);
		expect(unknownFields({ ...byName('Tea dance'), phone: '0113' })).toEqual([expect.stringContaining('must NOT have additional properties')]);
	});

	it('never exports a neighbour\'s gift, not even a word of it', () => {
		const text = JSON.stringify(page);
		expect(text).not.toContain('Nell');
		expect(text).not.toContain('Vvorrin');
		expect(text).not.toContain('baby-knits');
	});

	it('writes the first and third Tuesday as an RFC 5545 rule with local times', () => {
		const [schedule] = byName('Tea dance').schedules;
		expect(schedule).toMatchObject({
			freq: 'MONTHLY',
			interval: 1,
			byday: '1TU,3TU',
			opens_at: '14:00',
			closes_at: '16:00',
			// The first occurrence on or after last_checked (2026-01-15).
			dtstart: '2026-01-20',
			description: 'First and third Tuesday of the month, 2pm to 4pm',
			notes: 'Times are local time (Europe/London).',
		});
		expect(byName('Last Friday supper').schedules[0]).toMatchObject({ freq: 'MONTHLY', byday: '-1FR', dtstart: '2026-05-29' });
	});

	it('keeps each time of an entry, with its note, and a day with no time as a rule without hours', () => {
		const coffee = byName('Coffee, cake; and chat').schedules;
		expect(coffee.map((s) => [s.freq, s.byday, s.opens_at, s.closes_at])).toEqual([
			['WEEKLY', 'WE', '10:00', undefined],
			['MONTHLY', '2MO,4MO', '09:30', '11:00'],
		]);
		expect(coffee[0].description).toBe('Every Wednesday, from 10am: in the back room');
		const [market] = byName('Saturday market').schedules;
		expect(market).toMatchObject({ freq: 'WEEKLY', byday: 'SA', notes: 'Weather permitting.' });
		expect(market.opens_at).toBeUndefined();
	});

	it('gives an entry with no regular time one schedule in words, with no rule', () => {
		expect(byName('Lift scheme').schedules).toEqual([
			{
				id: expect.any(String),
				service_id: byName('Lift scheme').id,
				description: 'By arrangement, ring two days ahead.',
				attending_type: 'Ring the scheme to register.',
			},
		]);
	});

	it('says how to join, and that there is no referral, in the description', () => {
		expect(byName('Tea dance').description).toBe(
			'Dancing to records, then tea and cake. Just turn up: you do not need to book, and you do not need a referral.',
		);
		expect(byName('Last Friday supper').description).toBe('A shared supper on the last Friday of the month. Ring Rowan by the Wednesday before.');
	});

	it('dates the check, names who keeps it, and warns when it is old', () => {
		const tea = byName('Tea dance');
		expect(tea.assured_date).toBe('2026-01-15');
		expect(tea.assurer_email).toBe('fernley@example.org');
		expect(tea.alert).toBeUndefined();
		expect(byName('Lift scheme').alert).toBe('Not checked since November 2024. It may have changed: check before you go.');
	});

	it('gives costs in words, with an amount only when there is one price', () => {
		expect(byName('Tea dance').cost_options[0]).toMatchObject({ option: 'Costs money', amount: 2.5, amount_description: '£2.50 a session, first one free.' });
		expect(byName('Saturday market').cost_options[0]).toMatchObject({ option: 'Free', amount: 0 });
		const supper = byName('Last Friday supper').cost_options[0];
		expect(supper.option).toBe('Pay what you can');
		expect(supper.amount).toBeUndefined();
		expect(byName('Coffee, cake; and chat').cost_options[0].amount).toBe(0.8);
	});

	it('places an entry, with its address, position and accessibility', () => {
		const { location } = byName('Tea dance').service_at_locations[0];
		expect(location).toMatchObject({
			location_type: 'physical',
			name: "St Mary's Hall",
			description: 'The side door, by the ramp.',
			latitude: 53.8,
			longitude: -1.55,
			addresses: [{ address_1: '3 Church Lane', city: 'Fernley Town', postal_code: 'FE1 2AB', country: 'GB', address_type: 'physical' }],
		});
		expect(location.accessibility.map((a) => a.accessibility)).toEqual(['Step-free', 'Hearing loop']);
		// A place with no postcode has no postal address; no place at all, no location.
		expect(byName('Saturday market').service_at_locations[0].location.addresses).toEqual([]);
		expect(byName('Lift scheme').service_at_locations).toEqual([]);
	});

	it('links to the entry in the guide, and themes and access as taxonomy terms', () => {
		const tea = byName('Tea dance');
		expect(tea.url).toBe('https://surgeries.example.org/fernley/assets/tea-dance/');
		expect(tea.attributes.map((a) => a.taxonomy_term.term)).toEqual(['music-and-dancing', 'company-and-a-cuppa', 'step-free', 'hearing-loop']);
		expect(tea.organization).toMatchObject({ name: 'Tea dance', website: 'https://example.org/hall', email: 'hall@example.org' });
	});

	it('has ids that are unique, the same every time, and tied to the site', () => {
		const all = page.contents.flatMap((s) => [
			s.id,
			s.organization_id,
			...s.schedules.map((x) => x.id),
			...s.cost_options.map((x) => x.id),
			...s.service_at_locations.flatMap((x) => [x.id, x.location.id, ...x.location.addresses.map((a) => a.id), ...x.location.accessibility.map((a) => a.id)]),
			...s.attributes.map((x) => x.id),
		]);
		expect(new Set(all).size).toBe(all.length);
		// Built another day: the same ids.
		const later = guideFrom('test/fixtures/surgeries', '2026-06-20');
		const again = servicePage(later, later.neighbourhoods, at);
		expect(again.contents.map((s) => s.id)).toEqual(page.contents.map((s) => s.id));
		const elsewhere = servicePage(guide, guide.neighbourhoods, { siteUrl: 'https://elsewhere.example.org/', base: '/' });
		expect(elsewhere.contents[0].id).not.toBe(page.contents[0].id);
	});

	it('refuses to turn a gift into a service if asked directly', async () => {
		const { toService } = await import('../../src/lib/exports/open-referral.ts');
		const { idsFor } = await import('../../src/lib/ids.ts');
		const hood = guide.neighbourhoods[0];
		const gift = hood.assets.find((a) => a.data.kind === 'gift');
		expect(gift).toBeDefined();
		expect(() => toService(guide, hood, gift!, idsFor('https://x.example/'), at)).toThrow("is a neighbour's gift");
	});
});

describe('prices and addresses in words', () => {
	it.each([
		['£3.50, including tea and a scone.', 3.5],
		['£1 a person to enter.', 1],
		['50p a family if you can.', 0.5],
		['Tea £1.20, toasties £3.80.', undefined],
		['Pay what you can.', undefined],
		[undefined, undefined],
	])('singlePrice(%j) is %j', (note, amount) => {
		expect(singlePrice(note)).toBe(amount);
	});

	it('takes the town from the last part of an address, and never guesses one', () => {
		expect(splitAddress('Unit 4, Chantry Business Park, Kirkby Vale')).toEqual({ address_1: 'Unit 4, Chantry Business Park', city: 'Kirkby Vale' });
		expect(splitAddress('1 Test Street')).toEqual({ address_1: '1 Test Street', city: '' });
	});
});
