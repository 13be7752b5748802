/**
 * Reads a request body as text, but stops once it passes `limit` bytes, so an oversized
 * upload costs the server at most `limit` bytes of memory. A declared Content-Length above
 * the limit is refused before reading anything.
 */
export async function readBodyText(request: Request, limit: number): Promise<{ ok: true; text: string } | { ok: false; bytes: number }> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) return { ok: false, bytes: declared };
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, bytes };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
}
