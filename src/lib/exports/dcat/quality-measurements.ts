import type { Quad_Subject } from '@rdfjs/types';
import type { RegisterRecord } from '../../register/assemble-register.ts';
import { absoluteUrl, pagePath } from '../../register/urls.ts';
import { AXES, AXIS_NAMES, type Axis } from '../../score/constants.ts';
import { namedNode, QuadList, term, text, typed } from './rdf-terms.ts';

/**
 * Our measurements in the W3C Data Quality Vocabulary (DQV), so a portal can show them: the
 * catalogue declares each metric once, with the dimension it measures; each record carries one
 * measurement per metric it has a value for. A record never verified has no availability
 * measurement — we write what was measured, never a default.
 */

type DimensionId = Axis | 'quality';
type MetricId = 'available' | 'uptime30' | 'score' | `score-${Axis}`;

const DIMENSIONS: Record<DimensionId, { label: string; definition: string }> = {
	availability: {
		label: AXIS_NAMES.availability,
		definition:
			'Whether the resource answers: the nightly check of its URLs, and the share of nights it was up.',
	},
	officialness: {
		label: AXIS_NAMES.officialness,
		definition:
			'Evidence that the resource comes from the body it is attributed to: official domains, catalogue listings, its GitHub organisation, links from the publisher, a published policy.',
	},
	metadata: {
		label: AXIS_NAMES.metadata,
		definition: 'How many of the recommended metadata fields the record fills in.',
	},
	licence: {
		label: AXIS_NAMES.licence,
		definition:
			'How clearly the terms of reuse are stated; the methodology page lists what counts.',
	},
	agentReadiness: {
		label: AXIS_NAMES.agentReadiness,
		definition:
			'How far a program can use the resource without a person reading its documentation first; the methodology page lists what counts.',
	},
	quality: {
		label: 'Overall quality',
		definition: 'The weighted total of the five axes of the register’s score.',
	},
};

interface Metric {
	label: string;
	definition: string;
	dimension: DimensionId;
	datatype: 'boolean' | 'decimal' | 'integer';
}

const METRICS: Record<MetricId, Metric> = {
	available: {
		label: 'Available at the last check',
		definition:
			'True when the last nightly check found the resource up or degraded, false when it found it down. No measurement when the check was inconclusive or never ran.',
		dimension: 'availability',
		datatype: 'boolean',
	},
	uptime30: {
		label: 'Uptime over 30 days',
		definition:
			'Share of the last 30 nights checked on which the resource was up or degraded, from 0 to 1.',
		dimension: 'availability',
		datatype: 'decimal',
	},
	score: {
		label: 'Quality score',
		definition: 'The register’s score of the resource, from 0 to 100.',
		dimension: 'quality',
		datatype: 'integer',
	},
	...(Object.fromEntries(
		AXES.map((axis) => [
			`score-${axis}`,
			{
				label: `${AXIS_NAMES[axis]} score`,
				definition: `The ${AXIS_NAMES[axis].toLowerCase()} axis of the register’s score, from 0 to 100.`,
				dimension: axis,
				datatype: 'integer',
			},
		]),
	) as Record<`score-${Axis}`, Metric>),
};

const methodology = () => absoluteUrl(pagePath('methodology'));
const metricNode = (id: MetricId) => namedNode(`${methodology()}#metric-${id}`);
const dimensionNode = (id: DimensionId) => namedNode(`${methodology()}#dimension-${id}`);

/** The metrics and their dimensions, each defined in our words and linked to the methodology. */
export function metricQuads(): QuadList {
	const list = new QuadList();
	const page = namedNode(methodology());
	list.type(page, 'foaf', 'Document');
	for (const [id, dimension] of Object.entries(DIMENSIONS) as [
		DimensionId,
		typeof DIMENSIONS.quality,
	][]) {
		const node = dimensionNode(id);
		list.type(node, 'dqv', 'Dimension');
		list.add(node, term('skos', 'prefLabel'), text(dimension.label, 'en'));
		list.add(node, term('skos', 'definition'), text(dimension.definition, 'en'));
		list.add(node, term('rdfs', 'seeAlso'), page);
	}
	for (const [id, metric] of Object.entries(METRICS) as [MetricId, Metric][]) {
		const node = metricNode(id);
		list.type(node, 'dqv', 'Metric');
		list.add(node, term('skos', 'prefLabel'), text(metric.label, 'en'));
		list.add(node, term('skos', 'definition'), text(metric.definition, 'en'));
		list.add(node, term('dqv', 'expectedDataType'), term('xsd', metric.datatype));
		list.add(node, term('dqv', 'inDimension'), dimensionNode(metric.dimension));
		list.add(node, term('rdfs', 'seeAlso'), page);
	}
	return list;
}

/** The values measured on one record, by metric; absent when not measured. */
export function measuredValues(record: RegisterRecord): Partial<Record<MetricId, string>> {
	const values: Partial<Record<MetricId, string>> = {};
	const outcome = record.snapshot?.outcome;
	if (outcome === 'up' || outcome === 'degraded') values.available = 'true';
	else if (outcome === 'down') values.available = 'false';
	const uptime = record.history.uptime30;
	if (uptime.ratio !== null && uptime.counted > 0)
		values.uptime30 = String(Math.round(uptime.ratio * 10_000) / 10_000);
	values.score = String(record.score.total);
	for (const axis of record.score.axes)
		if (axis.score !== null) values[`score-${axis.axis}`] = String(axis.score);
	return values;
}

/**
 * One dqv:QualityMeasurement per measured value, at `<record page>#measurement-<metric>`, dated
 * by the last check. The resource points at it (dqv:hasQualityMeasurement); its inverse,
 * dqv:computedOn, is left to the reader: a tenth of the file at 100,000 records. A record never checked has a score (from what it declares) but no date:
 * the catalogue's dct:modified says when the build computed it.
 */
export function addMeasurements(
	list: QuadList,
	resource: Quad_Subject,
	page: string,
	record: RegisterRecord,
) {
	const checkedAt = record.snapshot?.checkedAt;
	for (const [id, value] of Object.entries(measuredValues(record)) as [MetricId, string][]) {
		const metric = METRICS[id];
		const node = namedNode(`${page}#measurement-${id}`);
		list.add(resource, term('dqv', 'hasQualityMeasurement'), node);
		list.type(node, 'dqv', 'QualityMeasurement');
		list.add(node, term('dqv', 'isMeasurementOf'), metricNode(id));
		list.add(node, term('dqv', 'value'), typed(value, metric.datatype));
		if (checkedAt !== undefined)
			list.add(node, term('prov', 'generatedAtTime'), typed(checkedAt, 'dateTime'));
	}
}
