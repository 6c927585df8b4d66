/**
 * Building blocks shared by the content schemas.
 *
 * Every message here is written for an editor, not a programmer: it says what
 * is wrong and how to put it right. The path and file are added by the
 * formatter in `./errors.ts`.
 */
import { z } from 'astro/zod';
import { impossibleDate } from '../lib/dates.ts';
import { describeValue, didYouMean, listInWords, suggestSlug } from '../lib/words.ts';

/** `<n>` and `<slug>`: lowercase a-z, 0-9 and single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slug = (what = 'name') =>
	z.string().regex(SLUG_PATTERN, {
		error: (issue) =>
			`"${String(issue.input)}" is not ${withArticle(`valid ${what}`)} (use lowercase letters a-z, digits and single hyphens, like "${typeof issue.input === 'string' && /[a-z0-9]/i.test(issue.input) ? suggestSlug(issue.input) : 'singing-together'}")`,
	});

/**
 * An object that rejects fields it does not know, suggesting the nearest
 * known one, so a typo such as `titel:` never vanishes silently.
 */
export function strictFields<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
	const known = Object.keys(shape);
	return z.strictObject(shape, {
		error: (issue) => {
			if (issue.code === 'unrecognized_keys') {
				return unknownFieldMessage(issue.keys, known);
			}
			if (issue.code === 'invalid_type' && issue.input !== undefined) {
				return `should be a group of fields, not ${describeInput(issue.input)} (indent the fields below it, such as ${listInWords(known.slice(0, 3).map((k) => `${k}:`), 'or')})`;
			}
			return undefined;
		},
	});
}

export function unknownFieldMessage(keys: readonly string[], known: readonly string[]): string {
	return keys
		.map((key) => {
			const guess = didYouMean(key, known);
			return guess
				? `"${key}" is not a field here (did you mean "${guess}"?)`
				: `"${key}" is not a field here (remove it, or use one of: ${known.join(', ')})`;
		})
		.join('; ');
}

/** A choice from a fixed list, suggesting the nearest value on a typo. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, what = 'value') {
	return z.enum(values, {
		error: (issue) => {
			if (issue.input === undefined) return undefined;
			const choices = `use one of: ${values.join(', ')}`;
			// A list, a group of fields, a number: say what it is, never "[object Object]".
			if (typeof issue.input !== 'string') return `${describeValue(issue.input)} is not ${withArticle(what)} (${choices})`;
			const input = issue.input;
			const guess = didYouMean(input, values);
			return guess
				? `"${input}" is not ${withArticle(what)} (did you mean "${guess}"? ${choices})`
				: `"${input}" is not ${withArticle(what)} (${choices})`;
		},
	});
}

/**
 * Text left as a template's placeholder, like "<what it is and who it is
 * for>": one pair of angle brackets around the whole value. `npm run new`
 * writes these where an editor must fill something in.
 */
const PLACEHOLDER = /^<[^<>]*>$/;

export function isPlaceholder(value: unknown): value is string {
	return typeof value === 'string' && PLACEHOLDER.test(value.trim());
}

/** The message for a placeholder left in; `hint` says what to write instead. */
export function placeholderMessage(value: string, hint = 'write your own words in its place'): string {
	return `is not filled in yet: it still says "${value.trim()}" (${hint})`;
}

/** A short piece of text with a friendly limit. */
export const text = (max?: number) => {
	let schema = z.string().trim().min(1, { error: 'is empty (write something here, or remove the line)' });
	if (max !== undefined) {
		schema = schema.max(max, {
			error: (issue) =>
				`is ${String(issue.input).length} characters long (keep it to ${max} or fewer)`,
		});
	}
	return schema.refine((value): boolean => !isPlaceholder(value), { error: (issue) => placeholderMessage(String(issue.input)) });
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const notADate = (issue: { input?: unknown }) =>
	issue.input === undefined ? undefined : `"${String(issue.input)}" is not a date (write it as year-month-day, like 2026-03-14)`;

/**
 * A calendar date written `2026-03-14`. YAML parsers turn that into a Date;
 * a quoted string is accepted too. Dates are kept as UTC midnight.
 */
export const date = () =>
	z
		.union([z.date(), z.string().regex(ISO_DATE, { error: notADate })], { error: notADate })
		.transform((value, ctx) => {
			// JavaScript, like YAML, reads "2026-02-30" as 2 March. An unquoted date is checked as written when
			// the file is read (src/lib/frontmatter.ts); here the schema sees only the Date YAML made of it.
			const why = typeof value === 'string' ? impossibleDate(value) : undefined;
			if (why) {
				ctx.addIssue({
					code: 'custom',
					message: `${value} is not a date: ${why} (write a day that is in the calendar, year-month-day, like 2026-03-14)`,
				});
				return z.NEVER;
			}
			const d = typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value;
			if (Number.isNaN(d.getTime())) {
				ctx.addIssue({
					code: 'custom',
					message: `"${String(value)}" is not a real date (write it as year-month-day, like 2026-03-14)`,
				});
				return z.NEVER;
			}
			return d;
		});

/** A date that has already happened (or is today), relative to `today`. */
export const pastDate = (today: Date, what: string) =>
	date().refine((d) => d.getTime() <= endOfDayUtc(today), {
		error: (issue) =>
			`${isoDate(issue.input as Date)} is in the future (${what} cannot be later than today, ${isoDate(today)})`,
	});

function endOfDayUtc(d: Date) {
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 23, 59, 59, 999);
}

