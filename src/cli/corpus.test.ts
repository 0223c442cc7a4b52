// The Proof of issues 11 and 12: every input of ../shared/corpus (real files from public
// repositories, read in place, never copied) imports as `palisade` reads it, with every warning
// placed at file:line, the flows its expectations file lists (written by reading the source), and
// the same flows between the same node names after an export to Terraform and to CloudFormation
// and an import of what was written.
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Loaded, loadPaths } from "../server/load";
import { evaluateFlow, type FlowVerdict, permittedFlows, resolveEndpoint } from "../shared/engine";
import { toCloudFormation } from "../shared/iac/cloudformation";
import { toTerraform } from "../shared/iac/terraform/export";
import { type Design, formatProblem, InputError } from "../shared/model";
import { CORPUS, corpusCases, EXPECTATIONS, loadCorpus } from "./testing/corpus";
import type { CorpusExpectation, ExpectedFlow } from "./testing/corpus-expectations";

const ROOT = resolve(__dirname, "../..");

function unplacedWarnings(loaded: Loaded): string[] {
  return loaded.warnings.filter((w) => !w.file || w.line === undefined).map(formatProblem);
}

function describeFlow(f: ExpectedFlow): string {
  const traffic =
    f.protocol === "icmp" || f.protocol === "icmpv6"
      ? `${f.protocol}${f.icmpType !== undefined ? ` type ${f.icmpType}` : ""}`
      : `${f.protocol} ${f.port ?? ""}`.trim();
  const level = f.level ? ", group level" : "";
  const side = f.side ? `, ${f.side} only` : "";
  return `${f.from} -> ${f.to} ${traffic}${level}${side}`;
}

/** A flow's verdict, or one side's (`side`): permitted when it passes in some family. */
function passes(verdict: FlowVerdict, side: ExpectedFlow["side"]): { permitted: boolean; why: string } {
  if (!side) return { permitted: verdict.permitted, why: verdict.explanation.split("\n")[0] ?? "" };
  const sides = verdict.families.map((f) => f[side]);
  const allowed = sides.find((s) => s.allowed);
  return {
    permitted: allowed !== undefined,
    why: (allowed ?? sides[0])?.reason ?? verdict.unfiltered ?? "no family of addresses to check",
  };
}

/** What goes wrong with the listed flows: one line each, empty when they all hold. */
function flowMisses(design: Design, expectation: CorpusExpectation): string[] {
  const misses: string[] = [];
  for (const [list, wanted] of [
    [expectation.permitted, true],
    [expectation.denied, false],
  ] as const)
    for (const flow of list) {
      try {
        const from = resolveEndpoint(design, flow.from, "from");
        const to = resolveEndpoint(design, flow.to, "to");
        if (flow.level === "group" && !design.groups.some((g) => g.id === from || g.id === to)) {
          misses.push(`${describeFlow(flow)}: neither end names a security group`);
          continue;
        }
        const verdict = evaluateFlow(design, {
          from,
          to,
          protocol: flow.protocol,
          ...(flow.port !== undefined ? { port: flow.port } : {}),
          ...(flow.icmpType !== undefined ? { icmpType: flow.icmpType } : {}),
          ...(flow.icmpCode !== undefined ? { icmpCode: flow.icmpCode } : {}),
        });
        const found = passes(verdict, flow.side);
        if (found.permitted !== wanted)
          misses.push(`${describeFlow(flow)} should be ${wanted ? "permitted" : "denied"}: ${found.why}`);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        misses.push(`${describeFlow(flow)}: ${e.problems.map(formatProblem).join("; ")}`);
      }
    }
  return misses;
}

/**
 * The expectations with each end named as the original design names it (a node's or a group's
 * name rather than its id), so that they can be asked of the design read back from an export,
 * where ids are the format's own. A flow with an end whose name is not unique (three VPCs' groups
 * called "default") cannot be asked by name and is left out here; it was checked on the import.
 */
