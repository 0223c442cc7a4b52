// `npm run bench:ui`: the real app (browser mode, real host) on generated designs of 1,000 nodes
// (~3,000 flows) and 5,000 nodes. Reports time to first render, rule edit to redrawn edges,
// frames per second while panning, the renderer's peak JS heap and the host's peak RSS.
// Targets: first render < 1.5 s, edit -> redraw < 50 ms, >= 50 fps. A bench, not a test: it
// prints figures and fails only when it cannot run. `--optional` (from `npm run bench`) skips
// quietly where no Chromium is installed.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Page } from "@playwright/test";
import { type HostProcess, startHostProcess } from "../src/server/http/child";
import { permittedFlows } from "../src/shared/engine";
import { serializeDesign } from "../src/shared/model";
import { generateChain } from "./ui-design";
import { type ApiCall, profile, watchApi, watchLongTasks, watchMainThread } from "./ui-where";

const root = resolve(import.meta.dirname, "..");
const optional = process.argv.includes("--optional");
const sizes = process.argv.filter((a) => /^\d+$/.test(a)).map(Number);
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

function skip(why: string): never {
  console.log(`UI bench skipped: ${why}`);
  process.exit(optional ? 0 : 1);
}

if (!existsSync(join(root, "out/renderer/index.html"))) {
  if (optional) spawnSync("npx", ["electron-vite", "build"], { cwd: root, stdio: "inherit" });
  if (!existsSync(join(root, "out/renderer/index.html"))) skip("out/renderer is missing (run npm run build)");
}

function startHost(recoveryDir: string): Promise<HostProcess> {
  return startHostProcess({ PALISADE_RECOVERY_DIR: recoveryDir });
}

/** Peak and current resident memory of a process, from Linux's /proc (MB), where there is one. */
function rss(pid: number | undefined): { peak: number; now: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
    return { peak: kb("VmHWM") / 1024, now: kb("VmRSS") / 1024 };
  } catch {
    return undefined;
  }
}

const browser = await chromium
  .launch({
    ...(existsSync(SYSTEM_CHROMIUM) && !process.env.PLAYWRIGHT_OWN_BROWSER ? { executablePath: SYSTEM_CHROMIUM } : {}),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--enable-precise-memory-info",
      "--disable-background-networking",
    ],
  })
  .catch((e: Error) => skip(`no Chromium to run (${e.message.split("\n")[0]})`));

interface Figures {
  nodes: number;
  flows: number;
  megabytes: number;
  nodesDrawn: number;
  edgesDrawn: number;
  edits: Edits | string;
  /** The same edits with the canvas at node level, where the lines are routed (at 1,000 nodes it draws groups by itself). */
  nodeEdits?: Edits | string;
  fps: number;
  worstFrame: number;
  heapPeak: number;
  hostRss?: { peak: number; now: number };
  where: Where;
  /** Node and edge elements drawn, and all DOM elements, when panning began. */
  drawn: [number, number, number];
  parts: Record<string, number>;
}

interface Phase {
  api: ApiCall[];
  longTasks: { count: number; total: number; longest: number };
  thread: Record<string, number>;
}
interface Where {
  open?: Phase;
  edit?: Phase;
  pan?: Phase;
  editProfile?: { name: string; ms: number }[];
  panProfile?: { name: string; ms: number }[];
}

/** In the page: the peak JS heap, sampled every 50 ms. */
function sampleHeap(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __heapPeak: number; performance: { memory?: { usedJSHeapSize: number } } };
    w.__heapPeak = 0;
    setInterval(() => {
      w.__heapPeak = Math.max(w.__heapPeak, w.performance.memory?.usedJSHeapSize ?? 0);
    }, 50);
  });
}

