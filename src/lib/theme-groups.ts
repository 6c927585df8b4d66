/**
 * Entries by what matters to you, each entry once: under its first theme,
 * and named under its other themes with "Also about ...".
 *
 * The guide page once listed every entry in full under every theme it has,
 * so an entry with three themes came three times, and a guide of 50 entries
 * ran to 65 phone screens. The printed guide has always listed each entry
 * once; the guide page, the embed and the printed guide now share this.
 * A theme's own page still lists all of its entries in full.
 */
import type { GuideAsset, ThemeGroup } from './guide.ts';

export interface ThemeOnce extends ThemeGroup {
	/** The entries whose first theme (of those the guide has) is this one, in full. */
	assets: GuideAsset[];
	/** The theme's other entries, listed in full under another theme. */
	alsoHere: GuideAsset[];
}

/** The theme an entry is listed under: the first of its themes that the guide has. */
export function primaryTheme(asset: GuideAsset, themeIds: readonly string[]): string {
	return asset.data.themes.find((id) => themeIds.includes(id)) ?? asset.data.themes[0];
}

export function themesOnce(groups: readonly ThemeGroup[]): ThemeOnce[] {
	const themeIds = groups.map((group) => group.theme.id);
	return groups.map((group) => ({
		theme: group.theme,
		assets: group.assets.filter((a) => primaryTheme(a, themeIds) === group.theme.id),
		alsoHere: group.assets.filter((a) => primaryTheme(a, themeIds) !== group.theme.id),
	}));
}
