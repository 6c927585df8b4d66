/**
 * The three things a neighbourhood's guide offers to print, described once:
 * each edition's page and the PDF the build makes of it, how a list of things
 * to print names it, and what its page says it is. The pages, their print
 * bar, the guide's "On paper" list and the PDF stage all read this.
 */
import { routes } from './urls.ts';

export type PrintEdition = 'standard' | 'large' | 'week';

export interface PrintEditionInfo {
	edition: PrintEdition;
	/** Its page (`/<n>/print/...`). */
	page: (n: string) => string;
	/** The PDF the build makes of that page. */
	pdf: (n: string) => string;
	/** Its name in a list of things to print (a link's words). */
	link: string;
	/** What it is, as its page says: "This is the Mill Lane guide ..." */
	about: (name: string) => string;
}

export const PRINT_EDITIONS: readonly PrintEditionInfo[] = [
	{
		edition: 'standard',
		page: routes.print,
		pdf: routes.pdf,
		link: 'The whole guide, to print',
		about: (name) => `This is the ${name} guide set out for printing on A4 paper.`,
	},
	{
		edition: 'large',
		page: routes.printLarge,
		pdf: routes.pdfLarge,
		link: 'The whole guide in large print',
		about: (name) => `This is the ${name} guide in large print, set out for printing on A4 paper.`,
	},
	{
		edition: 'week',
		page: routes.printWeek,
		pdf: routes.pdfWeek,
		link: "What's on each week, on one page",
		about: (name) => `This is what's on in ${name} each week, on one sheet of A4 paper to pin up.`,
	},
];

export function printEdition(edition: PrintEdition): PrintEditionInfo {
	const found = PRINT_EDITIONS.find((info) => info.edition === edition);
	if (!found) throw new Error(`no print edition "${edition}"`);
	return found;
}
