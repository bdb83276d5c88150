import{C as e,D as t,E as n,T as r,d as i,f as a,h as o,i as s,k as c,n as l,p as u,r as d,t as f}from"./styles-CSPGLkim.js";/* empty css             */import{a as p,n as m,r as h,t as g}from"./format-BVg1O0M-.js";import{n as _,t as v}from"./asg-connection-status-D5_Zhsb9.js";import{n as y,t as b}from"./session-CEBAGjZc.js";import"./asg-login-B74V-Pqd.js";import{a as ee,c as x,i as S,n as C,o as w,r as T,s as E,t as D}from"./directive-helpers-CvrzaQYl.js";import{r as O}from"./schoolTime-0SODJlN-.js";var k=new Set([`present`,`late`,`early_leave`]);function A(e,t){let n=new Map(e.map((e,t)=>[e.id,t])),r=[...t].sort((e,t)=>(n.get(e.classId)??0)-(n.get(t.classId)??0)||e.attendanceNumber-t.attendanceNumber);return{unexplained:r.filter(e=>e.status===`not_arrived`&&!e.report),unacknowledged:r.filter(e=>e.report&&!e.report.acknowledgedAt),discrepancies:r.flatMap(e=>e.report?.kind===`absent`&&k.has(e.status)?[{entry:e,why:e.source===`teacher`||e.source===`office`?`欠席の連絡あり・学校は出席と記録`:`欠席の連絡あり・登校済`}]:[]),classesWithoutRoll:e.filter(e=>!e.rollTaken&&e.pupilCount>0)}}function te(e){return!e||e.status===`present`&&!e.report?`not_arrived`:e.status===`not_arrived`&&!e.report?`present`:null}function j(e,t=Date.now()){let n=new Intl.DateTimeFormat(`en-GB`,{timeZone:e,hour:`2-digit`,minute:`2-digit`,hourCycle:`h23`}).formatToParts(new Date(t));return`${Number(n.find(e=>e.type===`hour`).value)}:${n.find(e=>e.type===`minute`).value}`}function M(e,t,n=Date.now()){let r=e=>{let[t,n]=e.split(`:`).map(Number);return t*60+n};return r(j(t,n))>=r(e)}var N=(e,t,n)=>{let r=new Map;for(let i=t;i<=n;i++)r.set(e[i],i);return r},P=x(class extends w{constructor(e){if(super(e),e.type!==E.CHILD)throw Error(`repeat() can only be used in text expressions`)}_getValuesAndKeys(e,t,n){let r;n===void 0?n=t:t!==void 0&&(r=t);let i=[],a=[],o=0;for(let t of e)i[o]=r?r(t,o):o,a[o]=n(t,o),o++;return{values:a,keys:i}}render(e,t,n){return this._getValuesAndKeys(e,t,n).values}update(e,[t,r,i]){let a=D(e),{values:o,keys:s}=this._getValuesAndKeys(t,r,i);if(!Array.isArray(a))return this._itemKeys=s,o;let c=this._itemKeys??=[],l=[],u,d,f=0,p=a.length-1,m=0,h=o.length-1;for(;f<=p&&m<=h;)if(a[f]===null)f++;else if(a[p]===null)p--;else if(c[f]===s[m])l[m]=S(a[f],o[m]),f++,m++;else if(c[p]===s[h])l[h]=S(a[p],o[h]),p--,h--;else if(c[f]===s[h])l[h]=S(a[f],o[h]),C(e,l[h+1],a[f]),f++,h--;else if(c[p]===s[m])l[m]=S(a[p],o[m]),C(e,a[f],a[p]),p--,m++;else if(u===void 0&&(u=N(s,m,h),d=N(c,f,p)),!u.has(c[f]))T(a[f]),f++;else if(!u.has(c[p]))T(a[p]),p--;else{let t=d.get(s[m]),n=t===void 0?null:a[t];if(n===null){let t=C(e,a[f]);S(t,o[m]),l[m]=t}else l[m]=S(n,o[m]),C(e,a[f],n),a[t]=null;m++}for(;m<=h;){let t=C(e,l[h+1]);S(t,o[m]),l[m++]=t}for(;f<=p;){let e=a[f++];e!==null&&T(e)}return this._itemKeys=s,ee(e,l),n}}),F=[`absent`,`late`,`early_leave`,`not_arrived`,`excused`],I={absent:`欠席`,late:`遅刻`,early_leave:`早退`,not_arrived:`未登校`,excused:`停止・忌引`,present:`出席`},L=1e4;function R(e){let t={absent:0,late:0,early_leave:0,not_arrived:0,excused:0};for(let n of e)n.status!==`present`&&t[n.status]++;return t}function z(e){return e.filter(e=>e.report&&!e.report.acknowledgedAt).length}var B=(e,t)=>e.attendanceNumber-t.attendanceNumber,V=c`
  .st-absent { color: var(--asg-absent); background: var(--asg-absent-bg); }
  .st-late { color: var(--asg-late); background: var(--asg-late-bg); }
  .st-early_leave { color: var(--asg-early); background: var(--asg-early-bg); }
  .st-not_arrived { color: var(--asg-not-arrived); background: var(--asg-not-arrived-bg); }
  .st-excused { color: var(--asg-excused); background: var(--asg-excused-bg); }
  .st-present { color: var(--asg-ink-soft); background: #eeece6; }
`,H={guardian:`保護者連絡`,phone:`電話連絡`,teacher:`担任入力`,office:`職員室入力`,system:`自動`},U=class extends e{static properties={classInfo:{attribute:!1},entries:{attribute:!1},changedAt:{attribute:!1},pending:{attribute:!1},timeZone:{type:String},date:{type:String},editable:{type:Boolean},offline:{type:Boolean},thresholds:{attribute:!1}};highlightTimer;constructor(){super(),this.classInfo=null,this.entries=[],this.changedAt=new Map,this.pending=new Set,this.timeZone=`Asia/Tokyo`,this.date=``,this.editable=!1,this.offline=!1,this.thresholds={consecutiveAbsenceBadge:3,cumulativeAbsenceBadges:[10,20,30]}}static styles=[l,f,V,c`
      :host { display: block; }
      header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.2rem 0.8rem; margin: 0 0 0.6rem; }
      h2 { font-size: 1.35rem; margin: 0; }
      .meta { color: var(--asg-ink-soft); font-size: 0.9rem; }
      .readonly { font-size: 0.8rem; color: var(--asg-ink-soft); border: 1px solid var(--asg-line); border-radius: 999px; padding: 0.05em 0.6em; }
      .todo { font-size: 0.85rem; font-weight: 700; color: var(--asg-accent); }

      .counts { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 6px; margin: 0 0 0.9rem; padding: 0; list-style: none; }
      .counts li { border-radius: var(--asg-radius); padding: 0.35rem 0.2rem; text-align: center; line-height: 1.2; }
      .counts li.zero { color: var(--asg-ink-soft); background: var(--asg-surface); border: 1px solid var(--asg-line); }
      .counts .n { display: block; font-size: 1.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
      .counts .l { display: block; font-size: 0.72rem; font-weight: 600; }

      ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
      @media (min-width: 960px) { ol { grid-template-columns: repeat(2, minmax(0, 1fr)); align-items: start; } }
      li.entry {
        background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius);
        padding: 0.7rem 0.8rem; display: flex; align-items: flex-start; gap: 0.6rem;
        transition: background-color 1.5s ease-out, box-shadow 1.5s ease-out;
      }
      li.entry.open { box-shadow: inset 4px 0 0 var(--asg-accent); }
      li.entry.changed { background: #fff6d1; box-shadow: inset 4px 0 0 #e0a800; transition: none; }
      .body { flex: 1; min-width: 0; display: grid; gap: 0.15rem; }
      .no { flex: none; width: 2.2rem; height: 2.2rem; border-radius: 50%; background: var(--asg-bg); border: 1px solid var(--asg-line);
        display: flex; align-items: center; justify-content: center; font-weight: 700; font-variant-numeric: tabular-nums; }
      .who { display: flex; flex-wrap: wrap; align-items: center; gap: 0.1rem 0.6rem; min-width: 0; }
      .name { font-size: 1.1rem; font-weight: 700; }
      .kana { font-size: 0.75rem; color: var(--asg-ink-soft); }
      .status { margin-left: auto; font-weight: 700; border-radius: 6px; padding: 0.15em 0.6em; white-space: nowrap; }
      .line { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.5rem; font-size: 0.92rem; }
      .time { font-weight: 700; font-variant-numeric: tabular-nums; }
      .badge { font-size: 0.78rem; font-weight: 700; border-radius: 999px; padding: 0.05em 0.6em; border: 1px solid currentColor; }
      .badge.streak { color: var(--asg-absent); }
      .badge.total { color: var(--asg-late); }
      blockquote { margin: 0.35rem 0 0.1rem; padding: 0.45rem 0.65rem; background: var(--asg-bg); border-radius: 8px; font-size: 0.95rem; white-space: pre-wrap; overflow-wrap: anywhere; }
      .health { font-size: 0.88rem; color: var(--asg-ink); }
      .health .fever { color: var(--asg-absent); font-weight: 700; }
      .foot { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.4rem 0.8rem; margin-top: 0.35rem; }
      .submitted { font-size: 0.8rem; color: var(--asg-ink-soft); }
      .acked { display: inline-flex; align-items: center; gap: 0.4em; color: var(--asg-ok); font-weight: 700; font-size: 0.9rem; }
      .acked .by { font-weight: 400; color: var(--asg-ink-soft); font-size: 0.82rem; }
      .unacked { font-size: 0.85rem; color: var(--asg-accent); font-weight: 700; }
      button.ack { min-width: 7.5rem; min-height: 44px; margin-left: auto; }
      .spinner { display: inline-block; width: 0.9em; height: 0.9em; border: 2px solid rgb(255 255 255 / 0.5); border-top-color: #fff;
        border-radius: 50%; animation: spin 0.8s linear infinite; vertical-align: -0.1em; margin-right: 0.4em; }
      @keyframes spin { to { transform: rotate(360deg); } }
      .empty { background: var(--asg-surface); border: 1px dashed var(--asg-line); border-radius: var(--asg-radius); padding: 1.5rem 1rem; text-align: center; color: var(--asg-ink-soft); }
      @media (prefers-reduced-motion: reduce) {
        li.entry { transition: none; }
        .spinner { animation: none; }
      }
    `];render(){let e=this.classInfo,n=[...this.entries].sort(B),i=R(n),a=z(n),o=Date.now();return r`
      <header>
        <h2>${e?.label??`クラス`}</h2>
        ${e?r`<span class="meta">${e.homeroomTeacher?`担任 ${e.homeroomTeacher}`:`担任 未設定`} ・ 在籍 ${e.pupilCount}名</span>`:t}
        ${this.editable?a>0?r`<span class="todo">未確認 ${a}件</span>`:t:r`<span class="readonly">閲覧のみ</span>`}
      </header>
      <ul class="counts" aria-label="人数">
        ${F.map(e=>r`<li class=${i[e]?`st-${e}`:`zero`}><span class="n">${i[e]}</span><span class="l">${u[e]}</span></li>`)}
      </ul>
      ${n.length===0?r`<p class="empty">連絡はありません</p>`:r`<ol aria-label="連絡・出欠">
            ${P(n,e=>e.pupilId,e=>this.renderEntry(e,o))}
          </ol>`}
    `}renderEntry(e,n){let i=e.report,a=[`entry`,n-(this.changedAt.get(e.pupilId)??0)<1e4?`changed`:``,i&&!i.acknowledgedAt?`open`:``].filter(Boolean).join(` `),o=i?.reasonLabel??(e.codeLabel&&e.codeLabel!==u[e.status]?e.codeLabel:null);return r`<li class=${a} data-pupil=${e.pupilId}>
      <span class="no" title="出席番号">${e.attendanceNumber}</span>
      <div class="body">
      <div class="who">
        <span class="name">${e.name}</span>
        <span class="kana">${e.kana}</span>
        <span class="status st-${e.status}">${u[e.status]}</span>
      </div>
      <div class="line">
        ${o?r`<span class="reason">${o}</span>`:t} ${this.renderTime(e)}
        ${_(e,this.thresholds).map(e=>r`<span class="badge ${e.kind===`streak`?`streak`:`total`}">${e.text}</span>`)}
      </div>
      ${i?.message?r`<blockquote>${i.message}</blockquote>`:t}
      ${i&&(i.symptoms&&i.symptoms.length>0||i.temperature!==null)?r`<div class="health">
            ${i.symptoms&&i.symptoms.length>0?r`症状: ${i.symptoms.join(`・`)}`:t}
            ${i.temperature===null?t:r`<span class=${i.temperature>=37.5?`fever`:``}>${i.symptoms?.length?` ・ `:``}体温 ${i.temperature.toFixed(1)}℃</span>`}
          </div>`:t}
      <div class="foot">
        <span class="submitted">${[i?`${this.instant(i.submittedAt)} 受付`:null,e.source?H[e.source]:null].filter(Boolean).join(` ・ `)}</span>
        ${i?this.renderAck(i):t}
      </div>
      </div>
    </li>`}renderTime(e){if(!e.time)return t;let n=e.status===`late`||e.status===`early_leave`?e.status:e.report?.kind;return n===`late`?r`<span class="time">${p(e.time)}予定</span>`:n===`early_leave`?r`<span class="time">${p(e.time)}お迎え</span>`:t}renderAck(e){if(e.acknowledgedAt)return r`<span class="acked"
        >✓ 確認済<span class="by">${e.acknowledgedBy?`${e.acknowledgedBy} `:``}${this.instant(e.acknowledgedAt)}</span></span
      >`;if(!this.editable)return r`<span class="unacked">未確認</span>`;let t=this.pending.has(e.id);return r`<button class="primary ack" ?disabled=${t||this.offline} title=${this.offline?`接続が戻ると確認できます`:``} aria-busy=${t?`true`:`false`} @click=${()=>this.acknowledge(e.id)}>
      ${t?r`<span class="spinner" aria-hidden="true"></span>確認中…`:`確認`}
    </button>`}instant(e){let t=Date.parse(e);return this.date&&O(t,this.timeZone)!==this.date?m(e,this.timeZone):h(e,this.timeZone)}acknowledge(e){this.dispatchEvent(new CustomEvent(`asg-acknowledge`,{detail:{reportId:e},bubbles:!0,composed:!0}))}updated(){clearTimeout(this.highlightTimer);let e=Date.now(),t=1/0;for(let n of this.entries){let r=this.changedAt.get(n.pupilId);r!==void 0&&e-r<1e4&&(t=Math.min(t,r+L-e))}t!==1/0&&(this.highlightTimer=setTimeout(()=>this.requestUpdate(),t+50))}disconnectedCallback(){super.disconnectedCallback(),clearTimeout(this.highlightTimer)}};customElements.define(`asg-class-day`,U);var W={guardian:`保護者`,phone:`電話`,teacher:`担任`,office:`職員室`,system:`自動`},G=class extends e{static properties={pupil:{attribute:!1},entry:{attribute:!1},reasons:{attribute:!1},run:{attribute:!1},timeZone:{type:String},editable:{type:Boolean},history:{state:!0},error:{state:!0},done:{state:!0},busy:{state:!0}};constructor(){super(),this.pupil=null,this.entry=null,this.reasons=[],this.run=null,this.timeZone=`Asia/Tokyo`,this.editable=!1,this.history=null,this.error=``,this.done=``,this.busy=!1}static styles=[l,f,V,c`
      :host { position: fixed; inset: 0; z-index: 20; background: rgb(0 0 0 / 0.35); display: flex; align-items: flex-end; justify-content: center; }
      .sheet { background: var(--asg-bg); width: min(100%, 40rem); max-height: 92vh; overflow: auto; border-radius: 16px 16px 0 0; padding: 1rem 1rem 2rem; box-sizing: border-box; }
      .top { display: flex; align-items: center; gap: 0.6rem; }
      h2 { margin: 0; font-size: 1.25rem; }
      .top button { margin-left: auto; }
      .status { font-weight: 700; border-radius: 6px; padding: 0.1em 0.6em; }
      section { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 0.7rem; margin-top: 0.7rem; display: grid; gap: 0.5rem; }
      h3 { margin: 0; font-size: 1rem; }
      .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
      input, select, textarea { font: inherit; min-height: 44px; border: 1px solid var(--asg-line); border-radius: 8px; padding: 0 0.6rem; background: #fff; box-sizing: border-box; }
      input[type='time'] { width: 9.5rem; }
      textarea { width: 100%; min-height: 4.5rem; padding: 0.5rem; }
      .error { color: var(--asg-absent); font-weight: 700; margin: 0.5rem 0 0; }
      .done { color: var(--asg-ok); font-weight: 700; margin: 0.5rem 0 0; }
      ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.4rem; }
      ol li { border-left: 3px solid var(--asg-line); padding: 0.1rem 0 0.1rem 0.6rem; font-size: 0.92rem; }
      ol li.note { border-left-color: var(--asg-accent); }
      ol li.report { border-left-color: var(--asg-late); }
      .when { color: var(--asg-ink-soft); font-size: 0.8rem; }
    `];connectedCallback(){super.connectedCallback(),this.loadHistory()}render(){let e=this.pupil;if(!e)return t;let n=this.entry;return r`<div class="sheet" role="dialog" aria-modal="true" aria-label=${e.name}>
      <div class="top">
        <h2>${e.attendanceNumber}. ${e.name}</h2>
        ${n?r`<span class="status st-${n.status}">${u[n.status]}${n.time?` ${p(n.time)}`:``}</span>`:r`<span class="status st-present">出席</span>`}
        <button @click=${this.close}>閉じる</button>
      </div>
      ${this.error?r`<p class="error" role="alert">${this.error}</p>`:t}
      ${this.done?r`<p class="done" role="status">${this.done}</p>`:t}
      ${this.editable?this.renderActions():t}
      <section aria-label="履歴">
        <h3>今年度の履歴</h3>
        ${this.history?this.renderHistory(this.history.items):r`<span class="when">読み込み中…</span>`}
      </section>
    </div>`}renderActions(){let e=j(this.timeZone);return r`
      <section aria-label="遅刻・早退">
        <h3>遅刻・早退</h3>
        <div class="row">
          <input type="time" name="late" .value=${e.padStart(5,`0`)} aria-label="到着時刻" />
          <button ?disabled=${this.busy} @click=${()=>this.mark(`late`,`late`)}>遅刻(到着)</button>
        </div>
        <div class="row">
          <input type="time" name="early" .value=${e.padStart(5,`0`)} aria-label="下校時刻" />
          <button ?disabled=${this.busy} @click=${()=>this.mark(`early_leave`,`early`)}>早退</button>
          <button ?disabled=${this.busy} @click=${()=>this.mark(`present`)}>出席に戻す</button>
        </div>
      </section>
      <section aria-label="電話連絡">
        <h3>電話で受けた連絡</h3>
        <div class="row">
          <select name="kind" aria-label="種類">${[`absent`,`late`,`early_leave`].map(e=>r`<option value=${e}>${o[e]}</option>`)}</select>
          <select name="reason" aria-label="理由">${this.reasons.map(e=>r`<option value=${e.id}>${e.label}</option>`)}</select>
          <input type="time" name="phoneTime" aria-label="時刻(遅刻・早退)" />
        </div>
        <textarea name="phoneMessage" placeholder="誰から・内容(例: 母より。病院に寄ってから登校)"></textarea>
        <div class="row"><button class="primary" ?disabled=${this.busy} @click=${this.phone}>電話連絡を記録</button></div>
      </section>
      <section aria-label="メモ">
        <h3>職員メモ(保護者には見えません)</h3>
        <textarea name="note" placeholder="例: 足の怪我は大丈夫か声をかける"></textarea>
        <div class="row"><button ?disabled=${this.busy} @click=${this.note}>メモを保存</button></div>
      </section>`}renderHistory(e){return e.length===0?r`<span class="when">記録はありません</span>`:r`<ol>
      ${e.map(e=>{let n=r`<span class="when">${m(e.at,this.timeZone)}</span>`;if(e.type===`note`)return r`<li class="note">${n} メモ(${e.by}): ${e.body}</li>`;if(e.type===`report`){let i=e.fromDate===e.toDate?g(e.fromDate):`${g(e.fromDate)}〜${g(e.toDate)}`;return r`<li class="report">${n} 保護者連絡: ${i} ${o[e.kind]}(${e.reasonLabel})${e.time?` ${p(e.time)}`:``}${e.withdrawn?` 取消済`:``}${e.message?r`<br />「${e.message}」`:t}</li>`}return r`<li>${n} ${g(e.date)} ${e.codeLabel??`出席に戻す`}${e.time?` ${p(e.time)}`:``}(${W[e.source]}${e.by?` ${e.by}`:``})${e.note?` ${e.note}`:``}</li>`})}
    </ol>`}value(e){return this.renderRoot.querySelector(`[name="${e}"]`)?.value??``}async act(e,t){this.busy=!0,this.error=``,this.done=``;let n=await e();return this.busy=!1,n.ok?(this.done=t,this.loadHistory()):this.error=n.error?.message??`できませんでした`,n.ok}async mark(e,t){let n=this.pupil;if(!n||!this.run)return;let r=t&&this.value(t).replace(/^0(\d)/,`$1`)||null;await this.act(()=>this.run(`pupil:mark`,{pupilId:n.pupilId,mark:e,time:r}),e===`present`?`出席に戻しました`:`記録しました`)}async phone(){let e=this.pupil;if(!e||!this.run)return;let t=this.value(`kind`),n=this.value(`phoneTime`).replace(/^0(\d)/,`$1`)||null;await this.act(()=>this.run(`report:phone`,{pupilId:e.pupilId,kind:t,reasonId:Number(this.value(`reason`)),time:n,message:this.value(`phoneMessage`)}),`電話連絡を記録しました`)}async note(){let e=this.pupil;e&&this.run&&await this.act(()=>this.run(`pupil:note`,{pupilId:e.pupilId,body:this.value(`note`)}),`メモを保存しました`)&&(this.renderRoot.querySelector(`[name="note"]`).value=``)}async loadHistory(){let e=this.pupil;if(!e||!this.run)return;let t=await this.run(`pupil:history`,{pupilId:e.pupilId});t.ok?this.history=t.history:this.error=t.error.message}close(){this.dispatchEvent(new CustomEvent(`asg-close`,{bubbles:!0,composed:!0}))}};customElements.define(`asg-pupil-sheet`,G);var K=class extends e{static properties={classInfo:{attribute:!1},roster:{attribute:!1},entries:{attribute:!1},pending:{attribute:!1},timeZone:{type:String},editable:{type:Boolean},offline:{type:Boolean},overdue:{type:Boolean}};constructor(){super(),this.classInfo=null,this.roster=[],this.entries=[],this.pending=new Set,this.timeZone=`Asia/Tokyo`,this.editable=!1,this.offline=!1,this.overdue=!1}static styles=[l,f,V,c`
      :host { display: block; margin: 0 0 1.2rem; }
      .head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.3rem 0.8rem; margin: 0 0 0.5rem; }
      h3 { margin: 0; font-size: 1.1rem; }
      .hint { font-size: 0.85rem; color: var(--asg-ink-soft); }
      .taken { color: var(--asg-ok); font-weight: 700; font-size: 0.95rem; }
      .reminder { background: var(--asg-not-arrived-bg); color: var(--asg-not-arrived); border-radius: var(--asg-radius); padding: 0.6rem 0.8rem; margin: 0 0 0.6rem; font-weight: 700; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: 6px; }
      li { display: flex; align-items: stretch; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); background: var(--asg-surface); overflow: hidden; }
      li.marked { border-color: currentColor; }
      button.tap { flex: 1; min-width: 0; border: 0; border-radius: 0; background: transparent; text-align: left; display: grid; grid-template-columns: 1.8rem 1fr; align-items: center;
        gap: 0 0.3rem; padding: 0.45rem 0.4rem 0.45rem 0.55rem; min-height: 56px; color: inherit; }
      .no { font-weight: 700; font-variant-numeric: tabular-nums; color: var(--asg-ink-soft); }
      li.marked .no { color: inherit; }
      .name { font-weight: 700; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
      .st { grid-column: 2; font-size: 0.78rem; font-weight: 700; }
      li.marked button.tap { background: inherit; }
      button.more { border: 0; border-left: 1px solid var(--asg-line); border-radius: 0; min-width: 44px; padding: 0; font-weight: 700; background: var(--asg-bg); color: var(--asg-ink); }
      .confirm { position: sticky; bottom: 8px; margin-top: 0.8rem; display: flex; }
      .confirm button { flex: 1; min-height: 56px; font-size: 1.1rem; box-shadow: 0 4px 14px rgb(0 0 0 / 0.18); }
    `];render(){let e=this.classInfo;if(!e)return t;let n=new Map(this.entries.map(e=>[e.pupilId,e])),i=this.roster.filter(e=>n.get(e.pupilId)?.status===`not_arrived`).length;return r`
      <div class="head">
        <h3>点呼</h3>
        ${e.rollTaken?r`<span class="taken">✓ 点呼済 ${h(e.rollTaken.at,this.timeZone)} ${e.rollTaken.by}</span>`:this.editable?r`<span class="hint">いない子をタップ → 未登校。もう一度タップで戻せます。</span>`:r`<span class="hint">点呼はまだです</span>`}
      </div>
      ${this.overdue&&!e.rollTaken?r`<p class="reminder" role="status">点呼の時刻を過ぎました。点呼を確定してください。</p>`:t}
      <ul aria-label="点呼">
        ${P(this.roster,e=>e.pupilId,e=>this.renderPupil(e,n.get(e.pupilId)))}
      </ul>
      ${this.editable&&!e.rollTaken?r`<div class="confirm">
            <button class="primary" ?disabled=${this.offline} @click=${()=>this.fire(`asg-confirm-roll`,{classId:e.id})}>
              点呼を確定(未登校 ${i}名)
            </button>
          </div>`:t}
    `}renderPupil(e,t){let n=t?.status??`present`,i=n!==`present`,a=i?`${u[n]}${t?.time?` ${p(t.time)}`:``}`:`出席`,o=this.pending.has(e.pupilId);return r`<li class=${i?`marked st-${n}`:``} data-pupil=${e.pupilId}>
      <button class="tap" ?disabled=${!this.editable||this.offline||o} aria-label="${e.attendanceNumber}番 ${e.name} ${a}" @click=${()=>this.tap(e,t)}>
        <span class="no">${e.attendanceNumber}</span><span class="name">${e.name}</span><span class="st">${o?`送信中…`:a}</span>
      </button>
      <button class="more" aria-label="${e.name}の詳細" @click=${()=>this.fire(`asg-open-pupil`,{pupilId:e.pupilId})}>…</button>
    </li>`}tap(e,t){let n=te(t);n?this.fire(`asg-mark`,{pupilId:e.pupilId,mark:n}):this.fire(`asg-open-pupil`,{pupilId:e.pupilId})}fire(e,t){this.dispatchEvent(new CustomEvent(e,{detail:t,bubbles:!0,composed:!0}))}};customElements.define(`asg-roll-call`,K);var q=class extends e{static properties={classInfo:{attribute:!1},entries:{attribute:!1},run:{attribute:!1},timeZone:{type:String},rollCallTime:{type:String},editable:{type:Boolean},offline:{type:Boolean},roster:{state:!0},reasons:{state:!0},pending:{state:!0},openPupil:{state:!0}};loadedFor=null;minuteTimer;constructor(){super(),this.classInfo=null,this.entries=[],this.run=null,this.timeZone=`Asia/Tokyo`,this.rollCallTime=`8:30`,this.editable=!1,this.offline=!1,this.roster=[],this.reasons=[],this.pending=new Set,this.openPupil=null}createRenderRoot(){return this}connectedCallback(){super.connectedCallback(),this.minuteTimer=setInterval(()=>this.requestUpdate(),3e4)}disconnectedCallback(){super.disconnectedCallback(),clearInterval(this.minuteTimer)}willUpdate(){let e=this.classInfo?.id??null;e!==null&&this.run&&!this.offline&&this.loadedFor!==e&&(this.loadedFor=e,this.roster=[],this.load(e))}render(){let e=this.classInfo;if(!e)return t;let n=this.openPupil===null?null:this.roster.find(e=>e.pupilId===this.openPupil)??null;return r`<asg-roll-call
        .classInfo=${e}
        .roster=${this.roster}
        .entries=${this.entries}
        .pending=${this.pending}
        .timeZone=${this.timeZone}
        .editable=${this.editable}
        .offline=${this.offline}
        .overdue=${this.editable&&M(this.rollCallTime,this.timeZone)}
        @asg-mark=${this.onMark}
        @asg-confirm-roll=${this.onConfirm}
        @asg-open-pupil=${e=>this.openPupil=e.detail.pupilId}
      ></asg-roll-call>
      ${n?r`<asg-pupil-sheet
            .pupil=${n}
            .entry=${this.entries.find(e=>e.pupilId===n.pupilId)??null}
            .reasons=${this.reasons}
            .run=${this.run}
            .timeZone=${this.timeZone}
            .editable=${this.editable}
            @asg-close=${()=>this.openPupil=null}
          ></asg-pupil-sheet>`:t}`}async load(e){let t=await this.run(`class:roster`,{classId:e});this.classInfo?.id===e&&(t.ok?(this.roster=t.pupils,this.reasons=t.reasons):(this.loadedFor=null,this.toast(t.error.message)))}async onMark(e){let{pupilId:t,mark:n}=e.detail;if(this.pending.has(t)||!this.run)return;this.pending=new Set([...this.pending,t]);let r=await this.run(`pupil:mark`,{pupilId:t,mark:n}),i=new Set(this.pending);i.delete(t),this.pending=i,r.ok||this.toast(r.error.message)}async onConfirm(e){if(!this.run)return;let t=await this.run(`roll:confirm`,{classId:e.detail.classId});t.ok||this.toast(t.error.message)}toast(e){this.dispatchEvent(new CustomEvent(`asg-toast`,{detail:{message:e},bubbles:!0,composed:!0}))}};customElements.define(`asg-class-roll`,q);var J=class extends e{static properties={classes:{attribute:!1},entries:{attribute:!1},rollCallOverdue:{type:Boolean}};constructor(){super(),this.classes=[],this.entries=[],this.rollCallOverdue=!1}static styles=[l,f,V,c`
      :host { display: block; margin: 0 0 1.2rem; }
      h2 { font-size: 1.15rem; margin: 0 0 0.5rem; }
      .grid { display: grid; gap: 8px; }
      @media (min-width: 900px) { .grid { grid-template-columns: repeat(2, minmax(0, 1fr)); align-items: start; } }
      ul.classes { display: flex; flex-wrap: wrap; gap: 4px; }
      ul.classes li button { width: auto; border: 1px solid var(--asg-line); }
      section { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 0.6rem 0.8rem; }
      section.alert { border-color: var(--asg-not-arrived-bg); box-shadow: inset 4px 0 0 var(--asg-not-arrived-bg); }
      h3 { margin: 0 0 0.4rem; font-size: 1rem; display: flex; align-items: baseline; gap: 0.5rem; }
      .n { font-size: 1.4rem; font-variant-numeric: tabular-nums; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; }
      li button { width: 100%; min-height: 40px; text-align: left; border: 0; border-radius: 6px; background: transparent; padding: 0.25rem 0.3rem;
        display: flex; flex-wrap: wrap; gap: 0.1rem 0.6rem; align-items: baseline; }
      li button:hover { background: var(--asg-bg); }
      .cls { color: var(--asg-ink-soft); font-size: 0.85rem; min-width: 4.5em; }
      .name { font-weight: 700; }
      .chip { font-size: 0.8rem; font-weight: 700; border-radius: 6px; padding: 0 0.5em; }
      .why { font-size: 0.85rem; color: var(--asg-absent); }
      .none { color: var(--asg-ink-soft); font-size: 0.9rem; }
    `];render(){let e=A(this.classes,this.entries),n=new Map(this.classes.map(e=>[e.id,e.label])),i=(e,i=t)=>r`<li><button @click=${()=>this.open(e.classId)}><span class="cls">${n.get(e.classId)??``}</span><span class="name">${e.attendanceNumber}. ${e.name}</span>${i}</button></li>`;return r`<h2>職員室 朝の確認</h2>
      <div class="grid">
        <section class=${e.unexplained.length?`alert`:``} aria-label="連絡のない未登校">
          <h3>連絡のない未登校 <span class="n">${e.unexplained.length}</span>名</h3>
          ${e.unexplained.length?r`<ul>${e.unexplained.map(e=>i(e,r`<span class="chip st-not_arrived">未登校</span>`))}</ul>`:r`<p class="none">ありません</p>`}
        </section>
        <section class=${this.rollCallOverdue&&e.classesWithoutRoll.length?`alert`:``} aria-label="点呼が済んでいないクラス">
          <h3>点呼が済んでいないクラス <span class="n">${e.classesWithoutRoll.length}</span></h3>
          ${e.classesWithoutRoll.length?r`<ul class="classes">${e.classesWithoutRoll.map(e=>r`<li><button @click=${()=>this.open(e.id)}><span class="name">${e.label}</span><span class="cls">${e.homeroomTeacher??`担任未設定`}</span></button></li>`)}</ul>`:r`<p class="none">全クラス点呼済</p>`}
        </section>
        <section aria-label="未確認の連絡">
          <h3>未確認の連絡 <span class="n">${e.unacknowledged.length}</span>件</h3>
          ${e.unacknowledged.length?r`<ul>${e.unacknowledged.map(e=>i(e,r`<span class="chip st-${e.report.kind}">${o[e.report.kind]}</span>${e.time?r`<span>${p(e.time)}</span>`:t}`))}</ul>`:r`<p class="none">ありません</p>`}
        </section>
        <section class=${e.discrepancies.length?`alert`:``} aria-label="食い違い">
          <h3>食い違い <span class="n">${e.discrepancies.length}</span>件</h3>
          ${e.discrepancies.length?r`<ul>${e.discrepancies.map(e=>i(e.entry,r`<span class="chip st-${e.entry.status}">${u[e.entry.status]}</span><span class="why">${e.why}</span>`))}</ul>`:r`<p class="none">ありません</p>`}
        </section>
      </div>`}open(e){this.dispatchEvent(new CustomEvent(`asg-select-class`,{detail:{classId:e},bubbles:!0,composed:!0}))}};customElements.define(`asg-office-lists`,J);var Y={pending:`未送達(再送待ち)`,sending:`送信中`,sent:`送信済`,captured:`保存済(デモ)`,failed:`送信できず`},X=class extends e{static properties={unexplained:{attribute:!1},seq:{type:Number},timeZone:{type:String},list:{state:!0},unselected:{state:!0},message:{state:!0},busy:{state:!0}};timer;refresh;constructor(){super(),this.unexplained=[],this.seq=0,this.timeZone=`Asia/Tokyo`,this.list=null,this.unselected=new Set,this.message=``,this.busy=!1}static styles=[l,f,c`
      :host { display: block; margin: 0 0 1.2rem; }
      section { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 0.7rem 0.9rem; margin: 0 0 8px; }
      h3 { margin: 0 0 0.5rem; font-size: 1rem; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
      .pick { display: flex; flex-wrap: wrap; gap: 6px 14px; margin: 0 0 0.6rem; }
      .pick label { display: inline-flex; align-items: center; gap: 0.3rem; min-height: 40px; }
      .pick input { width: 22px; height: 22px; }
      .row { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.2rem 0.7rem; padding: 0.35rem 0; border-bottom: 1px solid var(--asg-line); }
      .row:last-child { border-bottom: 0; }
      .name { font-weight: 700; }
      .cls, .muted { color: var(--asg-ink-soft); font-size: 0.85rem; }
      .answer { font-weight: 700; color: var(--asg-ok); }
      .waiting { font-weight: 700; color: var(--asg-late); }
      .bad { font-weight: 700; color: var(--asg-absent); }
      .call { display: grid; gap: 0.4rem; padding: 0.5rem 0; border-bottom: 1px solid var(--asg-line); }
      .call a { font-weight: 700; font-size: 1.1rem; color: var(--asg-accent); }
      .call .buttons { display: flex; flex-wrap: wrap; gap: 6px; }
      .call input { font: inherit; min-height: 44px; border: 1px solid var(--asg-line); border-radius: 8px; padding: 0 0.6rem; flex: 1; min-width: 10rem; }
      .msg { font-weight: 700; }
    `];connectedCallback(){super.connectedCallback(),this.load(),this.timer=setInterval(()=>void this.load(),6e4)}disconnectedCallback(){super.disconnectedCallback(),clearInterval(this.timer),clearTimeout(this.refresh)}willUpdate(e){e.has(`seq`)&&e.get(`seq`)!==void 0&&(clearTimeout(this.refresh),this.refresh=setTimeout(()=>void this.load(),300))}render(){let e=this.list?.notices??[],n=new Set(e.map(e=>e.pupilId)),i=this.unexplained.filter(e=>!n.has(e.pupilId)),a=i.filter(e=>!this.unselected.has(e.pupilId)),o=e.filter(e=>e.toCall);return r`
      <section aria-label="お知らせの送信">
        <h3>「登校していません」のお知らせ</h3>
        ${i.length===0?r`<p class="muted">送信できる児童はいません(連絡のない未登校のみが対象です)。</p>`:r`<div class="pick">
                ${i.map(e=>r`<label><input type="checkbox" .checked=${!this.unselected.has(e.pupilId)} @change=${()=>this.toggle(e.pupilId)} />${e.name}</label>`)}
              </div>
              <button class="primary" ?disabled=${this.busy||a.length===0} @click=${()=>this.send(a.map(e=>e.pupilId))}>
                ${a.length}名の保護者に送信
              </button>`}
        ${this.message?r`<p class="msg" role="status">${this.message}</p>`:t}
      </section>
      ${o.length>0?r`<section aria-label="電話リスト">
            <h3>電話リスト ${o.length}名 <span class="muted">送信から${this.list.callListAfterMinutes}分 回答なし・「登校しているはず」</span></h3>
            ${o.map(e=>this.renderCall(e))}
          </section>`:t}
      ${e.length>0?r`<section aria-label="送信済みのお知らせ">
            <h3>送信済み ${e.length}件</h3>
            <ul>${e.map(e=>this.renderNotice(e))}</ul>
          </section>`:t}
    `}renderNotice(e){let n=e.deliveries.filter(e=>e.channel===`email`);return r`<li class="row" data-pupil=${e.pupilId}>
      <span class="cls">${e.classLabel}</span><span class="name">${e.pupilName}</span>
      <span class="muted">${h(e.sentAt,this.timeZone)} 送信(${e.sentBy})</span>
      ${e.answer?r`<span class="answer">${a[e.answer]}${e.answerTime?` ${p(e.answerTime)}`:``}</span>${e.answerMessage?r`<span>「${e.answerMessage}」</span>`:t}`:r`<span class="waiting">未回答</span>`}
      ${n.map(e=>r`<span class=${e.status===`pending`||e.status===`failed`?`bad`:`muted`}>メール ${Y[e.status]}</span>`)}
      ${e.calls.length?r`<span class="muted">電話 ${i[e.calls[0].outcome]}</span>`:t}
    </li>`}renderCall(e){return r`<div class="call" data-pupil=${e.pupilId}>
      <div><span class="cls">${e.classLabel}</span> <span class="name">${e.pupilName}</span>
        ${e.answer?r`<span class="bad">${a[e.answer]}${e.answerMessage?`「${e.answerMessage}」`:``}</span>`:r`<span class="waiting">未回答</span>`}</div>
      ${e.phones.length?e.phones.map(e=>r`<div>${e.guardian} <a href="tel:${e.phone}">${e.phone}</a></div>`):r`<span class="muted">電話番号が登録されていません</span>`}
      ${e.calls.map(e=>r`<div class="muted">${h(e.at,this.timeZone)} ${e.by}: ${i[e.outcome]}${e.note?` ・ ${e.note}`:``}</div>`)}
      <div class="buttons">
        <input name="note-${e.pupilId}" placeholder="メモ(例: 祖母が送っていく)" aria-label="通話メモ" />
        ${Object.keys(i).map(t=>r`<button ?disabled=${this.busy} @click=${()=>this.recordCall(e.pupilId,t)}>${i[t]}</button>`)}
      </div>
    </div>`}toggle(e){let t=new Set(this.unselected);t.has(e)?t.delete(e):t.add(e),this.unselected=t}async send(e){this.busy=!0;try{let t=await s(`POST`,`/api/office/notices`,{pupilIds:e});this.message=`${t.sent.length}名に送信しました。${t.skipped.length?`送信しなかった児童 ${t.skipped.length}名(${[...new Set(t.skipped.map(e=>e.why))].join(`・`)})`:``}`,await this.load()}catch(e){this.message=e instanceof Error?e.message:`送信できませんでした。`}this.busy=!1}async recordCall(e,t){this.busy=!0;let n=this.renderRoot.querySelector(`[name="note-${e}"]`)?.value??``;try{await s(`POST`,`/api/office/calls`,{pupilId:e,outcome:t,note:n}),await this.load()}catch(e){this.message=e instanceof Error?e.message:`記録できませんでした。`}this.busy=!1}async load(){try{this.list=await s(`GET`,`/api/office/notices`)}catch{}}};customElements.define(`asg-office-notices`,X);var Z=class extends e{static properties={timeZone:{type:String},subject:{state:!0},body:{state:!0},message:{state:!0},mail:{state:!0}};constructor(){super(),this.timeZone=`Asia/Tokyo`,this.subject=``,this.body=``,this.message=``,this.mail=null}static styles=[l,f,c`
      :host { display: block; margin: 0 0 1.2rem; }
      details { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 0.5rem 0.9rem; margin: 0 0 8px; }
      summary { font-weight: 700; cursor: pointer; min-height: 36px; display: flex; align-items: center; }
      label { display: grid; gap: 4px; margin: 0.5rem 0; font-weight: 600; }
      input, textarea { font: inherit; border: 1px solid var(--asg-line); border-radius: 8px; padding: 0.4rem 0.6rem; box-sizing: border-box; width: 100%; }
      textarea { min-height: 10rem; }
      .hint, .muted { color: var(--asg-ink-soft); font-size: 0.85rem; }
      .msg { font-weight: 700; }
      article { border-top: 1px solid var(--asg-line); padding: 0.5rem 0; }
      pre { white-space: pre-wrap; font: inherit; margin: 0.3rem 0 0; }
    `];connectedCallback(){super.connectedCallback(),this.load()}render(){return r`<details>
        <summary>お知らせの文面</summary>
        <p class="hint">使える差し込み: {学校名} {児童名} {保護者名} {日付} {リンク}</p>
        <label>件名<input name="subject" .value=${this.subject} /></label>
        <label>本文<textarea name="body" .value=${this.body}></textarea></label>
        <button class="primary" @click=${this.save}>保存</button>
        ${this.message?r`<span class="msg" role="status">${this.message}</span>`:t}
      </details>
      ${this.mail?r`<details @toggle=${e=>e.target.open&&void this.loadMail()}>
            <summary>保存されたメール(デモ・送信されません)</summary>
            ${this.mail.map(e=>r`<article><div class="muted">${m(e.createdAt,this.timeZone)} → ${e.recipient}</div><strong>${e.subject}</strong><pre>${e.body}</pre></article>`)}
          </details>`:t}`}async save(){let e=e=>this.renderRoot.querySelector(`[name="${e}"]`).value;try{await s(`POST`,`/api/office/notice-template`,{subject:e(`subject`),body:e(`body`)}),this.message=`保存しました`,await this.load()}catch(e){this.message=e instanceof d&&e.fields?Object.values(e.fields)[0]??e.message:e instanceof Error?e.message:`保存できませんでした`}}async load(){try{let e=await s(`GET`,`/api/office/notice-template`);this.subject=e.subject,this.body=e.body}catch{}await this.loadMail()}async loadMail(){try{this.mail=(await s(`GET`,`/api/office/captured-mail`)).mail}catch{this.mail=null}}};customElements.define(`asg-notice-template`,Z);var ne=class extends e{static properties={classes:{attribute:!1},entries:{attribute:!1},changedAt:{attribute:!1},homeroomClassIds:{attribute:!1}};highlightTimer;constructor(){super(),this.classes=[],this.entries=[],this.changedAt=new Map,this.homeroomClassIds=[]}static styles=[l,f,V,c`
      :host { display: block; }
      h2 { font-size: 1.2rem; margin: 0 0 0.5rem; }
      .totals { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 1rem; padding: 0; list-style: none; }
      .totals li { border-radius: var(--asg-radius); padding: 0.3rem 0.7rem; font-weight: 700; }
      .totals li.zero { color: var(--asg-ink-soft); background: var(--asg-surface); border: 1px solid var(--asg-line); font-weight: 400; }
      .totals .n { font-size: 1.2rem; font-variant-numeric: tabular-nums; margin-left: 0.3em; }
      .totals li.todo { background: var(--asg-accent); color: #fff; }
      .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 10px; margin: 0; padding: 0; list-style: none; }
      button.card {
        width: 100%; height: 100%; text-align: left; display: flex; flex-direction: column; gap: 0.4rem;
        padding: 0.7rem 0.8rem; background: var(--asg-surface); transition: background-color 1.5s ease-out;
      }
      button.card:hover { border-color: var(--asg-accent); }
      button.card.changed { background: #fff6d1; transition: none; }
      .head { display: flex; align-items: baseline; gap: 0.5rem; width: 100%; }
      .label { font-size: 1.1rem; font-weight: 700; }
      .mine { font-size: 0.75rem; font-weight: 700; color: #fff; background: var(--asg-accent); border-radius: 999px; padding: 0.05em 0.5em; }
      .teacher { font-size: 0.8rem; color: var(--asg-ink-soft); }
      .open { margin-left: auto; font-size: 0.8rem; font-weight: 700; color: var(--asg-accent); white-space: nowrap; }
      .names { display: grid; grid-template-columns: auto 1fr; align-items: baseline; gap: 0.3rem 0.5rem; font-size: 0.88rem; }
      .chip { font-size: 0.8rem; font-weight: 700; border-radius: 6px; padding: 0.1em 0.45em; white-space: nowrap; text-align: center; }
      .chip { justify-self: start; }
      .nm { white-space: nowrap; }
      .none { font-size: 0.85rem; color: var(--asg-ink-soft); }
      .empty { color: var(--asg-ink-soft); }
      @media (prefers-reduced-motion: reduce) { button.card { transition: none; } }
    `];render(){if(this.classes.length===0)return r`<p class="empty">今年度のクラスがありません。</p>`;let e=new Map;for(let t of this.entries){let n=e.get(t.classId)??[];n.push(t),e.set(t.classId,n)}let n=R(this.entries),i=z(this.entries),a=Date.now();return r`
      <h2>全クラス</h2>
      <ul class="totals" aria-label="全校の人数">
        ${F.map(e=>r`<li class=${n[e]?`st-${e}`:`zero`}>${u[e]}<span class="n">${n[e]}</span></li>`)}
        ${i?r`<li class="todo">未確認<span class="n">${i}</span></li>`:t}
      </ul>
      <ul class="grid">
        ${this.classes.map(t=>this.renderClass(t,(e.get(t.id)??[]).sort(B),a))}
      </ul>
    `}renderClass(e,n,i){let a=R(n),o=z(n),s=n.some(e=>i-(this.changedAt.get(e.pupilId)??0)<L),c=F.map(e=>({s:e,names:n.filter(t=>t.status===e).map(e=>e.name)})).filter(e=>e.names.length);return r`<li>
      <button class="card ${s?`changed`:``}" @click=${()=>this.select(e.id)} aria-label="${e.label}を開く">
        <span class="head">
          <span class="label">${e.label}</span>
          ${this.homeroomClassIds.includes(e.id)?r`<span class="mine">担任</span>`:t}
          ${o?r`<span class="open">未確認 ${o}</span>`:t}
        </span>
        <span class="teacher">${e.homeroomTeacher??`担任 未設定`} ・ ${e.pupilCount}名</span>
        ${c.length===0?r`<span class="none">連絡はありません</span>`:r`<span class="names">
              ${c.map(e=>r`<span class="chip st-${e.s}">${I[e.s]} ${a[e.s]}</span><span class="who">${e.names.map((e,t)=>r`${t?`、`:``}<span class="nm">${e}</span>`)}</span>`)}
            </span>`}
      </button>
    </li>`}select(e){this.dispatchEvent(new CustomEvent(`asg-select-class`,{detail:{classId:e},bubbles:!0,composed:!0}))}updated(){clearTimeout(this.highlightTimer);let e=Date.now(),t=1/0;for(let n of this.changedAt.values())e-n<1e4&&(t=Math.min(t,n+L-e));t!==1/0&&(this.highlightTimer=setTimeout(()=>this.requestUpdate(),t+50))}disconnectedCallback(){super.disconnectedCallback(),clearTimeout(this.highlightTimer)}};customElements.define(`asg-school-overview`,ne);var re=[`admin`,`principal`,`vice_principal`,`support`,`nurse`],ie=6e3,ae=class extends e{static properties={me:{state:!0},loaded:{state:!0},loadError:{state:!0},selected:{state:!0},pending:{state:!0},toast:{state:!0}};day=null;minuteTimer;toastTimer;onHashChange=()=>{this.selected=$(location.hash)};constructor(){super(),this.me=null,this.loaded=!1,this.loadError=``,this.selected=$(location.hash),this.pending=new Set,this.toast=``}static styles=[l,f,c`
      :host { display: block; min-height: 100vh; background: var(--asg-bg); }
      .top { background: var(--asg-accent); color: #fff; }
      .top-in { max-width: 1100px; margin: 0 auto; padding: 0.5rem 12px; display: flex; flex-wrap: wrap; align-items: center; gap: 0.2rem 1rem; }
      .school { font-weight: 700; font-size: 1.05rem; }
      .date { font-weight: 700; font-size: 1.05rem; font-variant-numeric: tabular-nums; }
      .user { margin-left: auto; display: flex; flex-wrap: wrap; align-items: center; justify-content: flex-end; gap: 0.2rem 0.8rem; font-size: 0.9rem; }
      .top asg-connection-status { font-size: 0.85rem; }
      .top button { background: transparent; color: #fff; border-color: rgb(255 255 255 / 0.6); min-height: 40px; padding: 0.3em 0.8em; font-size: 0.9rem; white-space: nowrap; flex: none; }
      main { max-width: 1100px; margin: 0 auto; padding: 12px 12px 96px; }
      .picker { display: flex; align-items: center; gap: 0.6rem; margin: 0 0 0.9rem; }
      select { font: inherit; font-size: 1.05rem; min-height: 44px; padding: 0 2.2em 0 0.8em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius);
        background: var(--asg-surface); color: var(--asg-ink); flex: 1 1 auto; min-width: 0; max-width: 22rem; }
      .picker button { flex: none; font-size: 0.95rem; }
      .banner { border-radius: var(--asg-radius); padding: 0.7rem 0.9rem; margin: 0 0 0.9rem; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; font-weight: 700; }
      .banner.offline { background: var(--asg-absent-bg); color: var(--asg-absent); border: 1px solid var(--asg-absent); }
      .banner.info { background: var(--asg-surface); border: 1px solid var(--asg-line); color: var(--asg-ink); font-weight: 400; }
      .banner button { margin-left: auto; }
      .stale { opacity: 0.75; }
      .loading, .message { text-align: center; color: var(--asg-ink-soft); padding: 3rem 1rem; }
      .message { max-width: 28rem; margin: 10vh auto; color: var(--asg-ink); line-height: 1.8; }
      .message a { color: var(--asg-accent); font-weight: 700; font-size: 1.1rem; }
      .toast { position: fixed; left: 50%; bottom: max(16px, env(safe-area-inset-bottom)); transform: translateX(-50%); width: min(92vw, 32rem); box-sizing: border-box;
        background: var(--asg-ink); color: #fff; border-radius: var(--asg-radius); padding: 0.7rem 0.8rem 0.7rem 1rem; display: flex; align-items: center; gap: 0.8rem;
        box-shadow: 0 6px 24px rgb(0 0 0 / 0.25); z-index: 10; }
      .toast button { margin-left: auto; background: transparent; color: #fff; border-color: rgb(255 255 255 / 0.5); flex: none; }
      .banner .sub { font-weight: 400; font-size: 0.9rem; }
      @media (max-width: 599px) {
        .user { margin-left: 0; width: 100%; flex-wrap: nowrap; }
        .top asg-connection-status { flex: 1 1 auto; min-width: 0; }
        .top .name { white-space: nowrap; }
      }
    `];connectedCallback(){super.connectedCallback(),window.addEventListener(`hashchange`,this.onHashChange),this.minuteTimer=setInterval(()=>this.day?.checkDate(),6e4),this.loaded||this.loadUser()}disconnectedCallback(){super.disconnectedCallback(),window.removeEventListener(`hashchange`,this.onHashChange),clearInterval(this.minuteTimer),clearTimeout(this.toastTimer)}render(){if(!this.loaded)return r`<p class="loading">読み込み中…</p>`;if(this.loadError)return r`<div class="message" role="alert"><p>${this.loadError}</p><button @click=${()=>this.retryLoad()}>もう一度読み込む</button></div>`;let e=this.me;return e?e.kind===`guardian`?r`<div class="message">
        <p>このページは教職員用です。<br />保護者の方は保護者用ページをお使いください。</p>
        <p><a href="/guardian/">保護者用ページへ</a></p>
        <p><button @click=${this.onLogout}>ログアウト</button></p>
      </div>`:r`${this.renderHeader(e)}
      <main>${this.renderBanner()}${this.renderBody(e)}</main>
      ${this.toast?r`<div class="toast" role="alert"><span>${this.toast}</span><button @click=${this.closeToast}>閉じる</button></div>`:t}`:r`<asg-login heading="教職員ログイン" @asg-logged-in=${this.onLoggedIn}></asg-login>`}renderHeader(e){let n=this.day,i=n?.snapshot;return r`<header class="top">
      <div class="top-in">
        <span class="school">${i?.schoolName??e.schoolName}</span>
        ${i?r`<span class="date">${g(i.date)}</span>`:t}
        <span class="user">
          <asg-connection-status .state=${n?.state??`connecting`} .lastSyncAt=${n?.lastSyncAt??null} .timeZone=${i?.timeZone??`Asia/Tokyo`}></asg-connection-status>
          <span class="name">${e.name}</span>
          <button @click=${this.onLogout}>ログアウト</button>
        </span>
      </div>
    </header>`}renderBanner(){let e=this.day;if(!e)return t;if(e.state===`ended`){let t=e.endedCode===`UNAUTHENTICATED`?`ログインの有効期限が切れたか、ログアウトされました。`:`接続が終了しました。`;return r`<div class="banner offline" role="alert">${t}<button class="primary" @click=${this.onLoginAgain}>もう一度ログイン</button></div>`}if(e.state===`offline`){let t=e.snapshot?.timeZone??`Asia/Tokyo`,n=e.lastSyncAt?` — 最終更新 ${h(new Date(e.lastSyncAt).toISOString(),t)}`:``;return r`<div class="banner offline" role="alert">接続が切れています${n}<span class="sub">再接続しています…</span></div>`}return e.buildChanged?r`<div class="banner info" role="status">新しい版に更新されました。<button @click=${()=>location.reload()}>再読み込み</button></div>`:t}renderBody(e){let n=this.day,i=n?.snapshot;if(!n||!i)return r`<p class="loading">${n?.state===`ended`?``:`読み込み中…`}</p>`;let a=this.effectiveSelection(e),o=[...n.entries.values()],s=n.state!==`live`,c=Q(e);return r`
      ${i.isSchoolDay?t:r`<div class="banner info" role="status">${g(i.date)}は授業日ではありません。</div>`}
      <div class="picker">
        <!-- ?selected covers the first render, .value later ones (after a user pick, option attributes no longer apply). -->
        <select aria-label="表示するクラス" .value=${String(a)} @change=${this.onPick}>
          <option value="all" ?selected=${a===`all`}>全クラス</option>
          ${i.classes.map(t=>r`<option value=${t.id} ?selected=${a===t.id}>${t.label}${e.homeroomClassIds.includes(t.id)?`(担任)`:``}</option>`)}
        </select>
        ${a===`all`?t:r`<button @click=${()=>this.select(`all`)}>全クラス</button>`}
      </div>
      <div class=${s?`stale`:``}>
        ${a===`all`?r`${c&&i.isSchoolDay?r`<asg-office-lists
                    .classes=${i.classes}
                    .entries=${o}
                    .rollCallOverdue=${M(i.rollCallTime,i.timeZone)}
                    @asg-select-class=${e=>this.select(e.detail.classId)}
                  ></asg-office-lists>
                  <asg-office-notices
                    .unexplained=${A(i.classes,o).unexplained}
                    .seq=${i.seq}
                    .timeZone=${i.timeZone}
                  ></asg-office-notices>
                  <asg-notice-template .timeZone=${i.timeZone}></asg-notice-template>`:t}<asg-school-overview
              .classes=${i.classes}
              .entries=${o}
              .changedAt=${n.changedAt}
              .homeroomClassIds=${e.homeroomClassIds}
              @asg-select-class=${e=>this.select(e.detail.classId)}
            ></asg-school-overview>`:r`<asg-class-roll
                .classInfo=${i.classes.find(e=>e.id===a)??null}
                .entries=${o.filter(e=>e.classId===a)}
                .run=${this.run}
                .timeZone=${i.timeZone}
                .rollCallTime=${i.rollCallTime}
                .editable=${i.isSchoolDay&&(c||e.homeroomClassIds.includes(a))}
                .offline=${s}
                @asg-toast=${e=>this.showToast(e.detail.message)}
              ></asg-class-roll>
              <asg-class-day
              .classInfo=${i.classes.find(e=>e.id===a)??null}
              .entries=${o.filter(e=>e.classId===a)}
              .changedAt=${n.changedAt}
              .pending=${this.pending}
              .timeZone=${i.timeZone}
              .date=${i.date}
              .thresholds=${i}
              .editable=${c||e.homeroomClassIds.includes(a)}
              .offline=${s}
              @asg-acknowledge=${this.onAcknowledge}
            ></asg-class-day>`}
      </div>
    `}effectiveSelection(e){let t=this.day?.snapshot?.classes??[],n=e=>t.some(t=>t.id===e);return this.selected===`all`?`all`:this.selected!==null&&n(this.selected)?this.selected:Q(e)?`all`:e.homeroomClassIds.find(n)??`all`}select(e){this.selected=e;let t=e===`all`?`#all`:`#class-${e}`;location.hash!==t&&history.pushState(null,``,t),window.scrollTo({top:0})}onPick(e){let t=e.target.value;this.select(t===`all`?`all`:Number(t))}async onAcknowledge(e){let{reportId:t}=e.detail,n=this.day;if(!n||this.pending.has(t))return;this.pending=new Set([...this.pending,t]);let r=await n.command(`report:acknowledge`,{reportId:t}),i=new Set(this.pending);i.delete(t),this.pending=i,r.ok||this.showToast(r.error.message)}run=(e,t)=>this.day?this.day.command(e,t):Promise.resolve({ok:!1,error:{code:`INTERNAL`,message:`接続していません。`}});showToast(e){clearTimeout(this.toastTimer),this.toast=e,this.toastTimer=setTimeout(()=>this.toast=``,ie)}closeToast(){clearTimeout(this.toastTimer),this.toast=``}async loadUser(){try{this.me=await b(),this.loadError=``}catch(e){this.loadError=e instanceof Error&&e.message?e.message:`読み込めませんでした。`}this.loaded=!0,this.me?.kind===`staff`&&this.startDay()}retryLoad(){this.loaded=!1,this.loadError=``,this.loadUser()}onLoggedIn(e){this.me=e.detail,this.selected=$(location.hash),e.detail.kind===`staff`&&this.startDay()}async onLogout(){try{await y()}catch{}this.stopDay(),this.me=null}onLoginAgain(){this.stopDay(),this.me=null}startDay(){this.stopDay(),this.day=new v(this,{client:`person`}),this.requestUpdate()}stopDay(){this.day&&(this.day.hostDisconnected(),this.removeController(this.day),this.day=null,this.pending=new Set)}};function Q(e){return e.roles.some(e=>re.includes(e))}function $(e){if(e===`#all`)return`all`;let t=/^#class-(\d+)$/.exec(e);return t?Number(t[1]):null}customElements.define(`asg-teacher-app`,ae);