import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pLimit from 'p-limit';
import { badgeFactsOf } from '../badges/badge-facts.ts';
import { badgeFiles } from '../badges/badge-paths.ts';
import { badgeSvg } from '../badges/badge-svg.ts';
import { shieldsEndpoint } from '../badges/shields-endpoint.ts';
import { defaultOgCard, ogCardOf } from '../og/og-card.ts';
import { loadOgFonts } from '../og/og-fonts.ts';
import { createOgImages } from '../og/og-images.ts';
import { placeholderOgPng } from '../og/og-placeholder.ts';
import { createOgPool, type PngBytes } from '../og/og-pool.ts';
import { ogCacheDir, skipRecordOgImages } from '../og/site-og-images.ts';
import type { Register } from './assemble-register.ts';
import { badgeEndpointPath, ogPath, recordJsonPath } from './config.ts';
import { recordDocument } from './record-json.ts';

export interface AssetReport {
	files: number;
	ogDrawn: number;
	clashes: string[];
}

/**
 * Writes the files every record owns besides its page — its JSON, its three badges and their
 * shields endpoint, its OG image — straight into the output folder. Astro could serve each as an
 * endpoint, but spends about a millisecond per file doing so: at 10,000 records, 60,000 files
 * would take a minute of a 90-second budget. Here they take seconds.
 */
export async function writeRecordAssets(
	outDir: string,
	register: Register,
	only: ReadonlySet<string> | undefined,
	ogWorkerUrl: URL,
): Promise<AssetReport> {
	const records = register.records.filter((r) => !only || only.has(r.id));
	const limit = pLimit(32);
	const made = new Set<string>();
	let files = 0;
	const write = (path: string, data: string | PngBytes) =>
		limit(async () => {
			const file = join(outDir, path);
			const dir = dirname(file);
			if (!made.has(dir)) {
				await mkdir(dir, { recursive: true });
				made.add(dir);
			}
			await writeFile(file, data);
			files += 1;
		});

	const tasks: Promise<void>[] = [];
	for (const record of records) {
		tasks.push(write(recordJsonPath(record.id), JSON.stringify(recordDocument(record), null, 2)));
		tasks.push(
			write(badgeEndpointPath(record.id), JSON.stringify(shieldsEndpoint(badgeFactsOf(record)))),
		);
	}
	const wanted = new Set(records.map((r) => r.id));
	const { files: badges, clashes } = badgeFiles(register.records.map((r) => r.id));
	for (const badge of badges) {
		if (!wanted.has(badge.id)) continue;
		const record = register.byId.get(badge.id);
		if (record)
			tasks.push(write(`/badges/${badge.name}.svg`, badgeSvg(badgeFactsOf(record), badge.variant)));
	}

	const fonts = await loadOgFonts();
	const pool = createOgPool({ workerUrl: ogWorkerUrl });
	try {
		const images = createOgImages({
			cacheDir: ogCacheDir(),
			fontsSha256: fonts.sha256,
			render: pool.render,
		});
		const skip = skipRecordOgImages();
		const cards = skip ? [] : records.map((r) => ({ id: r.id, card: ogCardOf(r) }));
		await images.prefetch([defaultOgCard(), ...cards.map((c) => c.card)]);
		tasks.push(write('/og/default.png', await images.image(defaultOgCard())));
		if (skip) {
			const placeholder = await placeholderOgPng();
			for (const record of records) tasks.push(write(ogPath(record.id), placeholder));
		} else {
			for (const { id, card } of cards)
				tasks.push(images.image(card).then((png) => write(ogPath(id), png)));
		}
		await Promise.all(tasks);
		return { files, ogDrawn: images.stats.renders, clashes };
	} finally {
		await pool.close();
	}
}
