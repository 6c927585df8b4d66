import { describe, expect, it } from 'vitest';
import { firstOccurrence, rruleParts, toRRule } from '../../src/lib/schedule.ts';

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('first occurrence of a regular time', () => {
	it('is the day itself when it matches', () => {
		// 2026-01-20 is the third Tuesday of January.
		expect(iso(firstOccurrence({ day: 'tuesday', weeks: [1, 3] }, date('2026-01-20')))).toBe('2026-01-20');
	});

	it('finds the next first or third Tuesday, across a month end', () => {
		expect(iso(firstOccurrence({ day: 'tuesday', weeks: [1, 3] }, date('2026-01-15')))).toBe('2026-01-20');
		expect(iso(firstOccurrence({ day: 'tuesday', weeks: [1, 3] }, date('2026-01-21')))).toBe('2026-02-03');
	});

	it('finds the last Friday and every Wednesday', () => {
		expect(iso(firstOccurrence({ day: 'friday', weeks: ['last'] }, date('2026-05-02')))).toBe('2026-05-29');
		expect(iso(firstOccurrence({ day: 'wednesday' }, date('2026-03-03')))).toBe('2026-03-04');
	});

	it('finds a fourth Monday more than a month away', () => {
		// After 2026-01-26 (the fourth Monday of January), the next is 2026-02-23.
		expect(iso(firstOccurrence({ day: 'monday', weeks: [4] }, date('2026-01-27')))).toBe('2026-02-23');
	});
});

describe('rule parts', () => {
	it('splits the rule the way Open Referral keeps it', () => {
		expect(rruleParts({ day: 'tuesday', weeks: [3, 1] })).toEqual({ freq: 'MONTHLY', byDay: '1TU,3TU' });
		expect(rruleParts({ day: 'friday', weeks: ['last'] })).toEqual({ freq: 'MONTHLY', byDay: '-1FR' });
		expect(rruleParts({ day: 'sunday' })).toEqual({ freq: 'WEEKLY', byDay: 'SU' });
		expect(toRRule({ day: 'tuesday', weeks: [1, 3] })).toBe('FREQ=MONTHLY;BYDAY=1TU,3TU');
	});
});
