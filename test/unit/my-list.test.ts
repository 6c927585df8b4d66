import { describe, expect, it } from 'vitest';
import { MAX_LIST, listQuery, openingList, parseList, resolveList, storageKey, withEntry, withoutEntry } from '../../src/lib/my-list.ts';

describe('a list in an address', () => {
	it('reads slugs however the commas came through, once each, nothing else', () => {
		expect(parseList('repair-cafe,tea-boat')).toEqual(['repair-cafe', 'tea-boat']);
		expect(parseList(' Repair-Cafe , tea-boat,,tea-boat ')).toEqual(['repair-cafe', 'tea-boat']);
		expect(parseList('a b')).toEqual(['a', 'b']);
		expect(parseList('ok,<script>,../etc,-bad,bad-,x')).toEqual(['ok', 'x']);
		expect(parseList(null)).toEqual([]);
		expect(parseList('')).toEqual([]);
		expect(parseList(Array.from({ length: 150 }, (_, i) => `e${i}`).join(','))).toHaveLength(MAX_LIST);
	});

	it('writes a short, readable address', () => {
		expect(listQuery(['repair-cafe', 'tea-boat'])).toBe('?e=repair-cafe,tea-boat');
		expect(listQuery([])).toBe('');
		expect(parseList(new URLSearchParams(listQuery(['a', 'b-c']).slice(1)).get('e'))).toEqual(['a', 'b-c']);
	});

	it('adds at the end once, and takes off', () => {
		expect(withEntry(['a'], 'b')).toEqual(['a', 'b']);
		expect(withEntry(['a', 'b'], 'a')).toEqual(['a', 'b']);
		expect(withoutEntry(['a', 'b'], 'a')).toEqual(['b']);
	});

	it('follows renamed entries and leaves out what is gone', () => {
		const known = new Map([
			['repair-cafe', 'repair-cafe'],
			['fix-it-club', 'repair-cafe'],
			['tea-boat', 'tea-boat'],
		]);
		expect(resolveList(['fix-it-club', 'gone', 'tea-boat', 'repair-cafe'], known)).toEqual({ slugs: ['repair-cafe', 'tea-boat'], missing: ['gone'] });
	});

	it('keeps each neighbourhood’s list apart in storage', () => {
		expect(storageKey('lockside')).not.toBe(storageKey('abbey-fields'));
		expect(storageKey('lockside')).not.toBe(storageKey('lockside', 'earlier'));
	});
});

describe('the list a page opens with', () => {
	it('is the one in the address when there is one', () => {
		expect(openingList({ list: 'a,b', add: null }, [])).toEqual({ slugs: ['a', 'b'], replacesSaved: false });
		expect(openingList({ list: 'a,b', add: null }, ['a', 'b'])).toEqual({ slugs: ['a', 'b'], replacesSaved: false });
	});

	it('says when a link replaces a different list kept on the device', () => {
		expect(openingList({ list: 'a,b', add: null }, ['c'])).toEqual({ slugs: ['a', 'b'], replacesSaved: true });
	});

	it('is the kept one when the address has none', () => {
		expect(openingList({ list: null, add: null }, ['c'])).toEqual({ slugs: ['c'], replacesSaved: false });
	});

	it('adds to the kept list from an "Add to my list" link', () => {
		expect(openingList({ list: null, add: 'd' }, ['c'])).toEqual({ slugs: ['c', 'd'], added: 'd', replacesSaved: false });
		expect(openingList({ list: null, add: 'not a slug!' }, ['c'])).toEqual({ slugs: ['c'], replacesSaved: false });
	});
});
