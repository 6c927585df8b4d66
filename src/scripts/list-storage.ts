/**
 * The copy of "My list" kept in this browser (localStorage: it never leaves
 * the device, and is not a cookie). Every call survives storage being
 * blocked or full (private browsing, strict settings): the list then lives
 * only in the page's address.
 */
import { parseList, storageKey } from '../lib/my-list.ts';

export function storageWorks(): boolean {
	try {
		const probe = 'good-life-guides:probe';
		localStorage.setItem(probe, '1');
		localStorage.removeItem(probe);
		return true;
	} catch {
		return false;
	}
}

export function readSaved(n: string, which: 'list' | 'earlier' = 'list'): string[] {
	try {
		const value = JSON.parse(localStorage.getItem(storageKey(n, which)) ?? '[]') as unknown;
		return Array.isArray(value) ? parseList(value.filter((v) => typeof v === 'string').join(',')) : [];
	} catch {
		return [];
	}
}

export function save(n: string, slugs: readonly string[], which: 'list' | 'earlier' = 'list'): void {
	try {
		if (slugs.length) localStorage.setItem(storageKey(n, which), JSON.stringify(slugs));
		else localStorage.removeItem(storageKey(n, which));
	} catch {
		// Storage blocked or full: the address still carries the list.
	}
}
