// "Why can't the internet reach db on 5432?" typed as a person would ask it, read into the Ask
// form's source, target and traffic. A small grammar, not a list of patterns: the words are read
// left to right, an end is the longest run of words that names a node as the CLI's --from and
// --to take it (so a node named like a keyword is still found where an end is expected), and a
// word that fits nowhere is named instead of being taken for a node.
//
//   question := filler* form traffic? filler* end-of-text
//   form     := ("can"|"could"|"does"|…) END "not"? verb END
//             | "why" aux END "not"? verb END                      (aux: can, can't, does, doesn't…)
//             | "why"? "is"|"isn't" END "not"? traffic? reachable traffic? ("from"|"by") END
//             | "from" END ("to"|"->") END
//             | END ("->"|"to"|verb) END
//   verb     := reach(es) | access(es) | get to | talk(s) to | connect(s) to | ping
//   traffic  := (("on"|"over"|"via"|…)? ("port" N | N | N/tcp | tcp/N | tcp | udp | a service))+
import { resolveEndpoint } from "../../shared/engine/resolve";
import { InputError } from "../../shared/model/problems";
import type { Design } from "../../shared/model/schema";
import { PRESETS } from "../inspector/presets";

export interface Question {
  from: string;
  to: string;
  /** Absent when the question names no traffic ("does app reach db"): the form's traffic is asked. */
  protocol?: string;
  port?: number;
}

export interface Reading {
  question?: Question;
  /** What was understood, in words, so that a misreading shows. */
  understood?: string;
  error?: string;
}

interface Traffic {
  protocol?: string;
  port?: number;
}

/**
 * Services people name instead of a port: the rule presets' (one protocol and port each; DNS is
 * asked about over udp, its first), and the other names people use for some of them.
 */
const SERVICES: Record<string, Traffic> = {
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
  postgresql: { protocol: "tcp", port: 5432 },
  icmp: { protocol: "icmp" },
  icmpv6: { protocol: "icmpv6" },
};

const EXAMPLE = 'ask as "can internet reach db on 5432?"';
const AUX = ["can", "could", "does", "do", "will", "would"];
const NEGATIVE_AUX = ["can't", "cannot", "couldn't", "doesn't", "don't", "won't", "wouldn't"];
const PREPOSITIONS = ["on", "over", "via", "at", "using", "with", "in", "for"];
const FILLERS = ["please", "now", "currently", "actually"];
/** Words the grammar knows: out of place they are "not understood here", not "not a node". */
const KEYWORDS = new Set([
  ...AUX,
  ...NEGATIVE_AUX,
  ...PREPOSITIONS,
  ...FILLERS,
  "why",
  "is",
  "isn't",
  "not",
  "reach",
  "reaches",
  "access",
  "accesses",
  "get",
  "gets",
  "talk",
  "talks",
  "connect",
  "connects",
  "to",
  "ping",
  "reachable",
  "accessible",
  "open",
  "from",
  "by",
  "the",
  "port",
  "tcp",
  "udp",
  "->",
]);

class Unplaced extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
  }
}

