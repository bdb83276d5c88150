import{C as e,T as t,i as n,k as r,n as i,r as a,t as o}from"./styles-CSPGLkim.js";var s=class extends e{static properties={heading:{type:String},error:{state:!0},busy:{state:!0}};constructor(){super(),this.heading=`ログイン`,this.error=``,this.busy=!1}static styles=[i,o,r`
      :host { display: block; max-width: 420px; margin: 10vh auto; padding: 0 16px; }
      h1 { font-size: 1.4rem; margin: 0 0 1.5rem; }
      label { display: block; margin: 1rem 0 0.3rem; font-weight: 600; }
      input { font: inherit; font-size: 1.1rem; width: 100%; box-sizing: border-box; padding: 0.7em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); }
      button { width: 100%; margin-top: 1.5rem; font-size: 1.1rem; }
      .error { color: var(--asg-absent); margin-top: 1rem; }
    `];render(){return t`
      <h1>${this.heading}</h1>
      <form @submit=${this.submit} novalidate>
        <label for="login">ログインID</label>
        <input id="login" name="loginId" autocomplete="username" autocapitalize="none" required />
        <label for="password">パスワード</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy?`ログイン中…`:`ログイン`}</button>
        ${this.error?t`<p class="error" role="alert">${this.error}</p>`:null}
      </form>
    `}async submit(e){e.preventDefault();let t=new FormData(e.target);this.busy=!0,this.error=``;try{let e=await n(`POST`,`/api/session`,{loginId:t.get(`loginId`),password:t.get(`password`)});this.dispatchEvent(new CustomEvent(`asg-logged-in`,{detail:e.me,bubbles:!0,composed:!0}))}catch(e){this.error=e instanceof a?e.message:String(e)}finally{this.busy=!1}}};customElements.define(`asg-login`,s);