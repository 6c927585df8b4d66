/**
 * The guides as Open Referral UK (version 3.0) services: the format council
 * service directories and social prescribing systems import.
 *
 * Made from the guide query layer only, so drafts are gone and consent is
 * applied. Neighbours' gifts are private people and are never exported.
 *
 * How the guide's entries map onto the standard (../shared/openreferral-uk/):
 *
 * - A service per entry; its `url` is the entry's page in the guide, which
 *   always has the full details (the standard has no field for a phone).
 * - The entry is also its own `organization`: a group runs itself, and the
 *   guide does not record who is behind it. The association that keeps the
 *   guide is the `assurer_email`, and `assured_date` is `last_checked`.
 * - Each regular time is a `schedule` with an RFC 5545 rule (`freq`, `byday`:
 *   first and third Tuesday is MONTHLY, "1TU,3TU"), local opening and closing
 *   times, and `dtstart` on the first occurrence after the entry was checked.
 *   An entry with no regular time ("by arrangement", "open in daylight hours")
 *   gets one schedule with its words as `description` and no rule, so
 *   importers neither lose it nor invent a rule for it.
 * - Cost: one `cost_option` in the guide's words, with an `amount` in pounds
 *   only when the note names exactly one price (free is 0).
 * - Place: a physical `location` with its accessibility; an `address` when
 *   there is a postcode (the town is the last part of the address, if it has
 *   more than one part).
 * - Themes and access features are also `attributes`, with terms from the
 *   guide's own taxonomies.
 * - Entries not checked for longer than the site allows carry an `alert`.
 */
import type { Guide, GuideAsset, GuideNeighbourhood } from '../guide.ts';
import { isPrivatePerson } from '../consent.ts';
import { idsFor, type Ids } from '../ids.ts';
import { ACCESS_LABELS, COST_LABELS } from '../labels.ts';
import { firstOccurrence, rruleParts, whenItemInWords } from '../schedule.ts';
import { monthYear } from '../words.ts';
import { isoDate, publicUrl, siteAddress, type PublishedAt } from './context.ts';

/** The parts of the Open Referral UK 3.0 service that the guides fill. */
export interface OrukService {
	id: string;
	organization_id: string;
	name: string;
	description: string;
	url: string;
	email?: string;
	status: 'active';
	assured_date: string;
	assurer_email?: string;
	alert?: string;
	schedules: OrukSchedule[];
	service_at_locations: OrukServiceAtLocation[];
	organization: OrukOrganization;
	cost_options: OrukCostOption[];
	contacts: { id: string; service_id: string; name: string }[];
	attributes: OrukAttribute[];
}

export interface OrukSchedule {
	id: string;
	service_id: string;
	freq?: 'WEEKLY' | 'MONTHLY';
	interval?: number;
	byday?: string;
	dtstart?: string;
	opens_at?: string;
	closes_at?: string;
	description: string;
	notes?: string;
	attending_type?: string;
}

export interface OrukOrganization {
	id: string;
	name: string;
	description: string;
	email?: string;
	website?: string;
}

export interface OrukServiceAtLocation {
	id: string;
	service_id: string;
	location_id: string;
	location: {
		id: string;
		location_type: 'physical';
		name: string;
		description?: string;
		latitude?: number;
		longitude?: number;
		addresses: OrukAddress[];
		accessibility: { id: string; location_id: string; description: string; accessibility: string }[];
	};
}

export interface OrukAddress {
	id: string;
	location_id: string;
	address_1: string;
	city: string;
	state_province: string;
	postal_code: string;
	country: 'GB';
	address_type: 'physical';
}

export interface OrukCostOption {
	id: string;
	service_id: string;
	option: string;
	amount?: number;
	amount_description?: string;
}

export interface OrukAttribute {
	id: string;
	link_id: string;
	taxonomy_term_id: string;
	taxonomy_term: {
		id: string;
		name: string;
		description: string;
		taxonomy: string;
		term: string;
	};
}

/** A list as the standard's API pages it (`GET /services`): all in one page, for a static file. */
export interface OrukServicePage {
	total_items: number;
	total_pages: number;
	page_number: number;
	size: number;
	first_page: boolean;
	last_page: boolean;
	empty: boolean;
	contents: OrukService[];
}

/**
 * Services in each file of the site-wide open data: `/services.json` is the
 * first page, `/services/2.json` the second, and so on (`total_pages` says
 * how many). A network of thousands of neighbourhoods has hundreds of
 * thousands of entries: in one file that would be gigabytes, more than any
 * host serves or any importer wants in one go. A neighbourhood's own file is
 * never split.
 */
export const SERVICES_PER_PAGE = 1000;

