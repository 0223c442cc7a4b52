import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHANNELS, type Reply, requests } from "../shared/api";
import { type Design, emptyDesign, parseDesign, serializeDesign } from "../shared/model";
import { recoveryPath } from "./files";
import { createHandlers, type Handlers } from "./handlers";
import type { FileDialogs, HandlerOptions } from "./options";

const examplesDir = resolve(import.meta.dirname, "../../examples");
let dir: string;
let handlers: Handlers;
let example: Design;

async function make(options: Partial<HandlerOptions> = {}): Promise<Handlers> {
  handlers = createHandlers({ examplesDir, recoveryDir: join(dir, "recovery"), log: () => {}, ...options });
  return handlers;
}

function value<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${JSON.stringify(reply.problems)}`);
  return reply.value;
}

function problems(reply: Reply<unknown>): string[] {
  if (reply.ok) throw new Error(`expected problems, got ${JSON.stringify(reply.value).slice(0, 200)}`);
  return reply.problems.map((p) => p.message);
}

/** Dialogs that answer as a user would, recording what they were asked. */
function scriptedDialogs(answers: {
  open?: string | null;
  folder?: string | null;
  save?: string | null;
}): FileDialogs & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    open: async () => {
      asked.push("open");
      return answers.open ?? null;
    },
    openFolder: async () => {
      asked.push("folder");
      return answers.folder ?? null;
    },
    save: async (suggested) => {
      asked.push(`save ${suggested ?? ""}`.trim());
      return answers.save ?? null;
    },
  };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "palisade-handlers-"));
  example = parseDesign(await readFile(join(examplesDir, "http-server.palisade.json"), "utf8"));
});
afterEach(async () => {
  await handlers?.close();
});

describe("the channels", () => {
  it("answers exactly the channels of api.ts", async () => {
    const h = await make();
    for (const channel of CHANNELS) expect(typeof h[channel]).toBe("function");
    expect(Object.keys(requests).sort()).toEqual([...CHANNELS].sort());
  });

  it.each(
    CHANNELS.filter(
      (c) => !["examples:list", "file:open", "recovery:read", "recovery:clear", "app:startup"].includes(c),
    ),
  )("%s answers a missing payload with problems, not a throw", async (channel) => {
    const h = await make();
    const reply = await h.dispatch(channel, undefined);
    expect(problems(reply)[0]).toMatch(new RegExp(`^bad ${channel} request: `));
  });

  it.each([
    [
      "engine:evaluate",
      { design: emptyDesign(), query: { from: "internet", to: "web", protocol: "tcp", port: 70000 } },
      "query.port",
    ],
    ["engine:flows", { design: { format: "palisade" } }, "design."],
    ["examples:load", { name: "../../etc/passwd" }, "name"],
    ["design:parse", { file: { name: "", text: "{}" } }, "file.name"],
    ["window:state", { name: "x", dirty: "yes" }, "dirty"],
    ["iac:import", { files: [] }, "files"],
  ] as const)("%s names the bad field of a malformed payload", async (channel, payload, field) => {
    const h = await make();
    const [first] = problems(await h.dispatch(channel, payload));
    expect(first).toContain(field);
  });

  it("refuses a channel that does not exist", async () => {
    const h = await make();
    expect(problems(await h.dispatch("fs:readFile", { path: "/etc/passwd" }))).toEqual([
      'no such channel "fs:readFile"',
    ]);
    expect(problems(await h.dispatch("__proto__", {}))).toEqual(['no such channel "__proto__"']);
  });
});

describe("engine channels", () => {
  it("answers whether the Internet reaches the web server on 443, with the rule", async () => {
    const h = await make();
    const verdict = value(
      await h["engine:evaluate"]({
        design: example,
        query: { from: "internet", to: "web", protocol: "tcp", port: 443 },
      }),
    );
    expect(verdict.permitted).toBe(true);
    expect(verdict.families[0]?.ingress.matched[0]?.groupId).toBe("sg-web");
  });

  it("turns an unknown node into a problem", async () => {
    const h = await make();
    const reply = await h["engine:evaluate"]({
      design: example,
      query: { from: "nowhere", to: "web", protocol: "tcp", port: 443 },
    });
    expect(problems(reply)[0]).toContain("nowhere");
  });

  it("gives the same answers from the worker as inline", async () => {
    const inline = await make();
    const flows = value(await inline["engine:flows"]({ design: example }));
    const query = { from: "internet", to: "web", protocol: "tcp", port: 22 };
    const verdict = value(await inline["engine:evaluate"]({ design: example, query }));
    const unknown = await inline["engine:evaluate"]({ design: example, query: { ...query, from: "nowhere" } });
    const found = value(await inline["engine:findings"]({ design: example }));
    await inline.close();
    const pooled = await make({ engineWorker: new URL("./engine-worker.ts", import.meta.url), workerThreshold: 0 });
    expect(value(await pooled["engine:flows"]({ design: example }))).toEqual(flows);
    expect(value(await pooled["engine:evaluate"]({ design: example, query }))).toEqual(verdict);
    expect(await pooled["engine:evaluate"]({ design: example, query: { ...query, from: "nowhere" } })).toEqual(unknown);
    expect(value(await pooled["engine:findings"]({ design: example }))).toEqual(found);
    expect(flows.length).toBeGreaterThan(0);
  });

  it("in the worker, validates the payload and hands back JSON bytes for the transport", async () => {
    const pooled = await make({ engineWorker: new URL("./engine-worker.ts", import.meta.url), workerThreshold: 0 });
    const bad = await pooled.dispatchWire("engine:evaluate", {
      design: example,
      query: { from: "internet", to: "web", protocol: "tcp", port: 70000 },
    });
    expect(problems(bad as Reply<unknown>)[0]).toContain("query.port");
    const wire = await pooled.dispatchWire("engine:flows", { design: example });
    expect(wire.ok && "json" in wire).toBe(true);
    if (wire.ok && "json" in wire)
      expect(JSON.parse(new TextDecoder().decode(wire.json))).toEqual(
        value(await pooled["engine:flows"]({ design: example })),
      );
  });

  it("parses and imports large files in the worker, with the same answers and problems", async () => {
    const pooled = await make({ engineWorker: new URL("./engine-worker.ts", import.meta.url), workerThreshold: 0 });
    const text = serializeDesign(example);
    expect(value(await pooled["design:parse"]({ file: { name: "web.palisade.json", text } })).design).toEqual(example);
    const broken = await pooled["design:parse"]({
      file: { name: "bad.palisade.json", text: '{\n  "format": "palisade",\n  "version": 1,\n  "name": 5\n}' },
    });
    expect(broken.ok ? undefined : broken.problems[0]).toMatchObject({ file: "bad.palisade.json", line: 4 });
    const tf = 'resource "aws_security_group" "web" {\n  name = "web"\n  description = "web"\n}\n';
    const imported = value(await pooled["iac:import"]({ files: [{ name: "main.tf", text: tf }] }));
    expect(imported.design.groups.map((g) => g.name)).toEqual(["web"]);
  });

  it("keeps small designs on the calling thread", async () => {
    const h = await make({ engineWorker: new URL("./engine-worker.ts", import.meta.url) });
    const wire = await h.dispatchWire("engine:flows", { design: example });
    expect(wire.ok && "value" in wire).toBe(true);
  });

  it("finds SSH open to the world", async () => {
    const h = await make();
    const open = structuredClone(example);
    open.groups[0]?.ingress.push({
      id: "ssh-world",
      protocol: "tcp",
      fromPort: 22,
      toPort: 22,
      peer: { kind: "cidr4", cidr: "0.0.0.0/0" },
    });
    const found = value(await h["engine:findings"]({ design: open }));
    expect(found.some((f) => f.groupId === "sg-web" && f.direction === "ingress" && f.severity !== "info")).toBe(true);
  });
});

describe("infrastructure code", () => {
  const tf = `resource "aws_security_group" "web" {
  name        = "web"
  description = "web"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

  it("imports a dropped Terraform file into a design", async () => {
    const h = await make();
    const imported = value(await h["iac:import"]({ files: [{ name: "main.tf", text: tf }] }));
    expect(imported.design.groups.map((g) => g.name)).toEqual(["web"]);
  });

  it("places a Terraform syntax error at its file, line and column", async () => {
    const h = await make();
    const reply = await h["iac:import"]({
      files: [{ name: "main.tf", text: 'resource "aws_security_group" "x" {\n  name = \n}\n' }],
    });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.problems[0]).toMatchObject({ file: "main.tf", line: expect.any(Number) });
  });

  it("exports Terraform and CloudFormation that import back to the same groups", async () => {
    const h = await make();
    const terraform = value(await h["iac:export"]({ design: example, to: "terraform" }));
    expect(terraform.files.map((f) => f.name)).toContain("main.tf");
    const cloudformation = value(await h["iac:export"]({ design: example, to: "cloudformation", format: "json" }));
    for (const files of [terraform.files, cloudformation.files]) {
      const back = value(await h["iac:import"]({ files }));
      expect(back.design.groups.map((g) => g.name).sort()).toEqual(example.groups.map((g) => g.name).sort());
    }
  });

  it.each([
    ["terraform", "yaml"],
    ["cloudformation", "hcl"],
  ] as const)("refuses %s as %s, saying what it is written as", async (to, format) => {
    const h = await make();
    expect(problems(await h["iac:export"]({ design: example, to, format }))[0]).toMatch(/is written as/);
  });
});

