import { z } from 'astro/zod';
import { email, language, phone, strictFields, text, webUrl } from './shared.ts';

/** A person whose role is to help people find their way in. */
export const connectorSchema = () =>
	strictFields({
		/** As they want to be named, e.g. "Amina Begum". */
		name: text(80),
		/** e.g. "Community connector", "Link worker at the Vale surgery". */
		role: text(120).optional(),
		phone: phone().optional(),
		email: email().optional(),
		/** When they can be reached, in words: "Weekday mornings". */
		when: text(160).optional(),
	});

/** `content/neighbourhoods/<n>/index.md`: one neighbourhood's guide. */
export const neighbourhoodSchema = () =>
	strictFields({
		/** The name residents use. */
		name: text(80),
		/** One or two sentences. */
		summary: text(200),
		/** The streets and landmarks residents count as the neighbourhood. */
		area: text(600),
		/** Roughly how many people live here. */
		population: z.int({ error: 'should be a whole number (like 4200)' }).positive({ error: 'should be more than 0 (like 4200)' }).optional(),
		/** Languages spoken locally, as codes such as `en-GB`, `pa`, `pl`. */
		languages: z.array(language()).optional(),
		/** People to ask; shown first. */
		connectors: z.array(connectorSchema()).default([]),
		/** GP practices serving the area. */
		surgeries: z
			.array(
				strictFields({
					name: text(120),
					url: webUrl().optional(),
				}),
			)
			.default([]),
		/** The association that keeps this guide. */
		maintained_by: strictFields({
			name: text(120),
			email: email().optional(),
			url: webUrl().optional(),
		}),
		/** Keeps the whole neighbourhood out of every output. */
		draft: z.boolean().default(false),
	});

export type Neighbourhood = z.output<ReturnType<typeof neighbourhoodSchema>>;
export type Connector = z.output<ReturnType<typeof connectorSchema>>;
