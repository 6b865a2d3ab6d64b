import { formatProblem } from '../catalog/problem.ts';
import { parseCommandLine } from '../cli/command-line.ts';
import { resolveDataDir } from '../cli/data-dir.ts';
import { safeLogLines, safeLogText } from '../cli/safe-log-text.ts';
import type { AdapterLoader } from './adapters/index.ts';
import { consoleImportReporter } from './import-report.ts';
import { runImport, UsageError } from './run-import.ts';

const IMPORT_USAGE = `Usage: npm run import -- [options]

  --source ID,ID     import only these sources (default: every valid file in sources/)
  --data-dir DIR     folder with sources/, catalog/, publishers/, imported/ (default: $C0MM0_DATA_DIR or ./data)
  --allow-private    allow loopback/private addresses (loopback tests only)
  --dry-run          read the sources and print the summary, write nothing`;

/**
 * \`npm run import\`: exit 0 when the run completed (whatever the sources' outcomes), 2 when no
 * source could be read at all (our network is not trusted, nothing was recorded), 1 on a usage
 * error or a crash. Tests pass their own adapters; the script passes none.
 */
export async function importCommand(deps: { loadAdapter?: AdapterLoader } = {}): Promise<void> {
	const { values } = parseCommandLine('import', IMPORT_USAGE, {
		options: {
			source: { type: 'string' },
			'data-dir': { type: 'string' },
			'allow-private': { type: 'boolean' },
			'dry-run': { type: 'boolean' },
		},
	});
	const only =
		typeof values.source === 'string'
			? values.source
					.split(',')
					.map((s) => s.trim())
					.filter(Boolean)
			: undefined;
	if (only?.length === 0) {
		console.error(`import: --source needs at least one source id\n\n${IMPORT_USAGE}`);
		process.exitCode = 1;
		return;
	}
	try {
		const result = await runImport({
			dataDir: resolveDataDir(values['data-dir'] as string | undefined),
			...(only ? { only } : {}),
			allowPrivate: values['allow-private'] === true,
			dryRun: values['dry-run'] === true,
			reporter: consoleImportReporter(),
			...(deps.loadAdapter ? { loadAdapter: deps.loadAdapter } : {}),
		});
		// Problems quote files strangers wrote: printed inert.
		for (const p of result.problems) console.error(safeLogText(formatProblem(p)));
		if (values['dry-run'] === true) console.error('import: dry run, nothing was written');
		if (result.status === 'unreachable') {
			console.error(
				'import: no source could be read; as the runner’s network may be at fault, nothing was recorded against them',
			);
			process.exitCode = 2;
		}
	} catch (error) {
		if (error instanceof UsageError) {
			console.error(`import: ${safeLogText(error.message)}`);
			process.exitCode = 1;
			return;
		}
		console.error(safeLogLines(`import: ${error instanceof Error ? error.stack : String(error)}`));
		process.exitCode = 1;
	}
}
