// The entry of the CLI: runs one command and sets the exit code. Bundled into out/cli/palisade.mjs;
// bin/palisade.mjs imports it from the sources in a checkout that has not been built.
import { endQuietlyOnClosedPipe } from "./io";
import { main } from "./main";

endQuietlyOnClosedPipe();
process.exitCode = await main(process.argv.slice(2));
