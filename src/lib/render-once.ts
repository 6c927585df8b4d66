/**
 * HTML rendered once and shared by the pages that show it, for a build.
 *
 * The printed guide and its large-print edition are the same words in a
 * different type: everything but the cover and the week comes out byte for
 * byte the same, and it is the biggest page of a neighbourhood (an entry
 * under each theme, the stories, an A to Z). So the first edition to render
 * a part keeps its HTML here, and the second takes it instead of rendering
 * it again (src/components/RenderOnce.astro).
 *
 * Each part is kept until it has been taken as often as the build will ask
 * for it, then let go, so the build holds at most the parts waiting for
 * their second page. A build that renders on worker threads
 * (GUIDE_RENDER_THREADS) has one of these per thread: a part whose pages
 * land on different threads is rendered on each, as before, and the copy
 * left over is let go with the thread.
 */

interface Kept {
	html: Promise<string>;
	/** How many more pages will ask for it. */
	left: number;
}

export class RenderedParts {
	readonly #kept = new Map<string, Kept>();

	/**
	 * The HTML of `key`, rendered by `render` the first time it is asked for;
	 * `uses` is how many pages of the build will ask for it in all. A promise
	 * is kept, not the string, so pages rendered at the same time (Astro
	 * renders several at once) share one rendering.
	 */
	html(key: string, uses: number, render: () => Promise<string>): Promise<string> {
		if (!Number.isInteger(uses) || uses < 1) throw new Error(`RenderOnce "${key}": uses must be a whole number of pages, 1 or more (was ${uses})`);
		let kept = this.#kept.get(key);
		if (!kept) {
			const fresh: Kept = { html: render(), left: uses };
			this.#kept.set(key, fresh);
			// A part that failed to render is not kept: the next page tries again, and fails with its own error.
			fresh.html.catch(() => {
				if (this.#kept.get(key) === fresh) this.#kept.delete(key);
			});
			kept = fresh;
		}
		kept.left -= 1;
		if (kept.left <= 0) this.#kept.delete(key);
		return kept.html;
	}

	/** How many parts are waiting for another page. */
	get waiting(): number {
		return this.#kept.size;
	}
}

/** The build's parts, shared by every page it renders (on one thread). */
export const renderedParts = new RenderedParts();