async function openDesign(page: Page, name: string, text: string): Promise<{ nodesDrawn: number; edgesDrawn: number }> {
  page.once("dialog", (d) => void d.accept());
  const choosing = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Open…" }).click();
  const chooser = await choosing;
  // Timed in the page from the moment the file input changes, so Playwright's overhead is left out.
  await page.evaluate(() => {
    const w = window as unknown as Record<string, number>;
    document.addEventListener(
      "change",
      () => {
        w.__opened = performance.now();
      },
      { capture: true, once: true },
    );
  });
  await chooser.setFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
  const nodesAt = await page.waitForFunction(
    (title) =>
      document.querySelector("[data-testid=doc-title]")?.textContent?.includes(title) &&
      document.querySelector(".react-flow__node")
        ? performance.now()
        : false,
    name.replace(".palisade.json", ""),
    { polling: "raf", timeout: 120_000 },
  );
  const edgesAt = await page.waitForFunction(
    // The example's edges (web, internet, my-ip) do not count: only the new design's.
    () =>
      [...document.querySelectorAll(".react-flow__edge")].some(
        (e) => !/web|internet|my-ip/.test(e.getAttribute("data-id") ?? ""),
      )
        ? performance.now()
        : false,
    undefined,
    { polling: "raf", timeout: 120_000 },
  );
  const opened = await page.evaluate(() => (window as unknown as Record<string, number>).__opened ?? 0);
  const at = async (h: typeof nodesAt) => Number(await h.jsonValue());
  return { nodesDrawn: (await at(nodesAt)) - opened, edgesDrawn: (await at(edgesAt)) - opened };
}

/**
 * An edit's time from the click to the redrawn edges, and its stages from the renderer's own marks
 * (src/renderer/state/engine.ts): the click handled until the patch is sent, the host's answer,
 * the answer applied to the flows, and React's render with the browser's frame.
 */
interface EditTiming {
  total: number;
  /** route: the part of the render routing the lines around the boxes took (routes.ts's measures), and how many it routed. */
  stages: {
    click: number;
    host: number;
    answer: number;
    apply: number;
    draw: number;
    route: number;
    routed: number;
    /** Of route: choosing ports, routing the lines, placing the labels (Drawing.stats). */
    ports: number;
    lines: number;
    labels: number;
  };
}

