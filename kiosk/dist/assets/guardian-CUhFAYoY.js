import{C as e,D as t,S as n,T as r,b as i,f as a,i as o,k as s,n as c,r as l,t as u,y as d}from"./styles-CSPGLkim.js";/* empty css             */import"./asg-login-B74V-Pqd.js";import{a as f,n as p,t as m}from"./format-BVg1O0M-.js";import{t as h}from"./schoolTime-0SODJlN-.js";import{a as g,c as _,o as v}from"./directive-helpers-CvrzaQYl.js";import{n as y,t as b}from"./session-CEBAGjZc.js";var x={htmlLang:`ja`,appTitle:`欠席・遅刻・早退の連絡`,loginHeading:`保護者ログイン`,greeting:e=>`${e} さん`,logout:`ログアウト`,loggingOut:`ログアウト中…`,switchLanguage:`English`,switchLanguageLabel:`Switch to English`,checking:`確認しています…`,loading:`読み込んでいます…`,reload:`もう一度読み込む`,staffTitle:`このページは保護者の方向けです`,staffBody:`教職員のアカウントでログインしています。教職員用のページをお使いください。`,staffLink:`教職員用ページへ`,noChildren:`お子さまの情報がまだ登録されていません。お手数ですが、学校へお問い合わせください。`,sessionExpired:`ログインの有効期限が切れました。もう一度ログインしていただくと、入力した内容のまま続けられます。`,steps:[`入力`,`確認`,`完了`],stepOf:e=>`ステップ ${e}/3`,childrenLegend:`どのお子さまですか`,childrenHint:`複数選べます`,kindLegend:`連絡の種類`,kind:{absent:`欠席`,late:`遅刻`,early_leave:`早退`},dayLegend:`いつですか`,today:`今日`,tomorrow:`明日`,nextSchoolDay:`次の登校日`,range:`期間を指定`,pickDate:`日付を指定`,fromDate:`開始日`,toDate:`終了日`,date:`日付`,rangeNote:`土日・祝日など授業のない日は、自動的に除かれます。`,todayClosed:`今日は授業のない日です。`,cutoffHint:e=>`今日の分は ${e} までに届くと、朝の出欠確認に間に合います。過ぎてしまって急ぎのときは、学校へお電話ください。`,lateTime:`登校する予定の時刻`,earlyTime:`お迎え(下校)の時刻`,reasonLegend:`理由`,symptomsLegend:`症状(あてはまるものがあれば)`,temperature:`体温(測っていれば)`,temperatureUnit:`℃`,messageLabel:`学校へのメッセージ(任意)`,messagePlaceholder:`お伝えしたいことがあればご記入ください`,counter:(e,t)=>`${e} / ${t}文字`,toReview:`確認へ進む`,fixBelow:`まだ選ばれていない項目があります。赤い字のところをご確認ください。`,errChild:`お子さまを選んでください`,errKind:`欠席・遅刻・早退のどれかを選んでください`,errDay:`日にちを選んでください`,errDate:`日付を入力してください`,errRangeDates:`開始日と終了日を入力してください`,errRangeOrder:`終了日は開始日と同じか、あとの日にしてください`,errRangeLong:e=>`期間は${e}日までにしてください`,errPast:`過ぎた日は選べません。学校へお電話ください。`,errLateTime:`登校する予定の時刻を入力してください`,errEarlyTime:`お迎えの時刻を入力してください`,errReason:`理由を選んでください`,errTemperature:`体温は 34.0〜42.5 の数字で入力してください(測っていなければ空欄で大丈夫です)`,errMessage:e=>`メッセージは${e}文字までです`,confirmHeading:`この内容で送信してよろしいですか?`,who:`お子さま`,what:`種類`,when:`日にち`,timeLate:`登校予定`,timeEarly:`お迎え`,reason:`理由`,symptoms:`症状`,message:`メッセージ`,none:`なし`,back:`修正する`,send:`この内容で送信する`,sending:`送信しています…`,sendAgain:`もう一度送信する`,sendAgainNote:`もう一度押しても、同じ連絡が二重に届くことはありません。`,receiptHeading:`連絡を受け付けました`,thanks:`ご連絡ありがとうございます。`,getWell:`どうぞお大事になさってください。`,receiptNo:`受付番号`,submittedAt:`送信日時`,sentContent:`送った内容`,skipped:e=>`土日・祝日など授業のない日(${e})は含めていません。`,ackNote:`学校が確認すると、「最近の連絡」に「確認済」と表示されます。`,another:`続けて連絡する`,close:`閉じる`,listHeading:`最近の連絡`,listEmpty:`この30日間に送った連絡はありません。`,acknowledged:`確認済`,acknowledgedNote:`学校が確認しました`,withdrawn:`取り消し済`,withdraw:`取り消す`,withdrawQuestion:`この連絡を取り消しますか?`,withdrawYes:`取り消す`,withdrawNo:`やめる`,withdrawing:`取り消しています…`,sentAt:e=>`${e} 送信`,arrival:e=>`${e}ごろ登校予定`,pickup:e=>`${e} お迎え`,daysCount:e=>`${e}日間`,listSeparator:`・`,network:`通信できませんでした。電波の良い所でもう一度お試しください。`,unexpected:`うまく表示できませんでした。時間をおいてもう一度お試しください。`},S={htmlLang:`en`,appTitle:`Absence, late arrival and early leave`,loginHeading:`Guardian login`,greeting:e=>e,logout:`Log out`,loggingOut:`Logging out…`,switchLanguage:`日本語`,switchLanguageLabel:`日本語に切り替える`,checking:`Checking…`,loading:`Loading…`,reload:`Try again`,staffTitle:`This page is for parents and guardians`,staffBody:`You are logged in with a staff account. Please use the staff page.`,staffLink:`Go to the staff page`,noChildren:`No children are registered for your account yet. Please contact the school.`,sessionExpired:`Your login has expired. Log in again to continue; what you entered is kept.`,steps:[`Enter`,`Check`,`Done`],stepOf:e=>`Step ${e} of 3`,childrenLegend:`Which child?`,childrenHint:`You can choose more than one`,kindLegend:`What to report`,kind:{absent:`Absent`,late:`Late`,early_leave:`Leaving early`},dayLegend:`When?`,today:`Today`,tomorrow:`Tomorrow`,nextSchoolDay:`Next school day`,range:`Choose dates`,pickDate:`Choose a date`,fromDate:`From`,toDate:`To`,date:`Date`,rangeNote:`Days without school (weekends, holidays) are left out automatically.`,todayClosed:`There is no school today.`,cutoffHint:e=>`Reports for today that arrive by ${e} reach the morning roll call. If it is later and urgent, please phone the school.`,lateTime:`Expected arrival time`,earlyTime:`Pick-up time`,reasonLegend:`Reason`,symptomsLegend:`Symptoms (if any)`,temperature:`Temperature (if measured)`,temperatureUnit:`°C`,messageLabel:`Message to the school (optional)`,messagePlaceholder:`Anything you would like the school to know`,counter:(e,t)=>`${e} / ${t}`,toReview:`Check and send`,fixBelow:`Something is still missing. Please see the notes in red.`,errChild:`Please choose a child`,errKind:`Please choose absent, late or leaving early`,errDay:`Please choose a day`,errDate:`Please enter a date`,errRangeDates:`Please enter both dates`,errRangeOrder:`The end date must be on or after the start date`,errRangeLong:e=>`Please choose ${e} days at most`,errPast:`That day has passed. Please phone the school.`,errLateTime:`Please enter the expected arrival time`,errEarlyTime:`Please enter the pick-up time`,errReason:`Please choose a reason`,errTemperature:`Please enter a temperature between 34.0 and 42.5 (or leave it empty)`,errMessage:e=>`The message can be ${e} characters at most`,confirmHeading:`Send this report?`,who:`Child`,what:`Report`,when:`Day(s)`,timeLate:`Arriving`,timeEarly:`Pick-up`,reason:`Reason`,symptoms:`Symptoms`,message:`Message`,none:`None`,back:`Edit`,send:`Send`,sending:`Sending…`,sendAgain:`Send again`,sendAgainNote:`Sending again will not create a second report.`,receiptHeading:`Report received`,thanks:`Thank you for letting us know.`,getWell:`We hope they feel better soon.`,receiptNo:`Receipt no.`,submittedAt:`Sent`,sentContent:`What was sent`,skipped:e=>`Days without school (${e}) are not included.`,ackNote:`When the school has read it, “Seen by school” appears under Recent reports.`,another:`Send another report`,close:`Close`,listHeading:`Recent reports`,listEmpty:`No reports in the last 30 days.`,acknowledged:`Seen`,acknowledgedNote:`Seen by school`,withdrawn:`Withdrawn`,withdraw:`Withdraw`,withdrawQuestion:`Withdraw this report?`,withdrawYes:`Withdraw`,withdrawNo:`Keep it`,withdrawing:`Withdrawing…`,sentAt:e=>`Sent ${e}`,arrival:e=>`Arriving around ${e}`,pickup:e=>`Pick-up at ${e}`,daysCount:e=>e===1?`1 day`:`${e} days`,listSeparator:`, `,network:`Could not connect. Please try again where the signal is better.`,unexpected:`Something went wrong. Please try again in a moment.`},C=[{value:`発熱`,en:`Fever`},{value:`せき`,en:`Cough`},{value:`鼻水`,en:`Runny nose`},{value:`のどの痛み`,en:`Sore throat`},{value:`頭痛`,en:`Headache`},{value:`腹痛`,en:`Stomach ache`},{value:`吐き気`,en:`Nausea`},{value:`下痢`,en:`Diarrhoea`}];function w(e,t){return t===`en`?C.find(t=>t.value===e)?.en??e:e}function T(e){return e===`en`?S:x}var E=`asagao.guardian.locale`;function D(){try{return localStorage.getItem(E)===`en`?`en`:`ja`}catch{return`ja`}}function O(e){try{localStorage.setItem(E,e)}catch{}}function k(e,t){let n=T(t);return e instanceof l?e.code===`INTERNAL`&&e.status===0?n.network:t===`en`?i[e.code].en:e.message:n.unexpected}var A=`Asia/Tokyo`,j=[`Mon`,`Tue`,`Wed`,`Thu`,`Fri`,`Sat`,`Sun`],M=[`Jan`,`Feb`,`Mar`,`Apr`,`May`,`Jun`,`Jul`,`Aug`,`Sep`,`Oct`,`Nov`,`Dec`];function N(e,t){if(t===`ja`)return m(e);let r=n.fromISO(e,{zone:`utc`});return`${j[r.weekday-1]} ${r.day} ${M[r.month-1]}`}function P(e,t,n){return e===t?N(e,n):`${N(e,n)}${n===`ja`?`〜`:` – `}${N(t,n)}`}function F(e){return f(e)}function I(e,t){let r=n.fromISO(e).setZone(A);return`${N(r.toISODate(),t)} ${r.toFormat(`H:mm`)}`}function L(e,t){let r=n.fromISO(e,{zone:`utc`}),i=n.fromISO(t,{zone:`utc`});return Math.round(i.diff(r,`days`).days)+1}function R(e,t){let n=t.find(t=>t>e)??null;return{today:t.includes(e)?e:null,next:n?{date:n,isTomorrow:n===h(e,1)}:null}}function z(e,t){let n=e.days.length?e.days:[e.fromDate];if(n.length===1)return N(n[0],t);let r=T(t).daysCount(n.length);return`${P(n[0],n[n.length-1],t)}${t===`ja`?`(${r})`:` (${r})`}`}function B(){if(typeof crypto.randomUUID==`function`)return crypto.randomUUID().replaceAll(`-`,``);let e=crypto.getRandomValues(new Uint8Array(16));return Array.from(e,e=>e.toString(16).padStart(2,`0`)).join(``)}function V(e,t){let n=({idempotencyKey:e,...t})=>JSON.stringify({...t,pupilIds:[...t.pupilIds].sort((e,t)=>e-t)});return n(e)===n(t)}function H(e){return e?.category===`illness`||e?.category===`suspension`}var U=s`
  :host {
    display: block;
    font-size: 1rem;
    line-height: 1.6;
    --asg-accent-bg: #e9eef8;
  }
  [hidden] {
    display: none !important;
  }
  .card {
    background: var(--asg-surface);
    border: 1px solid var(--asg-line);
    border-radius: var(--asg-radius);
    padding: 16px;
  }
  h2 {
    font-size: 1.2rem;
    margin: 0 0 12px;
    line-height: 1.4;
  }
  .muted {
    color: var(--asg-ink-soft);
    font-size: 0.9rem;
  }
  .note {
    background: #fff8e1;
    border-left: 4px solid #e0b000;
    padding: 8px 12px;
    border-radius: 6px;
    font-size: 0.95rem;
    margin: 8px 0 0;
  }
  .error {
    color: var(--asg-absent);
    font-weight: 600;
    margin: 6px 0 0;
    font-size: 0.95rem;
  }
  .error-box {
    color: var(--asg-absent);
    background: var(--asg-absent-bg);
    border-radius: var(--asg-radius);
    padding: 10px 12px;
    margin: 12px 0 0;
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-direction: column;
    gap: 10px;
    margin-top: 16px;
  }
  .actions button {
    width: 100%;
    font-size: 1.1rem;
    min-height: 52px;
  }
  .badge {
    display: inline-block;
    font-size: 0.85rem;
    font-weight: 700;
    line-height: 1.3;
    padding: 2px 8px;
    border-radius: 999px;
    border: 1px solid currentColor;
    white-space: nowrap;
  }
  .kind-absent {
    color: var(--asg-absent);
    background: var(--asg-absent-bg);
  }
  .kind-late {
    color: var(--asg-late);
    background: var(--asg-late-bg);
  }
  .kind-early_leave {
    color: var(--asg-early);
    background: var(--asg-early-bg);
  }
  dl.summary {
    margin: 0;
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 8px 14px;
  }
  dl.summary dt {
    color: var(--asg-ink-soft);
    font-size: 0.9rem;
    padding-top: 0.1em;
    white-space: nowrap;
  }
  dl.summary dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  dl.summary dd.message {
    font-weight: 400;
    white-space: pre-wrap;
  }
`,W=[`absent`,`late`,`early_leave`],G=class extends e{static properties={home:{attribute:!1},locale:{type:String},selected:{state:!0},kind:{state:!0},dayChoice:{state:!0},fromDate:{state:!0},toDate:{state:!0},lateTime:{state:!0},earlyTime:{state:!0},reasonId:{state:!0},symptoms:{state:!0},temperature:{state:!0},message:{state:!0},checked:{state:!0}};lastDraft=null;preselected=!1;constructor(){super(),this.home=null,this.locale=`ja`,this.selected=[],this.kind=``,this.dayChoice=``,this.fromDate=``,this.toDate=``,this.lateTime=`09:30`,this.earlyTime=``,this.reasonId=null,this.symptoms=[],this.temperature=``,this.message=``,this.checked=!1}static styles=[c,u,U,s`
      form {
        display: flex;
        flex-direction: column;
        gap: 14px;
      }
      fieldset {
        border: 1px solid var(--asg-line);
        border-radius: var(--asg-radius);
        background: var(--asg-surface);
        margin: 0;
        padding: 12px 14px 14px;
        min-width: 0;
      }
      fieldset.invalid {
        border-color: var(--asg-absent);
        box-shadow: 0 0 0 1px var(--asg-absent);
      }
      legend {
        font-weight: 700;
        font-size: 1.05rem;
        padding: 0 4px;
      }
      legend .muted {
        font-weight: 400;
        margin-left: 0.4em;
      }
      .sr-only {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      /* Choice tiles: a native input inside a label, styled by its state. */
      .tile {
        position: relative;
        display: flex;
        align-items: center;
        gap: 12px;
        min-height: 52px;
        box-sizing: border-box;
        padding: 8px 14px;
        border: 1px solid var(--asg-line);
        border-radius: var(--asg-radius);
        background: var(--asg-surface);
        cursor: pointer;
        -webkit-tap-highlight-color: transparent;
        user-select: none;
      }
      .tile input {
        position: absolute;
        opacity: 0;
        width: 1px;
        height: 1px;
        margin: 0;
      }
      .tile:has(input:focus-visible) {
        outline: 3px solid #ffbf47;
        outline-offset: 2px;
      }
      .tile.on {
        border: 2px solid var(--asg-accent);
        background: var(--asg-accent-bg);
        padding: 7px 13px;
      }
      .stack {
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      .box {
        flex: none;
        width: 26px;
        height: 26px;
        border: 2px solid var(--asg-ink-soft);
        border-radius: 6px;
        display: grid;
        place-items: center;
        background: #fff;
        font-size: 18px;
        line-height: 1;
        color: #fff;
      }
      .box.round {
        border-radius: 50%;
      }
      .on .box {
        background: var(--asg-accent);
        border-color: var(--asg-accent);
      }
      .child-name {
        font-size: 1.15rem;
        font-weight: 700;
        line-height: 1.3;
      }
      .child-class {
        display: block;
        color: var(--asg-ink-soft);
        font-size: 0.9rem;
        font-weight: 400;
      }
      .segments {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 8px;
      }
      .segments .tile {
        justify-content: center;
        min-height: 60px;
        font-size: 1.2rem;
        font-weight: 700;
        padding: 6px 4px;
      }
      .segments .tile.on {
        padding: 5px 3px;
      }
      .segments .tile.on.kind-absent {
        border-color: var(--asg-absent);
        background: var(--asg-absent-bg);
        color: var(--asg-absent);
      }
      .segments .tile.on.kind-late {
        border-color: var(--asg-late);
        background: var(--asg-late-bg);
        color: var(--asg-late);
      }
      .segments .tile.on.kind-early_leave {
        border-color: var(--asg-early);
        background: var(--asg-early-bg);
        color: var(--asg-early);
      }
      .day-label {
        font-weight: 700;
        font-size: 1.1rem;
      }
      .day-date {
        margin-left: 0.5em;
        font-size: 1.05rem;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
      .chips .tile {
        min-height: 44px;
        padding: 6px 14px;
        border-radius: 999px;
        font-size: 1rem;
      }
      .chips .tile.on {
        padding: 5px 13px;
        font-weight: 700;
      }
      .fields {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 10px;
        margin-top: 10px;
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: 4px;
        min-width: 0;
      }
      .field > span {
        font-size: 0.9rem;
        color: var(--asg-ink-soft);
      }
      input[type='date'],
      input[type='time'],
      input[type='number'],
      textarea {
        font: inherit;
        font-size: 16px;
        box-sizing: border-box;
        width: 100%;
        min-height: 48px;
        padding: 8px 10px;
        border: 1px solid var(--asg-line);
        border-radius: var(--asg-radius);
        background: #fff;
        color: var(--asg-ink);
      }
      .inline {
        display: flex;
        align-items: center;
        gap: 8px;
        max-width: 12rem;
      }
      .inline span {
        flex: none;
      }
      textarea {
        min-height: 7.5em;
        resize: vertical;
        line-height: 1.5;
      }
      .counter {
        text-align: right;
        font-size: 0.85rem;
        color: var(--asg-ink-soft);
        margin: 4px 0 0;
      }
      .counter.over {
        color: var(--asg-absent);
        font-weight: 700;
      }
      .sub {
        margin-top: 14px;
      }
      .closed {
        margin: 0 0 8px;
      }
      .sub-label,
      .field > .sub-label {
        display: block;
        font-weight: 700;
        font-size: 1rem;
        color: var(--asg-ink);
        margin-bottom: 2px;
      }
      input.time {
        max-width: 12rem;
      }
      button[type='submit'] {
        width: 100%;
        font-size: 1.15rem;
        min-height: 56px;
      }
    `];willUpdate(){!this.preselected&&this.home&&(this.preselected=!0,this.home.children.length===1&&(this.selected=[this.home.children[0].pupilId]))}render(){let e=this.home;if(!e)return t;let n=T(this.locale),i=this.checked?this.validate():{},a=this.schoolId(),o=this.quick(),s=e.reasons[String(a)]??[],c=s.find(e=>e.id===this.reasonId),l=new Set(e.children.map(e=>e.schoolId)).size>1,u=e.sameDayCutoff[String(a)],f=this.dates()?.fromDate===e.today,p=e=>i[e]?r`<p class="error" id="err-${e}">${i[e]}</p>`:t;return r`
      <form novalidate @submit=${this.submit}>
        <fieldset class=${i.children?`invalid`:``} data-field="children">
          <legend>${n.childrenLegend}${e.children.length>1?r`<span class="muted">${n.childrenHint}</span>`:t}</legend>
          <div class="stack">
            ${e.children.map(e=>this.childTile(e,l))}
          </div>
          ${p(`children`)}
        </fieldset>

        <fieldset class=${i.kind?`invalid`:``} data-field="kind">
          <legend>${n.kindLegend}</legend>
          <div class="segments">
            ${W.map(e=>r`<label class="tile kind-${e} ${this.kind===e?`on`:``}">
                <input type="radio" name="kind" .checked=${this.kind===e} @change=${()=>this.setKind(e)} />${n.kind[e]}
              </label>`)}
          </div>
          ${p(`kind`)}
        </fieldset>

        <fieldset class=${i.day||i.time?`invalid`:``} data-field="day">
          <legend>${n.dayLegend}</legend>
          ${o.today?t:r`<p class="muted closed">${n.todayClosed}</p>`}
          <div class="stack">
            ${o.today?this.dayTile(`today`,n.today,o.today):t}
            ${o.next?this.dayTile(`next`,o.next.isTomorrow?n.tomorrow:n.nextSchoolDay,o.next.date):t}
            ${this.kind===`absent`||this.kind===``?this.dayTile(`range`,n.range,null):this.dayTile(`date`,n.pickDate,null)}
          </div>
          ${this.dayChoice===`range`?r`<div class="fields">
                  <label class="field"><span>${n.fromDate}</span>
                    <input type="date" .value=${this.fromDate} min=${e.today} @change=${this.onFrom} /></label>
                  <label class="field"><span>${n.toDate}</span>
                    <input type="date" .value=${this.toDate} min=${this.fromDate||e.today} @change=${this.onTo} /></label>
                </div>
                <p class="muted">${n.rangeNote}</p>`:t}
          ${this.dayChoice===`date`?r`<div class="fields">
                <label class="field"><span>${n.date}</span>
                  <input type="date" .value=${this.fromDate} min=${e.today} @change=${this.onFrom} /></label>
              </div>`:t}
          ${p(`day`)}
          ${f&&u?r`<p class="note">${n.cutoffHint(F(u))}</p>`:t}

          ${this.kind===`late`||this.kind===`early_leave`?r`<div class="sub">
                <label class="field">
                  <span class="sub-label">${this.kind===`late`?n.lateTime:n.earlyTime}</span>
                  <input class="time" type="time" step="300"
                    .value=${this.kind===`late`?this.lateTime:this.earlyTime}
                    @input=${this.onTime} @change=${this.onTime} />
                </label>
                ${p(`time`)}
              </div>`:t}
        </fieldset>

        <fieldset class=${i.reason?`invalid`:``} data-field="reason">
          <legend>${n.reasonLegend}</legend>
          <div class="chips">
            ${s.map(e=>r`<label class="tile ${this.reasonId===e.id?`on`:``}">
                <input type="radio" name="reason" .checked=${this.reasonId===e.id} @change=${()=>this.reasonId=e.id} />${e.label}
              </label>`)}
          </div>
          ${p(`reason`)}

          ${H(c)?r`<div class="sub">
                  <span class="sub-label" id="symptoms-label">${n.symptomsLegend}</span>
                  <div class="chips" role="group" aria-labelledby="symptoms-label">
                    ${C.map(({value:e})=>{let t=this.symptoms.includes(e);return r`<label class="tile ${t?`on`:``}">
                        <input type="checkbox" .checked=${t} @change=${()=>this.toggleSymptom(e)} />${w(e,this.locale)}
                      </label>`})}
                  </div>
                </div>
                <div class="sub" data-field="temperature">
                  <label class="field">
                    <span class="sub-label">${n.temperature}</span>
                    <span class="inline">
                      <input type="number" inputmode="decimal" min="34" max="42.5" step="0.1" placeholder="37.5"
                        .value=${this.temperature} @input=${e=>this.temperature=e.target.value} />
                      <span>${n.temperatureUnit}</span>
                    </span>
                  </label>
                  ${p(`temperature`)}
                </div>`:t}
        </fieldset>

        <fieldset class=${i.message?`invalid`:``} data-field="message">
          <legend>${n.messageLabel}</legend>
          <textarea aria-label=${n.messageLabel} placeholder=${n.messagePlaceholder} maxlength=${d.messageChars}
            .value=${this.message} @input=${e=>this.message=e.target.value}></textarea>
          <p class="counter ${this.message.length>d.messageChars?`over`:``}" aria-live="polite">
            ${n.counter(this.message.length,d.messageChars)}
          </p>
          ${p(`message`)}
        </fieldset>

        ${Object.keys(i).length?r`<p class="error-box" role="alert">${n.fixBelow}</p>`:t}
        <button class="primary" type="submit">${n.toReview}</button>
      </form>
    `}childTile(e,t){let n=this.selected.includes(e.pupilId);return r`<label class="tile ${n?`on`:``}">
      <input type="checkbox" .checked=${n} @change=${()=>this.toggleChild(e.pupilId)} />
      <span class="box" aria-hidden="true">${n?`✓`:``}</span>
      <span class="child-name">${e.name}
        <span class="child-class">${[t?e.schoolName:``,e.className].filter(Boolean).join(` `)}</span>
      </span>
    </label>`}dayTile(e,n,i){let a=this.dayChoice===e;return r`<label class="tile ${a?`on`:``}">
      <input type="radio" name="day" .checked=${a} @change=${()=>this.setDay(e)} />
      <span class="box round" aria-hidden="true">${a?`●`:``}</span>
      <span><span class="day-label">${n}</span>${i?r`<span class="day-date">${N(i,this.locale)}</span>`:t}</span>
    </label>`}schoolId(){let e=this.home?.children??[];return(e.find(e=>this.selected.includes(e.pupilId))??e[0])?.schoolId??0}quick(){let e=this.home;return R(e.today,e.nextSchoolDays[String(this.schoolId())]??[])}dates(){let e=this.quick();switch(this.dayChoice){case`today`:return e.today?{fromDate:e.today,toDate:e.today}:null;case`next`:return e.next?{fromDate:e.next.date,toDate:e.next.date}:null;case`range`:return{fromDate:this.fromDate,toDate:this.toDate};case`date`:return{fromDate:this.fromDate,toDate:this.fromDate};default:return null}}toggleChild(e){this.selected=this.selected.includes(e)?this.selected.filter(t=>t!==e):[...this.selected,e]}toggleSymptom(e){this.symptoms=this.symptoms.includes(e)?this.symptoms.filter(t=>t!==e):[...this.symptoms,e]}setKind(e){this.kind=e,e!==`absent`&&this.dayChoice===`range`?(this.dayChoice=`date`,this.toDate=this.fromDate):e===`absent`&&this.dayChoice===`date`&&(this.dayChoice=`range`,this.toDate=this.fromDate)}setDay(e){if(this.dayChoice=e,(e===`range`||e===`date`)&&!this.fromDate){let e=this.quick();this.fromDate=e.today??e.next?.date??this.home.today,this.toDate=this.fromDate}}onFrom(e){this.fromDate=e.target.value,(!this.toDate||this.toDate<this.fromDate||this.dayChoice===`date`)&&(this.toDate=this.fromDate)}onTo(e){this.toDate=e.target.value}onTime(e){let t=e.target.value;this.kind===`late`?this.lateTime=t:this.earlyTime=t}time(){return this.kind===`late`?this.lateTime:this.kind===`early_leave`?this.earlyTime:``}reason(){return(this.home?.reasons[String(this.schoolId())]??[]).find(e=>e.id===this.reasonId)}temperatureValue(){let e=this.temperature.trim();if(!e)return null;let t=Number(e.replace(`,`,`.`));if(!(!Number.isFinite(t)||t<34||t>42.5))return Math.round(t*10)/10}validate(){let e=T(this.locale),t=this.home,n={};this.selected.length===0&&(n.children=e.errChild),this.kind||(n.kind=e.errKind);let r=this.dates();r?this.dayChoice===`range`&&(!r.fromDate||!r.toDate)?n.day=e.errRangeDates:r.fromDate?r.fromDate<t.today?n.day=e.errPast:r.toDate<r.fromDate?n.day=e.errRangeOrder:L(r.fromDate,r.toDate)>d.rangeDays&&(n.day=e.errRangeLong(d.rangeDays)):n.day=e.errDate:n.day=e.errDay,this.kind===`late`&&!this.lateTime&&(n.time=e.errLateTime),this.kind===`early_leave`&&!this.earlyTime&&(n.time=e.errEarlyTime);let i=this.reason();return i?H(i)&&this.temperatureValue()===void 0&&(n.temperature=e.errTemperature):n.reason=e.errReason,this.message.length>d.messageChars&&(n.message=e.errMessage(d.messageChars)),n}async submit(e){e.preventDefault(),this.checked=!0;let t=this.validate();if(Object.keys(t).length>0){await this.updateComplete,this.renderRoot.querySelector(`.invalid, [data-field] .error`)?.scrollIntoView({behavior:`smooth`,block:`center`});return}let n=this.home,r=this.reason(),i=this.dates(),a=H(r),o={idempotencyKey:``,pupilIds:n.children.filter(e=>this.selected.includes(e.pupilId)).map(e=>e.pupilId),kind:this.kind,fromDate:i.fromDate,toDate:this.kind===`absent`?i.toDate:i.fromDate,reasonId:r.id,symptoms:a?C.map(e=>e.value).filter(e=>this.symptoms.includes(e)):[],temperature:a?this.temperatureValue()??null:null,time:this.kind===`absent`?null:this.time(),message:this.message.trim()},s=this.lastDraft?.request;o.idempotencyKey=s&&V(s,{...o})?s.idempotencyKey:B();let c={request:o,children:n.children.filter(e=>this.selected.includes(e.pupilId)),reason:r,dayChoice:this.dayChoice,today:n.today};this.lastDraft=c,this.dispatchEvent(new CustomEvent(`asg-review`,{detail:c,bubbles:!0,composed:!0}))}};customElements.define(`asg-report-form`,G);var K=class extends e{static properties={draft:{attribute:!1},locale:{type:String},sending:{state:!0},error:{state:!0},failed:{state:!0}};constructor(){super(),this.draft=null,this.locale=`ja`,this.sending=!1,this.error=``,this.failed=!1}static styles=[c,u,U,s`
      .card {
        padding: 18px 16px;
      }
      .kind {
        font-size: 1rem;
      }
      .retry-note {
        margin: 8px 0 0;
      }
    `];willUpdate(e){e.has(`draft`)&&e.get(`draft`)!==void 0&&(this.error=``,this.failed=!1)}render(){let e=this.draft;if(!e)return t;let n=T(this.locale),i=e.request,a=`badge kind kind-${i.kind}`;return r`
      <section class="card" aria-labelledby="confirm-heading">
        <h2 id="confirm-heading">${n.confirmHeading}</h2>
        <dl class="summary">
          <dt>${n.who}</dt>
          <dd>${e.children.map(e=>r`<div>${e.name} <span class="muted">${e.className}</span></div>`)}</dd>
          <dt>${n.what}</dt>
          <dd><span class=${a}>${n.kind[i.kind]}</span></dd>
          <dt>${n.when}</dt>
          <dd>${this.when()}</dd>
          ${i.time?r`<dt>${i.kind===`late`?n.timeLate:n.timeEarly}</dt>
                <dd>${F(i.time)}</dd>`:t}
          <dt>${n.reason}</dt>
          <dd>${e.reason.label}</dd>
          ${i.symptoms.length||i.temperature!==null?r`<dt>${n.symptoms}</dt>
                <dd>
                  ${[...i.symptoms.map(e=>w(e,this.locale)),i.temperature===null?``:`${i.temperature.toFixed(1)}${n.temperatureUnit}`].filter(Boolean).join(n.listSeparator)}
                </dd>`:t}
          <dt>${n.message}</dt>
          <dd class="message">${i.message||r`<span class="muted">${n.none}</span>`}</dd>
        </dl>
        ${this.error?r`<p class="error-box" role="alert">${this.error}</p>`:t}
        ${this.failed?r`<p class="muted retry-note">${n.sendAgainNote}</p>`:t}
        <div class="actions">
          <button class="primary" type="button" ?disabled=${this.sending} @click=${this.send}>
            ${this.sending?n.sending:this.failed?n.sendAgain:n.send}
          </button>
          <button type="button" ?disabled=${this.sending} @click=${this.back}>${n.back}</button>
        </div>
      </section>
    `}when(){let e=this.draft,n=T(this.locale),{fromDate:i,toDate:a}=e.request;return e.dayChoice===`today`?r`${n.today} ${N(i,this.locale)}`:e.dayChoice===`next`?r`${i===h(e.today,1)?n.tomorrow:n.nextSchoolDay} ${N(i,this.locale)}`:r`${P(i,a,this.locale)}${i===a?t:r`<div class="muted">${n.rangeNote}</div>`}`}back(){this.dispatchEvent(new CustomEvent(`asg-back`,{bubbles:!0,composed:!0}))}async send(){let e=this.draft;if(e&&!this.sending){this.sending=!0,this.error=``;try{let t=await o(`POST`,`/api/guardian/reports`,e.request);this.failed=!1,this.dispatchEvent(new CustomEvent(`asg-sent`,{detail:{receipt:t,draft:e},bubbles:!0,composed:!0}))}catch(e){this.error=k(e,this.locale),this.failed=e instanceof l&&(e.code===`INTERNAL`||e.code===`RATE_LIMITED`),e instanceof l&&e.code===`UNAUTHENTICATED`&&(this.failed=!0,this.dispatchEvent(new CustomEvent(`asg-unauthenticated`,{bubbles:!0,composed:!0})))}finally{this.sending=!1}}}};customElements.define(`asg-report-confirm`,K);var q=class extends e{static properties={receipt:{attribute:!1},draft:{attribute:!1},locale:{type:String}};constructor(){super(),this.receipt=null,this.draft=null,this.locale=`ja`}static styles=[c,u,U,s`
      .head {
        display: flex;
        align-items: center;
        gap: 12px;
        margin-bottom: 8px;
      }
      .tick {
        flex: none;
        width: 44px;
        height: 44px;
        border-radius: 50%;
        background: var(--asg-ok);
        color: #fff;
        display: grid;
        place-items: center;
        font-size: 26px;
        font-weight: 700;
      }
      .head h2 {
        margin: 0;
      }
      .thanks {
        margin: 0 0 14px;
      }
      .receipt-no {
        font-size: 1.4rem;
        letter-spacing: 0.08em;
        font-variant-numeric: tabular-nums;
      }
      h3 {
        font-size: 1rem;
        margin: 18px 0 8px;
        padding-top: 14px;
        border-top: 1px solid var(--asg-line);
      }
      ul {
        list-style: none;
        margin: 0 0 10px;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 10px;
        align-items: baseline;
      }
      .name {
        font-weight: 700;
      }
    `];render(){let e=this.receipt;if(!e)return t;let n=T(this.locale),i=e.reports[0],a=this.draft?.reason.category,o=a===`illness`||a===`injury`||a===`suspension`;return r`
      <section class="card" aria-labelledby="receipt-heading">
        <div class="head">
          <span class="tick" aria-hidden="true">✓</span>
          <h2 id="receipt-heading" tabindex="-1">${n.receiptHeading}</h2>
        </div>
        <p class="thanks">${n.thanks}${o?r`<br />${n.getWell}`:t}</p>
        <dl class="summary">
          <dt>${n.receiptNo}</dt>
          <dd class="receipt-no">${e.receiptNo}</dd>
          <dt>${n.submittedAt}</dt>
          <dd>${I(e.submittedAt,this.locale)}</dd>
        </dl>

        ${e.lateNotice?r`<p class="note">${e.lateNotice}</p>`:t}

        <h3>${n.sentContent}</h3>
        <ul>
          ${e.reports.map(e=>r`<li>
              <span class="name">${e.pupilName}</span>
              <span class="badge kind-${e.kind}">${n.kind[e.kind]}</span>
              <span>${z(e,this.locale)}</span>
              ${e.time?r`<span>${e.kind===`late`?n.arrival(F(e.time)):n.pickup(F(e.time))}</span>`:t}
            </li>`)}
        </ul>
        ${i?r`<dl class="summary">
              <dt>${n.reason}</dt>
              <dd>${i.reasonLabel}</dd>
              ${i.symptoms.length||i.temperature!==null?r`<dt>${n.symptoms}</dt>
                    <dd>
                      ${[...i.symptoms.map(e=>w(e,this.locale)),i.temperature===null?``:`${i.temperature.toFixed(1)}${n.temperatureUnit}`].filter(Boolean).join(n.listSeparator)}
                    </dd>`:t}
              ${i.message?r`<dt>${n.message}</dt><dd class="message">${i.message}</dd>`:t}
            </dl>`:t}
        ${e.skippedDays.length?r`<p class="note">${n.skipped(e.skippedDays.map(e=>N(e,this.locale)).join(n.listSeparator))}</p>`:t}
        <p class="muted">${n.ackNote}</p>
        <div class="actions">
          <button class="primary" type="button" @click=${()=>this.done(`form`)}>${n.another}</button>
          <button type="button" @click=${()=>this.done(`list`)}>${n.close}</button>
        </div>
      </section>
    `}done(e){this.dispatchEvent(new CustomEvent(`asg-done`,{detail:{then:e},bubbles:!0,composed:!0}))}};customElements.define(`asg-report-receipt`,q);var J=class extends e{static properties={reports:{attribute:!1},loading:{type:Boolean},error:{type:String},locale:{type:String},confirmingId:{state:!0},withdrawingId:{state:!0},itemError:{state:!0}};constructor(){super(),this.reports=null,this.loading=!1,this.error=``,this.locale=`ja`,this.confirmingId=null,this.withdrawingId=null,this.itemError=null}static styles=[c,u,U,s`
      h2 {
        margin: 0 0 10px;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 10px;
      }
      li.card {
        padding: 12px 14px;
      }
      li.withdrawn {
        background: #f1f0ec;
        color: var(--asg-ink-soft);
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 6px 8px;
      }
      .name {
        font-weight: 700;
        font-size: 1.05rem;
        margin-right: auto;
      }
      .days {
        font-weight: 600;
        margin: 4px 0 0;
      }
      .detail {
        margin: 2px 0 0;
      }
      .seen {
        color: var(--asg-ok);
        font-weight: 600;
        margin: 4px 0 0;
      }
      .badge.ok {
        color: var(--asg-ok);
        background: #e6f4ea;
      }
      .badge.off {
        color: var(--asg-ink-soft);
        background: #fff;
      }
      .foot {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 8px;
        margin-top: 2px;
      }
      .foot .detail {
        margin: 0;
      }
      button.withdraw {
        flex: none;
        font-size: 0.95rem;
        padding: 0.4em 0.9em;
      }
      .withdraw-row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: flex-end;
        gap: 8px;
        margin-top: 8px;
      }
      .withdraw-row p {
        flex-basis: 100%;
        margin: 0;
        font-weight: 700;
      }
      .withdraw-row button {
        min-width: 6.5em;
      }
      button.danger {
        color: #fff;
        background: var(--asg-absent);
        border-color: var(--asg-absent);
        font-weight: 700;
      }
      .state {
        text-align: center;
        padding: 20px 16px;
      }
      .state button {
        margin-top: 10px;
      }
    `];render(){let e=T(this.locale);return r`
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">${e.listHeading}</h2>
        ${this.body()}
      </section>
    `}body(){let e=T(this.locale);return this.error?r`<div class="card state">
        <p class="error" role="alert">${this.error}</p>
        <button type="button" ?disabled=${this.loading} @click=${this.reload}>${this.loading?e.loading:e.reload}</button>
      </div>`:this.reports?this.reports.length===0?r`<div class="card state muted">${e.listEmpty}</div>`:r`<ul>
      ${this.reports.map(e=>this.item(e))}
    </ul>`:r`<div class="card state muted" role="status">${e.loading}</div>`}item(e){let n=T(this.locale),i=e.withdrawnAt!==null,a=[...e.symptoms.map(e=>w(e,this.locale)),e.temperature===null?``:`${e.temperature.toFixed(1)}${n.temperatureUnit}`].filter(Boolean).join(n.listSeparator);return r`<li class="card ${i?`withdrawn`:``}">
      <div class="top">
        <span class="name">${e.pupilName}</span>
        <span class="badge kind-${e.kind}">${n.kind[e.kind]}</span>
        ${i?r`<span class="badge off">${n.withdrawn}</span>`:e.acknowledged?r`<span class="badge ok">${n.acknowledged}</span>`:t}
      </div>
      <p class="days">${z(e,this.locale)}</p>
      <p class="detail">
        ${e.reasonLabel}${a?r`<span class="muted">(${a})</span>`:t}
        ${e.time?r`<br />${e.kind===`late`?n.arrival(F(e.time)):n.pickup(F(e.time))}`:t}
      </p>
      ${!i&&e.acknowledged?r`<p class="seen">✓ ${n.acknowledgedNote}</p>`:t}
      ${this.itemError?.id===e.id?r`<p class="error" role="alert">${this.itemError.text}</p>`:t}
      ${this.confirmingId===e.id||this.withdrawingId===e.id?r`<p class="detail muted">${n.sentAt(I(e.submittedAt,this.locale))}</p>${this.withdrawControls(e)}`:r`<div class="foot">
            <p class="detail muted">${n.sentAt(I(e.submittedAt,this.locale))}</p>
            ${e.canWithdraw&&!i?this.withdrawControls(e):t}
          </div>`}
    </li>`}withdrawControls(e){let t=T(this.locale),n=this.withdrawingId===e.id;return this.confirmingId===e.id||n?r`<div class="withdraw-row" role="group" aria-label=${t.withdrawQuestion}>
        <p>${t.withdrawQuestion}</p>
        <button type="button" ?disabled=${n} @click=${()=>this.confirmingId=null}>${t.withdrawNo}</button>
        <button type="button" class="danger" ?disabled=${n} @click=${()=>this.withdraw(e)}>${n?t.withdrawing:t.withdrawYes}</button>
      </div>`:r`<button type="button" class="withdraw" @click=${()=>this.ask(e.id)}>${t.withdraw}</button>`}ask(e){this.confirmingId=e,this.itemError=null}reload(){this.dispatchEvent(new CustomEvent(`asg-reload`,{bubbles:!0,composed:!0}))}async withdraw(e){if(this.withdrawingId===null){this.withdrawingId=e.id,this.itemError=null;try{let t=await o(`POST`,`/api/guardian/reports/${e.id}/withdraw`,{});this.confirmingId=null,this.reports=(this.reports??[]).map(n=>n.id===e.id?t.report:n),this.dispatchEvent(new CustomEvent(`asg-withdrawn`,{detail:t.report,bubbles:!0,composed:!0}))}catch(t){this.itemError={id:e.id,text:k(t,this.locale)},t instanceof l&&t.code===`UNAUTHENTICATED`?this.dispatchEvent(new CustomEvent(`asg-unauthenticated`,{bubbles:!0,composed:!0})):t instanceof l&&(t.code===`ALREADY_WITHDRAWN`||t.code===`WITHDRAW_NOT_ALLOWED`)&&(this.confirmingId=null,this.reload())}finally{this.withdrawingId=null}}}};customElements.define(`asg-report-list`,J);var Y=_(class extends v{constructor(){super(...arguments),this.key=t}render(e,t){return this.key=e,t}update(e,[t,n]){return t!==this.key&&(g(e),this.key=t),n}}),X=[`late`,`absent`,`should_be_at_school`,`will_call`],Z=class extends e{static properties={reasons:{attribute:!1},notices:{state:!0},choice:{state:!0},error:{state:!0},busy:{state:!0}};timer;constructor(){super(),this.reasons=[],this.notices=[],this.choice={},this.error=``,this.busy=!1}static styles=[c,u,s`
      :host { display: block; }
      .notice { background: #fff4f0; border: 2px solid var(--asg-not-arrived-bg); border-radius: var(--asg-radius); padding: 14px; margin: 0 0 16px; }
      .notice.done { background: var(--asg-surface); border-color: var(--asg-line); }
      h2 { margin: 0 0 6px; font-size: 1.1rem; }
      .body { white-space: pre-wrap; margin: 0 0 10px; }
      .answers { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
      .answers button[aria-pressed='true'] { background: var(--asg-accent); color: #fff; border-color: var(--asg-accent); font-weight: 700; }
      label { display: grid; gap: 4px; margin-top: 10px; font-weight: 600; }
      input, select, textarea { font: inherit; min-height: 44px; border: 1px solid var(--asg-line); border-radius: 8px; padding: 0 0.6rem; box-sizing: border-box; width: 100%; }
      textarea { min-height: 4rem; padding: 0.5rem; }
      .send { margin-top: 12px; width: 100%; }
      .muted { color: var(--asg-ink-soft); font-size: 0.9rem; }
      .error { color: var(--asg-absent); font-weight: 700; }
      .answered { font-weight: 700; color: var(--asg-ok); }
    `];connectedCallback(){super.connectedCallback(),this.load(),this.timer=setInterval(()=>void this.load(),6e4)}disconnectedCallback(){super.disconnectedCallback(),clearInterval(this.timer)}render(){return this.notices.length===0?t:r`${this.error?r`<p class="error" role="alert">${this.error}</p>`:t}
      ${this.notices.map(e=>e.open?this.renderOpen(e):this.renderDone(e))}`}renderOpen(e){let n=this.choice[e.id];return r`<section class="notice" data-notice=${e.id} aria-label="学校からのお知らせ">
      <h2>${e.subject}</h2>
      <p class="body">${e.body}</p>
      <div class="answers" role="group" aria-label="回答">
        ${X.map(t=>r`<button type="button" aria-pressed=${n===t?`true`:`false`} @click=${()=>this.choice={...this.choice,[e.id]:t}}>${a[t]}</button>`)}
      </div>
      ${n===`late`?r`<label>到着予定の時刻<input type="time" name="time-${e.id}" /></label>`:t}
      ${n===`absent`?r`<label>理由<select name="reason-${e.id}">${this.reasons.map(e=>r`<option value=${e.id}>${e.label}</option>`)}</select></label>`:t}
      ${n?r`<label>学校へのメッセージ(任意)<textarea name="message-${e.id}"></textarea></label>
            <button class="primary send" ?disabled=${this.busy} @click=${()=>this.answer(e,n)}>回答を送る</button>`:t}
    </section>`}renderDone(e){return r`<section class="notice done" data-notice=${e.id}>
      <h2>${e.subject}</h2>
      <p class="muted">${p(e.sentAt,`Asia/Tokyo`)} 受信</p>
      ${e.answer?r`<p class="answered">回答済: ${a[e.answer]}${e.answerTime?` ${f(e.answerTime)}`:``}</p>`:r`<p class="muted">受付は終了しました。</p>`}
    </section>`}field(e){return this.renderRoot.querySelector(`[name="${e}"]`)?.value??``}async answer(e,t){this.busy=!0,this.error=``;try{let n=t===`late`&&this.field(`time-${e.id}`).replace(/^0(\d)/,`$1`)||null,r=t===`absent`&&Number(this.field(`reason-${e.id}`))||null;await o(`POST`,`/api/guardian/notices/${e.id}/answer`,{answer:t,time:n,reasonId:r,message:this.field(`message-${e.id}`)}),await this.load()}catch(e){e instanceof l&&e.code===`UNAUTHENTICATED`&&this.dispatchEvent(new CustomEvent(`asg-unauthenticated`,{bubbles:!0,composed:!0})),this.error=e instanceof Error?e.message:`送信できませんでした。`}this.busy=!1}async load(){try{this.notices=(await o(`GET`,`/api/guardian/notices`)).notices}catch{}}};customElements.define(`asg-guardian-notices`,Z);var Q=class extends e{static properties={locale:{state:!0},auth:{state:!0},me:{state:!0},authError:{state:!0},expired:{state:!0},home:{state:!0},homeError:{state:!0},reports:{state:!0},reportsError:{state:!0},reportsLoading:{state:!0},step:{state:!0},draft:{state:!0},receipt:{state:!0},formGeneration:{state:!0},loggingOut:{state:!0},notice:{state:!0}};constructor(){super(),this.locale=D(),this.auth=`checking`,this.me=null,this.authError=``,this.expired=!1,this.home=null,this.homeError=``,this.reports=null,this.reportsError=``,this.reportsLoading=!1,this.step=`form`,this.draft=null,this.receipt=null,this.formGeneration=0,this.loggingOut=!1,this.notice=``}static styles=[c,u,U,s`
      :host {
        max-width: 560px;
        margin: 0 auto;
        padding: 0 12px calc(48px + env(safe-area-inset-bottom));
        box-sizing: border-box;
        background: var(--asg-bg);
        min-height: 100vh;
      }
      header {
        padding: 10px 2px 12px;
      }
      .bar {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 8px;
      }
      .title {
        font-size: 1rem;
        font-weight: 700;
        color: var(--asg-accent);
        margin: 0;
        line-height: 1.3;
      }
      .who {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 8px;
        margin-top: 6px;
      }
      .name {
        font-size: 1.15rem;
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      button.link {
        border: none;
        background: none;
        color: var(--asg-accent);
        text-decoration: underline;
        padding: 0 6px;
        min-height: 44px;
        min-width: 44px;
        font-size: 0.95rem;
        white-space: nowrap;
      }
      button.small {
        font-size: 0.95rem;
        padding: 0.4em 0.9em;
      }
      .steps {
        display: flex;
        align-items: center;
        gap: 6px;
        flex-wrap: wrap;
        margin: 0 0 12px;
        padding: 0;
        list-style: none;
        font-size: 0.9rem;
        color: var(--asg-ink-soft);
      }
      .steps li {
        display: flex;
        align-items: center;
        gap: 4px;
        white-space: nowrap;
      }
      .steps li + li::before {
        content: '';
        width: 14px;
        height: 1px;
        background: var(--asg-line);
        margin-right: 4px;
      }
      .steps .n {
        width: 22px;
        height: 22px;
        border-radius: 50%;
        border: 1px solid var(--asg-line);
        display: grid;
        place-items: center;
        font-size: 0.8rem;
        background: var(--asg-surface);
      }
      .steps .current {
        color: var(--asg-ink);
        font-weight: 700;
      }
      .steps .current .n {
        background: var(--asg-accent);
        border-color: var(--asg-accent);
        color: #fff;
      }
      .steps .to-list {
        margin-left: auto;
      }
      .steps .to-list::before {
        display: none;
      }
      .state {
        text-align: center;
        padding: 28px 16px;
      }
      .state .error {
        margin-bottom: 12px;
      }
      asg-report-list {
        margin-top: 28px;
      }
      .expired {
        margin-bottom: 8px;
      }
      asg-login {
        margin-top: 4vh;
      }
      a.go {
        display: flex;
        align-items: center;
        justify-content: center;
        min-height: 52px;
        border-radius: var(--asg-radius);
        background: var(--asg-accent);
        color: #fff;
        font-weight: 700;
        text-decoration: none;
        margin-top: 14px;
      }
    `];connectedCallback(){super.connectedCallback(),this.applyLocale(),this.checkSession()}render(){let e=T(this.locale);return r`
      <header>
        <div class="bar">
          <p class="title">${e.appTitle}</p>
          <button class="link" type="button" lang=${this.locale===`ja`?`en`:`ja`} aria-label=${e.switchLanguageLabel} @click=${this.toggleLocale}>
            ${e.switchLanguage}
          </button>
        </div>
        ${this.me&&this.auth===`guardian`&&!this.expired?r`<div class="who">
              <span class="name">${e.greeting(this.me.name)}</span>
              <a class="small" href="/join/#account">アカウント・お子さまの追加</a>
              <button class="small" type="button" ?disabled=${this.loggingOut} @click=${this.logout}>${this.loggingOut?e.loggingOut:e.logout}</button>
            </div>`:t}
        ${this.notice?r`<p class="error-box" role="alert">${this.notice}</p>`:t}
      </header>
      ${this.content()}
    `}content(){let e=T(this.locale);switch(this.auth){case`checking`:return r`<div class="card state muted" role="status">${e.checking}</div>`;case`error`:return r`<div class="card state">
          <p class="error" role="alert">${this.authError}</p>
          <button type="button" @click=${this.checkSession}>${e.reload}</button>
        </div>`;case`anonymous`:return r`<asg-login heading=${e.loginHeading} @asg-logged-in=${this.onLoggedIn}></asg-login>`;case`staff`:return r`<section class="card">
          <h2>${e.staffTitle}</h2>
          <p>${e.staffBody}</p>
          <a class="go" href="/teacher/">${e.staffLink}</a>
          <div class="actions">
            <button type="button" ?disabled=${this.loggingOut} @click=${this.logout}>${this.loggingOut?e.loggingOut:e.logout}</button>
          </div>
        </section>`;case`guardian`:return r`
          ${this.expired?r`<p class="note expired" role="alert">${e.sessionExpired}</p>
                <asg-login heading=${e.loginHeading} @asg-logged-in=${this.onLoggedIn}></asg-login>`:t}
          <main ?hidden=${this.expired}>${this.main()}</main>
        `}}main(){let e=T(this.locale);if(this.homeError)return r`<div class="card state">
        <p class="error" role="alert">${this.homeError}</p>
        <button type="button" @click=${this.loadHome}>${e.reload}</button>
      </div>`;let n=this.home;if(!n)return r`<div class="card state muted" role="status">${e.loading}</div>`;if(n.children.length===0)return r`<div class="card state">${e.noChildren}</div>`;let i=this.step===`form`?1:this.step===`confirm`?2:3;return r`
      <asg-guardian-notices .reasons=${Object.values(n.reasons)[0]??[]} @asg-unauthenticated=${this.onExpired}></asg-guardian-notices>
      <ol class="steps" aria-label=${e.stepOf(i)}>
        ${e.steps.map((e,t)=>r`<li class=${t+1===i?`current`:``} aria-current=${t+1===i?`step`:`false`}>
            <span class="n">${t+1}</span>${e}
          </li>`)}
        ${this.step===`form`?r`<li class="to-list"><button class="link" type="button" @click=${this.scrollToList}>${e.listHeading} ↓</button></li>`:t}
      </ol>
      ${Y(this.formGeneration,r`<asg-report-form ?hidden=${this.step!==`form`} .home=${n} locale=${this.locale} @asg-review=${this.onReview}></asg-report-form>`)}
      ${this.step===`confirm`?r`<asg-report-confirm .draft=${this.draft} locale=${this.locale}
            @asg-back=${this.onBack} @asg-sent=${this.onSent} @asg-unauthenticated=${this.onExpired}></asg-report-confirm>`:t}
      ${this.step===`receipt`?r`<asg-report-receipt .receipt=${this.receipt} .draft=${this.draft} locale=${this.locale} @asg-done=${this.onDone}></asg-report-receipt>`:t}
      <asg-report-list ?hidden=${this.step===`confirm`} .reports=${this.reports} ?loading=${this.reportsLoading} error=${this.reportsError}
        locale=${this.locale} @asg-reload=${this.loadReports} @asg-withdrawn=${this.loadReports} @asg-unauthenticated=${this.onExpired}></asg-report-list>
    `}async checkSession(){this.auth=`checking`,this.authError=``;try{let e=await b();this.me=e,e?e.kind===`staff`?this.auth=`staff`:(this.auth=`guardian`,this.loadAll()):this.auth=`anonymous`}catch(e){this.auth=`error`,this.authError=k(e,this.locale)}}onLoggedIn(e){let t=e.detail,n=this.expired&&this.me?.kind===`guardian`&&t.kind===`guardian`&&this.me.id===t.id;this.me=t,this.expired=!1,this.notice=``,n?this.loadReports():(this.resetData(),t.kind===`staff`?this.auth=`staff`:(this.auth=`guardian`,this.loadAll()))}resetData(){this.home=null,this.homeError=``,this.reports=null,this.reportsError=``,this.step=`form`,this.draft=null,this.receipt=null,this.formGeneration++}async loadAll(){await Promise.all([this.loadHome(),this.loadReports()])}loadHome=async()=>{this.homeError=``,this.home=null;try{this.home=await o(`GET`,`/api/guardian/home`)}catch(e){if(this.isExpiry(e))return;this.homeError=k(e,this.locale)}};loadReports=async()=>{this.reportsLoading=!0;try{let e=await o(`GET`,`/api/guardian/reports`);this.reports=e.reports,this.reportsError=``}catch(e){if(this.isExpiry(e))return;this.reportsError=k(e,this.locale)}finally{this.reportsLoading=!1}};isExpiry(e){return e instanceof l&&e.code===`UNAUTHENTICATED`&&(this.onExpired(),!0)}onExpired=()=>{this.expired=!0,window.scrollTo({top:0})};onReview(e){this.draft=e.detail,this.step=`confirm`,window.scrollTo({top:0})}onBack(){this.step=`form`,window.scrollTo({top:0})}onSent(e){this.receipt=e.detail.receipt,this.draft=e.detail.draft,this.step=`receipt`,window.scrollTo({top:0}),this.loadReports()}async onDone(e){this.step=`form`,this.draft=null,this.receipt=null,this.formGeneration++,e.detail.then===`list`?(await this.updateComplete,this.scrollToList()):window.scrollTo({top:0})}scrollToList(){this.renderRoot.querySelector(`asg-report-list`)?.scrollIntoView({behavior:`smooth`,block:`start`})}async logout(){this.loggingOut=!0,this.notice=``;try{await y(),this.me=null,this.expired=!1,this.resetData(),this.auth=`anonymous`}catch(e){this.notice=k(e,this.locale)}finally{this.loggingOut=!1}}toggleLocale(){this.locale=this.locale===`ja`?`en`:`ja`,O(this.locale),this.applyLocale()}applyLocale(){let e=T(this.locale);document.documentElement.lang=e.htmlLang,document.title=`${e.appTitle} — 朝顔`}};customElements.define(`asg-guardian-app`,Q);var $=class extends e{static properties={events:{state:!0}};constructor(){super(),this.events=[]}static styles=[c,s`
      :host { display: block; max-width: 40rem; margin: 0 auto; padding: 0 16px 32px; }
      h2 { font-size: 1.05rem; margin: 0 0 0.4rem; }
      ul { list-style: none; margin: 0; padding: 0; background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); }
      li { display: flex; gap: 0.8rem; padding: 0.55rem 0.8rem; border-bottom: 1px solid var(--asg-line); }
      li:last-child { border-bottom: none; }
      .date { font-weight: 700; white-space: nowrap; font-variant-numeric: tabular-nums; }
      .school { color: var(--asg-ink-soft); font-size: 0.85rem; margin-left: auto; }
    `];connectedCallback(){super.connectedCallback(),this.load(),window.addEventListener(`focus`,this.onFocus)}disconnectedCallback(){super.disconnectedCallback(),window.removeEventListener(`focus`,this.onFocus)}onFocus=()=>void this.load();async load(){try{let e=new Date,t=new Date(Date.UTC(e.getUTCFullYear(),e.getUTCMonth()+1,1)).toISOString().slice(0,7),[n,r]=await Promise.all([o(`GET`,`/api/calendar/guardian-events`),o(`GET`,`/api/calendar/guardian-events?month=${t}`)]),i=new Set;this.events=[...n.events,...r.events].filter(e=>!i.has(e.id)&&i.add(e.id))}catch{this.events=[]}}render(){if(this.events.length===0)return t;let e=new Set(this.events.map(e=>e.schoolName)).size>1;return r`<section aria-label="行事予定">
      <h2>行事予定</h2>
      <ul>${this.events.map(n=>r`<li>
        <span class="date">${m(n.fromDate)}${n.toDate===n.fromDate?``:`〜${m(n.toDate)}`}</span>
        <span>${n.title}</span>${e?r`<span class="school">${n.schoolName}</span>`:t}
      </li>`)}</ul>
    </section>`}};customElements.define(`asg-guardian-events`,$);