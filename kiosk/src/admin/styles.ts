import { css } from 'lit'

/** Shared look of the admin panels: plain tables and forms on white cards. */
export const panel = css`
  :host { display: block; }
  section { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 16px 20px; margin: 0 0 16px; }
  h2 { font-size: 1.15rem; margin: 0 0 12px; }
  h3 { font-size: 1rem; margin: 16px 0 8px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--asg-line); vertical-align: middle; }
  th { font-weight: 600; color: var(--asg-ink-soft); font-size: 0.9rem; }
  label { display: inline-flex; gap: 6px; align-items: center; margin: 4px 12px 4px 0; }
  label.block { display: block; margin: 10px 0 4px; font-weight: 600; }
  input, select, textarea { font: inherit; padding: 0.45em 0.6em; border: 1px solid var(--asg-line); border-radius: 6px; background: #fff; }
  input[type='checkbox'] { width: 1.1em; height: 1.1em; }
  .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0; }
  .error { color: var(--asg-absent); }
  .ok { color: var(--asg-ok); }
  .muted { color: var(--asg-ink-soft); font-size: 0.9rem; }
  .code { font-family: ui-monospace, 'Noto Sans Mono', monospace; font-size: 1.1rem; letter-spacing: 0.08em; }
`
