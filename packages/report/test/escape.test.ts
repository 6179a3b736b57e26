import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdownText, jsLineComment, jsStringLiteral, markdownCode } from '../src/escape.js';

describe('escapeMarkdownText', () => {
  it('keeps hostile prose on one line with every markup character escaped', () => {
    expect(escapeMarkdownText('x`\n\n<!--')).toBe('x\\` \\<!--');
    expect(escapeMarkdownText('*bold* _em_ [link](u) a|b ~~s~~ &amp; \\')).toBe('\\*bold\\* \\_em\\_ \\[link\\](u) a\\|b \\~\\~s\\~\\~ \\&amp; \\\\');
  });

  it('escapes block markers at the start of the text only', () => {
    expect(escapeMarkdownText('# Heading')).toBe('\\# Heading');
    expect(escapeMarkdownText('- item')).toBe('\\- item');
    expect(escapeMarkdownText('1. item')).toBe('1\\. item');
    expect(escapeMarkdownText('a - b')).toBe('a - b');
  });
});

describe('markdownCode', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(markdownCode('https://a.example')).toBe('`https://a.example`');
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('a```b`')).toBe('```` a```b` ````');
  });

  it('turns line breaks (including U+2028/U+2029) into spaces', () => {
    expect(markdownCode('a\nb\r\nc\u2028d')).toBe('`a b c d`');
  });

  it('writes a cell value containing | as escaped <code> text, not a code span GFM would split', () => {
    expect(markdownCode('a|b', { table: true })).toBe('<code>a\\|b</code>');
    expect(markdownCode('a|b')).toBe('`a|b`');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<!-- "a" & 'b' -->`)).toBe('&lt;!-- &quot;a&quot; &amp; &#39;b&#39; --&gt;');
  });
});

describe('code snippet helpers', () => {
  it('writes a string literal that round-trips and holds no raw line separator or <', () => {
    const hostile = 'a"\\\n\u2028\u2029</script>';
    const literal = jsStringLiteral(hostile);
    expect(JSON.parse(literal)).toBe(hostile);
    expect(literal).not.toMatch(/[\n\u2028\u2029<]/);
  });

  it('keeps a line comment on one line and splits */', () => {
    const comment = jsLineComment('staging only\nprocess.exit(1)\u2028x */ y');
    expect(comment).toBe('// staging only process.exit(1) x * / y');
    expect(comment).not.toMatch(/[\r\n\u2028\u2029]/);
  });
});
