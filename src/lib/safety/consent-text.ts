/**
 * Consent in the words, not only in the fields. The query layer keeps
 * withheld contact details out of every output; but if the same phone number
 * or email is also written in the text of the entry, of a story, of another
 * entry or of a neighbourhood's page, it would be published all the same.
 * That breaks the person's consent (UK GDPR), so it is an error that stops
 * the build, wherever in the network it is. A number or an address, unlike a
 * name, cannot belong to someone else by chance.
 *
 * In the entry of a private person (consent first-name or via-connector), any
 * phone number or email is an error too, even one not recorded in `contact`:
 * it is most likely theirs. The numbers and addresses the network shows as
 * public (connectors, associations, the contacts of groups, places and public
 * gifts) are the exception, so "ask Kev at the Hub on ..." stays possible.
 *
 * Withheld names written in the words are the editor checks' work
 * (src/lib/editor-checks.ts).
 */
import type { AssetRecord, LoadedContent, NeighbourhoodRecord, StoryRecord } from '../content-files.ts';
import { firstName, publishedText } from '../consent.ts';
import { fieldName, type Problem } from '../problems.ts';
import { assetKey } from '../../schema/story.ts';

interface Withheld {
	/** What it is, in words: `the surname "Zzholt"`. */
	label: string;
	pattern: RegExp;
	/**
	 * A quick test before the pattern: false only when the pattern cannot
	 * match the text. The patterns are made for each private person's entry,
	 * and on a network of thousands, compiling each for the lines it was
	 * tried on cost seconds; most fields and lines never need it.
	 */
	mayBeIn: (text: string) => boolean;
}

/**
 * Every place a withheld phone number or email is written where it would be
 * published. `entriesOf`: scan only these neighbourhoods' files (a shard or a
 * preview; the others are scanned by the builds that make their pages).
 */
export function consentTextProblems(loaded: LoadedContent, entriesOf?: (n: string) => boolean): Problem[] {
	const problems: Problem[] = [];
	const storiesByAsset = new Map<string, StoryRecord[]>();
	for (const story of loaded.stories) {
		for (const ref of story.data.assets) {
			const key = assetKey(ref, story.n);
			storiesByAsset.set(key, [...(storiesByAsset.get(key) ?? []), story]);
		}
	}
	for (const asset of loaded.assets) {
		const withheld = withheldOf(asset);
		if (withheld.length === 0) continue;
		const fix = fixFor(asset);
		scan(asset, withheld, fix, `the person this entry is about`);
		for (const story of storiesByAsset.get(`${asset.n}/${asset.slug}`) ?? []) {
			scan(story, withheld, fix, `the person in ${asset.file}, which this story links to`);
		}
	}
	problems.push(...contactDetailsElsewhere(loaded, storiesByAsset, entriesOf));
	return problems;

	function scan(record: AssetRecord | StoryRecord, withheld: Withheld[], fix: string, whose: string) {
		if (entriesOf && !entriesOf(record.n)) return;
		const locate = loaded.sources.get(record.file)?.locate;
		for (const { path, value } of publishedText(record.data)) {
			for (const item of withheld) {
				if (!item.mayBeIn(value) || !item.pattern.test(value)) continue;
				problems.push({
					file: record.file,
					line: locate?.(path)?.line,
					field: fieldName(path),
					message: `${item.label} belongs to ${whose}, and their consent does not allow it to be published (${fix})`,
					severity: 'error',
				});
			}
		}
		const lines = record.body.split('\n');
		lines.forEach((text, index) => {
			for (const item of withheld) {
				if (!item.mayBeIn(text) || !item.pattern.test(text)) continue;
				problems.push({
					file: record.file,
					line: record.bodyLine + index,
					message: `${item.label} belongs to ${whose}, and their consent does not allow it to be published (${fix})`,
					severity: 'error',
				});
			}
		});
	}
}

function withheldOf(asset: AssetRecord): Withheld[] {
	const { consent, contact } = asset.data;
	if (consent !== 'first-name' && consent !== 'via-connector') return [];
	const out: Withheld[] = [];
	if (contact?.phone) {
		const digits = contact.phone.replace(/\D/g, '');
		// The number written any way: "07700 900002", "07700-900-002", "+44 7700 900002".
		const national = digits.startsWith('44') ? digits.slice(2) : digits.replace(/^0/, '');
		if (national.length >= 6) {
			out.push({
				label: `the phone number ${contact.phone}`,
				pattern: new RegExp(national.split('').join('[\\s().-]{0,2}')),
				// The pattern is the number's digits: a text with fewer digits cannot hold it.
				mayBeIn: (text) => digitsIn(text) >= national.length,
			});
		}
	}
	if (contact?.email) {
		out.push({ label: `the email address ${contact.email}`, pattern: new RegExp(escapeRegExp(contact.email), 'i'), mayBeIn: (text) => text.includes('@') });
	}
	return out;
}

function fixFor(asset: AssetRecord): string {
	const name = asset.data.contact?.name;
	if (asset.data.consent === 'first-name') {
		return `take it out: only the first name${name ? ` "${firstName(name)}"` : ''} may be shown, and people reach them through a connector; or, if they agreed to more, record consent: public with the new consent_date`;
	}
	return 'take it out: with consent via-connector, no name or contact is shown, and people reach them through a connector; or, if they agreed to more, record the new consent and consent_date';
}