/** Splits the text into words: "->" and "→" stand alone, and the punctuation around words goes. */
export function tokenize(text: string): string[] {
  return text
    .replace(/[’‘]/g, "'")
    .replace(/→/g, " -> ")
    .replace(/(\S)->/g, "$1 ->")
    .replace(/->(\S)/g, "-> $1")
    .split(/\s+/)
    .map((w) => w.replace(/^["'(]+|["'),;:!?]+$/g, "").replace(/\.+$/, ""))
    .filter((w) => w !== "");
}

class Reader {
  pos = 0;
  traffic: Traffic = {};
  constructor(
    readonly design: Design,
    readonly words: string[],
  ) {}

  peek(): string {
    return this.words[this.pos]?.toLowerCase() ?? "";
  }

  take(...alternatives: string[]): string | undefined {
    const w = this.peek();
    if (!alternatives.includes(w)) return undefined;
    this.pos++;
    return w;
  }

  expect(what: string, ...alternatives: string[]): string {
    const w = this.take(...alternatives);
    if (w === undefined) throw this.unplaced(what);
    return w;
  }

  /** Names the word that does not fit where `expected` was. */
  unplaced(expected: string): Unplaced {
    const word = this.words[this.pos];
    if (word === undefined)
      return new Unplaced(this.pos, `the question ends where ${expected} was expected: ${EXAMPLE}`);
    if (KEYWORDS.has(word.toLowerCase()) || word.toLowerCase() in SERVICES || /^\d+$/.test(word) || this.names(word))
      return new Unplaced(this.pos, `"${word}" is not understood here: ${expected} was expected (${EXAMPLE})`);
    return new Unplaced(this.pos, `"${word}" is not a node, a port or a service here`);
  }

  /** Whether the word names a node (or is an address), so that it is known though out of place. */
  names(word: string): boolean {
    try {
      resolveEndpoint(this.design, word);
      return true;
    } catch {
      return false;
    }
  }

  /** An end: the longest run of words (after a "the") that names a node or is an address. */
  end(role: "from" | "to"): string {
    const start = this.pos;
    const skip = this.peek() === "the" ? 1 : 0;
    let ambiguous: string | undefined;
    for (let n = Math.min(5, this.words.length - start); n >= 1; n--) {
      for (const s of skip && n > 1 ? [0, 1] : [0]) {
        const text = this.words.slice(start + s, start + n).join(" ");
        try {
          const id = resolveEndpoint(this.design, text, role);
          this.pos = start + n;
          return id;
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          const message = e.problems[0]?.message ?? "";
          if (message.includes("ambiguous")) ambiguous ??= message;
        }
      }
    }
    if (ambiguous) throw new Unplaced(start, ambiguous);
    this.pos = start + skip;
    const word = this.words[this.pos];
    const error = this.unplaced(`the ${role === "from" ? "source" : "target"}`);
    if (word !== undefined && KEYWORDS.has(word.toLowerCase()))
      throw new Unplaced(this.pos, `say who reaches whom: ${EXAMPLE}`);
    if (word === undefined) throw error;
    // resolveEndpoint's "did you mean" helps with a near miss ("app" for app-1 and app-2).
    try {
      resolveEndpoint(this.design, word, role);
    } catch (e) {
      const hint = e instanceof InputError ? /; did you mean .*$/.exec(e.problems[0]?.message ?? "")?.[0] : undefined;
      if (hint) throw new Unplaced(this.pos, error.message + hint);
    }
    throw error;
  }

  verb(): void {
    const w = this.peek();
    if (["reach", "reaches", "access", "accesses"].includes(w)) this.pos++;
    else if (["get", "gets", "talk", "talks", "connect", "connects"].includes(w)) {
      this.pos++;
      this.expect(`"to" after "${w}"`, "to");
    } else if (w === "ping") {
      this.pos++;
      this.traffic.protocol ??= "icmp";
    } else throw this.unplaced(`"reach"`);
  }

  /** Zero or more traffic items, in any order; a number names the port, a word the protocol. */
  optionalTraffic(): void {
    for (;;) {
      const start = this.pos;
      this.take(...PREPOSITIONS);
      if (!this.trafficItem()) {
        this.pos = start;
        return;
      }
    }
  }

  trafficItem(): boolean {
    const w = this.peek();
    const slash = /^(tcp|udp)\/(\d+)$|^(\d+)\/(tcp|udp)$/.exec(w);
    if (slash) {
      this.pos++;
      this.setPort(Number(slash[2] ?? slash[3]));
      this.traffic.protocol = slash[1] ?? slash[4];
      return true;
    }
    if (w === "port" || w === "ports") {
      const next = this.words[this.pos + 1]?.toLowerCase() ?? "";
      if (/^\d+$/.test(next)) {
        this.pos += 2;
        this.setPort(Number(next));
        return true;
      }
      if (next in SERVICES) {
        this.pos++;
        return this.trafficItem();
      }
      this.pos++;
      throw this.unplaced('a port number after "port"');
    }
    if (/^\d+$/.test(w)) {
      this.pos++;
      this.setPort(Number(w));
      return true;
    }
    if (w === "tcp" || w === "udp") {
      this.pos++;
      this.traffic.protocol = w;
      return true;
    }
    const service = SERVICES[w];
    if (service) {
      this.pos++;
      // A port or protocol said in numbers wins over the service's usual one.
      this.traffic.protocol ??= service.protocol;
      if (service.port !== undefined && this.traffic.port === undefined) this.traffic.port = service.port;
      return true;
    }
    return false;
  }

  setPort(port: number): void {
    if (port > 65535) throw new Unplaced(this.pos - 1, `port ${port} is outside 0-65535`);
    this.traffic.port = port;
  }

  /** One of the question forms; each ends with its two ends. */
  form(): { from: string; to: string } {
    const first = this.peek();
    if (first === "why") {
      this.pos++;
      if (this.peek() === "is" || this.peek() === "isn't") return this.reachableForm();
      this.expect('"can", "can\'t" or "does"', ...AUX, ...NEGATIVE_AUX);
      return this.verbForm();
    }
    if (first === "is" || first === "isn't") return this.reachableForm();
    if (AUX.includes(first) || NEGATIVE_AUX.includes(first)) {
      // "can" is also read as a node's name when one is so named and the rest reads that way.
      const saved = this.pos;
      this.pos++;
      try {
        return this.verbForm();
      } catch (e) {
        if (!(e instanceof Unplaced)) throw e;
        this.pos = saved;
        try {
          return this.arrowForm();
        } catch (other) {
          throw other instanceof Unplaced && other.at > e.at ? other : e;
        }
      }
    }
    if (first === "from") {
      const saved = this.pos;
      this.pos++;
      try {
        const from = this.end("from");
        this.optionalTraffic();
        this.expect('"to"', "to", "->");
        return { from, to: this.end("to") };
      } catch (e) {
        if (!(e instanceof Unplaced)) throw e;
        this.pos = saved;
        try {
          return this.arrowForm();
        } catch (other) {
          throw other instanceof Unplaced && other.at > e.at ? other : e;
        }
      }
    }
    return this.arrowForm();
  }

  verbForm(): { from: string; to: string } {
    const from = this.end("from");
    this.take("not");
    this.verb();
    return { from, to: this.end("to") };
  }

  reachableForm(): { from: string; to: string } {
    this.expect('"is"', "is", "isn't");
    const to = this.end("to");
    this.take("not");
    this.optionalTraffic();
    const word = this.expect('"reachable"', "reachable", "accessible", "open");
    this.optionalTraffic();
    this.expect('"from"', "from", "by", ...(word === "open" ? ["to"] : []));
    return { from: this.end("from"), to };
  }

  arrowForm(): { from: string; to: string } {
    const from = this.end("from");
    if (!this.take("->", "to")) this.verb();
    return { from, to: this.end("to") };
  }

  question(): Question {
    while (this.take(...FILLERS, "so", "tell", "me", "and"));
    const { from, to } = this.form();
    this.optionalTraffic();
    while (this.take(...FILLERS));
    if (this.pos < this.words.length) throw this.unplaced("the end of the question");
    const { protocol, port } = this.traffic;
    if ((protocol === "tcp" || protocol === "udp") && port === undefined)
      throw new Unplaced(this.pos, `on which port? ${EXAMPLE}`);
    // A port alone is tcp, as people mean it.
    const traffic = port !== undefined ? { protocol: protocol ?? "tcp", port } : protocol ? { protocol } : {};
    return { from, to, ...traffic };
  }
}

/** Reads a question, or names the word it could not place. */
export function readQuestion(design: Design, text: string): Reading {
  const reader = new Reader(design, tokenize(text));
  try {
    const question = reader.question();
    return { question, understood: inWords(design, question) };
  } catch (e) {
    if (e instanceof Unplaced) return { error: e.message };
    throw e;
  }
}

function inWords(design: Design, q: Question): string {
  const nodes = [...design.resources, ...design.externals, ...design.groups];
  const name = (id: string) => nodes.find((n) => n.id === id)?.name || id;
  const traffic =
    q.protocol === undefined ? "the traffic set below" : q.port !== undefined ? `${q.protocol} ${q.port}` : q.protocol;
  return `from ${name(q.from)} to ${name(q.to)} on ${traffic}`;
}
