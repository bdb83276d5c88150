import{C as e,D as t,T as n,i as r,k as i,m as a,n as o,p as s,r as c,t as l}from"./styles-CSPGLkim.js";/* empty css             */import{a as u,i as d,n as f,o as p,r as m,s as h,t as g}from"./asg-connection-status-D5_Zhsb9.js";import{a as _,i as v}from"./format-BVg1O0M-.js";var y={headerEm:2,entryEm:2.6,noneEm:1.6,blockPadEm:.4,gapEm:.4,minColumnEm:13},b=2;function x(e,t=y){return t.headerEm+t.blockPadEm+(e===0?t.noneEm:e*t.entryEm)}function S(e,t,n=y){let r=Math.floor((e+n.gapEm)/(n.minColumnEm+n.gapEm));return Math.max(1,Math.min(r,Math.max(1,t)))}function C(e){let t=e.metrics??y,n=Math.max(1,Math.floor(e.minFontPx)),r=Math.max(n,Math.floor(e.maxFontPx));for(let i=r;i>=n;i--){let n=S(e.widthPx/i,e.classes.length,t),r=w(e.classes,n,e.heightPx/i,t);if(r)return{fontPx:i,columns:n,pages:[r]};let a=E(e.classes,n,e.heightPx/i,t);if(a.length===1)return{fontPx:i,columns:n,pages:a}}let i=S(e.widthPx/n,e.classes.length,t);return{fontPx:n,columns:i,pages:E(e.classes,i,e.heightPx/n,t)}}function w(e,t,n,r){if(e.length===0)return[];let i=e.map(e=>x(e.entries,r)),a=e=>T(i,e,r)!==null&&T(i,e,r).length<=t;if(!a(n))return null;let o=Math.max(...i),s=n;for(let e=0;e<30&&s-o>.001;e++){let e=(o+s)/2;a(e)?s=e:o=e}return T(i,s,r).map(t=>t.map(t=>({classId:e[t].classId,from:0,to:e[t].entries,continued:!1})))}function T(e,t,n){let r=[],i=1/0;for(let a=0;a<e.length;a++){let o=e[a];if(o>t+1e-9)return null;i+n.gapEm+o>t+1e-9?(r.push([a]),i=o):(r[r.length-1].push(a),i+=n.gapEm+o)}return r}function E(e,t,n,r){let i=(e,t)=>Math.floor((n-e-(t?0:r.gapEm)-r.headerEm-r.blockPadEm+1e-9)/r.entryEm),a=[[]],o=0,s=e=>{let t=a[a.length-1];o+=(t.length>0?r.gapEm:0)+x(e.to-e.from,r),t.push(e)},c=()=>{a.push([]),o=0};for(let t of e){let e=0;for(;;){let l=a[a.length-1],u=t.entries-e;if(o+(l.length>0?r.gapEm:0)+x(u,r)<=n+1e-9){s({classId:t.classId,from:e,to:t.entries,continued:e>0});break}let d=l.length===0?Math.max(1,Math.min(u,i(o,!0))):Math.min(u,i(o,!1));if(l.length===0&&u<=d){s({classId:t.classId,from:e,to:t.entries,continued:e>0});break}(d>=b||l.length===0)&&(s({classId:t.classId,from:e,to:e+d,continued:e>0}),e+=d),c()}}a[a.length-1].length===0&&a.pop();let l=[];for(let e=0;e<a.length;e+=t)l.push(a.slice(e,e+t));return l.length>0?l:[[]]}function D(e,t,n){return t<=1?0:Math.floor(e/n)%t}var O=class extends e{static properties={entry:{attribute:!1},badges:{attribute:!1},showMessage:{type:Boolean},fresh:{type:Boolean,reflect:!0},unexplained:{type:Boolean,reflect:!0}};constructor(){super(),this.badges=[],this.showMessage=!1,this.fresh=!1,this.unexplained=!1}static styles=i`
    :host { display: block; height: 2.6em; box-sizing: border-box; padding: 0.1em 0.35em; border-radius: 0.3em; overflow: hidden;
      transition: background-color 1.5s ease-out; }
    :host([fresh]) { background: #ffe58a; transition: none; }
    :host([unexplained]) { background: #fff0e8; box-shadow: inset 0.3em 0 0 var(--asg-not-arrived-bg); }
    .top { display: grid; grid-template-columns: 1.5em minmax(0, 1fr) auto; align-items: center; column-gap: 0.35em; height: 1.35em; line-height: 1.35em; }
    .no { color: var(--asg-ink-soft); text-align: right; font-variant-numeric: tabular-nums; font-size: 0.9em; }
    .name { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-weight: 700; }
    .status { font-weight: 700; padding: 0 0.35em; border-radius: 0.25em; white-space: nowrap; line-height: 1.3em; }
    .detail { margin-left: 1.85em; display: flex; flex-wrap: wrap; column-gap: 0.45em; font-size: 0.85em; height: 1.2em; line-height: 1.2em;
      overflow: hidden; color: #3b424a; }
    .detail > span { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 100%; }
    .absent { color: var(--asg-absent); background: var(--asg-absent-bg); }
    .late { color: var(--asg-late); background: var(--asg-late-bg); }
    .early_leave { color: var(--asg-early); background: var(--asg-early-bg); }
    .not_arrived { color: var(--asg-not-arrived); background: var(--asg-not-arrived-bg); }
    .excused { color: var(--asg-excused); background: var(--asg-excused-bg); }
    .badge { border: 1px solid currentColor; border-radius: 0.25em; padding: 0 0.25em; line-height: 1.15em; align-self: center; }
    .badge.streak { color: var(--asg-absent); font-weight: 700; }
    .badge.cumulative.level2, .badge.cumulative.level3, .badge.cumulative.level4, .badge.cumulative.level5 { color: #fff; background: var(--asg-absent); border-color: var(--asg-absent); font-weight: 700; }
    .ack { color: var(--asg-ok); font-weight: 700; }
    .warn { color: var(--asg-not-arrived-bg); font-weight: 700; }
  `;render(){let e=this.entry,r=e.report,i=e.time?`${_(e.time)}${e.status===`late`?`予定`:e.status===`early_leave`?`下校`:``}`:null,o=r?r.reasonLabel||a[r.reasonCategory]:null;return n`
      <div class="top">
        <span class="no">${e.attendanceNumber}</span>
        <span class="name" title=${e.name}>${e.name}</span>
        <span class="status ${e.status}">${k(e)}</span>
      </div>
      <div class="detail">
        ${this.unexplained?n`<span class="warn">連絡なし・確認を</span>`:t}
        ${o?n`<span>${o}</span>`:t}
        ${i?n`<span>${i}</span>`:t}
        ${this.badges.map(e=>n`<span class="badge ${e.kind} level${e.level}">${e.text}</span>`)}
        ${r?.acknowledgedAt?n`<span class="ack">✓確認済</span>`:t}
        ${this.showMessage&&r?.message?n`<span class="msg">「${r.message}」</span>`:t}
      </div>
    `}};function k(e){return e.status===`excused`?e.codeLabel?.includes(`忌引`)?`忌引`:`出席停止`:s[e.status]}customElements.define(`asg-board-entry`,O);var A=class extends e{static properties={info:{attribute:!1},entries:{attribute:!1},changedAt:{attribute:!1},thresholds:{attribute:!1},now:{type:Number},continued:{type:Boolean},missingRoll:{type:Boolean,reflect:!0,attribute:`missing-roll`},showMessages:{type:Boolean}};constructor(){super(),this.entries=[],this.changedAt=new Map,this.thresholds={consecutiveAbsenceBadge:3,cumulativeAbsenceBadges:[]},this.now=Date.now(),this.continued=!1,this.missingRoll=!1,this.showMessages=!1}static styles=i`
    :host { display: flex; flex-direction: column; flex: 1 0 auto; min-width: 0; background: var(--asg-surface);
      box-shadow: 0 0 0 1px var(--asg-line); border-radius: 0.4em; overflow: hidden; }
    :host([missing-roll]) { box-shadow: 0 0 0 2px #c4320a; }
    header { display: flex; align-items: center; gap: 0.4em; height: 2em; box-sizing: border-box; padding: 0 0.5em; background: #e8ecf5; flex: none; }
    h2 { margin: 0; font-size: 1.15em; white-space: nowrap; }
    .cont { font-size: 0.75em; color: var(--asg-ink-soft); white-space: nowrap; }
    .roll { font-size: 0.8em; font-weight: 700; color: #fff; background: #c4320a; border-radius: 0.25em; padding: 0 0.3em; white-space: nowrap; }
    .teacher { margin-left: auto; font-size: 0.75em; color: var(--asg-ink-soft); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-width: 0; }
    .list { padding: 0.2em 0.2em; }
    .none { display: block; height: 1.6em; line-height: 1.6em; color: var(--asg-ink-soft); padding: 0 0.4em; }
    .none span { font-size: 0.85em; }
  `;render(){return n`
      <header>
        <h2>${this.info.label}</h2>
        ${this.continued?n`<span class="cont">(続き)</span>`:t}
        ${this.missingRoll?n`<span class="roll">未点呼</span>`:t}
        <span class="teacher">${this.info.homeroomTeacher??``}</span>
      </header>
      <div class="list">
        ${this.entries.length===0?n`<span class="none"><span>連絡なし</span></span>`:this.entries.map(e=>n`<asg-board-entry
                .entry=${e}
                .badges=${f(e,this.thresholds)}
                ?showMessage=${this.showMessages}
                ?fresh=${p(this.changedAt.get(e.pupilId),this.now)}
                ?unexplained=${h(e)}
              ></asg-board-entry>`)}
      </div>
    `}};customElements.define(`asg-board-class`,A);var j=class extends e{static properties={error:{type:String},busy:{type:Boolean}};constructor(){super(),this.error=``,this.busy=!1}static styles=[o,l,i`
      :host { display: grid; place-items: center; height: 100vh; background: #2b2f36; color: #fff; text-align: center; }
      h1 { font-size: 3rem; margin: 0 0 1rem; }
      p { font-size: 1.4rem; color: #d0d4da; }
      input { font: inherit; font-size: 2rem; letter-spacing: 0.1em; text-align: center; width: 12em; padding: 0.3em; border-radius: 8px; border: 0; }
      button { font-size: 1.4rem; margin-left: 0.5em; }
      .error { color: #ffb4a8; }
    `];render(){return n`<div>
      <h1>この表示端末は登録されていません</h1>
      <p>管理者画面で「表示端末」を作成し、表示されたコードを入力してください。</p>
      <form @submit=${this.submit}>
        <input name="code" aria-label="ペアリングコード" placeholder="XXXX-XXXX-XXXX" autocomplete="off" />
        <button class="primary" ?disabled=${this.busy}>登録</button>
      </form>
      ${this.error?n`<p class="error" role="alert">${this.error}</p>`:null}
    </div>`}submit(e){e.preventDefault();let t=String(new FormData(e.target).get(`code`)??``).trim();t&&this.dispatchEvent(new CustomEvent(`asg-pair`,{detail:t,bubbles:!0,composed:!0}))}};customElements.define(`asg-board-unpaired`,j);var M=class{host;width=0;height=0;observed=null;observer=new ResizeObserver(([e])=>{if(!e)return;let{width:t,height:n}=e.contentRect;(Math.round(t)!==this.width||Math.round(n)!==this.height)&&(this.width=Math.round(t),this.height=Math.round(n),this.host.requestUpdate())});key=``;last=null;constructor(e){this.host=e,e.addController(this)}observe(e){e!==this.observed&&(this.observed&&this.observer.unobserve(this.observed),this.observed=e,e&&this.observer.observe(e))}hostDisconnected(){this.observer.disconnect(),this.observed=null}fit(e,t){if(this.width===0||this.height===0)return null;let n=Math.max(14,t/46),r=Math.max(n,t/30),i=`${this.width}x${this.height}@${t}:${e.map(e=>`${e.classId}=${e.entries}`).join(`,`)}`;return i===this.key&&this.last||(this.key=i,this.last=C({widthPx:this.width,heightPx:this.height,classes:e,minFontPx:n,maxFontPx:r})),this.last}},N=[`absent`,`late`,`early_leave`,`not_arrived`,`excused`];function P(e){let t={absent:0,late:0,early_leave:0,not_arrived:0,excused:0,present:0};for(let n of e)t[n.status]++;return t}function F(e){let t=new Map;for(let n of e)n.status!==`present`&&(t.has(n.classId)||t.set(n.classId,[]),t.get(n.classId).push(n));for(let e of t.values())e.sort((e,t)=>e.attendanceNumber-t.attendanceNumber);return t}function I(){let e=null,t=async()=>{if(document.visibilityState===`visible`&&`wakeLock`in navigator)try{e=await navigator.wakeLock.request(`screen`)}catch{}},n=()=>void t();return document.addEventListener(`visibilitychange`,n),t(),()=>{document.removeEventListener(`visibilitychange`,n),e?.release().catch(()=>void 0)}}var L=`asagao-board-reloaded-for`;function R(e){try{if(sessionStorage.getItem(L)===e)return;sessionStorage.setItem(L,e)}catch{}location.reload()}var z=5e3,B=2e4,V=12e3,H=class extends e{static properties={phase:{state:!0},pairError:{state:!0},now:{state:!0},dimmed:{type:Boolean,reflect:!0}};day=null;fitter=new M(this);tickTimer;startedAt=Date.now();stopWakeLock=I();constructor(){super(),this.phase=`starting`,this.pairError=``,this.now=Date.now(),this.dimmed=!1}static styles=[o,i`
      :host { display: block; height: 100vh; overflow: hidden; background: #000; font-size: 2.2vh; }
      .frame { display: flex; flex-direction: column; height: 100%; background: var(--asg-bg); transition: opacity 2s; }
      :host([dimmed]) .frame { opacity: 0.35; }
      header { display: flex; align-items: center; gap: 1em; padding: 0.3em 0.8em; background: var(--asg-surface); border-bottom: 2px solid var(--asg-line); }
      .date { font-size: 1.5em; font-weight: 700; white-space: nowrap; }
      .clock { font-size: 2.1em; font-weight: 700; font-variant-numeric: tabular-nums; }
      .page { font-size: 1.3em; font-weight: 700; color: #fff; background: var(--asg-accent); border-radius: 0.4em; padding: 0.05em 0.5em; white-space: nowrap; }
      .counts { display: flex; gap: 0.4em; margin-left: auto; }
      .count { text-align: center; padding: 0.1em 0.6em; border-radius: 0.4em; background: #f0efe9; min-width: 3.2em; }
      .count b { display: block; font-size: 1.9em; line-height: 1.1; font-variant-numeric: tabular-nums; }
      .count span { font-size: 0.85em; white-space: nowrap; }
      .count.absent b { color: var(--asg-absent); }
      .count.late b { color: var(--asg-late); }
      .count.early_leave b { color: var(--asg-early); }
      .count.not_arrived b { color: var(--asg-not-arrived-bg); }
      .count.excused b { color: var(--asg-excused); }
      .count.alert { background: var(--asg-not-arrived-bg); }
      .count.alert b, .count.alert span { color: #fff; }
      .grid { flex: 1; min-height: 0; display: grid; gap: 0.4em; padding: 0.4em; overflow: hidden; }
      .col { display: flex; flex-direction: column; gap: 0.4em; min-width: 0; min-height: 0; overflow: hidden; }
      .stale { background: #c4320a; color: #fff; font-size: 1.4em; font-weight: 700; text-align: center; padding: 0.3em; }
      .closed { flex: 1; display: grid; place-items: center; font-size: 2.5em; color: var(--asg-ink-soft); }
      footer { display: flex; justify-content: space-between; padding: 0.15em 1em; font-size: 0.8em; color: var(--asg-ink-soft); }
    `];connectedCallback(){super.connectedCallback(),this.tick(),this.start()}disconnectedCallback(){super.disconnectedCallback(),clearTimeout(this.tickTimer),this.stopWakeLock()}async start(){let e=new URLSearchParams(location.search).get(`pair`);if(e)history.replaceState(null,``,location.pathname),await this.pair(e);else try{await r(`GET`,`/api/board/me`),this.goLive()}catch(e){e instanceof c&&(e.code===`DEVICE_REVOKED`||e.code===`UNAUTHENTICATED`)?this.phase=`unpaired`:setTimeout(()=>void this.start(),3e3+Math.random()*3e3)}}async pair(e){try{await r(`POST`,`/api/board/pair`,{code:e}),this.pairError=``,this.goLive()}catch(e){this.phase=`unpaired`,this.pairError=e instanceof c?e.message:String(e)}}goLive(){this.day??=new g(this,{client:`board`}),this.phase=`running`}tick(){this.now=Date.now();let e=this.day,t=e?.snapshot;if(e&&t){e.checkDate(this.now),this.dimmed=u(this.now,t.timeZone,t.dimBefore,t.dimAfter),e.state===`ended`&&this.phase===`running`&&(this.phase=`unpaired`);let n=[...e.changedAt.values()].every(e=>this.now-e>B);e.buildChanged&&e.state===`live`&&n&&R(t.buildId)}else e?.state===`ended`&&this.phase===`running`&&(this.phase=`unpaired`);this.tickTimer=setTimeout(()=>this.tick(),1e3-Date.now()%1e3+5)}updated(){this.fitter.observe(this.renderRoot.querySelector(`.grid`))}render(){if(this.phase===`unpaired`)return n`<asg-board-unpaired .error=${this.pairError} @asg-pair=${e=>void this.pair(e.detail)}></asg-board-unpaired>`;let e=this.day,r=e?.snapshot;if(!e||!r)return n`<div class="closed">接続しています…</div>`;let i=r.timeZone,a=new Intl.DateTimeFormat(`ja-JP`,{hour:`numeric`,minute:`2-digit`,timeZone:i}),o=[...e.entries.values()],s=F(o),c=this.fitter.fit(r.classes.map(e=>({classId:e.id,entries:s.get(e.id)?.length??0})),window.innerHeight),l=c?D(this.now,c.pages.length,V):0,u=e.state!==`live`&&this.now-(e.lastSyncAt??this.startedAt)>z,d=m(this.now);return n`<div class="frame" style="transform: translate(${d.x}px, ${d.y}px)">
      <header>
        <span class="date">${v(r.date,r.showEraYear)}</span>
        <span class="clock">${a.format(this.now)}</span>
        ${c&&c.pages.length>1?n`<span class="page" aria-label="ページ">${l+1}/${c.pages.length}</span>`:t}
        ${this.renderCounts(o,r)}
      </header>
      ${u?n`<div class="stale" role="alert">接続が切れています — 最終更新 ${e.lastSyncAt?a.format(e.lastSyncAt):`—`}(自動で再接続します)</div>`:t}
      ${r.isSchoolDay||o.length>0?this.renderGrid(r,s,c,l):n`<div class="closed">本日は授業日ではありません</div>`}
      <footer>
        <span>${r.schoolName}</span>
        <asg-connection-status .state=${e.state} .lastSyncAt=${e.lastSyncAt} .timeZone=${i}></asg-connection-status>
      </footer>
    </div>`}renderCounts(e,r){let i=P(e),a=e.filter(h).length,o=d(r,this.now).size;return n`<div class="counts">
      ${N.map(e=>n`<div class="count ${e} ${e===`not_arrived`&&a>0?`alert`:``}"><b>${i[e]}</b><span>${s[e]}</span></div>`)}
      ${o>0?n`<div class="count alert roll"><b>${o}</b><span>未点呼の学級</span></div>`:t}
    </div>`}renderGrid(e,t,r,i){let a=this.day,o=new Map(e.classes.map(e=>[e.id,e])),s=d(e,this.now),c=r?.pages[i]??[],l=r?`font-size: ${r.fontPx}px; grid-template-columns: repeat(${r.columns}, minmax(0, 1fr))`:``;return n`<div class="grid" style=${l}>
      ${c.map(r=>n`<div class="col">
          ${r.map(r=>n`<asg-board-class
              .info=${o.get(r.classId)}
              .entries=${(t.get(r.classId)??[]).slice(r.from,r.to)}
              .changedAt=${a.changedAt}
              .thresholds=${e}
              .now=${this.now}
              .continued=${r.continued}
              .missingRoll=${s.has(r.classId)}
              .showMessages=${e.boardShowsMessages}
            ></asg-board-class>`)}
        </div>`)}
    </div>`}};customElements.define(`asg-board-app`,H);