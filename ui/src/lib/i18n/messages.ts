// What the catalogues have in common: the ICU message syntax, read through intl-messageformat.
// The AST walks here serve the right-to-left pseudo-locale and the completeness test.
import { IntlMessageFormat } from "intl-messageformat";

export type Element = ReturnType<IntlMessageFormat["getAst"]>[number];

/** Parses one message; throws on a syntax error (the test relies on it). */
export function parse(message: string, locale: string): Element[] {
  return new IntlMessageFormat(message, locale).getAst();
}

/** Every argument a message uses, as "name:kind" (kind: plain, number, date, time, plural, select). */
export function argumentsOf(elements: Element[], into = new Set<string>()): Set<string> {
  const kinds = ["", "plain", "number", "date", "time", "select", "plural"];
  for (const el of elements) {
    if (el.type >= 1 && el.type <= 6 && "value" in el) into.add(`${el.value}:${kinds[el.type]}`);
    if ("options" in el) for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    if ("children" in el) argumentsOf(el.children, into);
  }
  return into;
}

/** The same message with every piece of its own text changed by `change` (arguments untouched). */
export function mapText(elements: Element[], change: (text: string) => string): Element[] {
  return elements.map((el) => {
    if (el.type === 0) return { ...el, value: change(el.value) };
    if ("options" in el) {
      const options = Object.fromEntries(
        Object.entries(el.options).map(([k, option]) => [k, { ...option, value: mapText(option.value, change) }]),
      );
      return { ...el, options } as Element;
    }
    return el;
  });
}
