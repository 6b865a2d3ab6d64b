import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium, installed by .ci/run with apt-get; tests skip when it is absent. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | undefined;

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[]; html: string }[];
}

/** Runs axe-core in the page against WCAG 2.0/2.1 A and AA rules; returns the violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
	axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
	await page.addScriptTag({ content: await axeSource });
	return page.evaluate(async () => {
		const axe = (
			globalThis as unknown as {
				axe: {
					run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }>;
				};
			}
		).axe;
		const result = await axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
		});
		return result.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })),
		}));
	});
}

/** Violations as one line each ("rule: help — where"), for assertions that read well when they fail. */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
	return violations.map(
		(v) =>
			`${v.id}: ${v.help} — ${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 3)
				.join(', ')}`,
	);
}
