import { SaxesParser } from 'saxes';

/*
 * A small synchronous layer over saxes for the xlsx parts: element names and attribute names
 * by their local name (prefixes such as `x:` or `r:` dropped), text pieces, and feeding UTF-8
 * bytes in chunks. Events arrive during `write`, so a caller can turn them into a generator.
 * Elements nested deeper than XML_MAX_DEPTH stop the parse with a clear error (a hostile part
 * nested 100,000 levels deep; docs/decisions/0658).
 */

/** The deepest element nesting any XML reader of an item file accepts (QTI, Moodle, xlsx parts). */
export const XML_MAX_DEPTH = 200;

export const XML_TOO_DEEP = `XML 嵌套超过 ${XML_MAX_DEPTH} 层，文件可能已损坏或被恶意构造，拒绝导入`;

export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  text?(text: string): void;
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function localAttributes(attributes: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) out[localName(name)] = value;
  return out;
}

export class XmlStream {
  readonly #parser = new SaxesParser({ xmlns: false, position: false });
  readonly #decoder = new TextDecoder('utf-8');
  #depth = 0;

  constructor(handlers: XmlHandlers) {
    const { open, close, text } = handlers;
    this.#parser.on('opentag', (tag) => {
      this.#depth += 1;
      if (this.#depth > XML_MAX_DEPTH) throw new Error(XML_TOO_DEEP);
      open?.(localName(tag.name), localAttributes(tag.attributes as Record<string, string>));
    });
    this.#parser.on('closetag', (tag) => {
      this.#depth -= 1;
      close?.(localName(tag.name));
    });
    if (text !== undefined) {
      this.#parser.on('text', text);
      this.#parser.on('cdata', text);
    }
    this.#parser.on('error', (error) => {
      throw new Error(`XML 格式错误：${error.message}`);
    });
  }

  writeBytes(chunk: Uint8Array): void {
    const text = this.#decoder.decode(chunk, { stream: true });
    if (text !== '') this.#parser.write(text);
  }

  end(): void {
    const rest = this.#decoder.decode();
    if (rest !== '') this.#parser.write(rest);
    this.#parser.close();
  }
}

/** Parses a whole (small) part. */
export function parseXmlBytes(bytes: Uint8Array, handlers: XmlHandlers): void {
  const stream = new XmlStream(handlers);
  stream.writeBytes(bytes);
  stream.end();
}
