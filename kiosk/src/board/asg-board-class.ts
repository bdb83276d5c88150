import { LitElement, css, html } from 'lit'
import { repeat } from 'lit/directives/repeat.js'
import type { ClassInfo, DayEntry } from '../../../shared/protocol/index.js'
import './asg-board-entry.js'

/** One class column: its label, how many pupils are not simply present, and their entries. */
export class AsgBoardClass extends LitElement {
  static override properties = {
    info: { attribute: false },
    entries: { attribute: false },
    changedAt: { attribute: false },
    now: { type: Number },
  }
  declare info: ClassInfo
  declare entries: DayEntry[]
  declare changedAt: ReadonlyMap<number, number>
  declare now: number

  constructor() {
    super()
    this.entries = []
    this.changedAt = new Map()
    this.now = Date.now()
  }

  static override styles = css`
    :host { display: flex; flex-direction: column; min-width: 0; background: var(--asg-surface); border: 1px solid var(--asg-line);
      border-radius: var(--asg-radius); overflow: hidden; }
    header { display: flex; justify-content: space-between; align-items: baseline; padding: 0.3em 0.6em; background: #eef1f8;
      border-bottom: 1px solid var(--asg-line); }
    h2 { margin: 0; font-size: 1.1em; }
    .teacher { font-size: 0.75em; color: var(--asg-ink-soft); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .list { display: flex; flex-direction: column; gap: 0.15em; padding: 0.3em; }
    .none { color: var(--asg-ink-soft); padding: 0.4em 0.6em; font-size: 0.85em; }
  `

  override render() {
    return html`
      <header><h2>${this.info.label}</h2><span class="teacher">${this.info.homeroomTeacher ?? ''}</span></header>
      <div class="list">
        ${this.entries.length === 0
          ? html`<span class="none">連絡なし</span>`
          : repeat(
              this.entries,
              (e) => e.pupilId,
              (e) => html`<asg-board-entry .entry=${e} ?fresh=${this.now - (this.changedAt.get(e.pupilId) ?? 0) < 6000}></asg-board-entry>`,
            )}
      </div>
    `
  }
}

customElements.define('asg-board-class', AsgBoardClass)
declare global {
  interface HTMLElementTagNameMap {
    'asg-board-class': AsgBoardClass
  }
}
