/**
 * Build settings that come from the environment, in one place.
 *
 * - CONTENT_DIR: the content folder (default `content`).
 * - BASE_PATH: where the site lives on its host (default `/`).
 * - SITE_URL: the site's full address (default `url` in site.yaml).
 * - OUT_DIR: where the built site goes (default `dist`).
 * - GUIDE_TODAY: pin "today" (see today.ts).
 */
import path from 'node:path';
import { normaliseBase } from './urls.ts';

export function contentDir(): string {
	return path.resolve(process.env.CONTENT_DIR || 'content');
}

export function basePath(): string {
	return normaliseBase(process.env.BASE_PATH || '/');
}

export function outDir(): string {
	return path.resolve(process.env.OUT_DIR || 'dist');
}
