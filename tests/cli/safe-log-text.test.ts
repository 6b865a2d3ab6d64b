import { describe, expect, it } from 'vitest';
import {
	safeLogLines,
	safeLogText,
	withoutControlCharacters,
} from '../../src/lib/cli/safe-log-text.ts';

/** What the GitHub Actions runner would act on: `::cmd::` at a line's start, `##[cmd]` anywhere. */
function workflowCommands(printed: string): string[] {
	return printed
		.split(/\r\n?|\n/)
		.filter((line) => /^\s*::[a-z-]+/i.test(line) || line.includes('##['));
}

describe('withoutControlCharacters', () => {
	it('removes whole ANSI escape sequences, not just the ESC byte', () => {
		expect(withoutControlCharacters('\u001b[31mred\u001b[0m \u001b[2J\u001b[1;1Hhome')).toBe(
			'red home',
		);
	});

	it('removes terminal title and hyperlink sequences (OSC)', () => {
		expect(withoutControlCharacters('a\u001b]0;pwned\u0007b\u001b]8;;https://x\u001b\\c')).toBe(
			'abc',
		);
	});

	it('removes C0 controls but tab and newline, DEL, C1 controls and bidi overrides', () => {
		expect(withoutControlCharacters('a\u0000b\u0007c\u0008d\u007fe\u0080f\u202eg\tz\n')).toBe(
			'abcdefg\tz\n',
		);
	});

	it('turns carriage returns and Unicode line separators into newlines', () => {
		expect(withoutControlCharacters('a\r\nb\rc\u2028d\u2029e')).toBe('a\nb\nc\nd\ne');
	});

	it('keeps printable Unicode', () => {
		const text = 'Données · 東京 · Ελλάδα · emoji 🛰️ · “quotes” — dash';
		expect(withoutControlCharacters(text)).toBe(text);
	});
});

describe('safeLogText', () => {
	it('keeps a value on one line', () => {
		expect(safeLogText('field\nname\r\n\tend')).toBe('field name end');
	});

	it('cannot start a workflow command, even after a line break or whitespace', () => {
		for (const hostile of [
			'::add-mask::x',
			'\n::add-mask::x',
			'  ::error::forged',
			'\u00a0::stop-commands::token',
			'\u001b[2K::warning::x',
		]) {
			const printed = safeLogText(hostile);
			expect(workflowCommands(printed), JSON.stringify(hostile)).toEqual([]);
			expect(printed).not.toMatch(/^\s*::/);
		}
	});

	it('breaks up the legacy ##[command] syntax, which works anywhere in a line', () => {
		expect(safeLogText('x ##[add-mask]secret')).toBe('x ## [add-mask]secret');
	});

	it('leaves ordinary text alone, colons included', () => {
		expect(safeLogText('query:fields, path:siret, a::b')).toBe('query:fields, path:siret, a::b');
	});
});

describe('safeLogLines', () => {
	it('keeps the lines, neutralising each one that would start a command', () => {
		const printed = safeLogLines('Verified 1 record.\n::add-mask::x\n  ::error::y\nok ::z::');
		expect(printed.split('\n')).toEqual([
			'Verified 1 record.',
			': :add-mask::x',
			'  : :error::y',
			'ok ::z::',
		]);
		expect(workflowCommands(printed)).toEqual([]);
	});

	it('cannot be tricked into a command by a carriage return or a Unicode line separator', () => {
		const printed = safeLogLines('a\r::add-mask::x\u2028::error::y\u0085::debug::z');
		expect(workflowCommands(printed)).toEqual([]);
	});
});
