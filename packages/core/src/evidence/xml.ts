import { SaxesParser } from 'saxes';
import { ReleaseGuardError } from '../errors';

/** An element of an evidence XML file: local name, attributes and child elements (text is not kept). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
}

function unreadable(source: string, problem: string, cause?: unknown): ReleaseGuardError {
  return new ReleaseGuardError(
    'unreadable_input',
    `${source} is not usable XML: ${problem}`,
    { file: source },
    { cause },
  );
}

/**
 * Refuses the DTD features that make XML dangerous: an internal subset (`[...]`) can declare
 * entities that expand without bound, and ENTITY declarations can point at files or URLs. An
 * external DOCTYPE (Cobertura writes one) is only a name here: it is never fetched.
 */
function checkDoctype(doctype: string, source: string): void {
  if (doctype.includes('[') || /ENTITY/i.test(doctype)) {
    throw unreadable(source, 'a DOCTYPE with an internal subset or an ENTITY declaration is refused');
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/**
 * Parses XML with a streaming, non-validating parser that knows only the five predefined entities
 * and character references: any other entity reference is an error, so nothing is ever expanded.
 */
export function parseXml(text: string, source: string): XmlElement {
  if (/<!ENTITY/i.test(text)) {
    throw unreadable(source, 'a DOCTYPE with an internal subset or an ENTITY declaration is refused');
  }
  const parser = new SaxesParser({ xmlns: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('doctype', (doctype) => checkDoctype(doctype, source));
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) {
      attributes[localName(key)] = String(value);
    }
    const element: XmlElement = { name: localName(tag.name), attributes, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof ReleaseGuardError) throw error;
    throw unreadable(source, error instanceof Error ? error.message : String(error), error);
  }
  if (!root) throw unreadable(source, 'it has no root element');
  return root;
}

/** Every descendant element (depth first) with this local name. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement) => {
    for (const child of node.children) {
      if (child.name === name) found.push(child);
      visit(child);
    }
  };
  visit(element);
  return found;
}
