import { css } from 'lit'

/** Shared look of the guardian page's steps: cards, sections, choice tiles and notes. */
export const guardianStyles = css`
  :host {
    display: block;
    font-size: 1rem;
    line-height: 1.6;
    /* Japanese lines break between phrases, not inside a word, where the browser can. */
    word-break: auto-phrase;
    --asg-accent-bg: #e9eef8;
  }
  [hidden] {
    display: none !important;
  }
  .card {
    background: var(--asg-surface);
    border: 1px solid var(--asg-line);
    border-radius: var(--asg-radius);
    padding: 16px;
  }
  h2 {
    font-size: 1.2rem;
    margin: 0 0 12px;
    line-height: 1.4;
  }
  .muted {
    color: var(--asg-ink-soft);
    font-size: 0.9rem;
  }
  .note {
    background: #fff8e1;
    border-left: 4px solid #e0b000;
    padding: 8px 12px;
    border-radius: 6px;
    font-size: 0.95rem;
    margin: 8px 0 0;
  }
  .error {
    color: var(--asg-absent);
    font-weight: 600;
    margin: 6px 0 0;
    font-size: 0.95rem;
  }
  .error-box {
    color: var(--asg-absent);
    background: var(--asg-absent-bg);
    border-radius: var(--asg-radius);
    padding: 10px 12px;
    margin: 12px 0 0;
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-direction: column;
    gap: 10px;
    margin-top: 16px;
  }
  .actions button {
    width: 100%;
    font-size: 1.1rem;
    min-height: 52px;
  }
  .badge {
    display: inline-block;
    font-size: 0.85rem;
    font-weight: 700;
    line-height: 1.3;
    padding: 2px 8px;
    border-radius: 999px;
    border: 1px solid currentColor;
    white-space: nowrap;
  }
  .kind-absent {
    color: var(--asg-absent);
    background: var(--asg-absent-bg);
  }
  .kind-late {
    color: var(--asg-late);
    background: var(--asg-late-bg);
  }
  .kind-early_leave {
    color: var(--asg-early);
    background: var(--asg-early-bg);
  }
  dl.summary {
    margin: 0;
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 8px 14px;
  }
  dl.summary dt {
    color: var(--asg-ink-soft);
    font-size: 0.9rem;
    padding-top: 0.1em;
    white-space: nowrap;
  }
  dl.summary dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  dl.summary dd.message {
    font-weight: 400;
    white-space: pre-wrap;
  }
`
