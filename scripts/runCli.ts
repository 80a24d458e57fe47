/**
 * Run a command-line tool's `main`: its return value is the exit code; a closed pipe (`npm run validate -- data | head`)
 * ends the run quietly, not with an EPIPE stack trace; a failure is one line naming the tool, with no stack trace.
 */
export function runCli(name: string, main: (argv: readonly string[]) => Promise<number>, failed = 'could not complete'): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 1);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(`${name}: ${failed}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
      process.exitCode = 1;
    },
  );
}
