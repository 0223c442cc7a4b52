// Syntax highlighting of the export preview: a small tokenizer of our own for the three formats
// Palisade writes (HCL, YAML, JSON), not a library. The text is our own exporters' output, so a
// few line rules cover it; it draws with class names only (the CSP allows no inline styles), and
// a library such as highlight.js or Prism would add far more code than these rules for three
// grammars, or (Prism) work through globals.

export type Language = "hcl" | "yaml" | "json";
export type TokenKind = "comment" | "string" | "number" | "keyword" | "key" | "ref" | "tag" | "punct" | "plain";
export interface Token {
  kind: TokenKind;
  text: string;
}

type Rule = [TokenKind, RegExp];

// Each rule is tried at the current position (sticky); the first that matches wins.
const RULES: Record<Language, Rule[]> = {
  hcl: [
    ["comment", /(#|\/\/).*/y],
    ["comment", /\/\*.*?(\*\/|$)/y],
    ["string", /"(?:[^"\\]|\\.)*"?/y],
    ["keyword", /\b(?:resource|data|variable|output|locals|module|provider|terraform|true|false|null)\b/y],
    ["key", /[A-Za-z_][\w-]*(?=\s*=(?!=))/y],
    ["ref", /\b(?:var|local|data|module)\.[\w.[\]-]+|\b[a-z][a-z0-9_]*\.[\w-]+\.[\w.[\]-]+/y],
    ["number", /-?\b\d+(?:\.\d+)?\b/y],
    ["plain", /[A-Za-z_][\w-]*/y],
    ["punct", /[{}[\]()=,:]/y],
  ],
  yaml: [
    ["comment", /#.*/y],
    ["key", /[A-Za-z0-9_:.-]+(?=:(?:\s|$))/y],
    ["tag", /!\w+/y],
    ["string", /'(?:[^']|'')*'?|"(?:[^"\\]|\\.)*"?/y],
    ["keyword", /\b(?:true|false|null)\b(?!\S)/y],
    ["number", /-?\b\d+(?:\.\d+)?\b(?![\w.-])/y],
    ["punct", /[-:[\]{},|>](?=\s|$)|[[\]{},]/y],
    ["plain", /[^\s#'"]+/y],
  ],
  json: [
    ["key", /"(?:[^"\\]|\\.)*"(?=\s*:)/y],
    ["string", /"(?:[^"\\]|\\.)*"?/y],
    ["keyword", /\b(?:true|false|null)\b/y],
    ["number", /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y],
    ["punct", /[{}[\],:]/y],
  ],
};

/** One line's tokens. Whitespace and anything no rule knows come out as "plain". */
export function tokenizeLine(line: string, language: Language): Token[] {
  const rules = RULES[language];
  const tokens: Token[] = [];
  const push = (kind: TokenKind, text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind) last.text += text;
    else tokens.push({ kind, text });
  };
  let at = 0;
  outer: while (at < line.length) {
    const space = /\s+/y;
    space.lastIndex = at;
    const blank = space.exec(line);
    if (blank) {
      push("plain", blank[0]);
      at += blank[0].length;
      continue;
    }
    for (const [kind, pattern] of rules) {
      pattern.lastIndex = at;
      const m = pattern.exec(line);
      if (m && m[0].length > 0) {
        push(kind, m[0]);
        at += m[0].length;
        continue outer;
      }
    }
    push("plain", line[at] as string);
    at++;
  }
  return tokens;
}

/** The language of an exported file, by its name. */
export function languageOf(name: string): Language {
  if (/\.json$/i.test(name)) return "json";
  if (/\.ya?ml$/i.test(name)) return "yaml";
  return "hcl";
}
