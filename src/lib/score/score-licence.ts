import { describeLicence } from '../vocab/licences.ts';
import { AXIS_NAMES, AXIS_WEIGHTS, LICENCE_POINTS } from './constants.ts';
import { type AxisScore, type Hint, type ScoreInput, totalGain } from './types.ts';

/**
 * Datasets by their licence: open 100, a known but restrictive licence 60, the publisher's own
 * licence 50 with a terms page / 30 without, terms page only 25, nothing 0. APIs by what they
 * declare: an open licence 100, terms of use 75, a known restrictive licence 70, nothing 50
 * (licence clarity is not tracked for APIs that declare nothing, so it neither rewards nor
 * punishes them).
 */
export function scoreLicence(input: ScoreInput): AxisScore {
	const weight = AXIS_WEIGHTS.licence;
	const { entry } = input;
	const base = { axis: 'licence' as const, name: AXIS_NAMES.licence, weight };
	const licence = entry.licence ? describeLicence(entry.licence) : undefined;
	const hint = (text: string, score: number): Hint[] =>
		score < 100 ? [{ axis: 'licence', text, gain: totalGain(weight, 100 - score) }] : [];
	if (entry.kind === 'api') {
		const p = LICENCE_POINTS.api;
		if (licence?.open)
			return {
				...base,
				score: p.openLicence,
				reasons: [`Open licence declared: ${licence.name}.`],
				hints: [],
			};
		if (licence && !licence.id.startsWith('LicenseRef-')) {
			return {
				...base,
				score: p.knownRestrictiveLicence,
				reasons: [`Licence declared: ${licence.name}, which is not an open licence.`],
				hints: hint('Publish it under an open licence', p.knownRestrictiveLicence),
			};
		}
		if (entry.terms || licence) {
			return {
				...base,
				score: p.termsDeclared,
				reasons: ['Terms of use declared, no open licence.'],
				hints: hint('Declare an open licence for the data the API serves', p.termsDeclared),
			};
		}
		return {
			...base,
			score: p.notTracked,
			reasons: [
				'License info not yet tracked for APIs (datasets only): no licence or terms of use declared, scored neutral.',
			],
			hints: hint(
				'Declare the licence or terms of use of the data the API serves (`licence` or `terms`)',
				p.notTracked,
			),
		};
	}
	const p = LICENCE_POINTS;
	if (licence?.open)
		return {
			...base,
			score: p.openLicence,
			reasons: [`Open licence: ${licence.name}.`],
			hints: [],
		};
	if (licence && !licence.id.startsWith('LicenseRef-')) {
		return {
			...base,
			score: p.knownRestrictiveLicence,
			reasons: [`Known licence: ${licence.name}, which is not an open licence.`],
			hints: hint('Publish the data under an open licence', p.knownRestrictiveLicence),
		};
	}
	if (licence) {
		const score = entry.terms ? p.customLicenceWithTerms : p.customLicence;
		return {
			...base,
			score,
			reasons: [
				`The publisher's own licence (${licence.id})${entry.terms ? ', with its terms linked' : ', with no terms page linked'}.`,
			],
			hints: hint('Use a standard open licence (SPDX id)', score),
		};
	}
	if (entry.terms) {
		return {
			...base,
			score: p.termsOnly,
			reasons: ['No licence declared; only a terms-of-use page.'],
			hints: hint('Declare the licence (`licence`, an SPDX id)', p.termsOnly),
		};
	}
	return {
		...base,
		score: p.nothing,
		reasons: ['No licence declared: reusers cannot tell what they may do with the data.'],
		hints: hint('Declare the licence (`licence`, an SPDX id)', p.nothing),
	};
}
