/** The content model: one module per concept, shared by Astro, scripts and tests. */
export * from './shared.ts';
export * from './site.ts';
export * from './theme.ts';
export * from './neighbourhood.ts';
export * from './asset.ts';
export * from './story.ts';
