/**
 * Check that an uploaded file's bytes match its extension, so a renamed .exe
 * cannot pose as a PDF. Magic numbers: PDF `%PDF`, PNG, JPEG, ZIP containers
 * (DOCX/XLSX/PPTX/HWPX/ZIP) `PK\3\4`, OLE compound files (HWP/DOC/XLS/PPT).
 */
const SIGNATURES: Record<string, number[][]> = {
  pdf: [[0x25, 0x50, 0x44, 0x46]],
  png: [[0x89, 0x50, 0x4e, 0x47]],
  jpg: [[0xff, 0xd8, 0xff]],
  jpeg: [[0xff, 0xd8, 0xff]],
  zip: [[0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06]],
  docx: [[0x50, 0x4b, 0x03, 0x04]],
  xlsx: [[0x50, 0x4b, 0x03, 0x04]],
  pptx: [[0x50, 0x4b, 0x03, 0x04]],
  hwpx: [[0x50, 0x4b, 0x03, 0x04]],
  hwp: [[0xd0, 0xcf, 0x11, 0xe0]],
  doc: [[0xd0, 0xcf, 0x11, 0xe0]],
  xls: [[0xd0, 0xcf, 0x11, 0xe0]],
  ppt: [[0xd0, 0xcf, 0x11, 0xe0]],
};

/** Lower-case extension without the dot, e.g. `hwp`. */
export function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(dot + 1).toLowerCase();
}

/** True when the first bytes match the extension's signature (unknown extensions: false). */
export function bytesMatchExtension(head: Uint8Array, ext: string): boolean {
  const sigs = SIGNATURES[ext];
  if (!sigs) return false;
  return sigs.some((sig) => sig.every((byte, i) => head[i] === byte));
}

/** Korean name of a file type as shown next to a download link, e.g. `HWP`. */
export function typeLabel(path: string): string {
  return extensionOf(path).toUpperCase();
}
