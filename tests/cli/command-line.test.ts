import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

async function script(file: string, ...args: string[]) {
	try {
		const { stdout, stderr } = await run(process.execPath, [`scripts/${file}`, ...args], {
			cwd: root,
		});
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failure = error as { code: number; stdout: string; stderr: string };
		return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
	}
}

/** Every script on the shared parser, with the name it signs its messages with. */
const SCRIPTS = [
	['validate.ts', 'validate', 'npm run validate'],
	['verify-merge.ts', 'verify:merge', 'npm run verify:merge'],
	['new-entry.ts', 'new-entry', 'npm run new-entry'],
	['entry-report.ts', 'entry-report', 'npm run --silent entry-report'],
	['changed-entries.ts', 'changed-entries', 'npm run --silent changed-entries'],
] as const;

describe.each(SCRIPTS)('scripts/%s', (file, command, invocation) => {
	it('prints its usage for --help and exits 0', async () => {
		const result = await script(file, '--help');
		expect(result.code).toBe(0);
		expect(result.stdout.startsWith(`Usage: ${invocation} --`)).toBe(true);
		expect(result.stderr).toBe('');
	});

	it('refuses an unknown option in one line naming the command, then the usage', async () => {
		const result = await script(file, '--no-such-flag');
		expect(result.code).toBe(1);
		expect(result.stderr.split('\n')[0]).toMatch(
			new RegExp(`^${command}: Unknown option '--no-such-flag'`),
		);
		expect(result.stderr).toContain(`Usage: ${invocation} --`);
		expect(result.stdout).toBe('');
	});
});

describe('scripts/verify-merge.ts', () => {
	it('asks for at least one shard folder', async () => {
		const result = await script('verify-merge.ts');
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('verify:merge: give at least one shard folder');
		expect(result.stderr).toContain('Usage: npm run verify:merge --');
	});
});
