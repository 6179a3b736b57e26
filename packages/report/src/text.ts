import { escapeHtml, escapeMarkdownText, markdownCode } from './escape.js';

/*
 * Sentences of the audit and diff models, kept as data: prose and values (origins, paths, header
 * names…) stay apart until a renderer escapes each for its output. No model string is ever Markdown
 * or HTML, so no value can smuggle markup into a report.
 */

/** A value shown as code (`https://a.example`, `/api/**`, `Content-Type`). */
export interface CodePart {
  readonly code: string;
}

/** Prose (a plain string) or a value shown as code. */
export type TextPart = string | CodePart;

/** A sentence: prose and code values in order. Render with `textToMarkdown`, `textToHtml` or `textToPlain`. */
export type Text = readonly TextPart[];

/** Marks a value to be shown as code. */
export function code(value: string): CodePart {
  return { code: value };
}

/**
 * Builds a `Text` from a template: literal parts are prose; interpolated strings are prose too, so
 * wrap values with `code()`; interpolated `Text` is spliced in.
 *
 * @example
 * text`Origin ${code(origin)} added`; // ['Origin ', { code: origin }, ' added']
 */
export function text(strings: TemplateStringsArray, ...values: ReadonlyArray<TextPart | Text>): Text {
  const parts: TextPart[] = [];
  strings.forEach((literal, i) => {
    if (literal !== '') parts.push(literal);
    if (i < values.length) {
      const value = values[i] as TextPart | Text;
      if (isText(value)) parts.push(...value);
      else if (value !== '') parts.push(value);
    }
  });
  return mergeProse(parts);
}

/** Several texts joined by a separator (prose). */
export function joinText(texts: readonly Text[], separator: string): Text {
  return mergeProse(texts.flatMap((t, i) => (i === 0 ? [...t] : [separator, ...t])));
}

/** `a`, `a and b`, `a, b and c`, for texts. */
export function listText(items: readonly Text[]): Text {
  if (items.length <= 1) return items[0] ?? [];
  return mergeProse([...joinText(items.slice(0, -1), ', '), ' and ', ...(items.at(-1) ?? [])]);
}

/** Lower-cases the first prose character (to continue a sentence). */
export function lowerFirstText(t: Text): Text {
  const [first, ...rest] = t;
  if (typeof first !== 'string' || first === '') return t;
  return [`${first[0]?.toLowerCase()}${first.slice(1)}`, ...rest];
}

/** Upper-cases the first prose character (to start a sentence). */
export function upperFirstText(t: Text): Text {
  const [first, ...rest] = t;
  if (typeof first !== 'string' || first === '') return t;
  return [`${first[0]?.toUpperCase()}${first.slice(1)}`, ...rest];
}

/** Markdown: prose escaped, values in unbreakable code spans. `table: true` inside a GFM table cell. */
export function textToMarkdown(t: Text, options: { readonly table?: boolean } = {}): string {
  return t.map((part) => (typeof part === 'string' ? escapeMarkdownText(part) : markdownCode(part.code, options))).join('');
}

/** HTML: prose escaped, values in `<code>`. */
export function textToHtml(t: Text): string {
  return t.map((part) => (typeof part === 'string' ? escapeHtml(part) : `<code>${escapeHtml(part.code)}</code>`)).join('');
}

/**
 * Plain text for terminals and JSON consumers, values in backticks. Not Markdown: it is not escaped,
 * never paste it into Markdown or HTML (use `textToMarkdown` / `textToHtml`).
 */
export function textToPlain(t: Text): string {
  return t.map((part) => (typeof part === 'string' ? part : `\`${part.code}\``)).join('');
}

function isText(value: TextPart | Text): value is Text {
  return Array.isArray(value);
}

function mergeProse(parts: readonly TextPart[]): TextPart[] {
  const out: TextPart[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part;
    else if (part !== '') out.push(part);
  }
  return out;
}
