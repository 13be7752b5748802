import { z } from "zod";
import { authorize, currentActor, denialResponse } from "@/lib/authz";
import { getClassDetail, gradebookCsv, gradebookFileName, gradebookJson, idSchema, loadCatalog, loadClassFacts, loadClassMatrix } from "@/lib/classes";
import { privateJson } from "@/lib/http/route-guards";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

const formatSchema = z.enum(["csv", "json"]);

/** The class's gradebook, for its instructors (and administrators): `?format=csv` (default) or `?format=json`. */
export async function GET(request: Request, { params }: Context) {
  const id = idSchema.safeParse((await params).id);
  const actor = await currentActor();
  const facts = id.success ? await loadClassFacts(id.data, actor.kind === "user" ? actor.user.id : null) : { exists: false, isInstructor: false, isMember: false };
  const denied = denialResponse(authorize("class.gradebook", actor, facts));
  if (denied || !id.success) return denied ?? privateJson({ kind: "not-found", error: "There is no class at this address." }, { status: 404 });
  const format = formatSchema.safeParse(new URL(request.url).searchParams.get("format") ?? "csv");
  if (!format.success) return privateJson({ kind: "bad-request", error: 'Use format=csv or format=json.' }, { status: 400 });
  const [detail, catalog] = await Promise.all([getClassDetail(id.data), loadCatalog()]);
  if (!detail) return privateJson({ kind: "not-found", error: "There is no class at this address." }, { status: 404 });
  const now = new Date();
  const matrix = await loadClassMatrix(id.data, catalog, now);
  const fileName = gradebookFileName(detail.name, now, format.data);
  const disposition = `attachment; filename="${fileName}"`;
  if (format.data === "json") {
    return privateJson(gradebookJson({ id: detail.id, name: detail.name, term: detail.term }, matrix, now), { headers: { "content-disposition": disposition } });
  }
  return new Response(gradebookCsv(matrix), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": disposition, "cache-control": "no-store" },
  });
}
