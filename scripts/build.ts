/**
 * npm run build [-- --outDir DIR]
 *
 * Builds the site in three steps: Astro renders the pages and the register writes every record's
 * files (in a process of its own, so all its memory is given back when it ends); then Pagefind
 * indexes the record pages, unless no record page changed since the last index; then the finished
 * site is weighed against what GitHub Pages publishes. Any step that fails fails the build.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatBytes, measureSite, pagesSizeWarning } from '../src/lib/deploy/site-size.ts';
import { indexRecordPages } from '../src/lib/search/index-site.ts';
import { searchIndexIsCurrent } from '../src/lib/search/search-index-current.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** Heap for the Astro process: at 100,000 records the register and its pages need a few GB. */
const ASTRO_HEAP_MB = 8192;

const { values } = parseArgs({ options: { outDir: { type: 'string' } } });
const outDir = resolve(values.outDir ?? join(ROOT, 'dist'));

const astroCode = await new Promise<number>((done, fail) => {
	const child = spawn(
		process.execPath,
		[
			`--max-old-space-size=${ASTRO_HEAP_MB}`,
			join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'),
			'build',
			'--outDir',
			outDir,
		],
		{ cwd: ROOT, stdio: 'inherit' },
	);
	child.on('error', fail);
	child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
});
if (astroCode !== 0) process.exit(astroCode);

const log = (line: string) => console.log(`[c0mm0:build] ${line}`);
if (await searchIndexIsCurrent(outDir)) {
	log('no record page changed since the last build: the search index stands');
} else {
	try {
		const report = await indexRecordPages(outDir);
		log(
			`indexed ${report.pages} record page(s) in ${report.seconds.toFixed(2)} s → ${report.outputPath}`,
		);
	} catch (error) {
		console.error(error instanceof Error ? error.message : String(error));
		process.exit(1);
	}
}

const { bytes, files } = measureSite(outDir);
const warning = pagesSizeWarning(bytes);
if (warning) console.warn(`[c0mm0:build] ${warning}`);
else log(`dist/ holds ${formatBytes(bytes)} in ${files} files`);
