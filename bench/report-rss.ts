/**
 * Loaded with `node --import` into a measured command: prints the process's peak resident set
 * size (worker threads included) as the last line on stderr when it exits.
 */
process.on('exit', () => {
	process.stderr.write(`\n__BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
