import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetCore } from '@rdfjs/types';
import { DataFactory, Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { catalogQuads } from '../../src/lib/exports/dcat/catalog-quads.ts';
import { jsonLdChunks, turtleChunks } from '../../src/lib/exports/dcat/serialize-quads.ts';
import type { Register } from '../../src/lib/register/assemble-register.ts';
import { absoluteUrl, pagePath } from '../../src/lib/register/urls.ts';

const SHAPES = join(import.meta.dirname, '..', 'fixtures', 'dcat-ap-3');

/**
 * The official DCAT-AP 3.0.1 shapes (see tests/fixtures/dcat-ap-3/ORIGIN.md): the constraints
 * (dcat-ap-SHACL.ttl), the classes of the values (ranges.ttl) and the controlled vocabularies
 * (mdr-vocabularies.shape.ttl).
 */
export const SHAPE_FILES = ['dcat-ap-SHACL.ttl', 'ranges.ttl', 'mdr-vocabularies.shape.ttl'];

export interface DcatValidator {
	validator: SHACLValidator;
	/** The classes the shapes target: their instances are the focus nodes. */
	targetClasses: Set<string>;
}

export async function dcatValidator(): Promise<DcatValidator> {
	const shapes = new Store();
	for (const file of SHAPE_FILES)
		shapes.addQuads(new Parser().parse(await readFile(join(SHAPES, file), 'utf8')));
	const targetClasses = new Set(
		shapes
			.getObjects(null, 'http://www.w3.org/ns/shacl#targetClass', null)
			.map((term) => term.value),
	);
	// rdf-validate-shacl's default environment (@rdfjs/* and clownface) reads any RDF/JS dataset.
	return { validator: new SHACLValidator(shapes), targetClasses };
}

export const BASE = absoluteUrl(pagePath('home'));
const RDF_TYPE = DataFactory.namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');

export async function turtleOf(register: Register): Promise<string> {
	return [...turtleChunks(catalogQuads(register), BASE)].join('');
}

export async function jsonLdOf(register: Register): Promise<string> {
	let text = '';
	for await (const chunk of jsonLdChunks(catalogQuads(register), BASE)) text += chunk;
	return text;
}

export function parseTurtle(turtle: string): Store {
	return new Store(new Parser({ baseIRI: BASE }).parse(turtle));
}

export interface ShaclSummary {
	conforms: boolean;
	/** Nodes of a class some shape targets. */
	focusNodes: number;
	results: number;
	violations: string[];
	warnings: number;
}

/** The report in a form a failing test prints usefully: each violation as one line. */
export async function validate(
	{ validator, targetClasses }: DcatValidator,
	data: Store,
): Promise<ShaclSummary> {
	const report = await validator.validate(data as unknown as DatasetCore);
	const violations: string[] = [];
	let warnings = 0;
	const focusNodes = new Set<string>();
	for (const q of data.match(null, RDF_TYPE, null))
		if (targetClasses.has(q.object.value)) focusNodes.add(q.subject.value);
	for (const result of report.results) {
		if (result.severity?.value.endsWith('#Violation'))
			violations.push(
				`${result.focusNode?.value} ${result.path?.value ?? ''}: ${result.message.map((m) => m.value).join(' ')} (${result.sourceConstraintComponent?.value})`,
			);
		else warnings++;
	}
	return {
		conforms: report.conforms,
		focusNodes: focusNodes.size,
		results: report.results.length,
		violations,
		warnings,
	};
}
