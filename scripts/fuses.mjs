// Flips Electron's fuses on a packaged production build, before it is signed:
//   node scripts/fuses.mjs path/to/Palisade[.exe | .app/Contents/MacOS/Palisade] [--no-asar]
// Fuses are switches compiled into the Electron binary; turned off here, no environment variable
// or command-line flag can turn Palisade back into a plain Node runtime or open a debugger port
// on it. `--no-asar` is for a build that is not packed into app.asar (a development copy).
import { FuseState, FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from "@electron/fuses";

const args = process.argv.slice(2);
const binary = args.find((a) => !a.startsWith("--"));
if (!binary) {
  console.error("usage: node scripts/fuses.mjs PATH-TO-PACKAGED-ELECTRON-BINARY [--no-asar]");
  process.exit(2);
}
const asar = !args.includes("--no-asar");

await flipFuses(binary, {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would make the signed app a general Node interpreter.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect would let anyone who can start the app inject code into main.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Only the packed, integrity-checked app.asar may run: no swapping in other JavaScript.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: asar,
  [FuseV1Options.OnlyLoadAppFromAsar]: asar,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The app loads its pages from palisade://, never file://.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
});
const wire = await getCurrentFuseWire(binary);
for (const [name, index] of Object.entries(FuseV1Options).filter(([, v]) => typeof v === "number"))
  console.log(`${name}: ${wire[index] === FuseState.ENABLE ? "on" : "off"}`);
