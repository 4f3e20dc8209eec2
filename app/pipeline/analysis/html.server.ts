// A light check for broken HTML in source descriptions: tags closed that were never opened, or
// left open. Enough to warn the merchant; Shopify's editor repairs such markup when it is saved.

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
// Closing these is optional in HTML, so an unclosed one is not a fault.
const OPTIONAL_CLOSE = new Set(['li', 'p', 'td', 'th', 'tr', 'option', 'dt', 'dd', 'thead', 'tbody', 'tfoot']);

/** A description of the first fault found, or null when the markup is balanced. */
export function findBrokenHtml(html: string): string | null {
  const open: string[] = [];
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const match of withoutComments.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g)) {
    const tag = (match[1] ?? '').toLowerCase();
    const closing = match[0].startsWith('</');
    const selfClosing = match[2] === '/';
    if (VOID.has(tag) || selfClosing) continue;
    if (!closing) {
      open.push(tag);
      continue;
    }
    const at = open.lastIndexOf(tag);
    if (at === -1) return `</${tag}> closes a tag that was never opened`;
    const skipped = open
      .splice(at)
      .slice(1)
      .filter((name) => !OPTIONAL_CLOSE.has(name));
    if (skipped.length > 0) return `<${skipped[0]}> is never closed`;
  }
  const unclosed = open.filter((name) => !OPTIONAL_CLOSE.has(name));
  if (unclosed.length > 0) return `<${unclosed[0]}> is never closed`;
  if (/<[a-zA-Z][^>]*$/.test(withoutComments)) return 'the markup ends inside a tag';
  return null;
}
