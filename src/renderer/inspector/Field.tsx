// A text field that checks as you type and writes to the document only a valid, changed value,
// on Enter or when focus leaves. Escape puts back the document's value. A change of the document
// while the person is typing (the design opened at start arriving under their first keystrokes)
// does not throw away what they typed.
import { useEffect, useId, useRef, useState } from "react";

export interface FieldProps {
  label: string;
  value: string;
  /** Why the text is not acceptable, or undefined when it is. */
  validate?: (text: string) => string | undefined;
  onCommit: (text: string) => void;
  placeholder?: string;
  hint?: string;
  /** What the text will be stored as, when that differs from what was typed (shown at the field). */
  note?: (text: string) => string | undefined;
}

export function Field({ label, value, validate, onCommit, placeholder, hint, note }: FieldProps) {
  const [text, setText] = useState(value);
  const id = useId();
  // The document's value the text was last set from: the text differs from it once typed into.
  const shown = useRef(value);
  useEffect(() => {
    const before = shown.current;
    shown.current = value;
    setText((current) => (current === before ? value : current));
  }, [value]);
  const error = validate?.(text);
  const said = error ? undefined : text !== value ? note?.(text) : undefined;
  const message = error ?? said ?? hint;
  const commit = () => {
    if (error || text === value) return;
    // What was typed is now the document's: the value that comes back (stored as AWS stores it,
    // 10.0.0.9/8 as 10.0.0.0/8) replaces the text.
    shown.current = text;
    onCommit(text);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={text}
        placeholder={placeholder}
        aria-invalid={!!error}
        aria-describedby={message ? `${id}-msg` : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") setText(value);
        }}
      />
      {message && (
        <div id={`${id}-msg`} className={error ? "field-error" : said ? "field-note" : "field-hint"}>
          {message}
        </div>
      )}
    </div>
  );
}

export function SelectField({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}
