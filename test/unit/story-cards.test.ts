/** Which assets a story shows as cards in its own words, however the MDX writes the slug. */
import { describe, expect, it } from 'vitest';
import { cardsInStory } from '../../src/lib/story-cards.ts';

describe('cardsInStory', () => {
	it('finds every card, with double or single quotes or an expression, and from another neighbourhood', () => {
		const source = [
			'Some words.',
			'<AssetCard slug="lockside-shed" />',
			"<AssetCard slug='repair-cafe'/>",
			'<AssetCard slug={"tea-boat"} />',
			'<AssetCard   slug = "abbey-fields/singing-together" />',
		].join('\n\n');
		expect([...cardsInStory(source, 'lockside')].sort()).toEqual(['abbey-fields/singing-together', 'lockside/lockside-shed', 'lockside/repair-cafe', 'lockside/tea-boat']);
	});

	it('finds none in a story without cards, or with a card only mentioned in words', () => {
		expect(cardsInStory('We went to the shed. AssetCard is a word here.', 'lockside').size).toBe(0);
	});
});
