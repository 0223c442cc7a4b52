// A file's text, highlighted line by line. A region-sized export runs to hundreds of thousands of
// lines: the preview draws the first PREVIEW_LINES of them and says how many more Copy and Save take.
import { memo, useMemo } from "react";
import { languageOf, tokenizeLine } from "./highlight";

export const PREVIEW_LINES = 2000;

export const CodePreview = memo(function CodePreview({ name, text }: { name: string; text: string }) {
  const { lines, rest } = useMemo(() => {
    const all = text.endsWith("\n") ? text.slice(0, -1).split("\n") : text.split("\n");
    const language = languageOf(name);
    return {
      lines: all.slice(0, PREVIEW_LINES).map((line) => tokenizeLine(line, language)),
      rest: Math.max(0, all.length - PREVIEW_LINES),
    };
  }, [name, text]);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the preview scrolls; the keyboard must reach it.
    <section className="code-preview" aria-label={`Preview of ${name}`} tabIndex={0} data-testid="export-preview">
      <pre>
        <code>
          {lines.map((tokens, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional; the text is replaced whole.
            <span key={i} className="code-line">
              {tokens.map((t, j) =>
                t.kind === "plain" ? (
                  t.text
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: tokens are positional within their line.
                  <span key={j} className={`tok-${t.kind}`}>
                    {t.text}
                  </span>
                ),
              )}
              {"\n"}
            </span>
          ))}
          {rest > 0 && (
            <span className="code-more">
              … {rest.toLocaleString("en-US")} more lines: Copy and Save take the whole file.{"\n"}
            </span>
          )}
        </code>
      </pre>
    </section>
  );
});
