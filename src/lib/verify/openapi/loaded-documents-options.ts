/**
 * The json-schema-ref-parser options (swagger-parser takes the same) under which it reads only
 * the documents spec-documents.ts already loaded through the guarded client: no file nor http
 * resolver of its own, and no parser of its own but ours. Each caller says what a document
 * reads as: swagger-parser's validate resolves in place what it parses, so it is given the
 * text to parse afresh, never a document shared with the other steps.
 */

export function withoutHash(url: string): string {
	const hash = url.indexOf('#');
	return hash === -1 ? url : url.slice(0, hash);
}

export function loadedDocumentsOptions<Data>(
	/** The document at this address (no fragment), as handed to `parse`; throws when there is none. */
	read: (url: string, file: { url: string }) => Data,
	parse: (data: Data, file: { url: string }) => unknown,
) {
	return {
		resolve: {
			file: false,
			http: false,
			external: true,
			loaded: {
				order: 1,
				canRead: true,
				read: (file: { url: string }) => read(withoutHash(file.url), file),
			},
		},
		parse: {
			json: false,
			yaml: false,
			text: false,
			binary: false,
			loaded: {
				order: 1,
				canParse: true,
				parse: (file: { url: string; data: Data }) => parse(file.data, file),
			},
		},
	};
}
