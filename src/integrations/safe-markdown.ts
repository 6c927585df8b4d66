/**
 * The Markdown processor of the build: Astro's own (Sätteri), with a guard
 * in front of the MDX compiler.
 *
 * MDX is a programming language: compiled, a story could import `node:fs` and
 * print a file of the machine that builds it, or read its environment. The
 * guard reads each `.mdx` file exactly as the compiler is about to read it
 * and refuses anything but words and the story components with literal props
 * (src/lib/safety/body.ts, the same rules `npm run check` uses). It runs in
 * every build and in `astro dev`, whatever the preflight check said, so no
 * MDX is ever compiled, let alone run, without passing it.
 *
 * Markdown (`.md`) is rendered as usual; its raw HTML is sanitised where it
 * reaches the page (src/components/EntryBody.astro).
 */
import path from 'node:path';
import { satteri } from '@astrojs/markdown-satteri';
import { isContentFile } from '../lib/content-files.ts';
import { checkBody } from '../lib/safety/body.ts';

type SatteriProcessor = ReturnType<typeof satteri>;
type MdxRenderer = Awaited<ReturnType<NonNullable<SatteriProcessor['createMdxRenderer']>>>;

/** Marks a processor as guarded, so the build can refuse to run without the guard. */
export const MDX_GUARD = Symbol.for('good-life-guides.mdx-guard');

export function safeMarkdownProcessor(options: { contentDir: string }): SatteriProcessor {
	const base = satteri();
	const createMdxRenderer: NonNullable<SatteriProcessor['createMdxRenderer']> = async (shared, mdx) => {
		const renderer: MdxRenderer = await base.createMdxRenderer!(shared, mdx);
		return {
			...renderer,
			async process(content, filePath, frontmatter) {
				guardMdx(content, filePath, options.contentDir);
				return renderer.process(content, filePath, frontmatter);
			},
		};
	};
	// Astro's config validation copies the processor object but keeps its functions: the mark goes on the function.
	Object.defineProperty(createMdxRenderer, MDX_GUARD, { value: true });
	return { ...base, createMdxRenderer };
}

/** Whether a processor compiles MDX only through the guard. */
export function isGuarded(processor: unknown): boolean {
	const create = (processor as { createMdxRenderer?: unknown } | undefined)?.createMdxRenderer;
	return typeof create === 'function' && (create as unknown as Record<symbol, unknown>)[MDX_GUARD] === true;
}

/** An MDX file that is not a safe story. Its message names the file, each line, what is wrong and how to fix it. */
export class UnsafeMdxError extends Error {
	readonly line?: number;
	readonly column?: number;
	constructor(message: string, line?: number, column?: number) {
		super(message);
		this.name = 'UnsafeMdxError';
		this.line = line;
		this.column = column;
	}
}

/**
 * Throws unless the MDX source is a safe story. `source` is what the compiler
 * gets: the file with its frontmatter blanked out, so lines are the file's.
 */
export function guardMdx(source: string, filePath: string, contentDir: string): void {
	const file = filePath.split('?')[0];
	const root = path.resolve(contentDir);
	const relative = path.relative(root, file);
	const inContent = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
	const findings = checkBody(source, {
		format: 'mdx',
		contentPath: inContent ? relative.split(path.sep).join('/') : undefined,
		fileExists: (contentPath) => isContentFile(root, contentPath),
	}).filter((finding) => finding.severity === 'error');
	if (findings.length === 0) return;
	const shown = path.relative(process.cwd(), file) || file;
	const lines = findings.map((f) => `  ${shown}:${f.line}: ${f.message}`);
	const first = findings[0];
	throw new UnsafeMdxError(
		`${shown} is not a safe MDX story, so the guides cannot be built:\n\n${lines.join('\n')}\n\n` +
			'A story is words, not code: Markdown, plus <PullQuote> and <AssetCard> with their details in quotes. Run "npm run check" to see every problem.',
		first.line,
		first.column,
	);
}
