import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import pLimit from 'p-limit';
import type { RegisterPublisher } from '../../schemas/publisher.ts';
import { type BadgeFacts, badgeFactsOf } from '../badges/badge-facts.ts';
import { badgeFiles } from '../badges/badge-paths.ts';
import { badgeSvg } from '../badges/badge-svg.ts';
import { shieldsEndpoint } from '../badges/shields-endpoint.ts';
import { defaultOgCard, type OgCard, ogCardOf, publisherOgCard } from '../og/og-card.ts';
import { loadOgFonts } from '../og/og-fonts.ts';
import { createOgImages } from '../og/og-images.ts';
import { placeholderOgPng } from '../og/og-placeholder.ts';
import { createOgPool, type PngBytes } from '../og/og-pool.ts';
import type { Register } from '../register/assemble-register.ts';
import {
	badgeEndpointPath,
	defaultOgPath,
	distFile,
	ogPath,
	publisherOgPath,
	recordJsonPath,
} from '../register/urls.ts';
import { recordDocument } from './record-json.ts';

type FileData = string | PngBytes;

/** Writes queued before the queue is drained: enough to keep 64 in flight, few enough to hold. */
const WRITE_BATCH = 4096;

export interface AssetReport {
	files: number;
	ogDrawn: number;
	clashes: string[];
}

export interface AssetOptions {
	/** The OG worker module (src/lib/og/og-worker.ts). */
	ogWorkerUrl: URL;
	/** Where drawn images are kept between builds (`C0MM0_OG_CACHE_DIR`). */
	ogCacheDir: string;
	/** One shared placeholder image instead of drawing each record's (`C0MM0_SKIP_OG`). */
	skipOg: boolean;
}

/**
 * Writes the files every record owns besides its page — its JSON, its three badges and their
 * shields endpoint, an API's OG image — and the card each publisher's datasets share, straight
 * into the output folder. Astro could serve each as an
 * endpoint, but spends about a millisecond per file doing so: at 10,000 records, 60,000 files
 * would take a minute of a 90-second budget. Here they take seconds.
 */
export async function writeRecordAssets(
	outDir: string,
	register: Register,
	only: ReadonlySet<string> | undefined,
	options: AssetOptions,
): Promise<AssetReport> {
	const records = register.records.filter((r) => !only || only.has(r.id));
	const made = new Map<string, Promise<unknown>>();
	const limit = pLimit(64);
	const pending: Promise<void>[] = [];
	let files = 0;
	// Many writes in flight: on the disks builds run on, parallel small writes finish several
	// times faster than one after another. Each file's content is made inside its turn, so memory
	// holds the files in flight, not all of them (at 100,000 records, gigabytes of JSON and PNG).
	// Every file is named by its URL (urls.ts), as the stale-file sweep names the files it keeps.
	// Writes are queued in batches: the whole register's half a million writes queued at once
	// held a few hundred MB of promises and closures at 100,000 records (issue 15's memory budget).
	const settle = async () => {
		await Promise.all(pending);
		pending.length = 0;
	};
	const write = async (urlPath: string, content: () => FileData | Promise<FileData>) => {
		const file = join(outDir, distFile(urlPath));
		const dir = dirname(file);
		let ready = made.get(dir);
		if (!ready) {
			ready = mkdir(dir, { recursive: true });
			made.set(dir, ready);
		}
		pending.push(
			limit(async () => {
				const data = await content();
				await ready;
				await writeFile(file, data);
				files += 1;
			}),
		);
		if (pending.length >= WRITE_BATCH) await settle();
	};

	const fonts = await loadOgFonts();
	const pool = createOgPool({ workerUrl: options.ogWorkerUrl });
	try {
		const images = createOgImages({
			cacheDir: resolve(options.ogCacheDir),
			fontsSha256: fonts.sha256,
			render: pool.render,
		});
		const skip = options.skipOg;
		// An API's card is its own; datasets share their publisher's, drawn for every publisher
		// of a dataset on every build (its count changes when any of its datasets comes or goes;
		// an unchanged card is a cache hit).
		const apis = records.filter((r) => r.entry.kind !== 'dataset');
		const datasetsByPublisher = new Map<string, { publisher: RegisterPublisher; count: number }>();
		// Over the whole catalog, also in a shard build whose register holds its own records only.
		const every =
			register.everyRecord ??
			register.records.map((r) => ({ id: r.id, kind: r.entry.kind, publisher: r.publisher }));
		for (const r of every) {
			if (r.kind !== 'dataset') continue;
			const seen = datasetsByPublisher.get(r.publisher.id);
			if (seen) seen.count += 1;
			else datasetsByPublisher.set(r.publisher.id, { publisher: r.publisher, count: 1 });
		}
		const cards: { path: string; card: OgCard }[] = [
			...apis.map((r) => ({ path: ogPath(r.id), card: ogCardOf(r) })),
			...[...datasetsByPublisher.values()].map(({ publisher, count }) => ({
				path: publisherOgPath(publisher.id),
				card: publisherOgCard(publisher, count),
			})),
		];
		// Every missing card goes to the worker pool now, to be drawn while the other files are
		// written; each image is fetched in its write's turn (drawn by then, or still being drawn).
		await images.prefetch([defaultOgCard(), ...(skip ? [] : cards.map((c) => c.card))]);

		// A record's badge facts, worked out once for its endpoint and its three badges.
		const facts = new Map<string, BadgeFacts>();
		for (const record of records) {
			const badgeFacts = badgeFactsOf(record);
			facts.set(record.id, badgeFacts);
			// Without indentation: programs read it, and indentation was a third of its bytes.
			await write(recordJsonPath(record.id), () => JSON.stringify(recordDocument(record)));
			await write(badgeEndpointPath(record.id), () => JSON.stringify(shieldsEndpoint(badgeFacts)));
		}
		const { files: badges, clashes } = badgeFiles(every.map((r) => r.id));
		for (const badge of badges) {
			const badgeFacts = facts.get(badge.id);
			if (badgeFacts) await write(badge.path, () => badgeSvg(badgeFacts, badge.variant));
		}

		await write(defaultOgPath, () => images.image(defaultOgCard()));
		if (skip) {
			const placeholder = await placeholderOgPng();
			for (const { path } of cards) await write(path, () => placeholder);
		} else {
			for (const { path, card } of cards) await write(path, () => images.image(card));
		}
		await settle();
		return { files, ogDrawn: images.stats.renders, clashes };
	} finally {
		await pool.close();
	}
}
