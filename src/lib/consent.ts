/**
 * Consent decides how much of a private person any output may show. The
 * query layer applies it once, so pages, search, print, embeds and feeds only
 * ever see what consent allows; open-data exports leave gifts out entirely.
 *
 * - public: name and contact shown.
 * - first-name: first name only; no contact; introductions through a connector.
 * - via-connector: no name, no contact; introductions through a connector.
 */
import type { Asset, ConsentLevel } from '../schema/asset.ts';
import type { PathSegment } from './problems.ts';

export type PublicAsset = Asset & { readonly consentApplied: true };

/** The first name from a recorded name: "Margaret Holt" → "Margaret". */
export function firstName(name: string): string {
	return name.trim().split(/\s+/)[0] ?? '';
}

/** The asset as it may be shown anywhere: contact reduced to what consent allows. */
export function applyConsent(asset: Asset): PublicAsset {
	const contact = contactAllowed(asset.consent, asset.contact);
	const { contact: _removed, ...rest } = asset;
	return { ...rest, ...(contact ? { contact } : {}), consentApplied: true } as PublicAsset;
}

function contactAllowed(consent: ConsentLevel | undefined, contact: Asset['contact']): Asset['contact'] {
	if (!contact) return undefined;
	switch (consent) {
		case undefined:
		case 'public':
			return contact;
		case 'first-name':
			return contact.name ? { name: firstName(contact.name) } : undefined;
		case 'via-connector':
			return undefined;
	}
}

/** True when people are introduced through a connector rather than contacting the person. */
export function needsIntroduction(asset: Pick<Asset, 'consent'>): boolean {
	return asset.consent === 'first-name' || asset.consent === 'via-connector';
}

/** Entries that name a private person never leave the site as open data. */
export function isPrivatePerson(asset: Pick<Asset, 'kind'>): boolean {
	return asset.kind === 'gift';
}

/**
 * Words of a recorded name that consent withholds: the surname for
 * first-name, every part of the name for via-connector. The check refuses
 * them in the entry, in stories that link to it, and (all but a first name
 * alone) anywhere else in the network; tests scan every output for them.
 */
export function withheldNameParts(asset: Pick<Asset, 'consent' | 'contact'>): string[] {
	const parts = asset.contact?.name?.trim().split(/\s+/) ?? [];
	if (asset.consent === 'first-name') return parts.slice(1);
	if (asset.consent === 'via-connector') return parts;
	return [];
}

/** A piece of text an entry or story publishes, and where it is. */
export interface PublishedText {
	path: PathSegment[];
	value: string;
	/** Published as part of an address (an old page address, a picture's file name) rather than as words on a page. */
	inAddress: boolean;
}

/**
 * Fields of an entry or story that publish nothing of their own: `contact`,
 * whose parts consent already shows or withholds; `consent`; and the guide's
 * own values (kind, cost, access, themes, a story's links to entries), which
 * are shown in the guide's words, not the editor's. (Choices inside other
 * fields, like a time's day, are read with them: they can hold no name or
 * number, so reading them costs nothing.)
 */
const NOT_PUBLISHED_AS_WRITTEN = new Set(['contact', 'consent', 'kind', 'cost', 'access', 'themes', 'assets']);

/**
 * Every string an entry or a story publishes, with its path: what the checks
 * for withheld names, numbers and emails must all read, so that none of them
 * misses a field that reaches a page. `checked_by` is one: an entry's page
 * says who checked it.
 */
export function publishedText(data: unknown): PublishedText[] {
	const out: PublishedText[] = [];
	const walk = (value: unknown, path: PathSegment[]) => {
		if (typeof value === 'string') {
			out.push({ path, value, inAddress: path[0] === 'aliases' || (path[0] === 'image' && path[1] === 'src') });
		} else if (Array.isArray(value)) {
			value.forEach((item, index) => walk(item, [...path, index]));
		} else if (value && typeof value === 'object' && !(value instanceof Date)) {
			for (const [key, item] of Object.entries(value)) {
				if (path.length === 0 && NOT_PUBLISHED_AS_WRITTEN.has(key)) continue;
				walk(item, [...path, key]);
			}
		}
	};
	walk(data, []);
	return out;
}
