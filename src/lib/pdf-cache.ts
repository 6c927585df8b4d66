/**
 * PDFs kept from one build for the next, so that a network prints again only
 * the guides whose pages changed.
 *
 * Printing is by far the slowest part of a build with PDFs: about two and a
 * half seconds for each neighbourhood's three PDFs, so half an hour for a
 * network of several hundred, against a minute or two for all of its pages.
 * Most builds follow an edit to one entry, in one neighbourhood. So each PDF
 * is kept with what it was printed from, and the next build prints a page
 * again only when any of that differs:
 *
 * - the page's HTML, as Astro wrote it (before the PDF stage wrote the page
 *   numbers and the PDF's link into it);
 * - every file the browser fetched to print it (style sheets, pictures),
 *   byte for byte;
 * - what prints it: the browser's and Playwright's versions, the machine's
 *   fonts, and the code of the PDF stage (a fingerprint, `pdfFingerprint`
 *   in pdfs.ts).
 *
 * When all of these are the same, so is the PDF: it is taken from the cache
 * with the page's finished HTML, and the build says it kept it. Anything
 * unreadable or missing in the cache is a miss, never an error: the page is
 * printed as if there were no cache. The cache lives beside the output
 * (`.cache/dist/pdfs/`), never in it, and deleting it is always safe.
 */
import { hash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Changes when what is stored changes shape: older entries are then misses. */
const FORMAT = 1;

/** A page printed to PDF, with the page's HTML as the PDF stage left it. */
export interface PrintedPdf {
	/** The page's HTML after printing (page numbers and the PDF's link written in). */
	html: string;
	pdf: Buffer;
	pageCount: number;
	/** How many printings it took: kept for the build's log. */
	passes: number;
}

/** What the cache stores about a PDF, beside its two files. */
interface Stored {
	format: number;
	page: string;
	/** Each file the browser fetched, by its path in the site, with the SHA-256 of its bytes (null: it was missing). */
	resources: [string, string | null][];
	pageCount: number;
	passes: number;
	pdf: string;
	html: string;
}

export function sha256(data: string | Buffer): string {
	return hash('sha256', data);
}

/** The SHA-256 of a file's bytes; null when it is missing or not a plain file. */
async function fileHash(file: string): Promise<string | null> {
	try {
		if (!(await stat(file)).isFile()) return null;
		return sha256(await readFile(file));
	} catch {
		return null;
	}
}

/** Where a path of the site is on disk; undefined for one that leads out of the site. */
export type FileOf = (sitePath: string) => string | undefined;

export class PdfCache {
	readonly dir: string;
	readonly #fingerprint: string;
	readonly #used = new Set<string>();
	/**
	 * Each file's hash, read once a build: every page of a network fetches the same style sheets. The PDF
	 * stage changes only the pages it prints, which are keys here and never among the files they fetch.
	 */
	readonly #hashes = new Map<string, Promise<string | null>>();

	/** `fingerprint`: what prints the PDFs (browser, fonts, code); a different one makes every PDF a miss. */
	constructor(dir: string, fingerprint: string) {
		this.dir = dir;
		this.#fingerprint = fingerprint;
	}

	/** The name a print is kept under: the page's address and its HTML as built, with what prints it. */
	key(page: string, builtHtml: string): string {
		return sha256(`${FORMAT}\0${this.#fingerprint}\0${page}\0${builtHtml}`);
	}

	/**
	 * The PDF printed last time from exactly this page, if there is one and
	 * every file it fetched is still the same; `fileOf` says where a path of
	 * the site is on disk.
	 */
	async find(page: string, builtHtml: string, fileOf: FileOf): Promise<PrintedPdf | undefined> {
		try {
			return await this.#find(page, builtHtml, fileOf);
		} catch {
			// Whatever is wrong with what was kept (a cache restored from elsewhere, a disk error), the page is printed.
			return undefined;
		}
	}

	async #find(page: string, builtHtml: string, fileOf: FileOf): Promise<PrintedPdf | undefined> {
		const key = this.key(page, builtHtml);
		let stored: Stored;
		try {
			stored = JSON.parse(await readFile(this.#file(key, 'json'), 'utf8')) as Stored;
		} catch {
			return undefined;
		}
		if (stored.format !== FORMAT || stored.page !== page || !Array.isArray(stored.resources)) return undefined;
		for (const [sitePath, then] of stored.resources) {
			const file = typeof sitePath === 'string' ? fileOf(sitePath) : undefined;
			if (file === undefined || (await this.#fileHash(file)) !== then) return undefined;
		}
		const [pdf, html] = await Promise.all([readFile(this.#file(key, 'pdf')), readFile(this.#file(key, 'html'), 'utf8')]);
		// A file cut short (a build stopped while writing it) is a miss, not a broken PDF on the site.
		if (sha256(pdf) !== stored.pdf || sha256(html) !== stored.html) return undefined;
		this.#used.add(key);
		return { html, pdf, pageCount: stored.pageCount, passes: stored.passes };
	}

	/**
	 * Keep a page's PDF for the next build: `resources` are the paths in the
	 * site that the browser fetched to print it, hashed now. False when it
	 * could not be kept (something it fetched is not in the site).
	 */
	async keep(page: string, builtHtml: string, resources: Iterable<string>, fileOf: FileOf, printed: PrintedPdf): Promise<boolean> {
		const key = this.key(page, builtHtml);
		const hashed: [string, string | null][] = [];
		for (const sitePath of [...new Set(resources)].sort()) {
			const file = fileOf(sitePath);
			// Something from outside the site cannot be checked next time: that print is not kept.
			if (file === undefined) return false;
			hashed.push([sitePath, await this.#fileHash(file)]);
		}
		const stored: Stored = {
			format: FORMAT,
			page,
			resources: hashed,
			pageCount: printed.pageCount,
			passes: printed.passes,
			pdf: sha256(printed.pdf),
			html: sha256(printed.html),
		};
		mkdirSync(this.dir, { recursive: true });
		// The description last, each file whole or not at all: an entry is only found once all of it is there.
		await this.#write(this.#file(key, 'pdf'), printed.pdf);
		await this.#write(this.#file(key, 'html'), printed.html);
		await this.#write(this.#file(key, 'json'), JSON.stringify(stored));
		this.#used.add(key);
		return true;
	}

	/** How many PDFs this build found or kept. */
	get used(): number {
		return this.#used.size;
	}

	/**
	 * Delete what this build neither found nor kept: PDFs of pages that have
	 * since changed or gone. Only after a build that printed every page of
	 * its output; returns how many PDFs were let go.
	 */
	prune(): number {
		if (!existsSync(this.dir)) return 0;
		const gone = new Set<string>();
		for (const name of readdirSync(this.dir)) {
			const key = name.split('.')[0];
			// A part-written file is left over from a build that stopped.
			if (this.#used.has(key) && !name.endsWith('.part')) continue;
			rmSync(path.join(this.dir, name), { force: true });
			if (name.endsWith('.json')) gone.add(key);
		}
		return gone.size;
	}

	#fileHash(file: string): Promise<string | null> {
		let known = this.#hashes.get(file);
		if (!known) this.#hashes.set(file, (known = fileHash(file)));
		return known;
	}

	#file(key: string, ext: 'json' | 'pdf' | 'html'): string {
		return path.join(this.dir, `${key}.${ext}`);
	}

	async #write(file: string, data: string | Buffer): Promise<void> {
		const temporary = `${file}.${process.pid}.part`;
		await writeFile(temporary, data);
		await rename(temporary, file);
	}
}
