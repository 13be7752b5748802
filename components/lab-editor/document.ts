/**
 * The editor's document is plain JSON (what the learner would write by hand): it may be
 * half-finished and invalid, so it is never typed as a Topology. These helpers change it
 * without mutating, so every version can sit on the undo stack.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type Path = (string | number)[];

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads a value from unknown data (a parsed JSON document) into the editor's JSON type. */
export function toJson(value: unknown): Json {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object") {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJson(v);
    return out;
  }
  return null;
}

export function getIn(doc: Json | undefined, path: Path): Json | undefined {
  let current: Json | undefined = doc;
  for (const key of path) {
    if (typeof key === "number") current = Array.isArray(current) ? current[key] : undefined;
    else current = isJsonObject(current) ? current[key] : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

/** The document with `value` at `path` (creating objects and arrays on the way); `undefined` removes the key or element. */
export function setIn(doc: Json | undefined, path: Path, value: Json | undefined): Json {
  const [key, ...rest] = path;
  if (key === undefined) return value ?? null;
  if (typeof key === "number") {
    const array = Array.isArray(doc) ? [...doc] : [];
    if (rest.length === 0 && value === undefined) {
      array.splice(key, 1);
      return array;
    }
    array[key] = setIn(array[key], rest, value);
    return array;
  }
  const object: JsonObject = isJsonObject(doc) ? { ...doc } : {};
  if (rest.length === 0 && value === undefined) {
    delete object[key];
    return object;
  }
  object[key] = setIn(object[key], rest, value);
  return object;
}

export function pathKey(path: Path): string {
  return path.map(String).join(".");
}
