import{C as e,D as t,T as n,a as r,i,k as a,n as o,o as s,r as c,t as l}from"./styles-CSPGLkim.js";/* empty css             */import"./asg-staff-gate-DEtUrp9Q.js";import{n as u,t as d}from"./badges-BIGMjGjL.js";import{t as f}from"./format-BVg1O0M-.js";function p(e){if(!e)return[];let t=Number(e.slice(0,4)),n=Number(e.slice(5))>=4?t:t-1;return Array.from({length:12},(e,t)=>{let r=(t+3)%12+1;return`${t<9?n:n+1}-${String(r).padStart(2,`0`)}`})}var m=class extends e{static properties={classes:{state:!0},classId:{state:!0},month:{state:!0},data:{state:!0},error:{state:!0},loading:{state:!0},history:{state:!0},calculator:{state:!0}};constructor(){super();let e=new URLSearchParams(location.search);this.classes=[],this.classId=Number(e.get(`class`))||null,this.month=/^\d{4}-\d{2}$/.test(e.get(`month`)??``)?e.get(`month`):``,this.data=null,this.error=``,this.loading=!1,this.history=null,this.calculator=!1}static styles=[o,l,a`
      :host { display: block; }
      .controls { display: flex; flex-wrap: wrap; align-items: center; gap: 0.6rem; margin: 0 0 0.8rem; }
      select, input { font: inherit; min-height: 44px; padding: 0 0.6em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); background: var(--asg-surface); }
      a.button { display: inline-flex; align-items: center; min-height: 44px; padding: 0 1em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); background: var(--asg-surface); color: var(--asg-ink); text-decoration: none; }
      .spacer { flex: 1; }
      h2 { font-size: 1.15rem; margin: 0 0 0.5rem; }
      .error { color: var(--asg-absent); }
      .hint { color: var(--asg-ink-soft); font-size: 0.85rem; margin: 0.6rem 0 0; }
      @media print { .controls, .hint { display: none; } h2 { font-size: 12pt; } }
    `];render(){return n`<asg-staff-gate heading="出席簿" @asg-staff-ready=${()=>this.start()}>
      <div class="controls">
        <select aria-label="学級" @change=${e=>this.go(Number(e.target.value),this.month)}>
          ${this.classes.map(e=>n`<option value=${e.id} ?selected=${e.id===this.classId}>${e.label}</option>`)}
        </select>
        <select aria-label="月" @change=${e=>this.go(this.classId,e.target.value)}>
          ${p(this.month).map(e=>n`<option value=${e} ?selected=${e===this.month}>${Number(e.slice(0,4))}年${Number(e.slice(5))}月</option>`)}
        </select>
        <span class="spacer"></span>
        <button @click=${()=>this.calculator=!this.calculator} aria-pressed=${this.calculator}>出席停止の計算</button>
        <button @click=${()=>window.print()} ?disabled=${!this.data}>印刷(A4横)</button>
        ${this.classId&&this.month?n`<a class="button" href=${this.csvUrl(`utf8`)} download>CSV</a>
              <a class="button" href=${this.csvUrl(`sjis`)} download>CSV(Shift_JIS)</a>`:t}
      </div>
      ${this.error?n`<p class="error" role="alert">${this.error}</p>`:t}
      ${this.calculator&&this.data?n`<asg-suspension-calculator .pupils=${this.data.pupils} @asg-applied=${()=>this.load()}></asg-suspension-calculator>`:t}
      ${this.loading&&!this.data?n`<p>読み込み中…</p>`:t}
      ${this.data?n`<h2>${this.data.schoolName} ${this.data.classLabel} 出席簿 ${Number(this.month.slice(0,4))}年${Number(this.month.slice(5))}月</h2>
            <asg-register-grid .data=${this.data} @asg-open-history=${e=>this.history=e.detail}></asg-register-grid>
            <p class="hint">欄を押すと記録の履歴と訂正。・印は訂正のある日、閉は学級・学年閉鎖、―は在籍期間外。記号のない授業日は出席です。</p>`:t}
      ${this.history&&this.data?n`<asg-mark-history .target=${this.history} .codes=${this.data.codes}
            @asg-close=${()=>this.history=null} @asg-corrected=${()=>this.load()}></asg-mark-history>`:t}
    </asg-staff-gate>`}csvUrl(e){return`/api/register/month.csv?classId=${this.classId}&month=${this.month}&encoding=${e}`}async start(){try{let e=await i(`GET`,`/api/register/classes`);this.classes=e.classes,this.classId&&e.classes.some(e=>e.id===this.classId)||(this.classId=e.classes[0]?.id??null),this.month||=e.today.slice(0,7),this.classId?await this.load():this.error=`表示できる学級がありません。`}catch(e){this.error=e instanceof c?e.message:`読み込めませんでした。`}}go(e,t){e&&/^\d{4}-\d{2}$/.test(t)&&(this.classId=e,this.month=t,history.replaceState(null,``,`?class=${e}&month=${t}`),this.load())}async load(){if(this.classId){this.loading=!0,this.error=``;try{this.data=await i(`GET`,`/api/register/month?classId=${this.classId}&month=${this.month}`)}catch(e){this.data=null,this.error=e instanceof c?e.message:`読み込めませんでした。`}finally{this.loading=!1}}}};customElements.define(`asg-register-app`,m);var h=[{key:`schoolDays`,label:`授業日数`},{key:`excusedDays`,label:`出席停止・忌引等の日数`},{key:`requiredDays`,label:`出席しなければならない日数`},{key:`absentDays`,label:`欠席日数`},{key:`attendedDays`,label:`出席日数`},{key:`late`,label:`遅刻`},{key:`earlyLeave`,label:`早退`}],g=[`日`,`月`,`火`,`水`,`木`,`金`,`土`],_=e=>g[new Date(`${e}T00:00:00Z`).getUTCDay()],v={schoolDays:`授業`,excusedDays:`停止等`,requiredDays:`要出席`,absentDays:`欠席`,attendedDays:`出席`,late:`遅刻`,earlyLeave:`早退`,unresolved:`未`},y=class extends e{static properties={data:{attribute:!1}};constructor(){super(),this.data=null}static styles=[o,a`
      :host { display: block; overflow-x: auto; }
      table { border-collapse: collapse; background: var(--asg-surface); font-size: 0.85rem; font-variant-numeric: tabular-nums; }
      th, td { border: 1px solid var(--asg-line); padding: 2px 4px; text-align: center; white-space: nowrap; }
      th { background: #eef0f5; font-weight: 600; }
      td.name, th.name { text-align: left; min-width: 6.5em; }
      td.day { padding: 0; min-width: 1.9em; }
      td.day button { all: unset; display: block; width: 100%; min-height: 1.9em; line-height: 1.9em; cursor: pointer; position: relative; }
      td.day button:focus-visible { outline: 2px solid #ffbf47; }
      .absent { background: var(--asg-absent-bg); color: var(--asg-absent); font-weight: 700; }
      .excused, .closed { background: var(--asg-excused-bg); color: var(--asg-excused); }
      .late { background: var(--asg-late-bg); color: var(--asg-late); }
      .provisional { background: var(--asg-not-arrived-bg); color: #fff; }
      .outside { background: #f0f0f0; color: #999; }
      .corrected::after { content: '・'; position: absolute; top: -0.55em; right: 0; color: var(--asg-accent); font-weight: 700; }
      .sum { background: #fafaf7; }
      .sum.first { border-left: 2px solid var(--asg-ink-soft); }
      .badge { display: inline-block; border-radius: 6px; padding: 0 0.4em; margin: 0 0.15em; font-size: 0.78rem; background: var(--asg-absent); color: #fff; }
      .badge.soft { background: var(--asg-absent-bg); color: var(--asg-absent); border: 1px solid var(--asg-absent); }
      .sat { color: #1f4fa8; }
      @media print {
        :host { overflow: visible; }
        table { font-size: 7pt; }
        th, td { padding: 1px 2px; }
        td.day { min-width: 1.5em; }
      }
    `];render(){let e=this.data;return e?n`<table>
      <thead>
        <tr>
          <th rowspan="2">番号</th><th rowspan="2" class="name">氏名</th>
          ${e.days.map(e=>n`<th class=${_(e)===`土`?`sat`:``}>${Number(e.slice(8))}</th>`)}
          <th colspan=${h.length} class="sum first">今月</th>
          <th colspan=${h.length} class="sum first">年度累計</th>
          <th rowspan="2">注意</th>
        </tr>
        <tr>
          ${e.days.map(e=>n`<th class=${_(e)===`土`?`sat`:``}>${_(e)}</th>`)}
          ${[0,1].map(()=>h.map((e,t)=>n`<th class="sum ${t===0?`first`:``}" title=${e.label}>${v[e.key]}</th>`))}
        </tr>
      </thead>
      <tbody>${e.pupils.map(t=>this.renderPupil(e,t))}</tbody>
    </table>`:t}renderPupil(e,r){let i=[u(r.streak,e.consecutiveAbsenceBadge),d(r.year.absentDays,e.cumulativeAbsenceBadges)].filter(e=>!!e);return n`<tr>
      <td>${r.attendanceNumber}</td>
      <td class="name">${r.name}</td>
      ${e.days.map(t=>this.renderCell(e,r,t))}
      ${h.map((e,t)=>n`<td class="sum ${t===0?`first`:``}">${r.month[e.key]}</td>`)}
      ${h.map((e,t)=>n`<td class="sum ${t===0?`first`:``}">${r.year[e.key]}</td>`)}
      <td>${i.map((t,i)=>n`<span class="badge ${i===0&&r.streak>=e.consecutiveAbsenceBadge?``:`soft`}">${t}</span>`)}${r.year.unresolved?n`<span class="badge soft">未登校未解決${r.year.unresolved}</span>`:t}</td>
    </tr>`}renderCell(e,t,r){if(r<t.enrolledOn||t.leftOn!==null&&r>t.leftOn)return n`<td class="day outside" title="在籍期間外">―</td>`;let i=t.cells[r],a=i?.codeId?e.codes.find(e=>e.id===i.codeId):void 0,o=i?.closed?`closed`:a?a.provisional?`provisional`:a.excused?`excused`:a.countsAbsent?`absent`:a.shortLabel===`出`?``:`late`:``,s=i?.closed?`閉`:a&&a.shortLabel!==`出`?a.shortLabel:``,c=`${r} ${i?.closed?`学級・学年閉鎖`:a?.label??`出席`}${i?.corrected?`(訂正あり)`:``}`;return n`<td class="day ${o}"><button class=${i?.corrected?`corrected`:``} title=${c} aria-label=${`${t.name} ${c}`}
      @click=${()=>this.dispatchEvent(new CustomEvent(`asg-open-history`,{detail:{pupilId:t.pupilId,name:t.name,date:r},bubbles:!0,composed:!0}))}>${s}</button></td>`}};customElements.define(`asg-register-grid`,y);var b={guardian:`保護者`,phone:`電話`,teacher:`担任`,office:`職員室`,system:`自動`},x=class extends e{static properties={target:{attribute:!1},codes:{attribute:!1},rows:{state:!0},error:{state:!0},busy:{state:!0}};constructor(){super(),this.target=null,this.codes=[],this.rows=null,this.error=``,this.busy=!1}static styles=[o,l,a`
      :host { position: fixed; inset: 0; background: rgb(0 0 0 / 0.35); display: grid; place-items: center; z-index: 20; }
      .box { background: var(--asg-surface); border-radius: var(--asg-radius); padding: 1rem 1.2rem; width: min(94vw, 40rem); max-height: 90vh; overflow: auto; }
      h3 { margin: 0 0 0.6rem; font-size: 1.1rem; }
      table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
      th, td { border-bottom: 1px solid var(--asg-line); padding: 0.35rem; text-align: left; vertical-align: top; }
      tr.current td { font-weight: 700; }
      form { display: grid; gap: 0.5rem; margin-top: 1rem; }
      select, input { font: inherit; min-height: 44px; padding: 0 0.6em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); }
      .row { display: flex; gap: 0.6rem; justify-content: flex-end; }
      .error { color: var(--asg-absent); }
      .empty { color: var(--asg-ink-soft); }
    `];connectedCallback(){super.connectedCallback(),this.load()}async load(){if(this.target)try{this.rows=(await i(`GET`,`/api/register/history?pupilId=${this.target.pupilId}&date=${this.target.date}`)).rows}catch(e){this.error=e instanceof c?e.message:`読み込めませんでした。`}}render(){let e=this.target;return e?n`<div class="box" role="dialog" aria-modal="true" aria-label="記録の履歴">
      <h3>${e.name} — ${f(e.date)}の記録</h3>
      ${this.rows===null?n`<p>読み込み中…</p>`:this.rows.length===0?n`<p class="empty">記録はありません(出席)。</p>`:n`<table>
        <thead><tr><th>記録</th><th>入力</th><th>日時</th><th>理由・メモ</th></tr></thead>
        <tbody>${this.rows.map((e,r)=>n`<tr class=${r===0?`current`:``}>
          <td>${e.codeLabel??`(取消)`}${e.suggestedLabel&&e.suggestedLabel!==e.codeLabel?n`<br /><small>提案: ${e.suggestedLabel}</small>`:t}</td>
          <td>${b[e.source]??e.source}${e.actor?n`<br />${e.actor}`:t}</td>
          <td>${new Date(e.recordedAt).toLocaleString(`ja-JP`,{timeZone:`Asia/Tokyo`,month:`numeric`,day:`numeric`,hour:`numeric`,minute:`2-digit`})}</td>
          <td>${e.note}</td></tr>`)}</tbody></table>`}
      <form @submit=${this.onSubmit}>
        <label>訂正後の記録 <select name="code">
          <option value="">記録なし(出席)</option>
          ${this.codes.map(e=>n`<option value=${e.id}>${e.label}</option>`)}
        </select></label>
        <label>訂正の理由(必須) <input name="note" maxlength="200" required /></label>
        ${this.error?n`<p class="error" role="alert">${this.error}</p>`:t}
        <div class="row">
          <button type="button" @click=${()=>this.dispatchEvent(new CustomEvent(`asg-close`,{bubbles:!0,composed:!0}))}>閉じる</button>
          <button class="primary" ?disabled=${this.busy}>訂正を記録</button>
        </div>
      </form>
    </div>`:t}async onSubmit(e){e.preventDefault();let t=e.target,n=new FormData(t),r=String(n.get(`code`)??``);this.busy=!0,this.error=``;try{await i(`POST`,`/api/register/marks`,{pupilId:this.target.pupilId,date:this.target.date,codeId:r?Number(r):null,note:String(n.get(`note`)??``)}),t.reset(),await this.load(),this.dispatchEvent(new CustomEvent(`asg-corrected`,{bubbles:!0,composed:!0}))}catch(e){this.error=e instanceof c?e.message:`保存できませんでした。`}finally{this.busy=!1}}};customElements.define(`asg-mark-history`,x);var S={feverBroke:`解熱した日`,symptomsEased:`症状が軽快した日`,doctorReturnOn:`医師が登校を認めた日`},C=class extends e{static properties={pupils:{attribute:!1},plan:{state:!0},error:{state:!0},done:{state:!0}};last=null;constructor(){super(),this.pupils=[],this.plan=null,this.error=``,this.done=``}static styles=[o,l,a`
      :host { display: block; background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 0.8rem 1rem; margin: 0 0 0.9rem; }
      h3 { margin: 0 0 0.5rem; font-size: 1rem; }
      form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
      label { display: grid; gap: 0.15rem; font-size: 0.85rem; }
      input, select { font: inherit; min-height: 40px; padding: 0 0.5em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); }
      .plan { margin-top: 0.7rem; padding: 0.6rem 0.8rem; background: var(--asg-excused-bg); border-radius: var(--asg-radius); }
      .error { color: var(--asg-absent); }
      .done { color: var(--asg-ok); }
      @media print { :host { display: none; } }
    `];render(){return n`<h3>出席停止の期間(学校保健安全法施行規則 第19条)</h3>
      <form @submit=${this.onPropose}>
        <label>児童<select name="pupil">${this.pupils.map(e=>n`<option value=${e.pupilId}>${e.attendanceNumber} ${e.name}</option>`)}</select></label>
        <label>病名<select name="disease">${s.options.map(e=>n`<option value=${e}>${r[e].label}</option>`)}</select></label>
        <label>発症日<input type="date" name="onset" required /></label>
        <label>解熱した日<input type="date" name="feverBroke" /></label>
        <label>症状が軽快した日<input type="date" name="symptomsEased" /></label>
        <label>医師の登校許可日<input type="date" name="doctorReturnOn" /></label>
        <button>期間を計算</button>
      </form>
      ${this.error?n`<p class="error" role="alert">${this.error}</p>`:t}
      ${this.done?n`<p class="done" role="status">${this.done}</p>`:t}
      ${this.plan?this.renderPlan(this.plan):t}`}renderPlan(e){return e.ok?n`<div class="plan">
      <div>${e.basis}</div>
      <p><strong>${f(e.from)}〜${f(e.lastDay)}</strong>(授業日 ${e.schoolDays.length}日)— 登校できるのは${f(e.returnOn)}から</p>
      <button class="primary" ?disabled=${e.schoolDays.length===0} @click=${this.onApply}>この期間を出席停止として記録</button>
    </div>`:n`<div class="plan">${e.basis}<br /><strong>${S[e.missing]}を入力してください。</strong></div>`}async onPropose(e){e.preventDefault();let t=new FormData(e.target),n=e=>t.get(e)?String(t.get(e)):null;this.last={pupilId:Number(t.get(`pupil`)),input:{disease:t.get(`disease`),onset:String(t.get(`onset`)),feverBroke:n(`feverBroke`),symptomsEased:n(`symptomsEased`),doctorReturnOn:n(`doctorReturnOn`)}},this.error=``,this.done=``;try{this.plan=(await i(`POST`,`/api/register/suspension/propose`,this.last)).plan}catch(e){this.plan=null,this.error=e instanceof c?e.message:`計算できませんでした。`}}async onApply(){if(this.last)try{let e=await i(`POST`,`/api/register/suspension/apply`,this.last);this.done=`出席停止を${e.plan.schoolDays.length}日分記録しました。`,this.plan=null,this.dispatchEvent(new CustomEvent(`asg-applied`,{bubbles:!0,composed:!0}))}catch(e){this.error=e instanceof c?e.message:`記録できませんでした。`}}};customElements.define(`asg-suspension-calculator`,C);