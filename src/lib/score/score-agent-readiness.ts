import type { Entry } from '../../schemas/entry.ts';
import type { Snapshot } from '../../schemas/snapshot.ts';
import { AGENT_SIGNALS, AXIS_NAMES, AXIS_WEIGHTS, MACHINE_READABLE_FORMATS } from './constants.ts';
import { type AxisScore, type ScoreInput, totalGain } from './types.ts';

type SignalKey =
	| (typeof AGENT_SIGNALS)['api'][number]['key']
	| (typeof AGENT_SIGNALS)['dataset'][number]['key'];

const HINTS: Record<SignalKey, string> = {
	'spec-url': 'Publish an OpenAPI description and declare it as `spec.url`',
	'spec-format': 'Declare the spec format (`spec.format`)',
	'spec-valid': 'Make the spec validate against the OpenAPI schema',
	contract:
		'Give one GET operation examples for its required parameters, and keep its answers matching the published schema',
	docs: 'Link the developer documentation (`docs`)',
	homepage: 'Link a homepage (`homepage`)',
	distributions: 'List the download URLs (`distributions`)',
	'media-types': 'Declare the media type of every download (`distributions[].mediaType`)',
	'machine-readable':
		'Offer the data in a machine-readable format (CSV, JSON, XML…) at a URL that answers',
};

/**
 * The contract signal (see CONTRACT_RULE): met when tonight's real request answered as the spec
 * says.
 */
function scoreContract(
	snapshot: Snapshot | null,
	met: Map<SignalKey, string>,
	notes: Map<SignalKey, string>,
): void {
	const contract = snapshot?.contract;
	if (contract?.conforms === true) {
		met.set(
			'contract',
			`A real request to ${contract.operation} answered as the published schema says`,
		);
	} else if (contract?.conforms === false) {
		notes.set(
			'contract',
			`a real request's answer differs from the published schema (${contract.violationCount} difference(s))`,
		);
	} else if (contract) {
		notes.set('contract', `contract not confirmed: ${contract.skipped ?? contract.note}`);
	} else {
		notes.set('contract', 'contract not yet checked');
	}
}

type Signal = { key: SignalKey; points: number; label: string };

/**
 * The signals an entry is scored on. An API not declared open is never called (the register
 * sends no credentials), so its contract points go to the spec's validity (CONTRACT_RULE).
 */
function signalsFor(entry: Entry): readonly Signal[] {
	if (entry.kind === 'dataset') return AGENT_SIGNALS.dataset;
	if (entry.access === 'open') return AGENT_SIGNALS.api;
	const contract = AGENT_SIGNALS.api.find((s) => s.key === 'contract')?.points ?? 0;
	return AGENT_SIGNALS.api
		.filter((s) => s.key !== 'contract')
		.map((s) => (s.key === 'spec-valid' ? { ...s, points: s.points + contract } : s));
}

/** What an agent needs to use it unattended: a machine-readable description, docs, a landing page. */
export function scoreAgentReadiness(input: ScoreInput): AxisScore {
	const weight = AXIS_WEIGHTS.agentReadiness;
	const { entry, snapshot } = input;
	const met = new Map<SignalKey, string>();
	const notes = new Map<SignalKey, string>();
	if (entry.kind === 'api') {
		if (entry.spec) {
			met.set('spec-url', 'OpenAPI spec URL declared');
			if (entry.spec.format !== 'other')
				met.set('spec-format', `Spec format known (${entry.spec.format})`);
			const spec = snapshot?.spec;
			if (spec?.valid)
				met.set(
					'spec-valid',
					`Spec parses and validates (${spec.format} ${spec.version ?? ''})`.replace(' )', ')'),
				);
			else if (spec)
				notes.set('spec-valid', `spec does not validate (${spec.errors[0] ?? 'unreadable'})`);
			else notes.set('spec-valid', 'spec not yet validated');
			if (entry.access === 'open') scoreContract(snapshot, met, notes);
		}
	} else {
		if (entry.distributions.length > 0)
			met.set('distributions', `${entry.distributions.length} download URL(s) listed`);
		if (entry.distributions.length > 0 && entry.distributions.every((d) => d.mediaType))
			met.set('media-types', 'Media types declared');
		const readable = new Set(
			entry.distributions
				.filter((d) =>
					(MACHINE_READABLE_FORMATS as readonly string[]).includes(d.format.toUpperCase()),
				)
				.map((d) => d.url),
		);
		const answered = snapshot?.checks.find(
			(c) =>
				c.target === 'distribution' &&
				readable.has(c.url) &&
				(c.outcome === 'up' || c.outcome === 'degraded'),
		);
		if (answered)
			met.set('machine-readable', 'A machine-readable download answered at the last check');
		else if (readable.size > 0)
			notes.set(
				'machine-readable',
				snapshot
					? 'no machine-readable download answered at the last check'
					: 'downloads not yet checked',
			);
	}
	if (entry.docs) met.set('docs', 'Docs URL present');
	if (entry.homepage) met.set('homepage', 'Homepage URL present');

	const signals = signalsFor(entry);
	const score = signals.reduce((sum, s) => sum + (met.has(s.key) ? s.points : 0), 0);
	const reasons = [
		signals.flatMap((s) => (met.has(s.key) ? [met.get(s.key)] : [])).join(' · ') ||
			'No agent-readiness signal met.',
	];
	const missing = signals
		.filter((s) => !met.has(s.key))
		.map((s) => notes.get(s.key) ?? s.label.toLowerCase());
	if (missing.length > 0) reasons.push(`Not met: ${missing.join(' · ')}.`);
	return {
		axis: 'agentReadiness',
		name: AXIS_NAMES.agentReadiness,
		weight,
		score,
		reasons,
		// Nothing to do but wait for a signal the verifier has not measured yet: no hint for it.
		hints: hintsFor(signals, met, weight).filter(
			(h) =>
				!(
					snapshot === null &&
					(h.text === HINTS['spec-valid'] ||
						h.text === HINTS.contract ||
						h.text === HINTS['machine-readable'])
				),
		),
	};
}

/** Signals that only make sense once their first one is met (a spec must exist to validate). */
const DEPENDS_ON: Partial<Record<SignalKey, SignalKey>> = {
	'spec-format': 'spec-url',
	'spec-valid': 'spec-url',
	contract: 'spec-url',
	'media-types': 'distributions',
	'machine-readable': 'distributions',
};

/** One hint per missing signal, with dependent signals folded into the one they depend on. */
function hintsFor(
	signals: readonly { key: SignalKey; points: number }[],
	met: ReadonlyMap<SignalKey, string>,
	weight: number,
) {
	const missing = signals.filter((s) => !met.has(s.key));
	const folded = (key: SignalKey) => {
		const parent = DEPENDS_ON[key];
		return parent !== undefined && !met.has(parent);
	};
	return missing
		.filter((s) => !folded(s.key))
		.map((s) => {
			const points =
				s.points +
				missing.filter((d) => DEPENDS_ON[d.key] === s.key).reduce((sum, d) => sum + d.points, 0);
			return {
				axis: 'agentReadiness' as const,
				text: HINTS[s.key],
				gain: totalGain(weight, points),
			};
		});
}
