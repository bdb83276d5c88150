import{C as e,D as t,T as n,i as r,k as i,n as a,r as o,t as s}from"./styles-CSPGLkim.js";/* empty css             */import"./asg-staff-gate-DEtUrp9Q.js";var c=class extends e{static properties={cal:{state:!0},month:{state:!0},error:{state:!0}};constructor(){super(),this.cal=null,this.month=``,this.error=``}static styles=[a,s,i`
      :host { display: block; }
      .top { display: flex; flex-wrap: wrap; align-items: center; gap: 0.6rem; margin-bottom: 0.7rem; }
      .top strong { font-size: 1.1rem; }
      .cols { display: grid; grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr); gap: 1rem; align-items: start; }
      @media (max-width: 900px) { .cols { grid-template-columns: 1fr; } }
      ul { list-style: none; padding: 0; margin: 0; background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); }
      li { display: flex; align-items: center; gap: 0.5rem; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--asg-line); font-size: 0.9rem; }
      li button { margin-left: auto; min-height: 32px; padding: 0.1em 0.7em; }
      h3 { font-size: 1rem; margin: 0.9rem 0 0.3rem; }
      .error { color: var(--asg-absent); }
    `];render(){let e=this.cal;return n`<asg-staff-gate heading="行事・休業日(学校カレンダー)" @asg-staff-ready=${()=>this.load()}>
      ${this.error?n`<p class="error" role="alert">${this.error}</p>`:t}
      ${e?n`
        <div class="top">
          <button @click=${()=>this.shift(-1)} aria-label="前の月">◀</button>
          <strong>${Number(this.month.slice(0,4))}年${Number(this.month.slice(5))}月</strong>
          <button @click=${()=>this.shift(1)} aria-label="次の月">▶</button>
          <span>${e.fiscalYear}年度 授業日数 ${e.schoolDayCount}日</span>
        </div>
        <div class="cols">
          <asg-calendar-month .cal=${e} month=${this.month}></asg-calendar-month>
          <div>
            ${e.canEdit?n`<asg-calendar-forms .cal=${e} @asg-changed=${()=>this.load()}></asg-calendar-forms>`:t}
            <h3>学級閉鎖・学年閉鎖</h3>
            <ul>${e.closures.length===0?n`<li>ありません</li>`:e.closures.map(r=>n`<li>${r.fromDate.slice(5)}〜${r.toDate.slice(5)} ${r.target} ${r.label}
              ${e.canEdit?n`<button @click=${()=>this.deleteItem(`/api/calendar/closures/${r.id}/delete`)}>削除</button>`:t}</li>`)}</ul>
            <h3>行事</h3>
            <ul>${e.events.length===0?n`<li>ありません</li>`:e.events.map(r=>n`<li>${r.fromDate.slice(5)}${r.toDate===r.fromDate?``:`〜${r.toDate.slice(5)}`} ${r.title}${r.visibleToGuardians?``:`(職員のみ)`}
              ${e.canEdit?n`<button @click=${()=>this.deleteItem(`/api/calendar/events/${r.id}/delete`)}>削除</button>`:t}</li>`)}</ul>
          </div>
        </div>`:n`<p>読み込み中…</p>`}
    </asg-staff-gate>`}shift(e){let t=new Date(`${this.month}-01T00:00:00Z`);t.setUTCMonth(t.getUTCMonth()+e),this.month=t.toISOString().slice(0,7)}async deleteItem(e){try{await r(`POST`,e,{}),await this.load()}catch(e){this.error=e instanceof o?e.message:`削除できませんでした。`}}async load(){try{this.cal=await r(`GET`,`/api/calendar`),this.month||=this.cal.today.slice(0,7),this.error=``}catch(e){this.error=e instanceof o?e.message:`読み込めませんでした。`}}};customElements.define(`asg-calendar-app`,c);var l=[`月`,`火`,`水`,`木`,`金`,`土`,`日`],u=class extends e{static properties={cal:{attribute:!1},month:{type:String}};constructor(){super(),this.cal=null,this.month=``}static styles=[a,i`
      :host { display: block; }
      .grid { display: grid; grid-template-columns: repeat(7, 1fr); gap: 2px; }
      .h { text-align: center; font-weight: 700; font-size: 0.85rem; padding: 0.2rem; }
      .d { background: var(--asg-surface); min-height: 5.2rem; padding: 0.25rem 0.35rem; font-size: 0.78rem; border: 1px solid var(--asg-line); border-radius: 6px; }
      .d .n { font-weight: 700; font-size: 0.95rem; }
      .off { background: #eeece6; color: var(--asg-ink-soft); }
      .holiday .n, .sun .n { color: var(--asg-absent); }
      .sat .n { color: #1f4fa8; }
      .extra { background: #e3f4e4; }
      .tag { display: block; margin-top: 0.1rem; border-radius: 4px; padding: 0 0.25rem; }
      .tag.closed { background: #d8d4c8; }
      .tag.extra { background: #1a7f37; color: #fff; }
      .tag.closure { background: var(--asg-excused-bg); color: var(--asg-excused); }
      .tag.event { background: #dde6f7; color: #24407a; }
      .tag.holiday { color: var(--asg-absent); }
      .blank { background: transparent; border: none; }
    `];render(){let e=this.cal;if(!e||!this.month)return t;let r=new Date(`${this.month}-01T00:00:00Z`),i=(r.getUTCDay()+6)%7,a=new Date(Date.UTC(r.getUTCFullYear(),r.getUTCMonth()+1,0)).getUTCDate(),o=[];for(let e=0;e<i;e++)o.push(n`<div class="d blank"></div>`);for(let t=1;t<=a;t++)o.push(this.renderDay(e,`${this.month}-${String(t).padStart(2,`0`)}`));return n`<div class="grid" role="grid" aria-label="${this.month}の予定">
      ${l.map(e=>n`<div class="h">${e}</div>`)}${o}
    </div>`}renderDay(e,r){let i=new Date(`${r}T00:00:00Z`).getUTCDay(),a=e.holidays.find(e=>e.date===r),o=e.days.find(e=>e.date===r),s=e.closures.filter(e=>r>=e.fromDate&&r<=e.toDate),c=e.events.filter(e=>r>=e.fromDate&&r<=e.toDate),l=[`d`,o?.kind===`closed`||o?.kind!==`extra_school_day`&&(i===0||i===6||a)?`off`:``,a?`holiday`:``,i===0?`sun`:``,i===6?`sat`:``,o?.kind===`extra_school_day`?`extra`:``].join(` `);return n`<div class=${l} role="gridcell">
      <span class="n">${Number(r.slice(8))}</span>
      ${a?n`<span class="tag holiday">${a.name}</span>`:t}
      ${o?n`<span class="tag ${o.kind===`closed`?`closed`:`extra`}">${o.label||(o.kind===`closed`?`休業日`:`授業日`)}</span>`:t}
      ${s.map(e=>n`<span class="tag closure">${e.target} ${e.label}</span>`)}
      ${c.map(e=>n`<span class="tag event">${e.title}${e.visibleToGuardians?``:`(職員)`}</span>`)}
    </div>`}};customElements.define(`asg-calendar-month`,u);var d=class extends e{static properties={cal:{attribute:!1},error:{state:!0},done:{state:!0}};constructor(){super(),this.cal=null,this.error=``,this.done=``}static styles=[a,s,i`
      :host { display: grid; gap: 0.8rem; }
      form { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 0.7rem 0.9rem; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
      h3 { width: 100%; margin: 0; font-size: 1rem; }
      label { display: grid; gap: 0.15rem; font-size: 0.85rem; }
      input, select { font: inherit; min-height: 40px; padding: 0 0.5em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); }
      label.check { display: flex; align-items: center; gap: 0.3rem; }
      .error { color: var(--asg-absent); }
      .done { color: var(--asg-ok); }
    `];render(){let e=this.cal;if(!e)return t;let r=[...new Set(e.classes.map(e=>e.grade))],i=n`<label>開始日<input type="date" name="from" required min=${e.startsOn} max=${e.endsOn} /></label>
      <label>終了日<input type="date" name="to" required min=${e.startsOn} max=${e.endsOn} /></label>`;return n`
      ${this.error?n`<p class="error" role="alert">${this.error}</p>`:t}
      ${this.done?n`<p class="done" role="status">${this.done}</p>`:t}
      <form @submit=${e=>this.send(e,`/api/calendar/days`,e=>({from:e.get(`from`),to:e.get(`to`),kind:e.get(`kind`),label:e.get(`label`)}))}>
        <h3>休業日・休校・土曜授業</h3>${i}
        <label>種類<select name="kind"><option value="closed">休業日・休校</option><option value="extra_school_day">授業日にする(土曜授業など)</option><option value="clear">指定を解除</option></select></label>
        <label>名称<input name="label" maxlength="40" placeholder="冬季休業" /></label>
        <button class="primary">登録</button>
      </form>
      <form @submit=${e=>this.send(e,`/api/calendar/closures`,e=>{let t=String(e.get(`target`));return{from:e.get(`from`),to:e.get(`to`),label:e.get(`label`),classId:t.startsWith(`c`)?Number(t.slice(1)):null,grade:t.startsWith(`g`)?Number(t.slice(1)):null}})}>
        <h3>学級閉鎖・学年閉鎖</h3>${i}
        <label>対象<select name="target">
          ${e.classes.map(e=>n`<option value="c${e.id}">${e.label}(学級閉鎖)</option>`)}
          ${r.map(e=>n`<option value="g${e}">${e}年(学年閉鎖)</option>`)}
        </select></label>
        <label>理由<input name="label" maxlength="40" placeholder="インフルエンザ" /></label>
        <button class="primary">登録</button>
      </form>
      <form @submit=${e=>this.send(e,`/api/calendar/events`,e=>({from:e.get(`from`),to:e.get(`to`),title:e.get(`title`),visibleToGuardians:e.get(`visible`)===`on`}))}>
        <h3>行事</h3>${i}
        <label>行事名<input name="title" maxlength="100" required placeholder="音楽会" /></label>
        <label class="check"><input type="checkbox" name="visible" checked /> 保護者に表示</label>
        <button class="primary">登録</button>
      </form>`}async send(e,t,n){e.preventDefault();let i=e.target;this.error=``,this.done=``;try{await r(`POST`,t,n(new FormData(i))),i.reset(),this.done=`登録しました。`,this.dispatchEvent(new CustomEvent(`asg-changed`,{bubbles:!0,composed:!0}))}catch(e){this.error=e instanceof o?e.message:`登録できませんでした。`}}};customElements.define(`asg-calendar-forms`,d);