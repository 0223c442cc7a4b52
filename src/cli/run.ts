// The entry of the bundled CLI (out/cli/palisade.mjs): runs one command and sets the exit code.
import { main } from "./main";

process.exitCode = await main(process.argv.slice(2));
