/** Renders a model sentence, whose values are in backticks (Markdown-style), with `<code>` for them. */
export function Prose({ text }: { text: string }) {
  const parts = text.split('`');
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