/** The site-wide services in pages of `perPage`; always at least one page. */
export function servicePages(guide: Guide, neighbourhoods: readonly GuideNeighbourhood[], at: PublishedAt, perPage = SERVICES_PER_PAGE): OrukServicePage[] {
	const all = servicePage(guide, neighbourhoods, at).contents;
	const pages = Math.max(1, Math.ceil(all.length / perPage));
	return Array.from({ length: pages }, (_, i) => {
		const contents = all.slice(i * perPage, (i + 1) * perPage);
		return {
			total_items: all.length,
			total_pages: pages,
			page_number: i + 1,
			size: contents.length,
			first_page: i === 0,
			last_page: i === pages - 1,
			empty: all.length === 0,
			contents,
		};
	});
}

/**
 * Each entry's service, made once per build: the site's `/services.json` has
 * every entry that the neighbourhoods' own files already have, and on a
 * network of thousands of entries making them twice costs seconds.
 */
const made = new WeakMap<GuideAsset, { address: string; service: OrukService }>();

/** The services of some neighbourhoods (all of them for the site's `/services.json`), A to Z within each. */
export function servicePage(guide: Guide, neighbourhoods: readonly GuideNeighbourhood[], at: PublishedAt): OrukServicePage {
	const address = siteAddress(at);
	const ids = idsFor(address);
	const serviceOf = (hood: GuideNeighbourhood, asset: GuideAsset) => {
		const known = made.get(asset);
		if (known?.address === address) return known.service;
		const service = toService(guide, hood, asset, ids, at);
		made.set(asset, { address, service });
		return service;
	};
	const contents = neighbourhoods.flatMap((hood) => hood.assets.filter((asset) => !isPrivatePerson(asset.data)).map((asset) => serviceOf(hood, asset)));
	return {
		total_items: contents.length,
		total_pages: 1,
		page_number: 1,
		size: contents.length,
		first_page: true,
		last_page: true,
		empty: contents.length === 0,
		contents,
	};
}

/** One entry as a service. Callers must not pass gifts (servicePage leaves them out). */
export function toService(guide: Guide, hood: GuideNeighbourhood, asset: GuideAsset, ids: Ids, at: PublishedAt): OrukService {
	if (isPrivatePerson(asset.data)) {
		throw new Error(`${asset.contentPath} is a neighbour's gift: private people are never exported as open data`);
	}
	const data = asset.data;
	const key = `${asset.n}/${asset.slug}`;
	const serviceId = ids.id('service', key);
	const organizationId = ids.id('organization', key);
	const joining = joiningInWords(asset);
	const service: OrukService = {
		id: serviceId,
		organization_id: organizationId,
		name: data.title,
		description: [data.summary, joining].join(' '),
		url: publicUrl(at, asset.path),
		...(data.contact?.email ? { email: data.contact.email } : {}),
		status: 'active',
		assured_date: isoDate(data.last_checked),
		...(hood.data.maintained_by.email ? { assurer_email: hood.data.maintained_by.email } : {}),
		...(asset.stale
			? { alert: `Not checked since ${monthYear(data.last_checked)}. It may have changed: check before you go.` }
			: {}),
		schedules: schedules(guide, asset, serviceId, ids, joining),
		service_at_locations: locations(asset, serviceId, ids),
		organization: {
			id: organizationId,
			name: data.title,
			description: data.summary,
			...(data.contact?.email ? { email: data.contact.email } : {}),
			...(data.contact?.website ? { website: data.contact.website } : {}),
		},
		cost_options: [costOption(asset, serviceId, ids)],
		contacts: data.contact?.name ? [{ id: ids.id('contact', key), service_id: serviceId, name: data.contact.name }] : [],
		attributes: attributes(guide, asset, serviceId, ids),
	};
	return service;
}

/** "Just turn up: no booking, no referral needed." or the entry's own words on joining. */
export function joiningInWords(asset: GuideAsset): string {
	const data = asset.data;
	if (data.just_turn_up) return 'Just turn up: you do not need to book, and you do not need a referral.';
	if (data.how_to_join) return data.how_to_join;
	return 'Get in touch first.';
}

function schedules(guide: Guide, asset: GuideAsset, serviceId: string, ids: Ids, joining: string): OrukSchedule[] {
	const data = asset.data;
	const key = `${asset.n}/${asset.slug}`;
	const when = data.when ?? [];
	if (when.length === 0) {
		if (!data.when_note) return [];
		return [{ id: ids.id('schedule', `${key}#note`), service_id: serviceId, description: data.when_note, attending_type: joining }];
	}
	const timesNote = `Times are local time (${guide.site.timezone}).`;
	return when.map((item, index) => {
		const { freq, byDay } = rruleParts(item);
		return {
			id: ids.id('schedule', `${key}#${index}`),
			service_id: serviceId,
			freq,
			interval: 1,
			byday: byDay,
			dtstart: isoDate(firstOccurrence(item, data.last_checked)),
			...(item.start ? { opens_at: item.start } : {}),
			...(item.end ? { closes_at: item.end } : {}),
			description: item.note ? `${whenItemInWords(item)}: ${item.note}` : whenItemInWords(item),
			...notes([data.when_note, item.start ? timesNote : undefined]),
			attending_type: joining,
		};
	});
}

