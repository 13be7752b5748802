/** Saves text as a file from the browser: nothing goes to the server. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download by now; free the blob once it has read it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
