import { extname } from "node:path";
import { loadPaths } from "../../server/load";
import { diagramOf, diagramSvg } from "../../shared/diagram";
import { InputError } from "../../shared/model";
import {
  files,
  flag,
  oneOf,
  parse,
  READING_OPTIONS,
  READING_USAGE,
  readingValues,
  required,
  UsageError,
} from "../args";
import type { Command } from "../command";
import { EXIT } from "../io";
import { printLoadProblems } from "../report";
import { writeOutput } from "../write";

export const drawCommand: Command = {
  name: "draw",
  summary: "draw the design as an SVG or PNG diagram",
  usage: `palisade draw FILE... -o DIAGRAM.svg|png [--level node|group]

Draws the design as the app does: outside parties on the left, then what they reach, data stores
last, each VPC framed, lines routed around the boxes, what the whole Internet reaches ringed.
A design keeps its own positions; an import is laid out by tier. Outbound to anywhere (AWS's
default egress) is a marker on the node rather than a line to every outside party.
In the SVG each node is a <g data-node="ID"> around its box <rect>, each flow a
<path data-edge data-from data-to>, each label a <g data-label> around its box.

Options:
  -o, --output OUT   DIAGRAM.svg, or DIAGRAM.png (needs the optional package @resvg/resvg-js)
  --level L          node (default): resources and outside parties; group: security groups
  --outbound         draw the flows that outbound-to-anywhere markers stand for as lines too
  --layout           lay out by tier even when the design has positions of its own
${READING_USAGE}
  -h, --help         show this help`,
  async run(argv, io) {
    const args = parse(argv, {
      ...READING_OPTIONS,
      output: { type: "string", short: "o" },
      level: { type: "string" },
      outbound: { type: "boolean" },
      layout: { type: "boolean" },
    });
    const paths = files(args);
    const output = required(args, "output");
    const format = extname(output).toLowerCase();
    if (format !== ".svg" && format !== ".png")
      throw new UsageError(`-o ${output}: the diagram's name must end in .svg or .png`);
    const level = oneOf(args, "level", ["node", "group"] as const) ?? "node";
    const loaded = await loadPaths(paths, readingValues(args));
    const { design } = loaded;
    printLoadProblems(io, loaded);
    const diagram = diagramOf(design, {
      level,
      showOutbound: flag(args, "outbound"),
      ...(flag(args, "layout") ? { relayout: true } : {}),
    });
    const svg = diagramSvg(diagram, { title: design.name });
    await writeOutput(output, format === ".svg" ? svg : await rasterize(svg, output));
    return EXIT.ok;
  },
};

/** The SVG as a PNG at twice its size (sharp on a wiki page), without a browser. */
async function rasterize(svg: string, output: string): Promise<Uint8Array> {
  let resvg: typeof import("@resvg/resvg-js");
  try {
    resvg = await import("@resvg/resvg-js");
  } catch {
    throw new InputError([
      {
        file: output,
        message:
          "a PNG needs the optional package @resvg/resvg-js, which is not installed here: run `npm install @resvg/resvg-js`, or write an .svg",
        severity: "error",
      },
    ]);
  }
  const image = new resvg.Resvg(svg, { fitTo: { mode: "zoom", value: 2 }, font: { loadSystemFonts: true } });
  return image.render().asPng();
}