/** Adds an inbound rule between two nodes that are drawn, and times the click to the redrawn edges. */
async function editToRedraw(page: Page, nth = 0): Promise<EditTiming | string> {
  const drawn = await page.evaluate(() =>
    // Instances i-N or, where the canvas draws one node per group of look-alike members, sg-N.
    [...document.querySelectorAll(".react-flow__node")]
      // Drawn and clickable: not under the top bar or the level notice.
      .filter((n) => {
        const r = n.getBoundingClientRect();
        return n.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
      })
      .map((n) => Number(/^(?:i|sg)-(\d+)$/.exec(n.getAttribute("data-id") ?? "")?.[1]))
      .filter((n) => Number.isInteger(n))
      .sort((a, b) => a - b),
  );
  // The nth pair of drawn nodes not next to each other in the chain (those already talk): each
  // edit adds a rule between another pair. Not the nth node after the first: at 1,000 nodes the
  // canvas draws about nine, and the sixth edit found no node to connect, so no edit was timed.
  const pairs = drawn.flatMap((to) => drawn.filter((from) => from > to + 3).map((from) => [to, from] as const));
  const [to, from] = pairs[nth] ?? [];
  if (to === undefined || from === undefined)
    return `no pair of drawn nodes left to connect (${drawn.length} nodes drawn, ${pairs.length} pairs, edit ${nth + 1})`;
  // The group chosen where it is drawn: its node at the group level, its chip on the instance
  // (the palette draws only the groups scrolled into view).
  const groupNode = page.getByTestId(`group-node-sg-${to}`);
  if ((await groupNode.count()) > 0) await groupNode.click();
  else
    await page
      .getByTestId(`node-i-${to}`)
      .getByRole("button", { name: `svc-${to}`, exact: true })
      .click();
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await inspector.getByRole("button", { name: "+ Inbound rule" }).click();
  const form = inspector.getByRole("form", { name: /Add inbound rule/ });
  await form.getByLabel("Type").selectOption({ label: "HTTPS (tcp 443)" });
  await form.getByLabel("Source", { exact: true }).selectOption({ label: "Another security group…" });
  // Past a few dozen groups the form finds a group by typing its name.
  const picker = form.getByLabel("Source group");
  if ((await picker.evaluate((el) => el.tagName)) === "SELECT") await picker.selectOption({ label: `svc-${from}` });
  else {
    // The full name first among the matches; Enter picks it and closes the list.
    await picker.fill(`svc-${from}`);
    await picker.press("Enter");
  }
  const add = form.getByRole("button", { name: "Add inbound rule" });
  await add.evaluate((button) => {
    const w = window as unknown as Record<string, number | undefined>;
    // Not the marks of the edit before.
    w.__clicked = undefined;
    w.__redrawn = undefined;
    const edges = document.querySelector(".react-flow__edges") ?? document.body;
    button.addEventListener(
      "click",
      () => {
        w.__clicked = performance.now();
        // The first frame after the edges change in the DOM: the redraw the person sees.
        const observer = new MutationObserver(() => {
          observer.disconnect();
          requestAnimationFrame(() => {
            w.__redrawn = performance.now();
          });
        });
        observer.observe(edges, { childList: true, subtree: true, attributes: true });
      },
      { capture: true, once: true },
    );
  });
  await add.click();
  const redrawn = await page
    .waitForFunction(() => (window as unknown as Record<string, number>).__redrawn ?? false, undefined, {
      timeout: 30_000,
    })
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(() => undefined);
  if (redrawn === undefined) return "the edges did not change within 30 s";
  const clicked = await page.evaluate(() => (window as unknown as Record<string, number>).__clicked ?? 0);
  const mark = (name: string) =>
    page.evaluate(
      ([name, after]) =>
        performance
          .getEntriesByName(`palisade:edit-${name}`)
          .map((e) => e.startTime)
          .find((t) => t >= (after ?? 0)) ?? Number.NaN,
      [name, clicked] as const,
    );
  const [sent, answered, applied] = [await mark("sent"), await mark("answered"), await mark("applied")];
  // The host's own time for the edit (its Server-Timing header): the rest of the wait for the
  // answer is the loopback and the renderer busy with the click's own render.
  const hostOwn = await page.evaluate((after) => {
    const entry = performance
      .getEntriesByType("resource")
      .find((r) => r.name.endsWith("/api/doc:edit") && r.startTime >= after) as PerformanceResourceTiming | undefined;
    return entry?.serverTiming.find((t) => t.name === "host")?.duration ?? Number.NaN;
  }, clicked);
  // Routing's own time in the renders of this edit, and the lines it routed (src/renderer/canvas/routes.ts).
  const routing = await page.evaluate((after) => {
    let ms = 0;
    let routed = 0;
    const part = { ports: 0, lines: 0, labels: 0 };
    for (const m of performance.getEntriesByType("measure"))
      if (m.name.startsWith("palisade:route") && m.startTime >= after) {
        ms += m.duration;
        routed += Number(/routed=(\d+)/.exec(m.name)?.[1] ?? 0);
        for (const k of ["ports", "lines", "labels"] as const)
          part[k] += Number(new RegExp(`${k}=([\\d.]+)`).exec(m.name)?.[1] ?? 0);
      }
    return { ms, routed, ...part };
  }, clicked);
  return {
    total: redrawn - clicked,
    stages: {
      route: routing.ms,
      routed: routing.routed,
      ports: routing.ports,
      lines: routing.lines,
      labels: routing.labels,
      click: sent - clicked,
      host: hostOwn,
      answer: answered - sent - hostOwn,
      apply: applied - answered,
      draw: redrawn - applied,
    },
  };
}

/** Several edits, each between another pair of nodes: the first (cold) and the median of the rest. */
async function editsToRedraw(page: Page, count: number, skip = 0): Promise<Edits | string> {
  const timings: EditTiming[] = [];
  for (let k = 0; k < count; k++) {
    const t = await editToRedraw(page, skip + k);
    if (typeof t === "string") return t;
    timings.push(t);
    // As a person would: one edit, a look at it, the next.
    await page.waitForTimeout(400);
  }
  const [first, ...rest] = timings;
  if (!first) return "no edit was made";
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const warm = rest.length > 0 ? rest : [first];
  return {
    first,
    median: median(warm.map((t) => t.total)),
    range: [Math.min(...warm.map((t) => t.total)), Math.max(...warm.map((t) => t.total))],
    stages: {
      click: median(warm.map((t) => t.stages.click)),
      host: median(warm.map((t) => t.stages.host)),
      answer: median(warm.map((t) => t.stages.answer)),
      apply: median(warm.map((t) => t.stages.apply)),
      draw: median(warm.map((t) => t.stages.draw)),
      route: median(warm.map((t) => t.stages.route)),
      routed: median(warm.map((t) => t.stages.routed)),
      ports: median(warm.map((t) => t.stages.ports)),
      lines: median(warm.map((t) => t.stages.lines)),
      labels: median(warm.map((t) => t.stages.labels)),
    },
  };
}

