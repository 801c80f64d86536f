// Preloaded only when profiling a server: SIGUSR2 → normal exit, so --cpu-prof writes its file.
process.on('SIGUSR2', () => process.exit(0));
