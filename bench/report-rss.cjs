// Preloaded into a benchmarked process: prints its peak resident set size (bytes) on stderr at exit.
process.on('exit', () => {
  process.stderr.write(`\nRG_BENCH_MAX_RSS=${process.resourceUsage().maxRSS * 1024}\n`);
});
