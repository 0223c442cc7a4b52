// "Can the internet reach db on 5432?" typed as a person would ask it, read into the Ask form's
// source, target and traffic. Ends are named as the CLI's --from and --to take them.
import { resolveEndpoint } from "../../shared/engine/resolve";
import { InputError } from "../../shared/model/problems";
import type { Design } from "../../shared/model/schema";
import { PRESETS } from "../inspector/presets";

export interface Question {
  from: string;
  to: string;
  protocol: string;
  port?: number;
}

/**
 * Services people name instead of a port: the rule presets' (one protocol and port each; DNS is
 * asked about over udp, its first), and the other names people use for some of them.
 */
const SERVICES: Record<string, { protocol: string; port?: number }> = {
  ...Object.fromEntries(
    PRESETS.flatMap((p) => {
      const s = p.services[0];
      if (!s || s.protocol === "-1") return [];
      return [
        [
          p.id,
          s.protocol === "tcp" || s.protocol === "udp"
            ? { protocol: s.protocol, port: s.fromPort }
            : { protocol: s.protocol },
        ],
      ];
    }),
  ),
  postgres: { protocol: "tcp", port: 5432 },
  icmp: { protocol: "icmp" },
  icmpv6: { protocol: "icmpv6" },
};

const EXAMPLE = 'ask as "can internet reach db on 5432?"';

/** Reads a question, or says what is missing. */
export function readQuestion(design: Design, text: string): { question?: Question; error?: string } {
  const words = text
    .trim()
    .replace(/[?.!]+$/, "")
    .replace(/^(can|does|is)\s+/i, "")
    .trim();
  const verb = /\s+(?:reach|reaches|talk to|connect to|access|->|→)\s+/i.exec(words);
  if (!verb) return { error: `say who reaches whom: ${EXAMPLE}` };
  const source = words.slice(0, verb.index);
  let rest = words.slice(verb.index + verb[0].length).split(/\s+/);
  // The traffic, read from the end: "[on|over|via|at] [tcp|udp|a service] [port] [N]".
  let protocol: string | undefined;
  let port: number | undefined;
  const last = () => rest.at(-1)?.toLowerCase() ?? "";
  const slash = /^(tcp|udp)\/(\d+)$|^(\d+)\/(tcp|udp)$/.exec(last());
  if (slash) {
    protocol = slash[1] ?? slash[4];
    port = Number(slash[2] ?? slash[3]);
    rest = rest.slice(0, -1);
  } else if (/^\d+$/.test(last())) {
    port = Number(last());
    rest = rest.slice(0, -1);
    if (last() === "port") rest = rest.slice(0, -1);
  }
  if (last() === "tcp" || last() === "udp") {
    protocol = last();
    rest = rest.slice(0, -1);
  } else if (port === undefined && last() in SERVICES) {
    const service = SERVICES[last()];
    protocol = service?.protocol;
    port = service?.port;
    rest = rest.slice(0, -1);
  }
  if (/^(on|over|via|at|using|with)$/.test(last())) rest = rest.slice(0, -1);
  const target = rest.join(" ");
  protocol ??= "tcp";
  if (port !== undefined && port > 65535) return { error: `port ${port} is outside 0-65535` };
  if ((protocol === "tcp" || protocol === "udp") && port === undefined) return { error: `on which port? ${EXAMPLE}` };
  try {
    const from = resolveEndpoint(design, withoutThe(source), "from");
    const to = resolveEndpoint(design, withoutThe(target), "to");
    return { question: { from, to, protocol, ...(port !== undefined ? { port } : {}) } };
  } catch (e) {
    if (e instanceof InputError)
      return { error: e.problems.map((p) => p.message.replace(/^--(from|to) is empty$/, "name both ends")).join("; ") };
    throw e;
  }
}

const withoutThe = (name: string) => name.replace(/^the\s+/i, "").trim();
