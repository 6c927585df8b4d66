/** The parts of the editor checks that the corpora do not show one by one: sentences and their lines, names. */
import { describe, expect, it } from 'vitest';
import { countWords, longSentences, privateNameWords, sentences } from '../../src/lib/editor-checks.ts';
import type { Asset } from '../../src/schema/index.ts';

describe('sentences of a body', () => {
	const body = [
		'', // line 10: the body starts on the line after the closing ---
		'# A heading is not part of the next sentence',
		'First sentence. The second one starts on this line and',
		'carries on to the next line. Third.',
		'',
		'```',
		'code is never counted, however long the line of it goes on and on and on and on and on and on and on',
		'```',
		'- A list item, with [a link](https://example.org/a/very/long/address/that/is/not/words) in it.',
		'<PullQuote by="A neighbour">Words in a quote count.</PullQuote>',
	].join('\n');

	it('are found with the line each starts on', () => {
		expect(sentences(body, 10).map((s) => [s.line, s.words, s.text])).toEqual([
			[11, 9, 'A heading is not part of the next sentence'],
			[12, 2, 'First sentence.'],
			[12, 14, 'The second one starts on this line and carries on to the next line.'],
			[13, 1, 'Third.'],
			[18, 8, 'A list item, with a link in it.'],
			[19, 5, 'Words in a quote count.'],
		]);
	});

	it('over 25 words are the long ones', () => {
		const long = `${'word '.repeat(26).trim()}.`;
		expect(longSentences(`Short.\n\n${long}`, 5).map((s) => [s.line, s.words])).toEqual([[7, 26]]);
		expect(longSentences(`${'word '.repeat(25).trim()}.`, 1)).toEqual([]);
	});

	it('count words, not dashes or numbers on their own', () => {
		expect(countWords('Tea – and cake, 2 cups')).toBe(5);
	});
});

describe('names that consent keeps private', () => {
	const gift = (name: string, consent: Asset['consent']) => ({ consent, contact: { name } }) as Asset;

	it('are the surname for first-name, every word of the name for via-connector', () => {
		expect(privateNameWords(gift('Margaret Holt', 'first-name'))).toEqual(['Holt']);
		expect(privateNameWords(gift('Derek Plumb', 'via-connector'))).toEqual(['Derek', 'Plumb']);
		expect(privateNameWords(gift('Derek Plumb', 'public'))).toEqual([]);
	});

	it('leave out titles, initials and small words that would match everyday words', () => {
		expect(privateNameWords(gift('Mrs Joan van der Berg', 'via-connector'))).toEqual(['Joan', 'Berg']);
		expect(privateNameWords(gift('Dr. A. O’Brien,', 'first-name'))).toEqual(['O’Brien']);
	});
});
