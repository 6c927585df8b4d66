/**
 * The words readers see for values in the content. One place, so the same
 * thing is always called the same (consistent words help everyone, and people
 * living with dementia most).
 */
import type { AccessFeature, Asset, AssetKind, Cost, Day } from '../schema/asset.ts';

export const DAY_NAMES: Record<Day, string> = {
	monday: 'Monday',
	tuesday: 'Tuesday',
	wednesday: 'Wednesday',
	thursday: 'Thursday',
	friday: 'Friday',
	saturday: 'Saturday',
	sunday: 'Sunday',
};

export const KIND_LABELS: Record<AssetKind, string> = {
	gift: "A neighbour's gift",
	group: 'Group',
	place: 'Place',
	organisation: 'Organisation',
	business: 'Local business',
};

/** Plural headings, e.g. for an A to Z or filters. */
export const KIND_PLURALS: Record<AssetKind, string> = {
	gift: "Neighbours' gifts",
	group: 'Groups',
	place: 'Places',
	organisation: 'Organisations',
	business: 'Local businesses',
};

export const COST_LABELS: Record<Cost, string> = {
	free: 'Free',
	donation: 'Pay what you can',
	paid: 'Costs money',
};

export const ACCESS_LABELS: Record<AccessFeature, string> = {
	'step-free': 'Step-free',
	'accessible-toilet': 'Accessible toilet',
	'hearing-loop': 'Hearing loop',
	seating: 'Seating',
	parking: 'Parking',
	'near-bus-stop': 'Near a bus stop',
	'quiet-space': 'Quiet space',
	'dementia-friendly': 'Dementia friendly',
	'carers-welcome': 'Carers welcome',
	'large-print': 'Large print',
};

export const JUST_TURN_UP = 'Just turn up';
export const BOOKING_NEEDED = 'Ask first';

/** One set of language names per language they are written in: making one is slow, and entries list languages on every page. */
const languageNames = new Map<string, Intl.DisplayNames>();

/** "pl" → "Polish", in the site's language; the code itself if unknown. */
export function languageName(code: string, inLanguage = 'en-GB'): string {
	try {
		let names = languageNames.get(inLanguage);
		if (!names) {
			names = new Intl.DisplayNames([inLanguage], { type: 'language' });
			languageNames.set(inLanguage, names);
		}
		return names.of(code) ?? code;
	} catch {
		return code;
	}
}

/** Where an entry is, on one line: "Lockside Hub, The Old Warehouse, Wharf Road, KV3 7LW" ('' when it says nothing). */
export function whereInOneLine(where: Asset['where']): string {
	return [where?.place, where?.address, where?.postcode].filter(Boolean).join(', ');
}
