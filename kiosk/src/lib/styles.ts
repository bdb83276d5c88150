import { css } from 'lit'

/**
 * Design tokens as CSS custom properties; elements read them, pages may override them.
 * Status colours are chosen to stay distinct for the common colour-vision deficiencies and
 * are always paired with text, never colour alone.
 */
export const tokens = css`
  :host {
    --asg-font: 'Noto Sans JP', 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Yu Gothic UI', Meiryo, system-ui, sans-serif;
    --asg-bg: #f7f5ef;
    --asg-surface: #ffffff;
    --asg-ink: #1f2328;
    --asg-ink-soft: #57606a;
    --asg-line: #d8d4c8;
    --asg-accent: #3d5a99;
    --asg-absent: #b42318;
    --asg-absent-bg: #fde8e6;
    --asg-late: #8a5a00;
    --asg-late-bg: #fff1cc;
    --asg-early: #2e6b3a;
    --asg-early-bg: #e3f4e4;
    --asg-not-arrived: #ffffff;
    --asg-not-arrived-bg: #c4320a;
    --asg-excused: #5b4a9c;
    --asg-excused-bg: #ece8fa;
    --asg-ok: #1a7f37;
    --asg-radius: 10px;
    font-family: var(--asg-font);
    color: var(--asg-ink);
  }
`

export const buttons = css`
  button {
    font: inherit;
    border-radius: var(--asg-radius);
    border: 1px solid var(--asg-line);
    background: var(--asg-surface);
    color: var(--asg-ink);
    padding: 0.6em 1em;
    min-height: 44px;
    cursor: pointer;
  }
  button.primary {
    background: var(--asg-accent);
    color: #fff;
    border-color: var(--asg-accent);
    font-weight: 700;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid #ffbf47;
    outline-offset: 2px;
  }
`

/** `.visually-hidden`: text only screen readers get (live announcements, status lines), out of sight but not out of the page. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`
