/**
 * What runs over the built site, in this order. PDFs last: they print the
 * finished pages. A module of its own, so that the steps that run them after
 * Astro (npm run build, npm run combine) load only the stages, not the
 * integration and its content check.
 */
import { pdfs } from './pdfs.ts';
import { pictures } from './pictures.ts';
import { searchIndex } from './search-index.ts';
import type { BuildStage } from './stage.ts';

export const STAGES: readonly BuildStage[] = [pictures, searchIndex, pdfs];
