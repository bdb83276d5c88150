import{C as e,D as t,T as n,i as r,k as i,n as a,r as o,t as s}from"./styles-CSPGLkim.js";/* empty css             */import{t as c}from"./session-CEBAGjZc.js";import"./asg-account-C1z5Js0F.js";var l=class extends e{static properties={error:{state:!0},done:{state:!0},busy:{state:!0}};constructor(){super(),this.error=``,this.done=!1,this.busy=!1}static styles=[a,s,i`
      :host { display: block; }
      label { display: block; margin: 14px 0 4px; font-weight: 600; }
      input { font: inherit; font-size: 1.1rem; width: 100%; box-sizing: border-box; padding: 0.65em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); }
      button { width: 100%; margin-top: 16px; font-size: 1.1rem; }
      .error { color: var(--asg-absent); }
    `];render(){return this.done?n`<p role="status">新しいパスワードを設定しました。ほかの端末はログアウトしました。</p>`:n`<form @submit=${this.submit}>
      <label for="r-login">ログインID</label><input id="r-login" name="loginId" autocomplete="username" autocapitalize="none" required />
      <label for="r-code">学校から受け取った再設定コード</label><input id="r-code" name="code" autocomplete="off" required />
      <label for="r-password">新しいパスワード(8文字以上)</label><input id="r-password" name="password" type="password" autocomplete="new-password" required />
      ${this.error?n`<p class="error" role="alert">${this.error}</p>`:t}
      <button class="primary" type="submit" ?disabled=${this.busy}>パスワードを設定する</button>
    </form>`}async submit(e){e.preventDefault();let t=new FormData(e.target);this.busy=!0,this.error=``;try{await r(`POST`,`/api/account/reset`,{loginId:t.get(`loginId`),code:t.get(`code`),password:t.get(`password`)}),this.done=!0,this.dispatchEvent(new CustomEvent(`asg-password-reset`,{bubbles:!0,composed:!0}))}catch(e){this.error=e instanceof o?e.message:String(e)}finally{this.busy=!1}}};customElements.define(`asg-password-reset`,l);var u=e=>e instanceof o?e.message:String(e),d=class extends e{static properties={me:{state:!0},step:{state:!0},code:{state:!0},found:{state:!0},added:{state:!0},error:{state:!0},fields:{state:!0},busy:{state:!0}};constructor(){super(),this.me=null,this.step=location.hash===`#reset`?`reset`:location.hash===`#account`?`account`:`code`,this.code=new URLSearchParams(location.search).get(`code`)??``,this.found=null,this.added=[],this.error=``,this.fields={},this.busy=!1}static styles=[a,s,i`
      :host { display: block; max-width: 480px; margin: 0 auto; padding: 16px 16px 48px; }
      h1 { font-size: 1.3rem; margin: 8px 0 16px; }
      .card { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 16px; margin: 12px 0; }
      .child { font-size: 1.3rem; font-weight: 700; margin: 4px 0; }
      label { display: block; margin: 14px 0 4px; font-weight: 600; }
      .hint { font-weight: 400; color: var(--asg-ink-soft); font-size: 0.85rem; }
      input { font: inherit; font-size: 1.1rem; width: 100%; box-sizing: border-box; padding: 0.65em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); }
      input.code { font-family: ui-monospace, monospace; letter-spacing: 0.1em; text-transform: uppercase; }
      button { width: 100%; margin-top: 16px; font-size: 1.1rem; }
      .names { display: flex; gap: 8px; } .names > div { flex: 1; }
      .error { color: var(--asg-absent); }
      .field-error { color: var(--asg-absent); font-size: 0.9rem; margin: 4px 0 0; }
      a.button { display: block; text-align: center; background: var(--asg-accent); color: #fff; padding: 0.8em; border-radius: var(--asg-radius); text-decoration: none; font-weight: 700; margin-top: 16px; }
    `];async connectedCallback(){super.connectedCallback(),this.me=await c().catch(()=>null),this.code&&await this.check()}render(){return n`
      <h1>${this.step===`account`?`アカウント`:this.step===`reset`?`パスワードの再設定`:this.step===`done`?`登録が完了しました`:this.me?.kind===`guardian`?`お子さまを追加`:`保護者の登録`}</h1>
      ${this.step===`account`?this.accountStep():this.step===`reset`?n`<div class="card"><asg-password-reset></asg-password-reset></div><a href="/guardian/">ログイン画面へ</a>`:this.step===`code`?this.codeStep():this.step===`form`?this.formStep():this.doneStep()}
    `}codeStep(){return n`<form class="card" @submit=${e=>(e.preventDefault(),this.check())}>
      <label for="code">学校からの用紙にある登録コード</label>
      <input id="code" class="code" autocomplete="off" autocapitalize="characters" .value=${this.code} @input=${e=>this.code=e.target.value} placeholder="XXXX-XXXX-XXXX" />
      ${this.error?n`<p class="error" role="alert">${this.error}</p>`:t}
      <button class="primary" type="submit" ?disabled=${this.busy||this.code.trim().length<8}>次へ</button>
    </form>
    <p><a href="#reset" @click=${()=>this.step=`reset`}>パスワードを忘れた方(学校から再設定コードを受け取った方)</a></p>`}formStep(){let e=this.found,r=this.me?.kind===`guardian`;return n`
      <div class="card" aria-label="お子さま">
        <div>${e.schoolName} ${e.classLabel}</div>
        <div class="child">${e.pupilName} さん</div>
        <div class="hint">お子さまの名前が違う場合は、登録せずに学校へお知らせください。</div>
      </div>
      ${r?n`<div class="card"><p>${this.me.name} さんのアカウントに、このお子さまを追加します。</p>
            ${this.error?n`<p class="error" role="alert">${this.error}</p>`:t}
            <button class="primary" ?disabled=${this.busy} @click=${this.addChild}>追加する</button></div>`:n`<form class="card" @submit=${this.register} novalidate>
            <div class="names">
              <div><label for="familyName">姓</label><input id="familyName" name="familyName" autocomplete="family-name" required />${this.fieldError(`familyName`)}</div>
              <div><label for="givenName">名</label><input id="givenName" name="givenName" autocomplete="given-name" required />${this.fieldError(`givenName`)}</div>
            </div>
            <label for="loginId">ログインID <span class="hint">半角英数字4文字以上(メールアドレスでも可)</span></label>
            <input id="loginId" name="loginId" autocomplete="username" autocapitalize="none" required />${this.fieldError(`loginId`)}
            <label for="password">パスワード <span class="hint">8文字以上</span></label>
            <input id="password" name="password" type="password" autocomplete="new-password" required />${this.fieldError(`password`)}
            <label for="email">メールアドレス <span class="hint">任意</span></label>
            <input id="email" name="email" type="email" autocomplete="email" />${this.fieldError(`email`)}
            ${this.error?n`<p class="error" role="alert">${this.error}</p>`:t}
            <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy?`登録中…`:`登録する`}</button>
          </form>`}
    `}doneStep(){return n`
      <div class="card" role="status">
        <p>次のお子さまの連絡ができるようになりました。</p>
        ${this.added.map(e=>n`<div class="child">${e} さん</div>`)}
      </div>
      <a class="button" href="/guardian/">欠席・遅刻・早退の連絡へ</a>
      <p><a href="#account" @click=${()=>this.step=`account`}>パスワードの変更・ログイン中の端末</a></p>
      <form class="card" @submit=${e=>(e.preventDefault(),this.check())}>
        <label for="code">きょうだいを追加する(そのお子さまの用紙のコード)</label>
        <input id="code" class="code" autocomplete="off" .value=${this.code} @input=${e=>this.code=e.target.value} placeholder="XXXX-XXXX-XXXX" />
        ${this.error?n`<p class="error" role="alert">${this.error}</p>`:t}
        <button type="submit" ?disabled=${this.busy||this.code.trim().length<8}>お子さまを追加</button>
      </form>
    `}accountStep(){return this.me?n`<asg-account></asg-account>
      <p><a href="/join/" @click=${()=>this.step=`code`}>お子さまを追加する(登録コード)</a></p>
      <a class="button" href="/guardian/">連絡ページへ戻る</a>`:n`<p>ログインしてください。</p><a class="button" href="/guardian/">ログイン画面へ</a>`}fieldError(e){return this.fields[e]?n`<p class="field-error">${this.fields[e]}</p>`:t}async run(e){this.busy=!0,this.error=``,this.fields={};try{await e()}catch(e){this.error=u(e),e instanceof o&&(this.fields=e.fields)}finally{this.busy=!1}}check(){return this.run(async()=>{this.found=await r(`POST`,`/api/registration/check`,{code:this.code}),this.step=`form`})}register(e){e.preventDefault();let t=new FormData(e.target);return this.run(async()=>{await r(`POST`,`/api/registration`,{code:this.code,familyName:t.get(`familyName`),givenName:t.get(`givenName`),loginId:t.get(`loginId`),password:t.get(`password`),email:t.get(`email`)??``}),this.me=await c(),this.done(this.found.pupilName)})}addChild(){return this.run(async()=>{let e=await r(`POST`,`/api/registration/add-child`,{code:this.code});this.done(e.pupilName)})}done(e){this.added=[...this.added,e],this.code=``,this.found=null,this.step=`done`,history.replaceState(null,``,location.pathname)}};customElements.define(`asg-join-app`,d);