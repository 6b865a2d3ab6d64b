import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure } from './measure.ts';

/**
 * The floor a register build is compared with: a bare Astro site with one static page per record,
 * each page as large as the register's record pages, and Pagefind run over it — what any static
 * register of that size costs before it does anything of its own. Built in a temporary folder
 * with the project's own Astro and Pagefind (node_modules linked), no integrations, no images.
 */

const ROOT = new URL('..', import.meta.url).pathname;

export interface FloorRun {
	pages: number;
	/** `astro build` plus the Pagefind CLI over its output. */
	seconds: number;
	pagefindSeconds: number;
	/** The larger of the two steps' peak tree RSS. */
	peakTreeRssMb: number | null;
}

/**
 * The page: as many bytes of text as a record page shows (words drawn by a per-page seed from a
 * fixed vocabulary of 2,000, as prose repeats its words) and markup without text (empty elements
 * with attributes) up to the record page's size, as a register page is mostly markup.
 */
const PAGE = `---
export function getStaticPaths() {
	const pages = Number(process.env.FLOOR_PAGES);
	return Array.from({ length: pages }, (_, i) => ({ params: { id: \`record-\${i}\` }, props: { seed: i + 1 } }));
}
const { id } = Astro.params;
const { seed } = Astro.props;
const bytes = Number(process.env.FLOOR_PAGE_BYTES);
const textBytes = Number(process.env.FLOOR_TEXT_BYTES);
let state = 7;
const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
const syllables = ['ka', 'ro', 'mi', 'te', 'lu', 'sa', 'no', 'vi', 'de', 'pa', 'gu', 'zo'];
const vocabulary = Array.from({ length: 2000 }, () =>
	Array.from({ length: 2 + (next() % 3) }, () => syllables[next() % syllables.length]).join(''),
);
state = seed;
const paragraphs = [];
let size = 0;
while (size < textBytes) {
	const text = Array.from({ length: 30 }, () => vocabulary[next() % vocabulary.length]).join(' ');
	paragraphs.push(text);
	size += text.length + 1;
}
const padding = Math.max(0, Math.floor((bytes - textBytes - 300) / 40));
---
<html lang="en">
	<head><meta charset="utf-8" /><title>{id}</title></head>
	<body>
		<main data-pagefind-body>
			<h1>Record {id}</h1>
			{paragraphs.map((p) => <p>{p}</p>)}
			{Array.from({ length: padding }, (_, i) => <span class="pad" data-i={i} />)}
		</main>
	</body>
</html>
`;

export async function benchFloor(
	pages: number,
	page: { bytes: number; textBytes: number },
): Promise<FloorRun> {
	const dir = await mkdtemp(join(tmpdir(), 'c0mm0-bench-floor-'));
	try {
		await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
		await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
		await writeFile(join(dir, 'astro.config.mjs'), 'export default {};\n');
		await mkdir(join(dir, 'src', 'pages', 'records'), { recursive: true });
		await writeFile(join(dir, 'src', 'pages', 'records', '[id].astro'), PAGE);
		const env = {
			FLOOR_PAGES: String(pages),
			FLOOR_PAGE_BYTES: String(page.bytes),
			FLOOR_TEXT_BYTES: String(page.textBytes),
			ASTRO_TELEMETRY_DISABLED: '1',
		};
		const astro = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
		const build = await measure(process.execPath, [astro, 'build'], { cwd: dir, env });
		if (build.code !== 0) throw new Error(`floor build failed:\n${build.stderr.slice(-3000)}`);
		const pagefind = join(ROOT, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');
		const index = await measure(process.execPath, [pagefind, '--site', 'dist'], { cwd: dir });
		if (index.code !== 0) throw new Error(`floor Pagefind failed:\n${index.stderr.slice(-3000)}`);
		const peaks = [build.peakTreeRssMb, index.peakTreeRssMb].filter((m) => m !== null);
		return {
			pages,
			seconds: build.seconds + index.seconds,
			pagefindSeconds: index.seconds,
			peakTreeRssMb: peaks.length > 0 ? Math.max(...peaks) : null,
		};
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
