import{C as e,D as t,T as n,k as r,n as i,t as a}from"./styles-CSPGLkim.js";import{n as o,t as s}from"./session-CEBAGjZc.js";import"./asg-login-B74V-Pqd.js";var c=class extends e{static properties={heading:{type:String},me:{state:!0},state:{state:!0}};constructor(){super(),this.heading=``,this.me=null,this.state=`loading`}static styles=[i,a,r`
      :host { display: block; min-height: 100vh; background: var(--asg-bg); }
      header { background: var(--asg-accent); color: #fff; }
      .in { max-width: 1400px; margin: 0 auto; padding: 0.5rem 12px; display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 1.2rem; }
      h1 { font-size: 1.1rem; margin: 0; }
      nav { display: flex; gap: 0.9rem; }
      nav a { color: #fff; font-size: 0.95rem; }
      .user { margin-left: auto; display: flex; align-items: center; gap: 0.8rem; font-size: 0.9rem; }
      header button { background: transparent; color: #fff; border-color: rgb(255 255 255 / 0.6); min-height: 36px; padding: 0.2em 0.8em; }
      main { max-width: 1400px; margin: 0 auto; padding: 12px; }
      .message { text-align: center; padding: 3rem 1rem; }
      @media print { header { display: none; } main { padding: 0; max-width: none; } :host { background: #fff; } }
    `];connectedCallback(){super.connectedCallback(),this.load()}async load(){try{let e=await s();e?e.kind===`staff`?(this.me=e,this.state=`ready`,this.dispatchEvent(new CustomEvent(`asg-staff-ready`,{detail:e,bubbles:!0,composed:!0}))):this.state=`guardian`:this.state=`login`}catch{this.state=`error`}}render(){return this.state===`loading`?n`<p class="message">読み込み中…</p>`:this.state===`error`?n`<p class="message" role="alert">読み込めませんでした。<button @click=${()=>this.load()}>もう一度</button></p>`:this.state===`login`?n`<asg-login heading="教職員ログイン — ${this.heading}" @asg-logged-in=${()=>this.load()}></asg-login>`:this.state===`guardian`?n`<p class="message">このページは教職員用です。<a href="/guardian/">保護者用ページへ</a></p>`:n`<header><div class="in">
        <h1>${this.heading}</h1>
        <nav aria-label="教職員のページ">
          <a href="/teacher/">学級の出欠</a><a href="/register/">出席簿</a><a href="/guidance/">生徒指導</a><a href="/calendar/">行事・休業日</a>
        </nav>
        <span class="user">${this.me?.name??t}<button @click=${this.onLogout}>ログアウト</button></span>
      </div></header>
      <main><slot></slot></main>`}async onLogout(){await o().catch(()=>{}),this.me=null,this.state=`login`}};customElements.define(`asg-staff-gate`,c);