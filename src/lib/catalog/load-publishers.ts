import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { type Publisher, PublisherSchema } from '../../schemas/publisher.ts';
import { MESSAGES } from './messages.ts';
import { type Problem, problem } from './problem.ts';
import { readYamlFile } from './read-yaml-file.ts';

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
		const parsed = await readYamlFile(file, PublisherSchema, () => PUBLISHER_KEYS);
		if ('problems' in parsed) {
			problems.push(...parsed.problems);
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
