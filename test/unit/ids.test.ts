import { describe, expect, it } from 'vitest';
import { URL_NAMESPACE, idsFor, uuidv5 } from '../../src/lib/ids.ts';

describe('stable ids', () => {
	it('makes RFC 9562 version 5 UUIDs (checked against known values)', () => {
		// From Python's uuid documentation: uuid5(NAMESPACE_DNS, 'python.org').
		expect(uuidv5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
		expect(uuidv5('https://test.example.org/', URL_NAMESPACE)).toBe('04bbefab-d793-526f-94a0-ab9e9ed1191b');
	});

	it('gives the same id for the same thing, and different ids for different things or sites', () => {
		const a = idsFor('https://guides.example.org/');
		const again = idsFor('https://guides.example.org/');
		const other = idsFor('https://other.example.org/');
		expect(a.id('service', 'mill-lane/knit')).toBe(again.id('service', 'mill-lane/knit'));
		expect(a.id('service', 'mill-lane/knit')).not.toBe(a.id('organization', 'mill-lane/knit'));
		expect(a.id('service', 'mill-lane/knit')).not.toBe(a.id('service', 'mill-lane/knitting'));
		expect(a.id('service', 'mill-lane/knit')).not.toBe(other.id('service', 'mill-lane/knit'));
		expect(a.id('service', 'mill-lane/knit')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	});

	it('refuses a namespace that is not a UUID', () => {
		expect(() => uuidv5('x', 'not-a-uuid')).toThrow('"not-a-uuid" is not a UUID');
	});
});