function notes(parts: (string | undefined)[]): { notes?: string } {
	const text = parts.filter(Boolean).join(' ');
	return text ? { notes: text } : {};
}

function locations(asset: GuideAsset, serviceId: string, ids: Ids): OrukServiceAtLocation[] {
	const where = asset.data.where;
	if (!where || !(where.place || where.address || where.postcode || where.lat !== undefined)) return [];
	const key = `${asset.n}/${asset.slug}`;
	const locationId = ids.id('location', key);
	const name = where.place ?? where.address ?? asset.data.title;
	return [
		{
			id: ids.id('service_at_location', key),
			service_id: serviceId,
			location_id: locationId,
			location: {
				id: locationId,
				location_type: 'physical',
				name,
				...(where.directions ? { description: where.directions } : {}),
				...(where.lat !== undefined && where.lng !== undefined ? { latitude: where.lat, longitude: where.lng } : {}),
				addresses: where.postcode
					? [{ id: ids.id('address', key), location_id: locationId, ...splitAddress(where.address ?? where.place ?? ''), state_province: '', postal_code: where.postcode, country: 'GB', address_type: 'physical' }]
					: [],
				accessibility: asset.data.access.map((feature) => ({
					id: ids.id('accessibility', `${key}/${feature}`),
					location_id: locationId,
					description: ACCESS_LABELS[feature],
					accessibility: ACCESS_LABELS[feature],
				})),
			},
		},
	];
}

/**
 * "Unit 4, Chantry Business Park, Kirkby Vale" → address_1 "Unit 4, Chantry
 * Business Park", city "Kirkby Vale". An address of one part has no town we
 * can tell, so `city` is left empty rather than guessed.
 */
export function splitAddress(address: string): { address_1: string; city: string } {
	const parts = address.split(',').map((part) => part.trim()).filter(Boolean);
	if (parts.length < 2) return { address_1: parts[0] ?? '', city: '' };
	return { address_1: parts.slice(0, -1).join(', '), city: parts[parts.length - 1] };
}

function costOption(asset: GuideAsset, serviceId: string, ids: Ids): OrukCostOption {
	const { cost, cost_note: note } = asset.data;
	const amount = cost === 'free' ? 0 : singlePrice(note);
	return {
		id: ids.id('cost', `${asset.n}/${asset.slug}`),
		service_id: serviceId,
		option: COST_LABELS[cost],
		...(amount !== undefined ? { amount } : {}),
		...(note ? { amount_description: note } : {}),
	};
}

/**
 * The price in pounds when a note names exactly one: "£3.50, including tea" → 3.5,
 * "50p a family" → 0.5. Notes with several prices ("Tea £1.20, toast £2") → undefined.
 */
export function singlePrice(note: string | undefined): number | undefined {
	if (!note) return undefined;
	const prices = [...note.matchAll(/£\s?(\d+(?:\.\d{1,2})?)|\b(\d+)p\b/g)].map((m) =>
		m[1] !== undefined ? Number(m[1]) : Number(m[2]) / 100,
	);
	return prices.length === 1 ? prices[0] : undefined;
}

interface Term {
	group: 'theme' | 'access';
	term: string;
	name: string;
	description: string;
	taxonomy: string;
}

function attributes(guide: Guide, asset: GuideAsset, serviceId: string, ids: Ids): OrukAttribute[] {
	const key = `${asset.n}/${asset.slug}`;
	const terms: Term[] = [
		...asset.data.themes.flatMap((themeId): Term[] => {
			const theme = guide.themeById.get(themeId);
			if (!theme) return [];
			const taxonomy = `${guide.site.title}: what matters to you`;
			return [{ group: 'theme', term: theme.id, name: theme.label, description: theme.description ?? theme.label, taxonomy }];
		}),
		...asset.data.access.map((feature): Term => {
			const label = ACCESS_LABELS[feature];
			return { group: 'access', term: feature, name: label, description: label, taxonomy: `${guide.site.title}: access` };
		}),
	];
	return terms.map((t) => {
		const termId = ids.id('term', `${t.group}/${t.term}`);
		return {
			id: ids.id('attribute', `${key}/${t.group}/${t.term}`),
			link_id: serviceId,
			taxonomy_term_id: termId,
			taxonomy_term: { id: termId, name: t.name, description: t.description, taxonomy: t.taxonomy, term: t.term },
		};
	});
}
