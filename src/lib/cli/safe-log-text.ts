/**
 * Text from strangers (server-chosen field names, entry values, error messages) made safe to
 * print in a terminal or a GitHub Actions log.
 *
 * Two things go wrong when such text is printed raw. Terminal escapes (ESC sequences, C1
 * controls) repaint or hide what the reader sees. And the Actions runner acts on lines of the
 * log: a line that starts, after optional whitespace, with `::` is a workflow command
 * (`::add-mask::`, `::error::`, `::stop-commands::`), and `##[command]` works anywhere in a line
 * (the runner's legacy syntax). So escapes and controls are removed, and both command forms are
 * broken up visibly; every other printable character, Unicode included, is kept.
 */

/** ESC or CSI (0x9b) sequences: CSI … final byte, OSC/DCS/APC/PM … terminator, two-byte ESC x. */
const ESCAPE_SEQUENCE =
	// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this module's job
	/(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b[\]PX^_]|[\u0090\u009d-\u009f])[^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?|\u001b[ -/]*[0-~]?/g;

/** Characters the runner or a terminal may read as line breaks. */
const LINE_BREAK = /\r\n?|[\u0085\u2028\u2029]/g;

/** C0 controls but tab and newline, DEL, C1 controls, and bidirectional overrides that reorder text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this module's job
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A line the runner would run as a command: `::` after whitespace (as .NET TrimStart sees it). */
const COMMAND_START = /^(\s*):(?=:)/;

/** Escapes and control characters removed; line breaks of every kind become `\n`, tabs stay. */
export function withoutControlCharacters(text: string): string {
	return text.replace(ESCAPE_SEQUENCE, '').replace(LINE_BREAK, '\n').replace(CONTROL, '');
}

function neutraliseCommands(line: string): string {
	return line.replace(COMMAND_START, '$1: ').replaceAll('##[', '## [');
}

/** One untrusted value on one line: no controls, no line breaks, no workflow command. */
export function safeLogText(text: string): string {
	return neutraliseCommands(withoutControlCharacters(text).replace(/[\t\n]+/g, ' '));
}

/** Text of several lines: each line stripped of controls, none able to run a workflow command. */
export function safeLogLines(text: string): string {
	return withoutControlCharacters(text).split('\n').map(neutraliseCommands).join('\n');
}