interface Edits {
  first: EditTiming;
  median: number;
  range: [number, number];
  stages: EditTiming["stages"];
}

/** Edits timed in one run: the first after opening, then this many more. */
const EDITS = 6;

/** Drags the canvas for about two seconds, counting animation frames. */
async function panFps(page: Page): Promise<{ fps: number; worstFrame: number }> {
  const pane = await page.locator(".react-flow__pane").boundingBox();
  if (!pane) return { fps: 0, worstFrame: 0 };
  // As text: tsx would name a function declared inside, with a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__counting = true;
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const x = pane.x + pane.width / 2;
  const y = pane.y + pane.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let k = 1; k <= 60; k++) {
    await page.mouse.move(x - k * 6, y - k * 4);
    await page.waitForTimeout(33);
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __counting: boolean };
    w.__counting = false;
    return w.__frames;
  });
  const span = (frames.at(-1) ?? 0) - (frames[0] ?? 0);
  const gaps = frames.slice(1).map((t, i) => t - (frames[i] ?? t));
  return { fps: span > 0 ? ((frames.length - 1) * 1000) / span : 0, worstFrame: Math.max(0, ...gaps) };
}

const results: Figures[] = [];
for (const nodes of sizes.length ? sizes : [1000, 5000]) {
  const recoveryDir = await mkdtemp(join(tmpdir(), "palisade-bench-ui-"));
  const host = await startHost(recoveryDir);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(host.url);
    await page.getByTestId("node-web").waitFor();
    await sampleHeap(page);
    const design = generateChain(nodes);
    const name = `UI bench ${nodes}`;
    design.name = name;
    const text = serializeDesign(design);
    const api = watchApi(page);
    const longTasks = await watchLongTasks(page);
    const thread = await watchMainThread(page);
    api.take();
    await thread.take();
    const open = await openDesign(page, `${name}.palisade.json`, text);
    // Let the first render settle before editing and panning.
    await page.waitForTimeout(1000);
    const where: Where = { open: { api: api.take(), longTasks: await longTasks.take(), thread: await thread.take() } };
    const edits = await editsToRedraw(page, EDITS);
    await page.waitForTimeout(1000);
    where.edit = { api: api.take(), longTasks: await longTasks.take(), thread: await thread.take() };
    const drawn = (await page.evaluate(
      `[document.querySelectorAll(".react-flow__node").length, document.querySelectorAll(".react-flow__edge").length, document.getElementsByTagName("*").length]`,
    )) as [number, number, number];
    // Which parts of the page hold the DOM: every element costs on each re-render and style pass.
    // (section.bottom: React Flow's minimap and controls carry a class "bottom" too; the minimap is counted apart.)
    const parts = (await page.evaluate(`Object.fromEntries(
      [["canvas", ".react-flow"], ["minimap", ".react-flow__minimap"], ["palette", ".palette"], ["bottom panel", "section.bottom"], ["inspector", ".inspector"]]
        .map(([name, sel]) => [name, document.querySelector(sel)?.getElementsByTagName("*").length ?? 0]))`)) as Record<
      string,
      number
    >;
    const pan = await panFps(page);
    where.pan = { api: api.take(), longTasks: await longTasks.take(), thread: await thread.take() };
    // Node level, chosen as a person would (past 2,000 flows the canvas draws groups by itself):
    // only there are lines routed, so only there does a rule edit's redraw route anything.
    let nodeEdits: Edits | string | undefined;
    const nodesButton = page.getByRole("button", { name: "Nodes", exact: true });
    if (nodes <= 1000 && (await nodesButton.isVisible()) && (await nodesButton.isEnabled())) {
      await nodesButton.click();
      await page.locator('.react-flow__node[data-id^="i-"]').first().waitFor({ timeout: 120_000 });
      await page.waitForTimeout(1000);
      nodeEdits = await editsToRedraw(page, EDITS, 2 * EDITS);
    }
    const heapPeak =
      (await page.evaluate(() => (window as unknown as { __heapPeak: number }).__heapPeak)) / 1024 / 1024;
    // Profiled apart, so that the profiler's cost is not in the figures above.
    where.editProfile = await profile(page, async () => {
      await editToRedraw(page, EDITS);
      await page.waitForTimeout(1000);
    });
    where.panProfile = await profile(page, () => panFps(page));
    results.push({
      nodes,
      flows: permittedFlows(design).length,
      megabytes: text.length / 1024 / 1024,
      ...open,
      edits,
      ...(nodeEdits ? { nodeEdits } : {}),
      ...pan,
      heapPeak,
      hostRss: rss(host.child.pid),
      where,
      drawn,
      parts,
    });
  } finally {
    await page.close();
    await new Promise((done) => {
      host.child.once("exit", done);
      host.child.kill("SIGTERM");
    });
    await rm(recoveryDir, { recursive: true, force: true });
  }
}
await browser.close();

