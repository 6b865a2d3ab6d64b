import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Register } from '../../src/lib/register/assemble-register.ts';

describe('the exports in a sharded build', () => {
	let outDir: string;
	beforeAll(async () => {
		outDir = await mkdtemp(join(tmpdir(), 'c0mm0-exports-shard-'));
		// Settings are read once per process: this file's modules see shard 2 of 4.
		vi.stubEnv('C0MM0_SHARD', '2/4');
		vi.resetModules();
	});
	afterAll(async () => {
		vi.unstubAllEnvs();
		await rm(outDir, { recursive: true, force: true });
	});

	it('are written by shard 1 only: shard 2 writes none, whoever asks', async () => {
		const { writeExportsOnce } = await import('../../src/lib/exports/write-exports.ts');
		const register = vi.fn(async () => ({ records: [] }) as unknown as Register);
		expect(await writeExportsOnce(outDir, register)).toEqual([]);
		expect(register).not.toHaveBeenCalled();
		expect(await readdir(outDir)).toEqual([]);
	});
});