describe("examples and parsing", () => {
  it("lists the bundled examples by name with their titles", async () => {
    const h = await make();
    expect(value(await h["examples:list"]({}))).toEqual([
      { name: "http-server", title: "HTTP/HTTPS server" },
      { name: "three-tier", title: expect.any(String) },
    ]);
  });

  it("loads an example and refuses an unknown one", async () => {
    const h = await make();
    expect(value(await h["examples:load"]({ name: "http-server" }))).toEqual({ design: example });
    expect(problems(await h["examples:load"]({ name: "nope" }))).toEqual(['no example is called "nope"']);
  });

  it("parses a dropped design and places a broken one by line and column", async () => {
    const h = await make();
    const text = serializeDesign(example);
    expect(value(await h["design:parse"]({ file: { name: "web.palisade.json", text } })).design).toEqual(example);
    const reply = await h["design:parse"]({
      file: { name: "bad.palisade.json", text: '{\n  "format": "palisade",\n  "version": 1,\n  "name": 5\n}' },
    });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.problems[0]).toMatchObject({ file: "bad.palisade.json", line: 4 });
  });
});

describe("files", () => {
  it("in the browser mode, open and save by path are unsupported", async () => {
    const h = await make();
    expect(problems(await h["file:open"]({}))[0]).toContain("needs the desktop app");
    expect(problems(await h["file:save"]({ design: example }))[0]).toContain("needs the desktop app");
  });

  it("opens the file the user chose, and may reopen it by path afterwards", async () => {
    const path = join(dir, "web.palisade.json");
    await writeFile(path, serializeDesign(example));
    const dialogs = scriptedDialogs({ open: path });
    const h = await make({ dialogs });
    expect(value(await h["file:open"]({}))).toEqual({ path, design: example });
    expect(value(await h["file:open"]({ path }))).toEqual({ path, design: example });
    expect(dialogs.asked).toEqual(["open"]);
  });

  it("imports the Terraform folder the user chose, its .tf files together", async () => {
    const folder = join(dir, "module");
    await mkdir(folder);
    await writeFile(
      join(folder, "groups.tf"),
      'resource "aws_security_group" "web" {\n  name = "web"\n  description = "web"\n}\n',
    );
    await writeFile(
      join(folder, "rules.tf"),
      [
        'resource "aws_vpc_security_group_ingress_rule" "https" {',
        "  security_group_id = aws_security_group.web.id",
        '  ip_protocol = "tcp"',
        "  from_port = 443",
        "  to_port = 443",
        '  cidr_ipv4 = "0.0.0.0/0"',
        "}",
        "",
      ].join("\n"),
    );
    const dialogs = scriptedDialogs({ folder });
    const h = await make({ dialogs });
    const reply = value(await h["file:importFolder"]({}));
    expect(dialogs.asked).toEqual(["folder"]);
    expect(reply?.path).toBe(folder);
    expect(reply?.design.groups.map((g) => g.name)).toEqual(["web"]);
    expect(reply?.design.groups[0]?.ingress.map((r) => r.fromPort)).toEqual([443]);
  });

  it("imports a chosen folder again with values for its inputs, and no folder the user did not choose", async () => {
    const folder = join(dir, "office");
    await mkdir(folder);
    await writeFile(
      join(folder, "main.tf"),
      [
        'variable "office_cidr" {',
        "  type = string",
        "}",
        'resource "aws_security_group" "web" {',
        '  name = "web"',
        '  description = "web"',
        "  ingress {",
        "    from_port = 22",
        "    to_port = 22",
        '    protocol = "tcp"',
        "    cidr_blocks = [var.office_cidr]",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
    const dialogs = scriptedDialogs({ folder });
    const h = await make({ dialogs });
    const first = value(await h["file:importFolder"]({}));
    expect(first?.inputs).toEqual([expect.objectContaining({ kind: "variable", name: "office_cidr", line: 1 })]);
    // Without a value the rule names the placeholder range var.office_cidr; with one, the real CIDR.
    const office = first?.design.externals.find((e) => e.name === "var.office_cidr");
    expect(first?.design.groups[0]?.ingress.map((r) => r.peer)).toEqual([{ kind: "cidr4", cidr: office?.cidrs[0] }]);
    const again = value(
      await h["file:importFolder"]({ path: folder, values: { vars: { office_cidr: "198.51.100.0/24" } } }),
    );
    expect(dialogs.asked).toEqual(["folder"]);
    expect(again?.inputs).toEqual([]);
    expect(again?.design.groups[0]?.ingress.map((r) => r.peer)).toEqual([{ kind: "cidr4", cidr: "198.51.100.0/24" }]);
    expect(problems(await h["file:importFolder"]({ path: dir, values: {} }))[0]).toContain(
      "was not chosen in this session",
    );
    expect(problems(await h["file:importFolder"]({ path: folder, values: { vars: { "no such": "x" } } }))[0]).toContain(
      'values.vars["no such"]',
    );
  });

  it("a folder import answers null when the user cancels, and needs the desktop app", async () => {
    expect(value(await (await make({ dialogs: scriptedDialogs({}) }))["file:importFolder"]({}))).toBeNull();
    expect(problems(await (await make())["file:importFolder"]({}))[0]).toContain("needs the desktop app");
  });

  it("refuses to open a path the user never chose", async () => {
    const h = await make({ dialogs: scriptedDialogs({}) });
    expect(problems(await h["file:open"]({ path: "/etc/passwd" }))[0]).toContain("was not chosen");
  });

  it("answers null when the user cancels", async () => {
    const h = await make({ dialogs: scriptedDialogs({ open: null, save: null }) });
    expect(value(await h["file:open"]({}))).toBeNull();
    expect(value(await h["file:save"]({ design: example }))).toBeNull();
  });

  it("asks before writing to a path the renderer names but the user never chose", async () => {
    const chosen = join(dir, "chosen.palisade.json");
    const dialogs = scriptedDialogs({ save: chosen });
    const h = await make({ dialogs });
    const sneaky = join(dir, "elsewhere.palisade.json");
    expect(value(await h["file:save"]({ design: example, path: sneaky }))).toEqual({ path: chosen });
    expect(dialogs.asked).toEqual([`save ${sneaky}`]);
    expect(parseDesign(await readFile(chosen, "utf8"))).toEqual(example);
  });

  it("saves again to the chosen path without asking, unless Save As", async () => {
    const chosen = join(dir, "chosen.palisade.json");
    const used: string[] = [];
    const dialogs = scriptedDialogs({ save: chosen });
    const h = await make({ dialogs, onFileUsed: (p) => used.push(p) });
    await h["file:save"]({ design: example });
    const renamed = { ...example, name: "Renamed" };
    expect(value(await h["file:save"]({ design: renamed, path: chosen }))).toEqual({ path: chosen });
    expect(dialogs.asked).toHaveLength(1);
    await h["file:save"]({ design: renamed, path: chosen, saveAs: true });
    expect(dialogs.asked).toHaveLength(2);
    expect(parseDesign(await readFile(chosen, "utf8")).name).toBe("Renamed");
    expect(used).toEqual([chosen, chosen, chosen]);
  });

  it("reports a save that cannot be written, naming the file", async () => {
    const target = join(dir, "no-such-folder", "x.palisade.json");
    const h = await make({ dialogs: scriptedDialogs({ save: target }) });
    const reply = await h["file:save"]({ design: example });
    expect(reply.ok).toBe(false);
    if (!reply.ok)
      expect(reply.problems[0]).toMatchObject({ file: target, message: "cannot save: no such file or folder" });
  });
});

describe("recovery", () => {
  it("writes, reads back and clears the autosave", async () => {
    const h = await make();
    expect(value(await h["recovery:read"]({}))).toBeNull();
    value(await h["recovery:write"]({ design: example, path: "/x/web.palisade.json" }));
    const back = value(await h["recovery:read"]({}));
    expect(back).toMatchObject({ design: example, path: "/x/web.palisade.json" });
    expect(Date.parse(back?.savedAt ?? "")).not.toBeNaN();
    value(await h["recovery:clear"]({}));
    expect(value(await h["recovery:read"]({}))).toBeNull();
  });

  it("clears the autosave after a clean save", async () => {
    const h = await make({ dialogs: scriptedDialogs({ save: join(dir, "s.palisade.json") }) });
    await h["recovery:write"]({ design: example });
    await h["file:save"]({ design: example });
    expect(value(await h["recovery:read"]({}))).toBeNull();
  });

  it("offers the startup document and the recovery file together", async () => {
    const h = await make({ startup: async () => ({ design: example }) });
    await h["recovery:write"]({ design: emptyDesign("Unsaved") });
    const startup = value(await h["app:startup"]({}));
    expect(startup.open).toEqual({ design: example });
    expect(startup.recovery?.design.name).toBe("Unsaved");
    expect(startup.warnings).toEqual([]);
  });

  it("starts anyway when the recovery file is damaged, and says so", async () => {
    const h = await make();
    await h["recovery:write"]({ design: example });
    await writeFile(recoveryPath(join(dir, "recovery")), "{ torn");
    const startup = value(await h["app:startup"]({}));
    expect(startup.recovery).toBeNull();
    expect(startup.warnings[0]?.message).toContain("damaged");
  });
});

describe("window state", () => {
  it("passes the document's name and unsaved state to the shell", async () => {
    const states: unknown[] = [];
    const h = await make({ onWindowState: (s) => states.push(s) });
    value(await h["window:state"]({ name: "web", dirty: true }));
    expect(states).toEqual([{ name: "web", dirty: true }]);
  });
});

describe("internal errors", () => {
  it("become one sentence for the person and a stack in the log", async () => {
    const logged: string[] = [];
    const h = await make({
      log: (m) => logged.push(m),
      startup: async () => {
        throw new TypeError("boom");
      },
    });
    expect(problems(await h["app:startup"]({}))).toEqual(["internal error in app:startup: boom"]);
    expect(logged[0]).toContain("TypeError: boom");
  });
});