export function isoDate(d: Date): string {
	return d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : String(d);
}

/** `HH:MM`, 24-hour clock. */
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export const time = () =>
	z.string().regex(TIME_PATTERN, {
		error: (issue) =>
			`"${String(issue.input)}" is not a time (use the 24-hour clock with a colon, in quotes, like "14:30")`,
	});

const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/;

/** A UK postcode, normalised to capitals with one space ("KV1 4AB"). */
export const postcode = () =>
	z
		.string()
		.trim()
		.transform((value, ctx) => {
			const match = POSTCODE.exec(value.toUpperCase().replace(/\s+/g, ' '));
			if (!match) {
				ctx.addIssue({
					code: 'custom',
					message: `"${value}" is not a UK postcode (write it like "KV1 4AB")`,
				});
				return z.NEVER;
			}
			return `${match[1]} ${match[2]}`;
		});

/**
 * A UK phone number as people write it: 0113 496 0123, 07700 900123,
 * +44 113 496 0123. Spaces and brackets are fine; the digits are checked.
 */
export const phone = () =>
	z.string().refine(isUkPhone, {
		error: (issue) =>
			`"${String(issue.input)}" is not a UK phone number (write it with its area code, like "0113 496 0123" or "07700 900123")`,
	});

export function isUkPhone(value: string): boolean {
	if (!/^[+\d][\d ()-]*$/.test(value.trim())) return false;
	const digits = value.replace(/\D/g, '');
	if (value.trim().startsWith('+')) return /^44[1-9]\d{8,9}$/.test(digits);
	return /^0[1-9]\d{8,9}$/.test(digits) || /^(999|111|101|105|116\d{3})$/.test(digits);
}

export const email = () =>
	z.email({
		error: (issue) =>
			`"${String(issue.input)}" is not an email address (write it like "name@example.org")`,
	});

/** A web address; only http and https, so no `javascript:` can hide here. */
export const webUrl = () =>
	z.url({
		protocol: /^https?$/,
		error: (issue) =>
			`"${String(issue.input)}" is not a web address (write it in full, starting with https://)`,
	});

/** A BCP 47 language tag such as `en-GB`, `pa` or `pl`. */
export const language = () =>
	z.string().refine(isLanguageTag, {
		error: (issue) =>
			`"${String(issue.input)}" is not a language code (use a code such as "en-GB", "pl" for Polish or "pa" for Punjabi)`,
	});

function isLanguageTag(value: string): boolean {
	if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(value)) return false;
	try {
		return Intl.getCanonicalLocales(value).length === 1;
	} catch {
		return false;
	}
}

/** A picture: `src` relative to the entry's file, and words for people who cannot see it. */
export const image = () =>
	strictFields({
		/** Path of the picture, relative to the entry, e.g. `../images/garden.jpg`. */
		src: z.string().trim().min(1, { error: 'is empty (give the path of the picture, like ../images/garden.jpg)' }),
		/** What the picture shows, for people who cannot see it. Required. */
		alt: z
			.string({
				error: (issue) =>
					issue.input === undefined
						? 'is missing (describe what the picture shows, for people who cannot see it)'
						: undefined,
			})
			.trim()
			.min(1, { error: 'is empty (describe what the picture shows, for people who cannot see it)' }),
	});

/** A list that must hold at least one item. */
export const nonEmptyList = <T extends z.ZodType>(item: T, what: string) =>
	z.array(item).min(1, { error: `is an empty list (add at least one ${what})` });

function describeInput(input: unknown): string {
	if (input === null) return 'empty';
	if (Array.isArray(input)) return 'a list';
	if (typeof input === 'string') return `the text "${input}"`;
	return `a ${typeof input}`;
}

/** "a theme", "an access feature". */
export function withArticle(noun: string): string {
	return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}
