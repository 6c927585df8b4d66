import { z } from 'astro/zod';
import { language, strictFields, text, webUrl } from './shared.ts';

/** `content/site.yaml`: settings for the whole site. */
export const siteSchema = () =>
	strictFields({
		/** The site's name, e.g. "Good Life Guides for Northtown". */
		title: text(120),
		/** One sentence saying what the guides are. */
		description: text(300).optional(),
		/** Where the site is published; printed guides and QR codes use it. */
		url: webUrl().optional(),
		/** The language most of the content is written in. */
		language: language().default('en-GB'),
		/** IANA time zone for calendars. */
		timezone: z
			.string()
			.refine(isTimeZone, {
				error: (issue) =>
					`"${String(issue.input)}" is not a time zone (use a name such as "Europe/London")`,
			})
			.default('Europe/London'),
		/** "Edit this page" links go to `edit_url` + the file's path under `content/`. */
		edit_url: webUrl().optional(),
		/** Where a reader without Git can suggest a change: a web address or `mailto:`. */
		suggest: z
			.string()
			.regex(/^(https?:\/\/\S+|mailto:\S+@\S+)$/, {
				error: (issue) =>
					`"${String(issue.input)}" is not a web address or email link (write "https://..." or "mailto:name@example.org")`,
			})
			.optional(),
		/** Entries not checked for longer than this many months are flagged. */
		stale_after_months: z
			.int({ error: 'should be a whole number of months (like 12)' })
			.min(1, { error: 'should be at least 1 month (like 12)' })
			.max(120, { error: 'is more than ten years (use 120 months or fewer)' })
			.default(12),
	});

export type Site = z.output<ReturnType<typeof siteSchema>>;

function isTimeZone(value: string): boolean {
	try {
		new Intl.DateTimeFormat('en-GB', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}
