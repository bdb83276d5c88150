import{C as e,D as t,O as n,T as r,c as i,i as a,k as o,n as s,r as c,s as l,t as u}from"./styles-CSPGLkim.js";/* empty css             */import"./asg-staff-gate-DEtUrp9Q.js";import{t as d}from"./format-BVg1O0M-.js";import{n as f,t as p}from"./badges-BIGMjGjL.js";var m=class extends e{static properties={view:{state:!0},error:{state:!0},showAll:{state:!0},editing:{state:!0}};constructor(){super(),this.view=null,this.error=``,this.showAll=!1,this.editing=null}static styles=[s,u,o`
      :host { display: block; }
      .controls { display: flex; flex-wrap: wrap; align-items: center; gap: 0.6rem; margin: 0 0 0.8rem; }
      a.button { display: inline-flex; align-items: center; min-height: 44px; padding: 0 1em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); background: var(--asg-surface); color: var(--asg-ink); text-decoration: none; }
      .spacer { flex: 1; }
      section.crossed { background: var(--asg-absent-bg); border: 1px solid var(--asg-absent); border-radius: var(--asg-radius); padding: 0.6rem 0.9rem; margin: 0 0 0.9rem; }
      section.crossed h2 { font-size: 1rem; margin: 0 0 0.3rem; color: var(--asg-absent); }
      section.crossed ul { margin: 0; padding-left: 1.2rem; }
      table { border-collapse: collapse; width: 100%; background: var(--asg-surface); font-variant-numeric: tabular-nums; }
      th, td { border-bottom: 1px solid var(--asg-line); padding: 0.4rem 0.5rem; text-align: left; vertical-align: middle; }
      th { background: #eef0f5; font-size: 0.9rem; }
      td.n { text-align: right; }
      td.big { font-size: 1.15rem; font-weight: 700; }
      .badge { display: inline-block; border-radius: 6px; padding: 0 0.45em; margin: 0 0.2em 0.1em 0; font-size: 0.8rem; background: var(--asg-absent-bg); color: var(--asg-absent); border: 1px solid var(--asg-absent); white-space: nowrap; }
      .badge.strong { background: var(--asg-absent); color: #fff; }
      .badge.ok { background: #e3f4e4; color: #1a7f37; border-color: #1a7f37; }
      .memo { font-size: 0.85rem; color: var(--asg-ink-soft); max-width: 18rem; white-space: pre-wrap; }
      td button { min-height: 36px; padding: 0.2em 0.8em; }
      .error { color: var(--asg-absent); }
      .empty { color: var(--asg-ink-soft); padding: 2rem; text-align: center; }
    `];render(){return r`<asg-staff-gate heading="生徒指導 — 欠席の状況" @asg-staff-ready=${()=>this.load()}>
      ${this.error?r`<p class="error" role="alert">${this.error}</p>`:t}
      ${this.view?this.renderView(this.view):this.error?t:r`<p>読み込み中…</p>`}
      ${this.editing?r`<asg-guidance-note .pupil=${this.editing} @asg-close=${()=>this.editing=null}
            @asg-saved=${()=>{this.editing=null,this.load()}}></asg-guidance-note>`:t}
    </asg-staff-gate>`}renderView(e){let n=e.date.slice(0,7),i=e.pupils.filter(e=>e.crossed.length>0),a=this.showAll?e.pupils:e.pupils.filter(e=>e.cumulative>0);return r`
      <div class="controls">
        <strong>${d(e.date)}まで(年度累計)</strong>
        <label><input type="checkbox" .checked=${this.showAll} @change=${e=>this.showAll=e.target.checked} /> 欠席0日の児童も表示</label>
        <span class="spacer"></span>
        <a class="button" href="/api/guidance/long-absence.csv?month=${n}" download>長期欠席者一覧CSV(${Number(n.slice(5))}月)</a>
        <a class="button" href="/api/guidance/daily-absentees.csv?date=${e.date}" download>本日の欠席者数CSV</a>
        <a class="button" href="/api/guidance/daily-absentees.csv?date=${e.date}&encoding=sjis" download>同(Shift_JIS)</a>
      </div>
      ${i.length?r`<section class="crossed" aria-label="今月しきい値を超えた児童">
            <h2>今月、累計欠席がしきい値(${e.cumulativeAbsenceBadges.join(`・`)}日)を超えた児童</h2>
            <ul>${i.map(e=>r`<li>${e.classLabel} ${e.name} — 累計${e.cumulative}日(${e.crossed.map(e=>`${e}日`).join(`・`)}を超過)</li>`)}</ul>
          </section>`:t}
      ${a.length===0?r`<p class="empty">欠席のある児童はいません。</p>`:r`<table>
            <thead><tr><th>順位</th><th>学級</th><th>番号</th><th>氏名</th><th>累計欠席</th><th>今月</th><th>連続</th><th>直近6週</th><th>注意</th><th>メモ・報告</th><th></th></tr></thead>
            <tbody>${a.map((t,n)=>this.renderRow(e,t,n+1))}</tbody>
          </table>`}`}renderRow(e,n,i){let a=f(n.streak,e.consecutiveAbsenceBadge),o=p(n.cumulative,e.cumulativeAbsenceBadges);return r`<tr>
      <td class="n">${i}</td>
      <td>${n.classLabel}</td>
      <td class="n">${n.attendanceNumber}</td>
      <td>${n.name}</td>
      <td class="n big">${n.cumulative}</td>
      <td class="n">${n.monthAbsent}</td>
      <td class="n">${n.streak}</td>
      <td><asg-trend .weeks=${n.trend}></asg-trend></td>
      <td>${a?r`<span class="badge strong">${a}</span>`:t}${o?r`<span class="badge">${o}</span>`:t}${n.crossed.length?r`<span class="badge strong">今月${Math.max(...n.crossed)}日超</span>`:t}</td>
      <td>${n.reportedToBoardAt?r`<span class="badge ok">教委報告済</span>`:t}${n.longAbsenceReason?r`<span class="badge ok">${l[n.longAbsenceReason]}</span>`:t}
        ${n.memo?r`<div class="memo">${n.memo}</div>`:t}</td>
      <td><button @click=${()=>this.editing=n}>記録</button></td>
    </tr>`}async load(){try{this.view=await a(`GET`,`/api/guidance`),this.error=``}catch(e){this.error=e instanceof c?e.message:`読み込めませんでした。`}}};customElements.define(`asg-guidance-app`,m);var h=class extends e{static properties={pupil:{attribute:!1},error:{state:!0},busy:{state:!0}};constructor(){super(),this.pupil=null,this.error=``,this.busy=!1}static styles=[s,u,o`
      :host { position: fixed; inset: 0; background: rgb(0 0 0 / 0.35); display: grid; place-items: center; z-index: 20; }
      form { background: var(--asg-surface); border-radius: var(--asg-radius); padding: 1rem 1.2rem; width: min(94vw, 34rem); display: grid; gap: 0.7rem; }
      h3 { margin: 0; font-size: 1.1rem; }
      textarea, select { font: inherit; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 0.5em; }
      textarea { min-height: 7rem; }
      .row { display: flex; gap: 0.6rem; justify-content: flex-end; }
      .error { color: var(--asg-absent); }
      label.check { display: flex; align-items: center; gap: 0.5rem; }
      input[type='checkbox'] { width: 1.3rem; height: 1.3rem; }
    `];render(){let e=this.pupil;return e?r`<form @submit=${this.onSubmit} role="dialog" aria-modal="true" aria-label="指導メモ">
      <h3>${e.classLabel} ${e.attendanceNumber}番 ${e.name}(欠席 累計${e.cumulative}日)</h3>
      <label>メモ<br /><textarea name="memo" maxlength="2000" .value=${e.memo}></textarea></label>
      <label>長期欠席の理由区分
        <select name="reason">
          <option value="" ?selected=${!e.longAbsenceReason}>未選択</option>
          ${i.options.map(t=>r`<option value=${t} ?selected=${e.longAbsenceReason===t}>${l[t]}</option>`)}
        </select>
      </label>
      <label class="check"><input type="checkbox" name="reported" ?checked=${!!e.reportedToBoardAt} /> 教育委員会へ報告済み</label>
      ${this.error?r`<p class="error" role="alert">${this.error}</p>`:t}
      <div class="row">
        <button type="button" @click=${()=>this.dispatchEvent(new CustomEvent(`asg-close`,{bubbles:!0,composed:!0}))}>閉じる</button>
        <button class="primary" ?disabled=${this.busy}>保存</button>
      </div>
    </form>`:t}async onSubmit(e){e.preventDefault();let t=new FormData(e.target),n=String(t.get(`reason`)??``);this.busy=!0,this.error=``;try{await a(`POST`,`/api/guidance/notes/${this.pupil.pupilId}`,{memo:String(t.get(`memo`)??``),longAbsenceReason:n||null,reportedToBoard:t.get(`reported`)===`on`}),this.dispatchEvent(new CustomEvent(`asg-saved`,{bubbles:!0,composed:!0}))}catch(e){this.error=e instanceof c?e.message:`保存できませんでした。`}finally{this.busy=!1}}};customElements.define(`asg-guidance-note`,h);var g=class extends e{static properties={weeks:{attribute:!1}};constructor(){super(),this.weeks=[]}static styles=o`
    :host { display: inline-block; vertical-align: middle; }
    svg { display: block; }
    rect { fill: #b42318; }
    rect.zero { fill: #d8d4c8; }
  `;render(){let e=`直近${this.weeks.length}週の欠席: ${this.weeks.join(`・`)}日`;return r`<svg width=${this.weeks.length*10} height=${24} role="img" aria-label=${e}>
      <title>${e}</title>
      ${this.weeks.map((e,t)=>{let r=e===0?2:Math.max(4,Math.min(24,e/5*24));return n`<rect class=${e===0?`zero`:``} x=${t*10} y=${24-r} width=${8} height=${r}></rect>`})}
    </svg>`}};customElements.define(`asg-trend`,g);