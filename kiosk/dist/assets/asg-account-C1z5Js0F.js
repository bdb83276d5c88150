import{C as e,D as t,T as n,b as r,i,k as a,n as o,r as s,t as c,x as l}from"./styles-CSPGLkim.js";async function u(e,t,n,i){let a;try{a=await fetch(t,{method:e,credentials:`same-origin`,headers:{"content-type":i},body:n,signal:AbortSignal.timeout(6e4)})}catch{throw new s(`INTERNAL`,`通信できませんでした。もう一度お試しください。`)}let o=await a.json().catch(()=>null);if(a.ok)return o;let c=l.safeParse(o);throw c.success?new s(c.data.error.code,c.data.error.message,c.data.error.fields,a.status):new s(`INTERNAL`,r.INTERNAL.ja,{},a.status)}var d=(e,t)=>u(`PUT`,e,JSON.stringify(t),`application/json`),f=(e,t)=>u(`POST`,e,t,`text/csv`),p=e=>e instanceof s?e.message:String(e),m=a`
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
`;function h(e){return[/iPhone|iPad/.test(e)?/iPad/.test(e)?`iPad`:`iPhone`:/Android/.test(e)?`Android`:/Windows/.test(e)?`Windows`:/Mac OS X/.test(e)?`Mac`:/CrOS/.test(e)?`Chromebook`:/Linux/.test(e)?`Linux`:``,/Edg\//.test(e)?`Edge`:/Firefox\//.test(e)?`Firefox`:/Chrome\//.test(e)?`Chrome`:/Safari\//.test(e)?`Safari`:``].filter(Boolean).join(`・`)||`不明な端末`}var g=class extends e{static properties={sessions:{state:!0},error:{state:!0},notice:{state:!0}};constructor(){super(),this.sessions=[],this.error=``,this.notice=``}static styles=[o,c,m,a`
    ul.sessions { list-style: none; padding: 0; margin: 0; }
    ul.sessions li { border-bottom: 1px solid var(--asg-line); padding: 8px 0; }
    .now { color: var(--asg-ok); font-weight: 600; }
  `];connectedCallback(){super.connectedCallback(),this.load()}async load(){this.sessions=(await i(`GET`,`/api/account/sessions`).catch(e=>(this.error=p(e),{sessions:[]}))).sessions}render(){let e=e=>new Date(e).toLocaleString(`ja-JP`,{month:`numeric`,day:`numeric`,hour:`numeric`,minute:`2-digit`});return n`
      ${this.error?n`<p class="error" role="alert">${this.error}</p>`:t}
      ${this.notice?n`<p class="ok" role="status">${this.notice}</p>`:t}
      <section>
        <h2>パスワードの変更</h2>
        <form @submit=${this.change}>
          <label class="block">現在のパスワード</label><input name="current" type="password" autocomplete="current-password" required />
          <label class="block">新しいパスワード(8文字以上)</label><input name="next" type="password" autocomplete="new-password" minlength="8" required />
          <div class="row"><button class="primary" type="submit">変更する</button></div>
        </form>
      </section>
      <section>
        <h2>ログイン中の端末</h2>
        <ul class="sessions">
          ${this.sessions.map(r=>n`<li>
            <div><b>${h(r.userAgent)}</b>${r.current?n` <span class="now">(この端末)</span>`:t}</div>
            <div class="muted">ログイン ${e(r.createdAt)}・最終利用 ${e(r.lastSeenAt)}</div>
            ${r.current?t:n`<button @click=${()=>this.end(r.id)}>この端末をログアウトさせる</button>`}
          </li>`)}
        </ul>
        <div class="row"><button @click=${this.endOthers} ?disabled=${this.sessions.length<2}>この端末以外をすべてログアウト</button></div>
      </section>
    `}async change(e){e.preventDefault();let t=e.target,n=new FormData(t);try{let e=await i(`POST`,`/api/account/password`,{current:n.get(`current`),next:n.get(`next`)});this.notice=`パスワードを変更しました。ほかの端末 ${e.endedSessions}台はログアウトしました。`,this.error=``,t.reset(),await this.load()}catch(e){this.error=p(e)}}async end(e){await i(`POST`,`/api/account/sessions/${e}/end`).catch(e=>this.error=p(e)),await this.load()}async endOthers(){await i(`POST`,`/api/account/sessions/end-others`).catch(e=>this.error=p(e)),await this.load()}};customElements.define(`asg-account`,g);export{f as i,p as n,d as r,m as t};