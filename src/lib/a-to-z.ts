/**
 * A neighbourhood's entries and stories A to Z, grouped by first letter, as
 * a printed index would be. Titles are kept as residents wrote them.
 */
import type { GuideNeighbourhood } from './guide.ts';
import { KIND_LABELS } from './labels.ts';
import { whenInShort } from './schedule.ts';

export interface AToZEntry {
	title: string;
	path: string;
	/** "Group.", "Story by Jean, Mill Lane". */
	details: string;
	/** Every time an entry is on, a line each: "Every Tuesday, 10am to 12 noon". */
	when: string[];
	/** The entry's language when not the site's. */
	lang?: string;
}

export interface AToZGroup {
	/** "A", or "0 to 9" for titles that start with a number. */
	letter: string;
	/** For links and headings: "letter-a". */
	id: string;
	/** What the letter link says to a screen reader. */
	label: string;
	entries: AToZEntry[];
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

export function aToZ(hood: GuideNeighbourhood): AToZGroup[] {
	const entries: AToZEntry[] = [
		...hood.assets.map((asset) => {
			const when = whenInShort(asset.data.when, asset.data.when_note);
			return { title: asset.data.title, path: asset.path, details: `${KIND_LABELS[asset.data.kind]}.`, when };
		}),
		...hood.stories.map((story) => ({ title: story.data.title, path: story.path, details: `Story by ${story.data.author}`, when: [], lang: story.data.language })),
	].sort((a, b) => collator.compare(a.title, b.title));

	return byFirstLetter(entries, (entry) => entry.title).map(({ letter, items }) => {
		const number = letter === NUMBERS;
		return { letter, id: number ? 'letter-0-9' : `letter-${letter.toLowerCase()}`, label: number ? 'Numbers' : `Letter ${letter}`, entries: items };
	});
}

const NUMBERS = '0 to 9';

/**
 * Items grouped by the first letter of their label: numbers first, then A to
 * Z, then anything else; in each letter, the order they came in. For the A to
 * Z page and the printed index alike. Grouped, not cut where the letter
 * changes: "‘Quoted’ tea" sorts before "Art club" but belongs under Q.
 */
export function byFirstLetter<T>(items: readonly T[], label: (item: T) => string): { letter: string; items: T[] }[] {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const letter = firstLetter(label(item));
		const group = groups.get(letter);
		if (group) group.push(item);
		else groups.set(letter, [item]);
	}
	const rank = (letter: string) => (letter === NUMBERS ? 0 : letter === '#' ? 2 : 1);
	return [...groups]
		.sort(([a], [b]) => rank(a) - rank(b) || collator.compare(a, b))
		.map(([letter, grouped]) => ({ letter, items: grouped }));
}

/** "Ćwiczenia" → "C", "Éclair" → "E", "3 Towns" → "0 to 9", "‘Quoted’" → "Q"; quotes and brackets are skipped. */
export function firstLetter(title: string): string {
	const first = title
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/^[^\p{L}\p{N}]+/u, '')
		.charAt(0)
		.toUpperCase();
	if (/\d/.test(first)) return NUMBERS;
	return first || '#';
}