function digitsIn(text: string): number {
	let count = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 48 && code <= 57) count++;
	}
	return count;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A UK phone number written any way: "07700 900002", "(01632) 960336", "+44 (0)7700 900-002". */
const PHONE = /(?<![\d+])(?:\+\s?44\s?(?:\(0\)\s?)?|\(?0)\d(?:[\s().-]{0,2}\d){7,9}(?!\d)/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/** A number as its digits after the 0 or +44: one form for every way of writing it. */
function nationalNumber(phone: string): string {
	const digits = phone.replace(/\D/g, '');
	return (digits.startsWith('44') ? digits.slice(2) : digits).replace(/^0/, '');
}

type Detail = { kind: 'phone' | 'email'; written: string; key: string };

function detailsIn(text: string): Detail[] {
	const out: Detail[] = [];
	// Most lines have neither: the quick tests spare them the patterns.
	if (/\d/.test(text)) for (const match of text.matchAll(PHONE)) out.push({ kind: 'phone', written: match[0].trim(), key: nationalNumber(match[0]) });
	if (text.includes('@')) for (const match of text.matchAll(EMAIL)) out.push({ kind: 'email', written: match[0], key: match[0].toLowerCase() });
	return out;
}

/**
 * What the entry-and-its-stories scan above cannot see: a private person's
 * withheld number or email in any other file of the network, and any number
 * or email at all in a private person's own entry that the network does not
 * show as public.
 */
function contactDetailsElsewhere(loaded: LoadedContent, storiesByAsset: ReadonlyMap<string, StoryRecord[]>, entriesOf?: (n: string) => boolean): Problem[] {
	const problems: Problem[] = [];
	const withheld = new Map<string, AssetRecord>();
	const shown = new Set<string>();
	const add = (kind: Detail['kind'], value: string | undefined, to: (key: string) => void) => {
		if (value) to(kind === 'phone' ? `phone:${nationalNumber(value)}` : `email:${value.toLowerCase()}`);
	};
	for (const asset of loaded.assets) {
		const { contact } = asset.data;
		const keep = isPrivate(asset) ? (key: string) => withheld.set(key, asset) : (key: string) => shown.add(key);
		add('phone', contact?.phone, keep);
		add('email', contact?.email, keep);
	}
	for (const { data } of loaded.neighbourhoods) {
		for (const connector of data.connectors) {
			add('phone', connector.phone, (key) => shown.add(key));
			add('email', connector.email, (key) => shown.add(key));
		}
		add('email', data.maintained_by.email, (key) => shown.add(key));
	}
	// A number the network already shows as public (a connector's, a group's) is
	// not a secret elsewhere, even when a private person's entry records it as
	// the way to reach them: "ring Kev" is the connector's number.
	for (const key of shown) withheld.delete(key);

	const linkedBy = new Map<string, Set<string>>();
	for (const [assetKey, stories] of storiesByAsset) for (const story of stories) linkedBy.set(story.file, (linkedBy.get(story.file) ?? new Set()).add(assetKey));

	const records: Array<AssetRecord | StoryRecord | NeighbourhoodRecord> = [...loaded.neighbourhoods, ...loaded.assets, ...loaded.stories];
	for (const record of records) {
		if (entriesOf && !entriesOf(record.n)) continue;
		const ownGift = 'kind' in record.data && isPrivate(record as AssetRecord) ? (record as AssetRecord) : undefined;
		const linked = linkedBy.get(record.file);
		const locate = loaded.sources.get(record.file)?.locate;
		/** `at` is only worked out for a problem: finding a field's line costs more than reading it. */
		const look = (text: string, where: () => { line?: number; field?: string }) => {
			for (const detail of detailsIn(text)) {
				const key = `${detail.kind}:${detail.key}`;
				const owner = withheld.get(key);
				const what = detail.kind === 'phone' ? 'phone number' : 'email address';
				if (owner) {
					// The entry itself and the stories that link to it are the scan above's.
					if (owner === record || linked?.has(`${owner.n}/${owner.slug}`)) continue;
					problems.push({
						file: record.file,
						...where(),
						message: `the ${what} ${detail.written} belongs to the person in ${owner.file}, and their consent does not allow it to be published (${fixFor(owner)})`,
						severity: 'error',
					});
				} else if (ownGift && !shown.has(key)) {
					problems.push({
						file: record.file,
						...where(),
						message: `the ${what} ${detail.written} is written in this entry about a private person, and consent: ${ownGift.data.consent} does not allow their contact details to be published (take it out: people reach them through a connector; if it is the ${what} of a connector or of a group, add it to that connector in the neighbourhood's index.md or to that group's entry, and the check will know it is public)`,
						severity: 'error',
					});
				}
			}
		};
		for (const { path, value } of publishedText(record.data)) look(value, () => ({ line: locate?.(path)?.line, field: fieldName(path) }));
		record.body.split('\n').forEach((text, index) => look(text, () => ({ line: record.bodyLine + index })));
	}
	return problems;
}

function isPrivate(asset: AssetRecord): boolean {
	return asset.data.consent === 'first-name' || asset.data.consent === 'via-connector';
}
