import { runCli } from './index';

// Entry point of the `reckon` bin: exit with the command's code once output is flushed.
runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
