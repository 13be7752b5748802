import type { LabSpec } from "./lab-spec";
import type { Lab } from "./types";

/**
 * The server-only half of a lab (check details and hints), kept beside the
 * `Lab` object rather than in it, so a `Lab` passed to a client component
 * or serialised into a page carries nothing a learner should not see.
 * Keyed by object, with the slug as a fallback for a copied object.
 */
const byObject = new WeakMap<Lab, LabSpec>();
const bySlug = new Map<string, LabSpec>();

export function rememberSpec(lab: Lab, spec: LabSpec): void {
  byObject.set(lab, spec);
  bySlug.set(lab.slug, spec);
}

export function specOf(lab: Lab): LabSpec {
  const spec = byObject.get(lab) ?? bySlug.get(lab.slug);
  // A programmer error: grading needs a lab this process loaded.
  if (!spec) throw new Error(`Lab "${lab.slug}" was not loaded with loadLab() in this process; grade the object loadLab returned.`);
  return spec;
}
