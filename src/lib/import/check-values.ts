import { z } from 'zod';
import { HttpUrlSchema, IsoDateSchema } from '../../schemas/common.ts';
import { SPEC_FORMATS, type SpecFormat } from '../../schemas/entry.ts';
import type { HarvestSkip } from '../../schemas/imported.ts';
import { checkUrlHost } from '../catalog/url-rules.ts';
import { plainText } from './clean-text.ts';

/**
 * One harvested value at a time, through the same rules as a hand-written entry's: a value that
 * fails is dropped and noted, so one bad link costs that link, not the record.
 */
export class ValueChecker {
	readonly dropped: HarvestSkip[] = [];

	readonly #sourceId: string;
	readonly #allowPrivate: boolean;

	constructor(sourceId: string, allowPrivate: boolean) {
		this.#sourceId = sourceId;
		this.#allowPrivate = allowPrivate;
	}

	drop(field: string, reason: string): undefined {
		this.dropped.push({ sourceId: this.#sourceId, field, reason });
		return undefined;
	}

	/** An http(s) URL without credentials on a public host, or undefined (noted). */
	url(field: string, value: string | undefined): string | undefined {
		if (value === undefined || value.trim() === '') return undefined;
		const parsed = HttpUrlSchema.safeParse(value.trim());
		if (!parsed.success) return this.drop(field, parsed.error.issues[0]?.message ?? 'not a URL');
		const errors = checkUrlHost('', field, parsed.data, this.#allowPrivate).filter(
			(p) => p.severity === 'error',
		);
		if (errors[0]) return this.drop(field, errors[0].message);
		return parsed.data;
	}

	email(field: string, value: string | undefined): string | undefined {
		if (!value) return undefined;
		const parsed = z.email().safeParse(value.trim().replace(/^mailto:/i, ''));
		return parsed.success ? parsed.data : this.drop(field, 'is not an e-mail address');
	}
}

/** YYYY-MM-DD from an ISO 8601 date or date-time, else undefined. */
export function isoDate(value: string | undefined): string | undefined {
	const date = value?.trim().slice(0, 10);
	return date && IsoDateSchema.safeParse(date).success ? date : undefined;
}

/** A format name as DistributionSchema takes it (CSV, JSON, GeoJSON…), from a name, URI or media type. */
export function formatName(format: string | undefined, mediaType: string | undefined): string {
	const fromFormat = plainText(format, 200)
		.replace(/[/#]+$/, '')
		.split(/[/#]/)
		.pop();
	const fromMedia = mediaType?.split(';')[0]?.split('/').pop()?.split('+').pop();
	for (const candidate of [fromFormat, fromMedia]) {
		const name = candidate?.trim().replace(/^\./, '');
		if (name && /^[A-Za-z0-9+.-]{2,20}$/.test(name)) return name.toUpperCase();
	}
	return '';
}

/** An IANA media type (type/subtype), from the type itself or an IANA URI. */
export function mediaTypeOf(value: string | undefined): string | undefined {
	const match = value
		?.trim()
		.toLowerCase()
		.match(/([a-z]+\/[a-z0-9.+-]+)(?:;.*)?$/);
	return match?.[1];
}

const SPEC_WORDS: Readonly<Record<string, SpecFormat>> = {
	swagger: 'openapi',
	oas: 'openapi',
	oas3: 'openapi',
	openapi3: 'openapi',
	openapi2: 'openapi',
};

/** A spec format the register knows; what cannot be told is `other`. */
export function specFormat(value: string | undefined): SpecFormat {
	const word = (value ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
	if ((SPEC_FORMATS as readonly string[]).includes(word)) return word as SpecFormat;
	const known = SPEC_WORDS[word] ?? SPEC_FORMATS.find((f) => word.startsWith(f));
	return known ?? 'other';
}
