import { z } from 'astro/zod';
import { themeRef } from './theme.ts';
import {
	email,
	image,
	language,
	nonEmptyList,
	oneOf,
	pastDate,
	phone,
	postcode,
	slug,
	strictFields,
	text,
	time,
	TIME_PATTERN,
	webUrl,
} from './shared.ts';

export const ASSET_KINDS = ['gift', 'group', 'place', 'organisation', 'business'] as const;
export const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export const COSTS = ['free', 'donation', 'paid'] as const;
export const ACCESS_FEATURES = [
	'step-free',
	'accessible-toilet',
	'hearing-loop',
	'seating',
	'parking',
	'near-bus-stop',
	'quiet-space',
	'dementia-friendly',
	'carers-welcome',
	'large-print',
] as const;
export const CONSENT_LEVELS = ['public', 'first-name', 'via-connector'] as const;

export type AssetKind = (typeof ASSET_KINDS)[number];
export type Day = (typeof DAYS)[number];
export type Cost = (typeof COSTS)[number];
export type AccessFeature = (typeof ACCESS_FEATURES)[number];
export type ConsentLevel = (typeof CONSENT_LEVELS)[number];
export type WeekOfMonth = 1 | 2 | 3 | 4 | 'last';

const weekOfMonth = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal('last')], {
	error: (issue) =>
		`"${String(issue.input)}" is not a week of the month (use 1, 2, 3, 4 or last, like "weeks: [1, 3]" for the first and third)`,
});

/** One regular time: a day of the week, optionally only some weeks of the month. */
export const whenSchema = () =>
	strictFields({
		day: oneOf(DAYS, 'day of the week'),
		/** 24-hour clock, "10:00". */
		start: time().optional(),
		/** 24-hour clock, "12:00". */
		end: time().optional(),
		/** Which weeks of the month; absent means every week. */
		weeks: z
			.array(weekOfMonth)
			.min(1, { error: 'is an empty list (leave it out for every week, or list weeks like [1, 3])' })
			.optional(),
		/** Anything particular to this time: "in the back room". */
		note: text(160).optional(),
	}).superRefine((when, ctx) => {
		if (when.end && !when.start) {
			ctx.addIssue({ code: 'custom', path: ['start'], message: 'is missing: a time with an end needs a start (add one, like start: "10:00")' });
		}
		// Only two real times can be out of order: "2pm" is reported as not a time, and no more.
		if (when.start && when.end && TIME_PATTERN.test(when.start) && TIME_PATTERN.test(when.end) && when.end <= when.start) {
			ctx.addIssue({
				code: 'custom',
				path: ['end'],
				message: `"${when.end}" is not after the start, "${when.start}" (use the 24-hour clock, so 2pm is "14:00")`,
			});
		}
		if (when.weeks && new Set(when.weeks).size !== when.weeks.length) {
			ctx.addIssue({ code: 'custom', path: ['weeks'], message: 'names the same week twice (list each week once)' });
		}
	});

export interface AssetSchemaOptions {
	/** Theme ids from themes.yaml; when given, every theme must be one of them. */
	themeIds?: readonly string[];
	/** "Today", for checking that dates are not in the future. */
	today?: Date;
}

/** `content/neighbourhoods/<n>/assets/<slug>.md`: one asset of the neighbourhood. */
export const assetSchema = ({ themeIds, today = new Date() }: AssetSchemaOptions = {}) =>
	strictFields({
		title: text(80),
		/** Plain words, one or two sentences. */
		summary: text(200),
		/** `gift` is a neighbour's gift, skill or passion: a private person. */
		kind: oneOf(ASSET_KINDS, 'kind of entry'),
		/** "What matters to you?" themes, at least one. */
		themes: nonEmptyList(themeRef(themeIds), 'theme'),
		where: strictFields({
			/** The place's name: "St Anne's church hall". */
			place: text(120).optional(),
			address: text(200).optional(),
			postcode: postcode().optional(),
			lat: z.number().min(49, { error: 'is not in the UK (check the latitude)' }).max(61, { error: 'is not in the UK (check the latitude)' }).optional(),
			lng: z.number().min(-9, { error: 'is not in the UK (check the longitude)' }).max(2, { error: 'is not in the UK (check the longitude)' }).optional(),
			/** How to find it, in words: "behind the library, green door". */
			directions: text(300).optional(),
		}).optional(),
		/** Regular times. */
		when: z.array(whenSchema()).optional(),
		/** Anything the list cannot say: "term time only", "ring first". */
		when_note: text(300).optional(),
		cost: oneOf(COSTS, 'cost'),
		/** Amounts: "£2 a session, first one free". */
		cost_note: text(160).optional(),
		/** No booking and no referral needed. */
		just_turn_up: z.boolean({ error: 'should be true or false (write true or false, without quotes)' }).default(false),
		/** How to join, when you cannot just turn up. */
		how_to_join: text(400).optional(),
		access: z.array(oneOf(ACCESS_FEATURES, 'access feature')).default([]),
		contact: strictFields({
			name: text(80).optional(),
			phone: phone().optional(),
			email: email().optional(),
			website: webUrl().optional(),
		}).optional(),
		/** What someone could bring or give: the reciprocal side. */
		ways_to_help: text(600).optional(),
		/** Languages it runs in, beyond the site's. */
		languages: z.array(language()).optional(),
		image: image().optional(),
		/** Required for a gift: how much of the person may be shown. */
		consent: oneOf(CONSENT_LEVELS, 'consent level').optional(),
		/** When consent was given. */
		consent_date: pastDate(today, 'consent_date').optional(),
		/** When someone last confirmed the entry is still true. */
		last_checked: pastDate(today, 'last_checked'),
		checked_by: text(80).optional(),
		/** Old slugs that should lead here. */
		aliases: z.array(slug('old name')).optional(),
		draft: z.boolean({ error: 'should be true or false (write true or false, without quotes)' }).default(false),
	}).superRefine((asset, ctx) => {
		if (asset.kind === 'gift' && !asset.consent) {
			ctx.addIssue({
				code: 'custom',
				path: ['consent'],
				message:
					'is missing: a gift describes a private person (record how much of them may be shown, public, first-name or via-connector, and the consent_date)',
			});
		}
		if (asset.consent && !asset.consent_date) {
			ctx.addIssue({
				code: 'custom',
				path: ['consent_date'],
				message: 'is missing (write the date the person agreed, like consent_date: 2026-03-14)',
			});
		}
	});

export type Asset = z.output<ReturnType<typeof assetSchema>>;
export type When = z.output<ReturnType<typeof whenSchema>>;
