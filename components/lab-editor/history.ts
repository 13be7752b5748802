import type { Json } from "./document";

/**
 * Undo/redo over whole documents. Typing into one field keeps one undo step (edits to the
 * same field within `COALESCE_MS` replace the present instead of pushing a new step).
 */
export type EditorHistory = { past: Json[]; present: Json; future: Json[]; lastKey: string | null; lastAt: number };

export type HistoryAction =
  | { type: "edit"; doc: Json; key: string | null; at: number }
  | { type: "undo" }
  | { type: "redo" };

export const COALESCE_MS = 1000;
const MAX_STEPS = 200;

export function initialHistory(doc: Json): EditorHistory {
  return { past: [], present: doc, future: [], lastKey: null, lastAt: 0 };
}

export function historyReducer(state: EditorHistory, action: HistoryAction): EditorHistory {
  switch (action.type) {
    case "edit": {
      if (action.doc === state.present) return state;
      const coalesce = action.key !== null && action.key === state.lastKey && action.at - state.lastAt < COALESCE_MS;
      if (coalesce) return { ...state, present: action.doc, future: [], lastAt: action.at };
      return { past: [...state.past, state.present].slice(-MAX_STEPS), present: action.doc, future: [], lastKey: action.key, lastAt: action.at };
    }
    case "undo": {
      const previous = state.past[state.past.length - 1];
      if (previous === undefined) return state;
      return { past: state.past.slice(0, -1), present: previous, future: [state.present, ...state.future], lastKey: null, lastAt: 0 };
    }
    case "redo": {
      const [next, ...future] = state.future;
      if (next === undefined) return state;
      return { past: [...state.past, state.present], present: next, future, lastKey: null, lastAt: 0 };
    }
    default:
      return action satisfies never;
  }
}
