// The rule form's choice of another security group. A few dozen groups are a drop-down list; more
// (a region holds up to 2,500) are found by typing part of a name or id, with the best matches
// listed under the field (an ARIA combobox): the arrow keys move, Enter or a click picks.
import { useId, useMemo, useState } from "react";
import { type GroupChoice, groupNamed, MATCHES_SHOWN, matchGroups, PICK_BY_SEARCH_FROM } from "./groupMatch";

export function GroupPicker(props: {
  /** The field's accessible name ("Source group"). */
  label: string;
  groups: readonly GroupChoice[];
  /** The chosen group's id, or "" for none. */
  value: string;
  invalid?: boolean;
  onChange: (groupId: string) => void;
}) {
  if (props.groups.length < PICK_BY_SEARCH_FROM) return <GroupSelect {...props} />;
  return <GroupSearch {...props} />;
}

function GroupSelect({ label, groups, value, onChange }: Parameters<typeof GroupPicker>[0]) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{groups.length > 0 ? "choose…" : "the design has no other security group"}</option>
      {groups.map((g) => (
        <option key={g.id} value={g.id}>
          {g.name}
        </option>
      ))}
    </select>
  );
}

function GroupSearch({ label, groups, value, invalid, onChange }: Parameters<typeof GroupPicker>[0]) {
  const nameOf = (id: string) => groups.find((g) => g.id === id)?.name ?? "";
  const [text, setText] = useState(() => nameOf(value));
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // The form cleared after adding a rule, or the group was picked elsewhere: the text follows.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    const named = groupNamed(groups, text)?.id ?? "";
    if (value !== named) setText(value ? nameOf(value) : "");
  }
  const listId = useId();
  const { shown, total } = useMemo(() => matchGroups(groups, text), [groups, text]);
  const pick = (g: GroupChoice) => {
    setText(g.name);
    setOpen(false);
    onChange(g.id);
  };
  const optionId = (i: number) => `${listId}-${i}`;
  const expanded = open && text.trim() !== "";
  return (
    <div className="group-search">
      <input
        role="combobox"
        className="group-search__input"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && shown[active] ? optionId(active) : undefined}
        aria-invalid={invalid}
        autoComplete="off"
        spellCheck={false}
        placeholder={`type a name or id (${groups.length.toLocaleString("en")} groups)`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
          // A name or id typed in full picks its group, as a click would.
          onChange(groupNamed(groups, e.target.value)?.id ?? "");
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            setOpen(true);
            const step = e.key === "ArrowDown" ? 1 : -1;
            setActive((i) => Math.max(0, Math.min(shown.length - 1, i + step)));
          } else if (e.key === "Enter" && expanded && shown[active]) {
            // Picks the group; the form is submitted by a second Enter.
            e.preventDefault();
            pick(shown[active]);
          } else if (e.key === "Escape" && expanded) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {expanded && (
        <div className="group-search__list">
          <div role="listbox" id={listId} aria-label={`Groups matching “${text.trim()}”`}>
            {shown.map((g, i) => (
              <div
                key={g.id}
                id={optionId(i)}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                className={i === active ? "group-search__option is-active" : "group-search__option"}
                // Before the field's blur, which would close the list under the pointer.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(g);
                }}
              >
                <span>{g.name}</span>
                {g.name !== g.id && <span className="muted small">{g.id}</span>}
              </div>
            ))}
          </div>
          {shown.length === 0 && <p className="muted small">No group's name or id contains “{text.trim()}”.</p>}
          {total > shown.length && (
            <p className="muted small">
              {(total - shown.length).toLocaleString("en")} more: type more of the name to narrow (first {MATCHES_SHOWN}{" "}
              shown).
            </p>
          )}
        </div>
      )}
    </div>
  );
}
