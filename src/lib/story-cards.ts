/**
 * The assets a story already shows as cards in its text (`<AssetCard
 * slug="..." />` in MDX), so its page does not show them a second time under
 * "In this story", each with a second "Add to my list".
 */
import { assetKey } from '../schema/story.ts';

const CARD = /<AssetCard\s+slug\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})/g;

/** Keys (`<n>/<slug>`) of the assets shown as cards in a story's source, from neighbourhood `n`. */
export function cardsInStory(source: string, n: string): Set<string> {
	const keys = new Set<string>();
	for (const match of source.matchAll(CARD)) {
		const slug = (match[1] ?? match[2] ?? match[3] ?? '').trim();
		if (slug) keys.add(assetKey(slug, n));
	}
	return keys;
}
