/**
 * The text of a JSON file as the AWS CLI may have written it: UTF-8, UTF-8
 * with a byte-order mark, or UTF-16 with its byte-order mark (what Windows
 * PowerShell 5's `>` writes). Pure (TextDecoder is in browsers and Node), so
 * the page can decode dropped files' bytes the way the CLI reader does.
 */
export function decodeJsonBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return stripByteOrderMark(new TextDecoder("utf-8").decode(bytes));
}

/** Text already decoded (a pasted document, `File.text()`) may still start with a byte-order mark. */
export function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
