/**
 * The EU frequency vocabulary (http://publications.europa.eu/resource/authority/frequency), the
 * codes DCAT-AP's dct:accrualPeriodicity uses: a label, and for regular ones how many days apart
 * two updates are at most. Irregular, continuous and unknown frequencies have no period, so no
 * file can be called stale against them.
 */
export const FREQUENCIES = {
	HOURLY: { label: 'hourly', days: 1 / 24 },
	BIHOURLY: { label: 'every two hours', days: 2 / 24 },
	TRIHOURLY: { label: 'every three hours', days: 3 / 24 },
	DAILY_2: { label: 'twice a day', days: 0.5 },
	DAILY: { label: 'daily', days: 1 },
	WEEKLY_3: { label: 'three times a week', days: 7 / 3 },
	WEEKLY_2: { label: 'twice a week', days: 3.5 },
	WEEKLY: { label: 'weekly', days: 7 },
	BIWEEKLY: { label: 'every two weeks', days: 14 },
	MONTHLY_3: { label: 'three times a month', days: 31 / 3 },
	MONTHLY_2: { label: 'twice a month', days: 15.5 },
	MONTHLY: { label: 'monthly', days: 31 },
	BIMONTHLY: { label: 'every two months', days: 62 },
	QUARTERLY: { label: 'quarterly', days: 92 },
	ANNUAL_3: { label: 'three times a year', days: 122 },
	ANNUAL_2: { label: 'twice a year', days: 183 },
	ANNUAL: { label: 'yearly', days: 366 },
	BIENNIAL: { label: 'every two years', days: 731 },
	TRIENNIAL: { label: 'every three years', days: 1096 },
	QUADRENNIAL: { label: 'every four years', days: 1461 },
	QUINQUENNIAL: { label: 'every five years', days: 1827 },
	DECENNIAL: { label: 'every ten years', days: 3653 },
	CONT: { label: 'continuously', days: null },
	UPDATE_CONT: { label: 'continuously updated', days: null },
	IRREG: { label: 'irregularly', days: null },
	NEVER: { label: 'never', days: null },
	OTHER: { label: 'other', days: null },
	UNKNOWN: { label: 'unknown', days: null },
} as const satisfies Record<string, { label: string; days: number | null }>;

export type FrequencyCode = keyof typeof FREQUENCIES;

export const FREQUENCY_CODES = Object.keys(FREQUENCIES) as [FrequencyCode, ...FrequencyCode[]];

/** Days between two updates at most, or null when the frequency promises none. */
export function frequencyDays(code: FrequencyCode): number | null {
	return FREQUENCIES[code].days;
}

export function frequencyLabel(code: FrequencyCode): string {
	return FREQUENCIES[code].label;
}
