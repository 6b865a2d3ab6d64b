import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { type Publisher, PublisherSchema } from '../../schemas/publisher.ts';
import { friendlyErrorMap, issuesToProblems } from './friendly-errors.ts';
import { MESSAGES } from './messages.ts';
import { type Problem, problem } from './problem.ts';
import { parseYaml, yamlFileProblem } from './yaml.ts';

const PUBLISHER_KEYS = Object.keys(PublisherSchema.shape);

export interface PublisherFile {
	file: string;
	publisher: Publisher;
}

/** Reads and validates every `publishers/<id>.yaml`. Invalid files are reported and left out. */
export async function loadPublishers(dataDir: string): Promise<{
	publishers: Map<string, PublisherFile>;
	problems: Problem[];
}> {
	const dir = join(dataDir, 'publishers');
	const publishers = new Map<string, PublisherFile>();
	const problems: Problem[] = [];
	let names: string[];
	try {
		names = (await readdir(dir)).sort();
	} catch {
		return { publishers, problems };
	}
	for (const name of names) {
		if (name.startsWith('.')) continue;
		const file = join(dir, name);
		if (extname(name) !== '.yaml') {
			problems.push(problem(file, 'file', MESSAGES.publisherFileExtension(name)));
			continue;
		}
		const fileId = basename(name, '.yaml');
		let data: unknown;
		try {
			data = parseYaml(await readFile(file, 'utf8'));
		} catch (error) {
			problems.push(yamlFileProblem(file, error));
			continue;
		}
		const parsed = PublisherSchema.safeParse(data, { error: friendlyErrorMap, reportInput: true });
		if (!parsed.success) {
			problems.push(...issuesToProblems(file, parsed.error.issues, () => PUBLISHER_KEYS));
			continue;
		}
		const publisher = parsed.data;
		if (publisher.id !== fileId) {
			problems.push(problem(file, 'id', MESSAGES.publisherIdNotFileName(publisher.id, fileId)));
			continue;
		}
		const host = new URL(publisher.homepage).hostname.toLowerCase();
		if (!publisher.officialDomains.some((d) => host === d || host.endsWith(`.${d}`))) {
			problems.push(
				problem(file, 'homepage', MESSAGES.publisherHomepageOffDomain(host), 'warning'),
			);
		}
		publishers.set(publisher.id, { file, publisher });
	}
	for (const { file, publisher } of publishers.values()) {
		if (publisher.parent && !publishers.has(publisher.parent)) {
			problems.push(problem(file, 'parent', MESSAGES.unknownParent(publisher.parent)));
		}
	}
	return { publishers, problems };
}
