/**
 * The EU data-theme vocabulary (http://publications.europa.eu/resource/authority/data-theme),
 * the same thirteen themes data.europa.eu and DCAT-AP use.
 */
export const THEMES = {
	AGRI: 'Agriculture, fisheries, forestry and food',
	ECON: 'Economy and finance',
	EDUC: 'Education, culture and sport',
	ENER: 'Energy',
	ENVI: 'Environment',
	GOVE: 'Government and public sector',
	HEAL: 'Health',
	INTR: 'International issues',
	JUST: 'Justice, legal system and public safety',
	REGI: 'Regions and cities',
	SOCI: 'Population and society',
	TECH: 'Science and technology',
	TRAN: 'Transport',
} as const;

export type ThemeCode = keyof typeof THEMES;

export const THEME_CODES = Object.keys(THEMES) as [ThemeCode, ...ThemeCode[]];

export function themeName(code: ThemeCode): string {
	return THEMES[code];
}
