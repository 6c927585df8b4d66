/** Links for editors, derived from `edit_url` in site.yaml. */

const GITHUB_EDIT = /^https:\/\/github\.com\/([^/]+)\/([^/]+)\/edit\/(.+)$/;

/**
 * The guide for editors in the same repository, when `edit_url` is a GitHub
 * edit link: `https://github.com/org/repo/edit/main/content/` →
 * `https://github.com/org/repo/blob/main/docs/editing.md`. Otherwise none.
 */
export function editingGuideUrl(editUrl: string | undefined): string | undefined {
	const match = editUrl ? GITHUB_EDIT.exec(editUrl) : null;
	if (!match) return undefined;
	const [, owner, repo, rest] = match;
	// The branch is what comes before the content folder (usually "content/"); branch names may hold slashes.
	const branch = /^(.+?)\/content\/?$/.exec(rest)?.[1] ?? rest.split('/')[0];
	if (!branch) return undefined;
	return `https://github.com/${owner}/${repo}/blob/${branch}/docs/editing.md`;
}

/** "Edit this page": `edit_url` followed by the file's path under content/. */
export function editFileUrl(editUrl: string | undefined, contentPath: string): string | undefined {
	return editUrl ? `${editUrl.replace(/\/?$/, '/')}${contentPath}` : undefined;
}
