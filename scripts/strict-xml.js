/**
 * A small, strict XML parser: enough for an Office add-in manifest, and
 * strict where a manifest can go wrong. It rejects mismatched or unclosed
 * tags, duplicate or unquoted attributes, unknown entities, a bare `&` or `<`,
 * `--` inside comments, undeclared namespace prefixes and anything after the
 * root element. DOCTYPE is refused (manifests have none). No dependency.
 *
 * parseXml(text) returns the root element:
 *   { name, prefix, local, ns, attrs: [{ name, prefix, local, ns, value }],
 *     children: [element], text, line }
 * and throws XmlError (with .line) on the first fault.
 */
"use strict";

class XmlError extends Error {
  constructor(message, line) {
    super(`line ${line}: ${message}`);
    this.name = "XmlError";
    this.line = line;
  }
}

const NAME = /[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/y;
const ENTITIES = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const XML_NS = "http://www.w3.org/XML/1998/namespace";

function parseXml(source) {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let pos = 0;
  const lineAt = (at) => text.slice(0, at).split("\n").length;
  const fail = (message, at = pos) => {
    throw new XmlError(message, lineAt(at));
  };
  const startsWith = (s) => text.startsWith(s, pos);
  const skipSpace = () => {
    while (pos < text.length && " \t\r\n".includes(text[pos])) pos++;
  };
  const readName = () => {
    NAME.lastIndex = pos;
    const m = NAME.exec(text);
    if (!m) fail(`expected a name, found ${JSON.stringify(text.slice(pos, pos + 10))}`);
    pos += m[0].length;
    return m[0];
  };
  const decode = (raw, at) =>
    raw.replace(/&([^;&<\s]*);?/g, (whole, ref) => {
      if (!whole.endsWith(";")) fail(`bare '&' (write &amp;)`, at);
      if (ref in ENTITIES) return ENTITIES[ref];
      const code = /^#x[0-9a-f]+$/i.test(ref) ? parseInt(ref.slice(2), 16) : /^#\d+$/.test(ref) ? Number(ref.slice(1)) : NaN;
      if (Number.isNaN(code) || code > 0x10ffff) fail(`unknown entity &${ref};`, at);
      return String.fromCodePoint(code);
    });
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (startsWith("<!--")) skipComment();
      else if (startsWith("<?")) skipPi();
      else return;
    }
  };
  const skipComment = () => {
    const end = text.indexOf("-->", pos + 4);
    if (end < 0) fail("unclosed comment");
    if (text.slice(pos + 4, end).includes("--")) fail("'--' inside a comment");
    pos = end + 3;
  };
  const skipPi = () => {
    const end = text.indexOf("?>", pos);
    if (end < 0) fail("unclosed processing instruction");
    pos = end + 2;
  };

  const parseElement = () => {
    const line = lineAt(pos);
    pos++; // '<'
    const name = readName();
    const attrs = [];
    for (;;) {
      const before = pos;
      skipSpace();
      if (startsWith("/>") || startsWith(">")) break;
      if (pos === before) fail(`expected whitespace before an attribute in <${name}>`);
      const attrName = readName();
      skipSpace();
      if (text[pos] !== "=") fail(`attribute ${attrName} in <${name}> has no value`);
      pos++;
      skipSpace();
      const quote = text[pos];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attrName} in <${name}> is not quoted`);
      const end = text.indexOf(quote, pos + 1);
      if (end < 0) fail(`unclosed attribute value in <${name}>`);
      const raw = text.slice(pos + 1, end);
      if (raw.includes("<")) fail(`'<' inside attribute ${attrName} of <${name}>`);
      if (attrs.some((a) => a.name === attrName)) fail(`duplicate attribute ${attrName} in <${name}>`);
      attrs.push({ name: attrName, value: decode(raw, pos) });
      pos = end + 1;
    }
    const element = { name, attrs, children: [], text: "", line };
    if (startsWith("/>")) {
      pos += 2;
      return element;
    }
    pos++; // '>'
    for (;;) {
      const lt = text.indexOf("<", pos);
      if (lt < 0) fail(`<${name}> (line ${line}) is never closed`, text.length);
      const raw = text.slice(pos, lt);
      if (raw.includes("]]>")) fail("']]>' in text");
      element.text += decode(raw, pos);
      pos = lt;
      if (startsWith("<!--")) skipComment();
      else if (startsWith("<![CDATA[")) {
        const end = text.indexOf("]]>", pos);
        if (end < 0) fail("unclosed CDATA section");
        element.text += text.slice(pos + 9, end);
        pos = end + 3;
      } else if (startsWith("<?")) skipPi();
      else if (startsWith("</")) {
        pos += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}> opened on line ${line}`);
        skipSpace();
        if (text[pos] !== ">") fail(`malformed </${closing}>`);
        pos++;
        return element;
      } else if (startsWith("<!")) fail("declarations are not allowed inside elements");
      else element.children.push(parseElement());
    }
  };

  if (startsWith("<?xml")) skipPi();
  skipMisc();
  if (startsWith("<!DOCTYPE")) fail("DOCTYPE is not allowed in a manifest");
  if (text[pos] !== "<") fail("no root element");
  const root = parseElement();
  skipMisc();
  if (pos < text.length) fail("content after the root element");
  resolveNamespaces(root, { xml: XML_NS });
  return root;
}

/** Gives every element and attribute its namespace URI and local name. */
function resolveNamespaces(element, inherited) {
  const scope = { ...inherited };
  for (const a of element.attrs) {
    if (a.name === "xmlns") scope[""] = a.value;
    else if (a.name.startsWith("xmlns:")) scope[a.name.slice(6)] = a.value;
  }
  const split = (qname, isAttr) => {
    const i = qname.indexOf(":");
    const prefix = i < 0 ? "" : qname.slice(0, i);
    const local = i < 0 ? qname : qname.slice(i + 1);
    if (prefix === "xmlns" || (isAttr && qname === "xmlns")) return { prefix, local, ns: "http://www.w3.org/2000/xmlns/" };
    if (!prefix) return { prefix, local, ns: isAttr ? "" : scope[""] || "" };
    if (!(prefix in scope)) {
      throw new XmlError(`namespace prefix '${prefix}' of ${qname} is not declared`, element.line);
    }
    return { prefix, local, ns: scope[prefix] };
  };
  Object.assign(element, split(element.name, false));
  for (const a of element.attrs) Object.assign(a, split(a.name, true));
  for (const child of element.children) resolveNamespaces(child, scope);
}

module.exports = { parseXml, XmlError };
