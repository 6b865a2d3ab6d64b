import {
	HARVEST_LIST_MAX,
	HARVEST_TEXT_MAX,
	type HarvestedRecord,
} from '../../../schemas/imported.ts';
import { pickByLanguage } from './languages.ts';

/**
 * Reading untrusted JSON values into harvested fields, shared by every JSON and CSV adapter:
 * text trimmed and cut to what a harvested field may hold, addresses whole or not at all, lists
 * deduplicated and capped.
 */

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `T` with every key that may be undefined made optional instead. */
export type Compact<T> = {
	[K in keyof T as undefined extends T[K] ? never : K]: T[K];
} & { [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined> };

/** Drops the keys whose value is undefined, so optional fields stay absent rather than undefined. */
export function compact<T extends Record<string, unknown>>(value: T): Compact<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Compact<T>;
}

/** A non-empty string, cut to what a harvested field may hold. */
export function text(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed.slice(0, HARVEST_TEXT_MAX);
}

/**
 * A value kept whole or not at all, for a URL, an email or a key: one cut short would be
 * another address or another key.
 */
export function whole(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	return trimmed === '' || trimmed.length > HARVEST_TEXT_MAX ? undefined : trimmed;
}

/** A string or a `{ "de": …, "fr": … }` object, in the preferred language. */
export function localized(value: unknown, languages: readonly string[]): string | undefined {
	if (isObject(value)) {
		const tagged = Object.entries(value).flatMap(([language, v]) => {
			const t = text(v);
			return t === undefined ? [] : [{ language, value: t }];
		});
		return pickByLanguage(tagged, languages);
	}
	return text(value);
}

/** Distinct strings, at most as many as a harvested list may hold. */
export function uniqueList(values: Iterable<string | undefined>): string[] | undefined {
	const out = new Set<string>();
	for (const value of values) {
		if (value !== undefined) out.add(value.slice(0, HARVEST_TEXT_MAX));
		if (out.size >= HARVEST_LIST_MAX) break;
	}
	return out.size > 0 ? [...out] : undefined;
}

/** One distribution's values as read from a source; any of them may be missing. */
export interface DistributionValues {
	url: string | undefined;
	format: string | undefined;
	mediaType: string | undefined;
	title: string | undefined;
}

/**
 * The distributions of a record, whatever the source's shape: each item read by `read`, one
 * without a URL left out, missing values left absent, at most as many as a harvested list holds.
 */
export function distributionList<T>(
	items: Iterable<T>,
	read: (item: T) => DistributionValues | undefined,
): HarvestedRecord['distributions'] {
	const out: NonNullable<HarvestedRecord['distributions']> = [];
	for (const item of items) {
		const values = read(item);
		if (values?.url === undefined) continue;
		const { url, format, mediaType, title } = values;
		out.push({
			url,
			...(format ? { format } : {}),
			...(mediaType ? { mediaType } : {}),
			...(title ? { title } : {}),
		});
		if (out.length >= HARVEST_LIST_MAX) break;
	}
	return out.length > 0 ? out : undefined;
}
