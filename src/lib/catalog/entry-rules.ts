import type { Entry } from '../../schemas/entry.ts';
import { DESCRIPTION_MAX } from '../../schemas/entry.ts';
import type { RegisterPublisher } from '../../schemas/publisher.ts';
import { inspectDescription } from '../markdown/description.ts';
import { closest } from './closest.ts';
import { entryUrls } from './entry-urls.ts';
import { MESSAGES } from './messages.ts';
import { type Problem, problem } from './problem.ts';
import { checkUrlHost } from './url-rules.ts';

export interface EntryContext {
	file: string;
	/** File name without `.md`. */
	fileId: string;
	/** Name of the folder directly under catalog/. */
	folder: string;
	body: string;
	publishers: ReadonlyMap<string, { publisher: RegisterPublisher }>;
	allowPrivate: boolean;
	/** Today's date, YYYY-MM-DD (UTC). */
	today: string;
}

/** Markup in a plain-text field: shown as typed, never rendered, but a sign of pasted HTML. */
export const HTML_TAG = /<\/?[a-z!][^>]*>/i;

/** The rules that need one entry and the publisher list: naming, URL safety, description safety. */
export function checkEntry(entry: Entry, context: EntryContext): Problem[] {
	const { file } = context;
	const problems: Problem[] = [];
	const prefix = entry.country.toLowerCase();

	if (entry.id !== context.fileId) {
		problems.push(problem(file, 'id', MESSAGES.idNotFileName(entry.id, context.fileId)));
	}
	if (!entry.id.startsWith(`${prefix}-`)) {
		problems.push(problem(file, 'id', MESSAGES.idCountryPrefix(entry.id, prefix)));
	}
	if (context.folder !== prefix) {
		problems.push(
			problem(file, 'country', MESSAGES.folderNotCountry(context.folder, entry.country)),
		);
	}

	const publisher = context.publishers.get(entry.publisher);
	if (!publisher) {
		problems.push(
			problem(
				file,
				'publisher',
				MESSAGES.unknownPublisher(
					entry.publisher,
					closest(entry.publisher, [...context.publishers.keys()]),
				),
			),
		);
	} else if (publisher.publisher.country !== entry.country) {
		problems.push(
			problem(
				file,
				'country',
				MESSAGES.publisherCountryDiffers(
					entry.publisher,
					publisher.publisher.country,
					entry.country,
				),
				'warning',
			),
		);
	}

	for (const { field, url } of entryUrls(entry)) {
		problems.push(...checkUrlHost(file, field, url, context.allowPrivate));
	}

	for (const field of ['title', 'summary', 'accessNote'] as const) {
		if (HTML_TAG.test(entry[field] ?? ''))
			problems.push(problem(file, field, MESSAGES.htmlInText()));
	}
	for (const [i, keyword] of (entry.keywords ?? []).entries()) {
		if (HTML_TAG.test(keyword))
			problems.push(problem(file, `keywords[${i}]`, MESSAGES.htmlInText()));
	}

	if (context.body === '') {
		problems.push(problem(file, 'description', MESSAGES.descriptionMissing(), 'warning'));
	}
	for (const finding of inspectDescription(context.body, DESCRIPTION_MAX)) {
		problems.push({ file, field: 'description', severity: 'error', ...finding });
	}

	if (entry.kind === 'dataset' && entry.distributions.length === 0) {
		problems.push(
			problem(file, 'distributions', MESSAGES.datasetWithoutDistributions(), 'warning'),
		);
	}
	if (entry.kind === 'api' && !entry.baseUrl) {
		problems.push(problem(file, 'baseUrl', MESSAGES.apiWithoutBaseUrl(), 'warning'));
	}
	if (entry.added > context.today) {
		problems.push(problem(file, 'added', MESSAGES.addedInFuture(entry.added)));
	}
	return problems;
}
