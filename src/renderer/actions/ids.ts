// Fresh names for new parts of a design. Ids come from the model's one id maker (shared/model/ids.ts).

/** A name not yet used among `names`: "app", "app 2", "app 3". */
export function freshName(base: string, names: Iterable<string>): string {
  const taken = new Set([...names].map((n) => n.toLowerCase()));
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  return name;
}
