/**
 * Consent in the words, not only in the fields. The query layer keeps
 * withheld contact details out of every output; but if the same phone number
 * or email is also written in the text of the entry, or of a story that
 * links to it, it would be published all the same. That breaks the person's
 * consent (UK GDPR), so it is an error that stops the build. A number or an
 * address, unlike a name, cannot belong to someone else by chance.
 *
 * Withheld names written in the words are the editor checks' work
 * (src/lib/editor-checks.ts): an error in the entry, a warning in a story.
 */
import type { AssetRecord, LoadedContent, StoryRecord } from '../content-files.ts';
import { firstName, publishedText } from '../consent.ts';
import { fieldName, type Problem } from '../problems.ts';
import { assetKey } from '../../schema/story.ts';

interface Withheld {
	/** What it is, in words: `the surname "Zzholt"`. */
	label: string;
	pattern: RegExp;
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
	return problems;

	function scan(record: AssetRecord | StoryRecord, withheld: Withheld[], fix: string, whose: string) {
		if (entriesOf && !entriesOf(record.n)) return;
		const locate = loaded.sources.get(record.file)?.locate;
		for (const { path, value } of publishedText(record.data)) {
			for (const item of withheld) {
				if (!item.pattern.test(value)) continue;
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
				if (!item.pattern.test(text)) continue;
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
			out.push({ label: `the phone number ${contact.phone}`, pattern: new RegExp(national.split('').join('[\\s().-]{0,2}')) });
		}
	}
	if (contact?.email) {
		out.push({ label: `the email address ${contact.email}`, pattern: new RegExp(escapeRegExp(contact.email), 'i') });
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

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
