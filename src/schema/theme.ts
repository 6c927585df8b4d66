import { z } from 'astro/zod';
import { didYouMean } from '../lib/words.ts';
import { slug, strictFields, text } from './shared.ts';

/** One "what matters to you?" theme in `content/themes.yaml`. */
export const themeSchema = () =>
	strictFields({
		/** Used by entries' `themes:` lists, e.g. `music-and-singing`. */
		id: slug('theme id'),
		/** What readers see, e.g. "Music and singing". */
		label: text(60),
		/** One short sentence. */
		description: text(200).optional(),
	});

/** The whole of `content/themes.yaml`: a list of themes with distinct ids. */
export const themesSchema = () =>
	z
		.array(themeSchema(), { error: 'should be a list of themes (start each one with "- id:")' })
		.min(1, { error: 'has no themes (add at least one, like "- id: company-and-a-cuppa")' })
		.superRefine((themes, ctx) => {
			const seen = new Set<string>();
			themes.forEach((theme, index) => {
				if (seen.has(theme.id)) {
					ctx.addIssue({
						code: 'custom',
						path: [index, 'id'],
						message: `"${theme.id}" is used by two themes (give each theme its own id)`,
					});
				}
				seen.add(theme.id);
			});
		});

export type Theme = z.output<ReturnType<typeof themeSchema>>;

/** A reference from an entry to a theme, checked against the themes that exist. */
export const themeRef = (themeIds: readonly string[] | undefined) => {
	const base = z.string();
	if (!themeIds) return base;
	return base.refine((id) => themeIds.includes(id), {
		error: (issue) => themeRefMessage(String(issue.input), themeIds),
	});
};

export function themeRefMessage(id: string, themeIds: readonly string[]): string {
	const guess = didYouMean(id, themeIds);
	const hint = guess ? `did you mean "${guess}"? ` : '';
	return `"${id}" is not a theme (${hint}use one of the ids in content/themes.yaml: ${themeIds.join(', ')})`;
}
