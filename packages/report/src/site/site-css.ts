/**
 * The site's one stylesheet: readable at 1280 px and on phones, WCAG AA contrast, printable
 * (navigation hidden, links spelled out, tables kept whole).
 */
export const SITE_CSS = `:root{--fg:#1b1b1b;--muted:#4a4a4a;--line:#b8b8b8;--head:#eef0f3;--link:#0b4fa8;--high:#9e0000;--medium:#7a4500;--low:#0d5c1e;--note:#f5f7fa}
*{box-sizing:border-box}
html{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:#fff}
body{margin:0}
a{color:var(--link)}a:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.25rem .5rem;z-index:1}
header.site{border-bottom:1px solid var(--line);background:var(--head)}
header.site .bar{max-width:76rem;margin:0 auto;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline}
header.site .brand{font-weight:700;color:var(--fg);text-decoration:none}
header.site nav ul{list-style:none;margin:0;padding:0;display:flex;gap:1rem}
header.site nav a[aria-current="page"]{font-weight:700;color:var(--fg)}
main{max-width:76rem;margin:0 auto;padding:1rem 1rem 3rem}
h1{font-size:1.75rem;line-height:1.25;margin:1rem 0 .5rem;overflow-wrap:anywhere}
h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.1rem;margin:1.5rem 0 .4rem;overflow-wrap:anywhere}
p,li,dd{max-width:60rem}
code{font:.9em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--note);padding:0 .2rem;border-radius:3px;overflow-wrap:break-word}
table{border-collapse:collapse;width:100%;margin:.75rem 0 1.25rem;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid var(--line);padding:.4rem .55rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
thead th{background:var(--head)}
tbody th{font-weight:600}
dl.facts{display:grid;grid-template-columns:minmax(12rem,max-content) 1fr;gap:.35rem 1rem;margin:.5rem 0 1rem}
dl.facts dt{font-weight:600}dl.facts dd{margin:0}
.callout{border-left:4px solid var(--link);background:var(--note);padding:.6rem .9rem;margin:1rem 0}
.callout p{margin:.3rem 0}
.muted{color:var(--muted)}.small{font-size:.9rem}
.risk{font-weight:700;white-space:nowrap}
.risk-high,.refused,.fail{color:var(--high);font-weight:700}
.risk-medium{color:var(--medium)}
.risk-low,.allowed,.pass{color:var(--low);font-weight:700}
footer.site{max-width:76rem;margin:0 auto;padding:1rem;border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
@media print{
  header.site nav,.skip{display:none}
  html{font-size:11pt}
  main{max-width:none;padding:0}
  a{color:inherit}
  main a[href]:not([href^="#"])::after{content:" (" attr(href) ")";font-size:.85em;color:var(--muted)}
  tr,dl.facts,.callout{break-inside:avoid}
  h2,h3{break-after:avoid}
  thead{display:table-header-group}
}
`;
