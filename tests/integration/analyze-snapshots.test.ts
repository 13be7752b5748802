import { describe, expect, it } from "vitest";
import { upsertUser } from "@/lib/auth/credentials";
import { actorOf, anonymous } from "@/lib/authz/actor";
import { deleteSnapshot, listSnapshots, openSnapshot, saveSnapshot } from "@/lib/analyze-store/snapshots";
import { LIMITS } from "@/lib/http/limits";
import { newUserInput } from "../factories";

async function learner() {
  return actorOf(await upsertUser({ ...newUserInput(), role: "learner" }));
}
async function admin() {
  return actorOf(await upsertUser({ ...newUserInput(), role: "admin" }));
}

const vpcs = { name: "describe-vpcs.json", text: '{ "Vpcs": [{ "VpcId": "vpc-0a1b2c3d4e5f60001", "CidrBlock": "10.0.0.0/16" }] }\n' };
const body = (name = "prod account", files = [vpcs]) => JSON.stringify({ name, files });

async function saved(actor: Awaited<ReturnType<typeof learner>>, name?: string) {
  const outcome = await saveSnapshot(actor, body(name));
  if (outcome.status !== 201) throw new Error(`expected 201, got ${outcome.status} ${JSON.stringify(outcome.body)}`);
  return outcome.body;
}

describe("snapshots saved from /analyze", () => {
  it("are saved, listed and opened by their owner with the files exactly as dropped", async () => {
    const owner = await learner();
    const snapshot = await saved(owner);
    expect(snapshot).toMatchObject({ name: "prod account", fileCount: 1 });
    const list = await listSnapshots(owner);
    expect(list.status === 200 && list.body.snapshots.map((s) => s.id)).toEqual([snapshot.id]);
    const opened = await openSnapshot(owner, snapshot.id);
    expect(opened.status).toBe(200);
    expect(opened.status === 200 && opened.body.files).toEqual([vpcs]);
  });

  it("are another learner's 404, to open, to delete, and absent from their list; an administrator is no exception", async () => {
    const owner = await learner();
    const snapshot = await saved(owner);
    for (const other of [await learner(), await admin()]) {
      expect(await openSnapshot(other, snapshot.id)).toMatchObject({ status: 404, body: { kind: "not-found" } });
      expect(await deleteSnapshot(other, snapshot.id)).toMatchObject({ status: 404 });
      const list = await listSnapshots(other);
      expect(list.status === 200 && list.body.snapshots).toEqual([]);
    }
    // Still there for its owner.
    expect((await openSnapshot(owner, snapshot.id)).status).toBe(200);
  });

  it("need an account: anonymous visitors get 401 with a sentence, and an unknown id is 404", async () => {
    const owner = await learner();
    const snapshot = await saved(owner);
    expect(await saveSnapshot(anonymous, body())).toMatchObject({ status: 401, body: { error: expect.stringContaining("Sign in") } });
    expect((await listSnapshots(anonymous)).status).toBe(401);
    expect((await openSnapshot(anonymous, snapshot.id)).status).toBe(401);
    expect((await openSnapshot(owner, "no-such-id")).status).toBe(404);
  });

  it("are deleted by their owner, after which they are gone", async () => {
    const owner = await learner();
    const snapshot = await saved(owner);
    expect(await deleteSnapshot(owner, snapshot.id)).toEqual({ status: 200, body: { deleted: snapshot.id } });
    expect((await openSnapshot(owner, snapshot.id)).status).toBe(404);
  });

  it("refuse bad bodies with what to change, bodies over the limit, and more than the per-learner count", async () => {
    const owner = await learner();
    expect(await saveSnapshot(owner, "{not json")).toMatchObject({ status: 400, body: { error: expect.stringContaining("not valid JSON") } });
    expect(await saveSnapshot(owner, JSON.stringify({ name: "", files: [] }))).toMatchObject({ status: 400, body: { error: expect.stringContaining("Give the snapshot a name") } });
    const huge = body("big", [{ name: "describe-instances.json", text: "x".repeat(LIMITS.savedSnapshotBytes) }]);
    expect(await saveSnapshot(owner, huge)).toMatchObject({ status: 413, body: { error: expect.stringContaining("still analysed in your browser") } });

    const busy = await learner();
    for (let i = 0; i < LIMITS.savedSnapshotsPerUser; i += 1) await saved(busy, `snapshot ${i}`);
    expect(await saveSnapshot(busy, body("one more"))).toMatchObject({ status: 409, body: { error: expect.stringContaining("delete one") } });
  });
});
