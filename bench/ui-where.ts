// Where the UI bench's time goes: the host's share of each API call (from the browser's own
// request timing), the renderer's long tasks, and a CPU profile's heaviest functions.
import type { CDPSession, Page, Request } from "@playwright/test";

export interface ApiCall {
  channel: string;
  /** From the request sent to the first byte of the answer: the host's work plus the loopback. */
  waiting: number;
  /** Receiving the answer. */
  receiving: number;
  kilobytes: number;
}

/** Records every /api/ call the page makes; `take` returns those since the last take. */
export function watchApi(page: Page): { take(): ApiCall[] } {
  let calls: ApiCall[] = [];
  page.on("requestfinished", (request: Request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith("/api/")) return;
    const t = request.timing();
    void request
      .sizes()
      .then((sizes) => {
        calls.push({
          channel: url.pathname.slice(5),
          waiting: t.responseStart - t.requestStart,
          receiving: t.responseEnd - t.responseStart,
          kilobytes: sizes.responseBodySize / 1024,
        });
      })
      .catch(() => {});
  });
  return {
    take: () => {
      const taken = calls;
      calls = [];
      return taken;
    },
  };
}

/** Starts counting the renderer's long tasks (over 50 ms); `take` returns their count and total. */
export async function watchLongTasks(
  page: Page,
): Promise<{ take(): Promise<{ count: number; total: number; longest: number }> }> {
  await page.evaluate(`(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ type: "longtask" });
  })()`);
  return {
    take: async () => {
      const tasks = (await page.evaluate(
        `(() => { const t = window.__longTasks; window.__longTasks = []; return t; })()`,
      )) as number[];
      return { count: tasks.length, total: tasks.reduce((a, b) => a + b, 0), longest: Math.max(0, ...tasks) };
    },
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Runs `work` under the renderer's CPU profiler; the functions with the most self time. */
export async function profile(
  page: Page,
  work: () => Promise<unknown>,
  top = 8,
): Promise<{ name: string; ms: number }[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await work();
  const { profile: p } = (await cdp.send("Profiler.stop")) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  await cdp.detach();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.split("/").pop()?.replace(/\?.*$/, "") ?? "";
    const name = frame.url
      ? `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}`
      : frame.functionName;
    self.set(name, (self.get(name) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self]
    .filter(([name]) => name !== "(idle)")
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => ({ name, ms }));
}

const METRICS = ["ScriptDuration", "RecalcStyleDuration", "LayoutDuration", "TaskDuration"] as const;

/**
 * Chromium's own account of the renderer's main thread (script, style, layout, and all tasks;
 * what is left of all tasks is mostly paint and compositing): `take` returns seconds spent since
 * the last take, as milliseconds.
 */
export async function watchMainThread(page: Page): Promise<{ take(): Promise<Record<string, number>> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const read = async () => {
    const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
    return Object.fromEntries(
      metrics.filter((m) => (METRICS as readonly string[]).includes(m.name)).map((m) => [m.name, m.value]),
    );
  };
  let last = await read();
  return {
    take: async () => {
      const now = await read();
      const spent = Object.fromEntries(METRICS.map((k) => [k, ((now[k] ?? 0) - (last[k] ?? 0)) * 1000]));
      last = now;
      return spent;
    },
  };
}
