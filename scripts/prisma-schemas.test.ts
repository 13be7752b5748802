import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain ES module script without type declarations
import { postgresSchemaFrom, sqliteSchemaFrom } from "./prisma-schemas.mjs";

describe("the PostgreSQL schema", () => {
  const sqlite = readFileSync("prisma/schema.prisma", "utf8");

  it("is the SQLite schema's models with the PostgreSQL provider, as committed", () => {
    const generated: string = postgresSchemaFrom(sqlite);
    expect(generated).toContain('provider = "postgresql"');
    expect(generated).toContain('output          = "../../generated/prisma-postgresql"');
    expect(readFileSync("prisma/postgresql/schema.prisma", "utf8"), "run `npm run db:migration -- <name>` after changing prisma/schema.prisma").toBe(generated);
  });

  it("gives back the SQLite schema it came from", () => {
    expect(sqliteSchemaFrom(postgresSchemaFrom(sqlite))).toBe(sqlite);
  });
});