function byNames(design: Design, expectation: CorpusExpectation): CorpusExpectation {
  const all = [...design.resources, ...design.externals, ...design.groups];
  const count = new Map<string, number>();
  for (const n of all) count.set(n.name.toLowerCase(), (count.get(n.name.toLowerCase()) ?? 0) + 1);
  const name = (end: string, role: "from" | "to"): string | undefined => {
    let id: string;
    try {
      id = resolveEndpoint(design, end, role);
    } catch {
      return end;
    }
    // A resource's own private address stands for it (a public one keeps its own meaning: the
    // path through the internet gateway), and formats that cannot state the address keep the name.
    const own = design.resources.find((r) => r.privateIpv4 === id || r.ipv6 === id);
    if (own) id = own.id;
    const found = all.find((n) => n.id === id);
    if (!found) return end;
    return count.get(found.name.toLowerCase()) === 1 ? found.name : undefined;
  };
  const rename = (list: readonly ExpectedFlow[]) =>
    list.flatMap((f) => {
      const from = name(f.from, "from");
      const to = name(f.to, "to");
      return from && to ? [{ ...f, from, to }] : [];
    });
  return { ...expectation, permitted: rename(expectation.permitted), denied: rename(expectation.denied) };
}

/** Every permitted flow, named by its ends' names rather than ids (ids change with the format). */
function flowsByName(design: Design): string[] {
  const names = new Map([...design.resources, ...design.externals].map((n) => [n.id, n.name]));
  return permittedFlows(design)
    .map((e) => `${names.get(e.from)} -> ${names.get(e.to)}: ${e.label} (IPv${e.families.join("+")})`)
    .sort();
}

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** The design exported to `to`, written to disk and imported again as `palisade` would. */
async function roundTrip(design: Design, to: "terraform" | "cloudformation"): Promise<Loaded> {
  const dir = mkdtempSync(join(tmpdir(), `palisade-corpus-${to}-`));
  scratch.push(dir);
  const files = to === "terraform" ? toTerraform(design) : [toCloudFormation(design, "yaml")];
  for (const f of files) writeFileSync(join(dir, f.name), f.text);
  return loadPaths(to === "terraform" ? [dir] : files.map((f) => join(dir, f.name)));
}

if (!existsSync(CORPUS)) {
  describe("the corpus", () => {
    it.skip(`is absent (${relative(ROOT, CORPUS)} beside the project): the corpus harness does not run`, () => {});
  });
} else {
  const cases = corpusCases();

  describe("the corpus, read in place", () => {
    it("has an input in each of its three formats", () => {
      for (const kind of ["awscli/", "cloudformation/", "terraform/"])
        expect(cases.filter((c) => c.file.startsWith(kind)).length).toBeGreaterThan(0);
    });

    for (const { file, sources, expectation } of cases) {
      const path = join(EXPECTATIONS, file);
      if (!expectation) {
        it.todo(`${file.replace(/\.yaml$/, "")}: no expectations yet (write ${relative(ROOT, path)})`);
        continue;
      }
      const label = sources.join(" + ");
      if (expectation.status !== undefined) {
        it.skip(`${label}: ${expectation.status}`, () => {});
        continue;
      }

      describe(label, () => {
        for (const s of sources)
          if (!existsSync(join(CORPUS, s)) || !statSync(join(CORPUS, s)))
            throw new Error(`${relative(ROOT, path)}: source ${s} is not in the corpus`);
        const loading = loadCorpus(sources, expectation);

        if (expectation.refused) {
          const refused = expectation.refused;
          it(`is refused, as AWS refuses it: ${refused.why}`, async () => {
            const loaded = await loading;
            expect("refused" in loaded ? loaded.refused : ["(imported)"]).toEqual(
              expect.arrayContaining([expect.stringContaining(refused.message)]),
            );
          });
          return;
        }

        it("imports, every warning placed at file:line", async () => {
          const loaded = await loading;
          expect("refused" in loaded ? loaded.refused : []).toEqual([]);
          if (!("refused" in loaded)) expect(unplacedWarnings(loaded)).toEqual([]);
        });

        it("permits and denies the flows its author wrote", async () => {
          const loaded = await loading;
          if ("refused" in loaded) throw new Error(loaded.refused.join("\n"));
          expect(expectation.permitted.length + expectation.denied.length).toBeGreaterThan(0);
          expect(flowMisses(loaded.design, expectation)).toEqual([]);
        });

        for (const to of ["terraform", "cloudformation"] as const) {
          it(`gives the same flows between the same names after export to ${to} and import`, async () => {
            const loaded = await loading;
            if ("refused" in loaded) throw new Error(loaded.refused.join("\n"));
            const again = await roundTrip(loaded.design, to);
            expect(flowsByName(again.design)).toEqual(flowsByName(loaded.design));
            expect(flowMisses(again.design, byNames(loaded.design, expectation))).toEqual([]);
          });
        }
      });
    }
  });
}
