/*
 * A small reader for the parts of CommonMark/GFM that can hide or swallow text: HTML blocks and
 * comments, fenced code, code spans and backslash escapes. Returns what a reader of the rendered
 * comment sees outside code, the code spans, and anything hidden. Deliberately conservative: an
 * unterminated comment hides the rest of the document, any raw HTML block counts as hidden.
 */
export interface MarkdownReading {
  /** Prose a reader sees (escapes resolved), code spans replaced by their content. */
  readonly visible: string;
  /** The content of every inline code span. */
  readonly codeSpans: readonly string[];
  /** Text swallowed by HTML comments, raw HTML blocks or fenced code. */
  readonly hidden: string;
}

const PUNCTUATION = /[!-/:-@[-`{-~]/;

export function readMarkdown(markdown: string): MarkdownReading {
  const codeSpans: string[] = [];
  let visible = '';
  let hidden = '';
  const lines = markdown.split('\n');
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^ {0,3}(`{3,}|~{3,})/.test(line)) {
      // Fenced code: swallowed until a closing fence (or the end).
      const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1] ?? '```';
      let j = i + 1;
      while (j < lines.length && !(lines[j] ?? '').trimStart().startsWith(fence)) j++;
      hidden += lines.slice(i, j + 1).join('\n');
      i = j;
      continue;
    }
    if (/^ {0,3}<(!--|[A-Za-z/?!])/.test(line)) {
      // An HTML block: a comment runs to `-->`, other blocks to a blank line.
      const comment = /^ {0,3}<!--/.test(line);
      let j = i;
      while (j < lines.length && (comment ? !(lines[j] ?? '').includes('-->') : (lines[j] ?? '').trim() !== '')) j++;
      hidden += lines.slice(i, j + 1).join('\n');
      i = j;
      continue;
    }
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push(current.join('\n'));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) paragraphs.push(current.join('\n'));

  for (const paragraph of paragraphs) {
    let i = 0;
    while (i < paragraph.length) {
      const c = paragraph[i] as string;
      if (c === '\\' && PUNCTUATION.test(paragraph[i + 1] ?? '')) {
        visible += paragraph[i + 1];
        i += 2;
      } else if (c === '`') {
        const run = /^`+/.exec(paragraph.slice(i))?.[0] ?? '`';
        const close = findClosingRun(paragraph, i + run.length, run.length);
        if (close === -1) {
          visible += run;
          i += run.length;
        } else {
          let content = paragraph.slice(i + run.length, close).replace(/\n/g, ' ');
          if (content.length > 1 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') content = content.slice(1, -1);
          codeSpans.push(content);
          visible += content;
          i = close + run.length;
        }
      } else if (paragraph.startsWith('<!--', i)) {
        const end = paragraph.indexOf('-->', i + 4);
        hidden += end === -1 ? paragraph.slice(i) : paragraph.slice(i, end + 3);
        i = end === -1 ? paragraph.length : end + 3;
        if (end === -1) return { visible, codeSpans, hidden: hidden + paragraphs.slice(paragraphs.indexOf(paragraph) + 1).join('\n') };
      } else if (c === '<' && /^<\/?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?\/?>/.test(paragraph.slice(i))) {
        // An inline tag (<br>, <code>): markup, not text.
        i += (/^<[^>]*>/.exec(paragraph.slice(i))?.[0] ?? '<').length;
      } else {
        visible += c;
        i += 1;
      }
    }
    visible += '\n\n';
  }
  return { visible, codeSpans, hidden };
}

function findClosingRun(text: string, from: number, length: number): number {
  const pattern = /`+/g;
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) if (m[0].length === length) return m.index;
  return -1;
}

/** Text a browser shows for an HTML document: comments, tags, script and style content removed, entities decoded. */
export function visibleHtmlText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/<(script|style)[\s\S]*?(<\/\1>|$)/gi, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
