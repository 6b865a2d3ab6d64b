import { type ParseArgsConfig, parseArgs } from 'node:util';

/**
 * Parses a script's arguments the way every c0mm0 command does: an unknown or malformed option
 * prints `<command>: <what is wrong>` and the usage, and exits 1; `--help` prints the usage and
 * exits 0. A `help` option is added to the config.
 */
export function parseCommandLine<T extends ParseArgsConfig>(
	command: string,
	usage: string,
	config: T,
): ReturnType<typeof parseArgs<T>> {
	const withHelp = {
		...config,
		options: { ...config.options, help: { type: 'boolean', short: 'h' } },
	} as T;
	let parsed: ReturnType<typeof parseArgs<T>>;
	try {
		parsed = parseArgs(withHelp);
	} catch (error) {
		console.error(`${command}: ${(error as Error).message}\n\n${usage}`);
		process.exit(1);
	}
	if ((parsed.values as { help?: boolean }).help === true) {
		console.log(usage);
		process.exit(0);
	}
	return parsed;
}
