/**
 * XML text escaping shared by the RSS and sitemap writers. The same escaping is
 * right for HTML text and attribute values, which RSS descriptions carry.
 */

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF, CR; lone
 * surrogates; U+FFFE/U+FFFF). Dropping them is the only way to keep the document well-formed.
 */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escape text for an XML element or a double- or single-quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/** `<name>escaped text</name>`, or nothing when the value is empty. */
export function element(name: string, text: string | undefined, attrs: Record<string, string> = {}): string {
  if (text === undefined || text === '') return '';
  const attributes = Object.entries(attrs).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
  return `<${name}${attributes}>${escapeXml(text)}</${name}>`;
}