const ms = (n: number | string) => (typeof n === "number" ? `${n.toFixed(0)} ms` : n);
for (const r of results) {
  console.log(
    `\n${r.nodes.toLocaleString("en")} nodes, ${r.flows.toLocaleString("en")} flows (${r.megabytes.toFixed(1)} MB of JSON):`,
  );
  console.log(
    `  first render: nodes drawn ${ms(r.nodesDrawn)}, flows drawn ${ms(r.edgesDrawn)} after the file was chosen (target < 1500 ms)`,
  );
  for (const [level, edits] of [
    ["", r.edits],
    [" (node level)", r.nodeEdits],
  ] as const) {
    if (edits === undefined) continue;
    if (typeof edits === "string") {
      console.log(`  rule edit${level} -> redrawn edges: ${edits}`);
      continue;
    }
    const e = edits;
    const frac = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "?");
    const stages = (s: EditTiming["stages"]) =>
      `click ${ms(s.click)}, host ${ms(s.host)}, the rest of the wait for the answer ${ms(s.answer)}, apply ${ms(s.apply)}, render and frame ${ms(s.draw)} (of which routing ${frac(s.route)} ms: ports ${frac(s.ports)}, lines ${frac(s.lines)}, labels ${frac(s.labels)}; ${s.routed} lines routed)`;
    console.log(
      `  rule edit${level} -> redrawn edges: median ${ms(e.median)} of ${EDITS - 1} (${ms(e.range[0])}-${ms(e.range[1])}; target < 50 ms), first edit after opening ${ms(e.first.total)}`,
    );
    console.log(`    stages, median: ${stages(e.stages)}; first edit: ${stages(e.first.stages)}`);
  }
  console.log(
    `  panning: ${r.fps.toFixed(0)} fps, worst frame ${r.worstFrame.toFixed(0)} ms (target >= 50 fps), with ${r.drawn[0]} node and ${r.drawn[1]} edge elements drawn (${r.drawn[2]} DOM elements: ${Object.entries(
      r.parts,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")})`,
  );
  console.log(`  renderer peak JS heap: ${r.heapPeak.toFixed(0)} MB`);
  console.log(
    `  host RSS: ${r.hostRss ? `peak ${r.hostRss.peak.toFixed(0)} MB, now ${r.hostRss.now.toFixed(0)} MB` : "unknown (no /proc)"}`,
  );
  for (const [phase, p] of [
    ["open", r.where.open],
    ["edit", r.where.edit],
    ["pan", r.where.pan],
  ] as const) {
    if (!p) continue;
    const calls = p.api
      .map((c) => `${c.channel} ${c.waiting.toFixed(0)}+${c.receiving.toFixed(0)} ms ${c.kilobytes.toFixed(0)} kB`)
      .join(", ");
    console.log(
      `  where (${phase}): main thread ${Object.entries(p.thread)
        .map(([k, v]) => `${k.replace("Duration", "")} ${v.toFixed(0)} ms`)
        .join(
          ", ",
        )}; renderer long tasks ${p.longTasks.count}, ${p.longTasks.total.toFixed(0)} ms in all, longest ${p.longTasks.longest.toFixed(0)} ms; API (waiting+receiving) ${calls || "none"}`,
    );
  }
  for (const [phase, top] of [
    ["rule edit", r.where.editProfile],
    ["panning", r.where.panProfile],
  ] as const)
    if (top)
      console.log(
        `  renderer self time, ${phase} (profiled apart): ${top.map((t) => `${t.name} ${t.ms.toFixed(0)} ms`).join("; ")}`,
      );
}
