import { LitElement, css, html, nothing } from 'lit'
import { MARU_BATSU_SANKAKU, type QuestionKind, type SurveyQuestion } from '../../../shared/protocol/surveys.js'
import { buttons, tokens } from '../lib/styles.js'
import { t } from './text.js'

export const KIND_LABELS: Record<QuestionKind, string> = {
  single: t('kindSingle'),
  multiple: t('kindMultiple'),
  number: t('kindNumber'),
  text: t('kindText'),
  date: t('kindDate'),
}

/** A question of another kind, keeping what still fits (the label, required, the options). */
export function withKind(q: SurveyQuestion, kind: QuestionKind): SurveyQuestion {
  const base = { id: q.id, label: q.label, required: q.required }
  const options = 'options' in q ? q.options : [...MARU_BATSU_SANKAKU]
  switch (kind) {
    case 'single': return { ...base, kind, options }
    case 'multiple': return { ...base, kind, options }
    case 'number': return { ...base, kind, min: null, max: null, unit: '' }
    case 'text': return { ...base, kind, maxLength: 100 }
    case 'date': return { ...base, kind }
  }
}

/**
 * One question of the survey builder: its wording, kind, required or optional, and the kind's
 * own settings (options with a ○×△ shortcut, the range of a number, the length of a text).
 * @fires asg-question - detail: the changed question
 * @fires asg-question-move - detail: -1 (up) or 1 (down)
 * @fires asg-question-remove
 */
export class AsgQuestionEditor extends LitElement {
  static override properties = { question: { attribute: false }, index: { type: Number }, count: { type: Number } }
  declare question: SurveyQuestion
  declare index: number
  declare count: number

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); background: var(--asg-surface); padding: 0.6rem 0.8rem; }
      .top { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
      .top .n { font-weight: 700; }
      .top .tools { margin-left: auto; display: flex; gap: 0.3rem; }
      .tools button { min-height: 32px; padding: 0.1em 0.6em; }
      label { display: grid; gap: 2px; font-size: 0.9rem; margin-top: 0.4rem; }
      label.inline { display: inline-flex; align-items: center; gap: 0.3rem; }
      input, select, textarea { font: inherit; border: 1px solid var(--asg-line); border-radius: 6px; padding: 0.3rem 0.5rem; }
      textarea { min-height: 5.5em; }
      .row { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: end; }
      .row input { width: 7em; }
    `,
  ]

  override render() {
    const q = this.question
    return html`<div class="top">
        <span class="n">${t('question', { n: this.index + 1 })}</span>
        <select aria-label=${t('questionKind', { n: this.index + 1 })} @change=${(e: Event) => this.emit(withKind(q, (e.target as HTMLSelectElement).value as QuestionKind))}>
          ${Object.entries(KIND_LABELS).map(([k, label]) => html`<option value=${k} ?selected=${q.kind === k}>${label}</option>`)}
        </select>
        <label class="inline"><input type="checkbox" .checked=${q.required} @change=${(e: Event) => this.emit({ ...q, required: (e.target as HTMLInputElement).checked })} />${t('required')}</label>
        <span class="tools">
          <button type="button" ?disabled=${this.index === 0} aria-label=${t('moveUp', { n: this.index + 1 })} @click=${() => this.fire('asg-question-move', -1)}>↑</button>
          <button type="button" ?disabled=${this.index === this.count - 1} aria-label=${t('moveDown', { n: this.index + 1 })} @click=${() => this.fire('asg-question-move', 1)}>↓</button>
          <button type="button" ?disabled=${this.count === 1} @click=${() => this.fire('asg-question-remove', null)}>${t('remove')}</button>
        </span>
      </div>
      <label>${t('questionText')}<input name="label" .value=${q.label} maxlength="200" @input=${(e: Event) => this.emit({ ...q, label: (e.target as HTMLInputElement).value })} /></label>
      ${q.kind === 'single' || q.kind === 'multiple'
        ? html`<label>${t('options')}<textarea name="options" .value=${q.options.join('\n')}
              @input=${(e: Event) => this.emit({ ...q, options: (e.target as HTMLTextAreaElement).value.split('\n') })}></textarea></label>
            <button type="button" @click=${() => this.emit({ ...q, options: [...MARU_BATSU_SANKAKU] })}>${t('maruBatsuSankaku')}</button>`
        : nothing}
      ${q.kind === 'number'
        ? html`<div class="row">
            <label>${t('min')}<input type="number" .value=${q.min === null ? '' : String(q.min)} @input=${(e: Event) => this.emit({ ...q, min: numberOrNull(e) })} /></label>
            <label>${t('max')}<input type="number" .value=${q.max === null ? '' : String(q.max)} @input=${(e: Event) => this.emit({ ...q, max: numberOrNull(e) })} /></label>
            <label>${t('unit')}<input .value=${q.unit} maxlength="10" @input=${(e: Event) => this.emit({ ...q, unit: (e.target as HTMLInputElement).value })} /></label>
          </div>`
        : nothing}
      ${q.kind === 'text'
        ? html`<label>${t('maxLength')}<input type="number" min="1" max="500" .value=${String(q.maxLength)} @input=${(e: Event) => this.emit({ ...q, maxLength: numberOrNull(e) ?? 1 })} /></label>`
        : nothing}`
  }

  private emit(q: SurveyQuestion) {
    this.fire('asg-question', q)
  }

  private fire(name: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }))
  }
}

function numberOrNull(e: Event): number | null {
  const v = (e.target as HTMLInputElement).value
  return v === '' || !Number.isFinite(Number(v)) ? null : Math.trunc(Number(v))
}

customElements.define('asg-question-editor', AsgQuestionEditor)
declare global {
  interface HTMLElementTagNameMap {
    'asg-question-editor': AsgQuestionEditor
  }
}
