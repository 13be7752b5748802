export type JsonDepthScan = { ok: true; depth: number } | { ok: false; maxDepth: number; offset: number };

/**
 * How deeply objects and arrays nest in a JSON text, found by one pass over its characters
 * without parsing it, stopping at the first bracket that goes past `maxDepth`. JSON.parse and
 * everything after it (zod, JSON.stringify, the database driver) recurse once per level, so
 * a body nested thousands of levels deep must be refused before any of them sees it.
 *
 * Brackets inside strings do not count; the text need not be valid JSON (JSON.parse says
 * what is wrong with it afterwards). `depth` is the deepest level reached; `offset` is the
 * index of the bracket that went one level too deep.
 */
export function scanJsonDepth(text: string, maxDepth: number): JsonDepthScan {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth > maxDepth) return { ok: false, maxDepth, offset: i };
      if (depth > deepest) deepest = depth;
    } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && depth > 0) depth--;
  }
  return { ok: true, depth: deepest };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
