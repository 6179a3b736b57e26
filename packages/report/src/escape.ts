/*
 * Escaping for every string that comes from a policy. Names, descriptions, justifications, owners,
 * route paths, origins and header names are all written by someone else and treated as hostile: a
 * backtick, a newline or `<!--` must never change the structure of the document around it.
 * Pure: no I/O.
 */

/** Line terminators Markdown, HTML text and JavaScript source treat as a line break. */
const LINE_BREAKS = /(?:\r\n|[\r\n\u2028\u2029\u0085])+/g;

/** Characters with inline meaning in CommonMark/GFM: emphasis, code, links, HTML, tables, entities, strikethrough. */
const MARKDOWN_INLINE = /[\\`*_[\]<>|~&]/g;

/**
 * Prose for Markdown: every character that could start markup is backslash-escaped and line breaks
 * become spaces, so the text stays inside the paragraph, list item or table cell it is written in.
 *
 * @example
 * escapeMarkdownText('x`\n\n<!--'); // 'x\\` \\<!--' (one line, no comment, no code span)
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(MARKDOWN_INLINE, (c) => `\\${c}`)
    // Block markers only matter at the start of a line: a heading, list item, quote or thematic break.
    .replace(/^(\s*)([#+=-]|\d+[.)])/, (_m, space: string, marker: string) => `${space}${marker.replace(/([#+=\-.)])/, '\\$1')}`);
}

export interface MarkdownCodeOptions {
  /** The span sits in a GFM table cell, where an unescaped `|` would end the cell. */
  readonly table?: boolean;
}

/**
 * Inline code that cannot be broken out of: the fence is one backtick longer than the longest run
 * inside, line breaks become spaces, and content that starts or ends with a backtick or space is
 * padded (CommonMark strips one space on each side). Inside a table cell, content with `|` is written
 * as `<code>` with escaped text instead, because GFM splits cells before it parses code spans.
 *
 * @example
 * markdownCode('https://a.example'); // '`https://a.example`'
 * markdownCode('a`b');               // '``a`b``'
 */
export function markdownCode(value: string, options: MarkdownCodeOptions = {}): string {
  const content = value.replace(LINE_BREAKS, ' ');
  if (options.table === true && content.includes('|')) return `<code>${escapeMarkdownText(content)}</code>`;
  if (content === '') return '` `';
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(content) && content.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * A JavaScript/TypeScript string literal (double-quoted) for a code snippet: JSON escaping, plus
 * U+2028/U+2029 and `<` escaped so the literal also survives inside an HTML `<script>` or old parsers.
 *
 * @example
 * jsStringLiteral('https://a.example'); // '"https://a.example"'
 */
export function jsStringLiteral(value: string): string {
  return JSON.stringify(value).replace(/[\u2028\u2029<]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A `//` comment for a code snippet: line breaks (including U+2028/U+2029, which end a JavaScript
 * line) become spaces so the text cannot continue as code, and `*\/` is split so the comment is also
 * safe if a snippet is ever wrapped in a block comment.
 *
 * @example
 * jsLineComment('Allowed for staging\nprocess.exit()'); // '// Allowed for staging process.exit()'
 */
export function jsLineComment(text: string): string {
  return `// ${text.replace(LINE_BREAKS, ' ').replace(/\*\//g, '* /')}`;
}
