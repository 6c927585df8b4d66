import { z } from 'astro/zod';
import { themeRef } from './theme.ts';
import { suggestSlug } from '../lib/words.ts';
import { SLUG_PATTERN, image, language, pastDate, strictFields, text } from './shared.ts';

export interface StorySchemaOptions {
	themeIds?: readonly string[];
	today?: Date;
}

/**
 * A reference from a story to an asset: `slug` in the same neighbourhood, or
 * `<n>/<slug>` in another. Whether it exists is checked across all entries
 * (see `src/lib/validate.ts`), since one file cannot see the others.
 */
export const assetRef = () =>
	z.string().refine((value) => value.split('/').length <= 2 && value.split('/').every((part) => SLUG_PATTERN.test(part)), {
		error: (issue) => {
			const input = String(issue.input);
			const parts = input.split('/');
			const guess = parts.length <= 2 && parts.every((p) => /[a-z0-9]/i.test(p)) ? parts.map(suggestSlug) : ['singing-together'];
			const name = guess[guess.length - 1];
			return `"${input}" is not an asset name (use the asset's file name without ".md", like "${guess.join('/')}", or "other-neighbourhood/${name}" for one in another neighbourhood)`;
		},
	});

/** The asset a story's reference names, as `<n>/<slug>`: a bare slug is in the story's own neighbourhood `n`. */
export function assetKey(ref: string, n: string): string {
	return ref.includes('/') ? ref : `${n}/${ref}`;
}

/** `content/neighbourhoods/<n>/stories/<slug>.md|.mdx`: a resident's story. */
export const storySchema = ({ themeIds, today = new Date() }: StorySchemaOptions = {}) =>
	strictFields({
		title: text(100),
		summary: text(200),
		/** As they chose to be named: "Jean, Mill Lane", "A neighbour". */
		author: text(80),
		date: pastDate(today, 'date'),
		themes: z.array(themeRef(themeIds)).default([]),
		/** Assets the story mentions. */
		assets: z.array(assetRef()).default([]),
		image: image().optional(),
		/** The author agreed to publication. */
		consent: strictFields({
			given: z.literal(true, {
				error:
					'must be true: publish a story only when its author has agreed (until they do, add draft: true)',
			}),
			date: pastDate(today, 'consent date'),
		}),
		/** When the story is not in the site's language. */
		language: language().optional(),
		draft: z.boolean({ error: 'should be true or false (write true or false, without quotes)' }).default(false),
	});

export type Story = z.output<ReturnType<typeof storySchema>>;
