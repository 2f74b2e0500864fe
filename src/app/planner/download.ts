/** Offers a text (or bytes) as a file download (a Blob URL on a temporary link). */
export function downloadText(name: string, text: string | Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([text as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
