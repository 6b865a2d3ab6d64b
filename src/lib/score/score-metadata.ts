import {
	AXIS_NAMES,
	AXIS_WEIGHTS,
	DESCRIPTION_MIN_CHARS,
	RECOMMENDED_FIELDS,
	type RecommendedField,
} from './constants.ts';
import { type AxisScore, type ScoreInput, totalGain } from './types.ts';

export function presentFields(input: ScoreInput): Set<RecommendedField> {
	const { entry, description } = input;
	const present = new Set<RecommendedField>();
	const has = (key: RecommendedField, value: unknown) => {
		if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0))
			present.add(key);
	};
	has('description', description.trim().length >= DESCRIPTION_MIN_CHARS ? description : undefined);
	has('homepage', entry.homepage);
	has('docs', entry.docs);
	has('access-point', entry.kind === 'api' ? entry.spec : entry.distributions);
	has('licence', entry.licence);
	has('terms', entry.terms);
	has('themes', entry.themes);
	has('keywords', entry.keywords);
	has('languages', entry.languages);
	has('contact', entry.contact);
	return present;
}

/** N of the ten recommended fields present, as a percentage. */
export function scoreMetadata(input: ScoreInput): AxisScore {
	const weight = AXIS_WEIGHTS.metadata;
	const present = presentFields(input);
	const missing = RECOMMENDED_FIELDS.filter((f) => !present.has(f.key));
	const score = (present.size / RECOMMENDED_FIELDS.length) * 100;
	const reasons = [
		`${present.size} of ${RECOMMENDED_FIELDS.length} recommended metadata fields populated.`,
	];
	if (missing.length > 0) reasons.push(`Missing: ${missing.map((f) => f.label).join(', ')}.`);
	const perField = 100 / RECOMMENDED_FIELDS.length;
	return {
		axis: 'metadata',
		name: AXIS_NAMES.metadata,
		weight,
		score,
		reasons,
		hints: missing.map((f) => ({
			axis: 'metadata',
			text: `Add the ${f.label} (${f.rule})`,
			gain: totalGain(weight, perField),
		})),
	};
}
