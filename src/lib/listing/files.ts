/** File sizes as Korean public sites print them next to a download. */

/** 812 → "812B", 20480 → "20KB", 1572864 → "1.5MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes}B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)}KB`;
  return `${(Math.round((bytes / (1024 * 1024)) * 10) / 10).toString()}MB`;
}
