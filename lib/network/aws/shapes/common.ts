import { z } from "zod";

/**
 * Pieces shared by every AWS describe-* shape.
 *
 * The schemas only demand what the evaluator reads and let everything else
 * through (`z.looseObject`): AWS adds fields to its outputs every year, and a
 * snapshot taken with a newer CLI must still load.
 */

export const awsTagsSchema = z.array(z.looseObject({ Key: z.string(), Value: z.string().optional() })).optional();

/** `Name` tag if there is one: what a person calls the resource. */
export function nameTag(tags: z.infer<typeof awsTagsSchema>): string | undefined {
  return tags?.find((tag) => tag.Key === "Name")?.Value || undefined;
}

/** A list AWS may omit or send as null when it is empty. */
export function awsList<T extends z.ZodType>(item: T) {
  return z.array(item).nullish().transform((value) => value ?? []);
}
