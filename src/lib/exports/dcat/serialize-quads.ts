import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Quad } from '@rdfjs/types';
import { JsonLdSerializer } from 'jsonld-streaming-serializer';
import { Writer } from 'n3';
import { PREFIXES, type QuadList } from './rdf-terms.ts';

/**
 * Turtle, one chunk per list of quads: n3's writer escapes literals and shortens IRIs to the
 * prefixes; it writes into a sink we empty after each list, so the file is never whole in memory.
 */
export function* turtleChunks(lists: Iterable<QuadList>, base: string): Generator<string> {
	const pending: string[] = [];
	const sink = {
		write(chunk: string, _encoding?: string, done?: () => void) {
			pending.push(chunk);
			done?.();
			return true;
		},
		end(done?: () => void) {
			done?.();
		},
	};
	const writer = new Writer(sink as unknown as NodeJS.WritableStream, {
		prefixes: PREFIXES,
		baseIRI: base,
	});
	const drain = () => pending.splice(0).join('');
	for (const list of lists) {
		writer.addQuads(list.quads);
		if (pending.length > 0) yield drain();
	}
	writer.end();
	yield drain();
}

/** Lists written between two turns of the event loop, when the JSON-LD serializer's output is read. */
const JSON_LD_BATCH = 200;

/**
 * JSON-LD through jsonld-streaming-serializer, with our prefixes and the site as @base for its
 * context: a stream, so its output is collected as it comes and handed on every JSON_LD_BATCH
 * lists. Classes are written as rdf:type values rather than @type, which a streaming reader
 * (jsonld-streaming-parser's streaming profile) would otherwise have to see before @id: with
 * them, a reader parses the file as it downloads (~1 s for 800 records) instead of holding it
 * whole (7 s, and growing faster than the file).
 */
export async function* jsonLdChunks(
	lists: Iterable<QuadList>,
	base: string,
): AsyncGenerator<string> {
	const serializer = new JsonLdSerializer({
		context: { '@base': base, ...PREFIXES },
		baseIRI: base,
		useRdfType: true,
	});
	const pending: string[] = [];
	let failure: unknown;
	serializer.on('data', (chunk: string | Buffer) => pending.push(String(chunk)));
	const ended = new Promise<void>((resolve, reject) => {
		serializer.on('end', () => resolve());
		serializer.on('error', (error: unknown) => {
			failure = error;
			reject(error);
		});
	});
	// Awaited below; until then a failure is read from `failure` between batches.
	ended.catch(() => {});
	let written = 0;
	for (const list of lists) {
		for (const quad of list.quads) serializer.write(quad as Quad);
		if (++written % JSON_LD_BATCH === 0) {
			await nextTurn();
			if (failure) throw failure;
			if (pending.length > 0) yield pending.splice(0).join('');
		}
	}
	serializer.end();
	await ended;
	yield pending.splice(0).join('');
}
