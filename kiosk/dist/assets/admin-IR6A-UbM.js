import{r as e,t}from"./rolldown-runtime-XKyaHtl9.js";import{C as n,D as r,T as i,_ as a,g as o,i as s,k as c,l,n as u,t as d,u as f,v as p}from"./styles-CSPGLkim.js";/* empty css             */import"./asg-login-B74V-Pqd.js";import{n as m,t as h}from"./session-CEBAGjZc.js";import{i as g,n as _,r as v,t as y}from"./asg-account-C1z5Js0F.js";import{i as b}from"./format-BVg1O0M-.js";var x=class extends n{static properties={devices:{state:!0},created:{state:!0},error:{state:!0}};constructor(){super(),this.devices=[],this.created=null,this.error=``}static styles=[u,d,y];connectedCallback(){super.connectedCallback(),this.load()}async load(){this.devices=(await s(`GET`,`/api/admin/board-devices`).catch(e=>(this.error=_(e),{devices:[]}))).devices}render(){let e=e=>e.revokedAt?`解除済み`:e.pairedAt?`接続済み`:`ペアリング待ち`;return i`
      <section>
        <h2>表示端末</h2>
        ${this.error?i`<p class="error" role="alert">${this.error}</p>`:r}
        <table><thead><tr><th>名前</th><th>状態</th><th></th></tr></thead><tbody>
          ${this.devices.map(t=>i`<tr><td>${t.name}</td><td>${e(t)}</td>
            <td>${t.revokedAt?r:i`<button @click=${()=>this.revoke(t)}>登録を解除</button>`}</td></tr>`)}
        </tbody></table>
        <form class="row" @submit=${this.create}>
          <label>新しい端末の名前 <input name="name" required placeholder="職員室 大型モニター" /></label>
          <button class="primary" type="submit">追加</button>
        </form>
        ${this.created?i`<p role="status">端末のブラウザで次のリンクを開いてください(30分有効):<br />
          <a class="code" href=${this.created.pairingPath}>${location.origin}${this.created.pairingPath}</a><br />コード:<span class="code">${this.created.pairingCode}</span></p>`:r}
      </section>
    `}async create(e){e.preventDefault();let t=e.target;try{this.created=await s(`POST`,`/api/admin/board-devices`,{name:new FormData(t).get(`name`)}),t.reset(),await this.load()}catch(e){this.error=_(e)}}async revoke(e){confirm(`「${e.name}」の登録を解除しますか?画面はすぐに消えます。`)&&(await s(`POST`,`/api/admin/board-devices/${e.id}/revoke`).catch(e=>this.error=_(e)),await this.load())}};customElements.define(`asg-admin-devices`,x);var S=t(((e,t)=>{t.exports=function(){return typeof Promise==`function`&&Promise.prototype&&Promise.prototype.then}})),C=t((e=>{var t,n=[0,26,44,70,100,134,172,196,242,292,346,404,466,532,581,655,733,815,901,991,1085,1156,1258,1364,1474,1588,1706,1828,1921,2051,2185,2323,2465,2611,2761,2876,3034,3196,3362,3532,3706];e.getSymbolSize=function(e){if(!e)throw Error(`"version" cannot be null or undefined`);if(e<1||e>40)throw Error(`"version" should be in range from 1 to 40`);return e*4+17},e.getSymbolTotalCodewords=function(e){return n[e]},e.getBCHDigit=function(e){let t=0;for(;e!==0;)t++,e>>>=1;return t},e.setToSJISFunction=function(e){if(typeof e!=`function`)throw Error(`"toSJISFunc" is not a valid function.`);t=e},e.isKanjiModeEnabled=function(){return t!==void 0},e.toSJIS=function(e){return t(e)}})),w=t((e=>{e.L={bit:1},e.M={bit:0},e.Q={bit:3},e.H={bit:2};function t(t){if(typeof t!=`string`)throw Error(`Param is not a string`);switch(t.toLowerCase()){case`l`:case`low`:return e.L;case`m`:case`medium`:return e.M;case`q`:case`quartile`:return e.Q;case`h`:case`high`:return e.H;default:throw Error(`Unknown EC Level: `+t)}}e.isValid=function(e){return e&&e.bit!==void 0&&e.bit>=0&&e.bit<4},e.from=function(n,r){if(e.isValid(n))return n;try{return t(n)}catch{return r}}})),T=t(((e,t)=>{function n(){this.buffer=[],this.length=0}n.prototype={get:function(e){let t=Math.floor(e/8);return(this.buffer[t]>>>7-e%8&1)==1},put:function(e,t){for(let n=0;n<t;n++)this.putBit((e>>>t-n-1&1)==1)},getLengthInBits:function(){return this.length},putBit:function(e){let t=Math.floor(this.length/8);this.buffer.length<=t&&this.buffer.push(0),e&&(this.buffer[t]|=128>>>this.length%8),this.length++}},t.exports=n})),E=t(((e,t)=>{function n(e){if(!e||e<1)throw Error(`BitMatrix size must be defined and greater than 0`);this.size=e,this.data=new Uint8Array(e*e),this.reservedBit=new Uint8Array(e*e)}n.prototype.set=function(e,t,n,r){let i=e*this.size+t;this.data[i]=n,r&&(this.reservedBit[i]=!0)},n.prototype.get=function(e,t){return this.data[e*this.size+t]},n.prototype.xor=function(e,t,n){this.data[e*this.size+t]^=n},n.prototype.isReserved=function(e,t){return this.reservedBit[e*this.size+t]},t.exports=n})),D=t((e=>{var t=C().getSymbolSize;e.getRowColCoords=function(e){if(e===1)return[];let n=Math.floor(e/7)+2,r=t(e),i=r===145?26:Math.ceil((r-13)/(2*n-2))*2,a=[r-7];for(let e=1;e<n-1;e++)a[e]=a[e-1]-i;return a.push(6),a.reverse()},e.getPositions=function(t){let n=[],r=e.getRowColCoords(t),i=r.length;for(let e=0;e<i;e++)for(let t=0;t<i;t++)e===0&&t===0||e===0&&t===i-1||e===i-1&&t===0||n.push([r[e],r[t]]);return n}})),O=t((e=>{var t=C().getSymbolSize,n=7;e.getPositions=function(e){let r=t(e);return[[0,0],[r-n,0],[0,r-n]]}})),k=t((e=>{e.Patterns={PATTERN000:0,PATTERN001:1,PATTERN010:2,PATTERN011:3,PATTERN100:4,PATTERN101:5,PATTERN110:6,PATTERN111:7};var t={N1:3,N2:3,N3:40,N4:10};e.isValid=function(e){return e!=null&&e!==``&&!isNaN(e)&&e>=0&&e<=7},e.from=function(t){return e.isValid(t)?parseInt(t,10):void 0},e.getPenaltyN1=function(e){let n=e.size,r=0,i=0,a=0,o=null,s=null;for(let c=0;c<n;c++){i=a=0,o=s=null;for(let l=0;l<n;l++){let n=e.get(c,l);n===o?i++:(i>=5&&(r+=t.N1+(i-5)),o=n,i=1),n=e.get(l,c),n===s?a++:(a>=5&&(r+=t.N1+(a-5)),s=n,a=1)}i>=5&&(r+=t.N1+(i-5)),a>=5&&(r+=t.N1+(a-5))}return r},e.getPenaltyN2=function(e){let n=e.size,r=0;for(let t=0;t<n-1;t++)for(let i=0;i<n-1;i++){let n=e.get(t,i)+e.get(t,i+1)+e.get(t+1,i)+e.get(t+1,i+1);(n===4||n===0)&&r++}return r*t.N2},e.getPenaltyN3=function(e){let n=e.size,r=0,i=0,a=0;for(let t=0;t<n;t++){i=a=0;for(let o=0;o<n;o++)i=i<<1&2047|e.get(t,o),o>=10&&(i===1488||i===93)&&r++,a=a<<1&2047|e.get(o,t),o>=10&&(a===1488||a===93)&&r++}return r*t.N3},e.getPenaltyN4=function(e){let n=0,r=e.data.length;for(let t=0;t<r;t++)n+=e.data[t];return Math.abs(Math.ceil(n*100/r/5)-10)*t.N4};function n(t,n,r){switch(t){case e.Patterns.PATTERN000:return(n+r)%2==0;case e.Patterns.PATTERN001:return n%2==0;case e.Patterns.PATTERN010:return r%3==0;case e.Patterns.PATTERN011:return(n+r)%3==0;case e.Patterns.PATTERN100:return(Math.floor(n/2)+Math.floor(r/3))%2==0;case e.Patterns.PATTERN101:return n*r%2+n*r%3==0;case e.Patterns.PATTERN110:return(n*r%2+n*r%3)%2==0;case e.Patterns.PATTERN111:return(n*r%3+(n+r)%2)%2==0;default:throw Error(`bad maskPattern:`+t)}}e.applyMask=function(e,t){let r=t.size;for(let i=0;i<r;i++)for(let a=0;a<r;a++)t.isReserved(a,i)||t.xor(a,i,n(e,a,i))},e.getBestMask=function(t,n){let r=Object.keys(e.Patterns).length,i=0,a=1/0;for(let o=0;o<r;o++){n(o),e.applyMask(o,t);let r=e.getPenaltyN1(t)+e.getPenaltyN2(t)+e.getPenaltyN3(t)+e.getPenaltyN4(t);e.applyMask(o,t),r<a&&(a=r,i=o)}return i}})),A=t((e=>{var t=w(),n=[1,1,1,1,1,1,1,1,1,1,2,2,1,2,2,4,1,2,4,4,2,4,4,4,2,4,6,5,2,4,6,6,2,5,8,8,4,5,8,8,4,5,8,11,4,8,10,11,4,9,12,16,4,9,16,16,6,10,12,18,6,10,17,16,6,11,16,19,6,13,18,21,7,14,21,25,8,16,20,25,8,17,23,25,9,17,23,34,9,18,25,30,10,20,27,32,12,21,29,35,12,23,34,37,12,25,34,40,13,26,35,42,14,28,38,45,15,29,40,48,16,31,43,51,17,33,45,54,18,35,48,57,19,37,51,60,19,38,53,63,20,40,56,66,21,43,59,70,22,45,62,74,24,47,65,77,25,49,68,81],r=[7,10,13,17,10,16,22,28,15,26,36,44,20,36,52,64,26,48,72,88,36,64,96,112,40,72,108,130,48,88,132,156,60,110,160,192,72,130,192,224,80,150,224,264,96,176,260,308,104,198,288,352,120,216,320,384,132,240,360,432,144,280,408,480,168,308,448,532,180,338,504,588,196,364,546,650,224,416,600,700,224,442,644,750,252,476,690,816,270,504,750,900,300,560,810,960,312,588,870,1050,336,644,952,1110,360,700,1020,1200,390,728,1050,1260,420,784,1140,1350,450,812,1200,1440,480,868,1290,1530,510,924,1350,1620,540,980,1440,1710,570,1036,1530,1800,570,1064,1590,1890,600,1120,1680,1980,630,1204,1770,2100,660,1260,1860,2220,720,1316,1950,2310,750,1372,2040,2430];e.getBlocksCount=function(e,r){switch(r){case t.L:return n[(e-1)*4+0];case t.M:return n[(e-1)*4+1];case t.Q:return n[(e-1)*4+2];case t.H:return n[(e-1)*4+3];default:return}},e.getTotalCodewordsCount=function(e,n){switch(n){case t.L:return r[(e-1)*4+0];case t.M:return r[(e-1)*4+1];case t.Q:return r[(e-1)*4+2];case t.H:return r[(e-1)*4+3];default:return}}})),j=t((e=>{var t=new Uint8Array(512),n=new Uint8Array(256);(function(){let e=1;for(let r=0;r<255;r++)t[r]=e,n[e]=r,e<<=1,e&256&&(e^=285);for(let e=255;e<512;e++)t[e]=t[e-255]})(),e.log=function(e){if(e<1)throw Error(`log(`+e+`)`);return n[e]},e.exp=function(e){return t[e]},e.mul=function(e,r){return e===0||r===0?0:t[n[e]+n[r]]}})),ee=t((e=>{var t=j();e.mul=function(e,n){let r=new Uint8Array(e.length+n.length-1);for(let i=0;i<e.length;i++)for(let a=0;a<n.length;a++)r[i+a]^=t.mul(e[i],n[a]);return r},e.mod=function(e,n){let r=new Uint8Array(e);for(;r.length-n.length>=0;){let e=r[0];for(let i=0;i<n.length;i++)r[i]^=t.mul(n[i],e);let i=0;for(;i<r.length&&r[i]===0;)i++;r=r.slice(i)}return r},e.generateECPolynomial=function(n){let r=new Uint8Array([1]);for(let i=0;i<n;i++)r=e.mul(r,new Uint8Array([1,t.exp(i)]));return r}})),te=t(((e,t)=>{var n=ee();function r(e){this.genPoly=void 0,this.degree=e,this.degree&&this.initialize(this.degree)}r.prototype.initialize=function(e){this.degree=e,this.genPoly=n.generateECPolynomial(this.degree)},r.prototype.encode=function(e){if(!this.genPoly)throw Error(`Encoder not initialized`);let t=new Uint8Array(e.length+this.degree);t.set(e);let r=n.mod(t,this.genPoly),i=this.degree-r.length;if(i>0){let e=new Uint8Array(this.degree);return e.set(r,i),e}return r},t.exports=r})),M=t((e=>{e.isValid=function(e){return!isNaN(e)&&e>=1&&e<=40}})),N=t((e=>{var t=`[0-9]+`,n=`[A-Z $%*+\\-./:]+`,r=`(?:[u3000-u303F]|[u3040-u309F]|[u30A0-u30FF]|[uFF00-uFFEF]|[u4E00-u9FAF]|[u2605-u2606]|[u2190-u2195]|u203B|[u2010u2015u2018u2019u2025u2026u201Cu201Du2225u2260]|[u0391-u0451]|[u00A7u00A8u00B1u00B4u00D7u00F7])+`;r=r.replace(/u/g,`\\u`);var i=`(?:(?![A-Z0-9 $%*+\\-./:]|`+r+`)(?:.|[\r
]))+`;e.KANJI=new RegExp(r,`g`),e.BYTE_KANJI=RegExp(`[^A-Z0-9 $%*+\\-./:]+`,`g`),e.BYTE=new RegExp(i,`g`),e.NUMERIC=new RegExp(t,`g`),e.ALPHANUMERIC=new RegExp(n,`g`);var a=RegExp(`^`+r+`$`),o=RegExp(`^[0-9]+$`),s=RegExp(`^[A-Z0-9 $%*+\\-./:]+$`);e.testKanji=function(e){return a.test(e)},e.testNumeric=function(e){return o.test(e)},e.testAlphanumeric=function(e){return s.test(e)}})),P=t((e=>{var t=M(),n=N();e.NUMERIC={id:`Numeric`,bit:1,ccBits:[10,12,14]},e.ALPHANUMERIC={id:`Alphanumeric`,bit:2,ccBits:[9,11,13]},e.BYTE={id:`Byte`,bit:4,ccBits:[8,16,16]},e.KANJI={id:`Kanji`,bit:8,ccBits:[8,10,12]},e.MIXED={bit:-1},e.getCharCountIndicator=function(e,n){if(!e.ccBits)throw Error(`Invalid mode: `+e);if(!t.isValid(n))throw Error(`Invalid version: `+n);return n>=1&&n<10?e.ccBits[0]:n<27?e.ccBits[1]:e.ccBits[2]},e.getBestModeForData=function(t){return n.testNumeric(t)?e.NUMERIC:n.testAlphanumeric(t)?e.ALPHANUMERIC:n.testKanji(t)?e.KANJI:e.BYTE},e.toString=function(e){if(e&&e.id)return e.id;throw Error(`Invalid mode`)},e.isValid=function(e){return e&&e.bit&&e.ccBits};function r(t){if(typeof t!=`string`)throw Error(`Param is not a string`);switch(t.toLowerCase()){case`numeric`:return e.NUMERIC;case`alphanumeric`:return e.ALPHANUMERIC;case`kanji`:return e.KANJI;case`byte`:return e.BYTE;default:throw Error(`Unknown mode: `+t)}}e.from=function(t,n){if(e.isValid(t))return t;try{return r(t)}catch{return n}}})),F=t((e=>{var t=C(),n=A(),r=w(),i=P(),a=M(),o=7973,s=t.getBCHDigit(o);function c(t,n,r){for(let i=1;i<=40;i++)if(n<=e.getCapacity(i,r,t))return i}function l(e,t){return i.getCharCountIndicator(e,t)+4}function u(e,t){let n=0;return e.forEach(function(e){let r=l(e.mode,t);n+=r+e.getBitsLength()}),n}function d(t,n){for(let r=1;r<=40;r++)if(u(t,r)<=e.getCapacity(r,n,i.MIXED))return r}e.from=function(e,t){return a.isValid(e)?parseInt(e,10):t},e.getCapacity=function(e,r,o){if(!a.isValid(e))throw Error(`Invalid QR Code version`);o===void 0&&(o=i.BYTE);let s=(t.getSymbolTotalCodewords(e)-n.getTotalCodewordsCount(e,r))*8;if(o===i.MIXED)return s;let c=s-l(o,e);switch(o){case i.NUMERIC:return Math.floor(c/10*3);case i.ALPHANUMERIC:return Math.floor(c/11*2);case i.KANJI:return Math.floor(c/13);case i.BYTE:default:return Math.floor(c/8)}},e.getBestVersionForData=function(e,t){let n,i=r.from(t,r.M);if(Array.isArray(e)){if(e.length>1)return d(e,i);if(e.length===0)return 1;n=e[0]}else n=e;return c(n.mode,n.getLength(),i)},e.getEncodedBits=function(e){if(!a.isValid(e)||e<7)throw Error(`Invalid QR Code version`);let n=e<<12;for(;t.getBCHDigit(n)-s>=0;)n^=o<<t.getBCHDigit(n)-s;return e<<12|n}})),I=t((e=>{var t=C(),n=1335,r=21522,i=t.getBCHDigit(n);e.getEncodedBits=function(e,a){let o=e.bit<<3|a,s=o<<10;for(;t.getBCHDigit(s)-i>=0;)s^=n<<t.getBCHDigit(s)-i;return(o<<10|s)^r}})),L=t(((e,t)=>{var n=P();function r(e){this.mode=n.NUMERIC,this.data=e.toString()}r.getBitsLength=function(e){return 10*Math.floor(e/3)+(e%3?e%3*3+1:0)},r.prototype.getLength=function(){return this.data.length},r.prototype.getBitsLength=function(){return r.getBitsLength(this.data.length)},r.prototype.write=function(e){let t,n,r;for(t=0;t+3<=this.data.length;t+=3)n=this.data.substr(t,3),r=parseInt(n,10),e.put(r,10);let i=this.data.length-t;i>0&&(n=this.data.substr(t),r=parseInt(n,10),e.put(r,i*3+1))},t.exports=r})),R=t(((e,t)=>{var n=P(),r=`0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:`.split(``);function i(e){this.mode=n.ALPHANUMERIC,this.data=e}i.getBitsLength=function(e){return 11*Math.floor(e/2)+e%2*6},i.prototype.getLength=function(){return this.data.length},i.prototype.getBitsLength=function(){return i.getBitsLength(this.data.length)},i.prototype.write=function(e){let t=0;for(;t+2<=this.data.length;t+=2){let n=r.indexOf(this.data[t])*45;n+=r.indexOf(this.data[t+1]),e.put(n,11)}this.data.length%2&&e.put(r.indexOf(this.data[t]),6)},t.exports=i})),z=t(((e,t)=>{var n=P();function r(e){this.mode=n.BYTE,this.data=typeof e==`string`?new TextEncoder().encode(e):new Uint8Array(e)}r.getBitsLength=function(e){return e*8},r.prototype.getLength=function(){return this.data.length},r.prototype.getBitsLength=function(){return r.getBitsLength(this.data.length)},r.prototype.write=function(e){for(let t=0,n=this.data.length;t<n;t++)e.put(this.data[t],8)},t.exports=r})),B=t(((e,t)=>{var n=P(),r=C();function i(e){this.mode=n.KANJI,this.data=e}i.getBitsLength=function(e){return e*13},i.prototype.getLength=function(){return this.data.length},i.prototype.getBitsLength=function(){return i.getBitsLength(this.data.length)},i.prototype.write=function(e){let t=0;for(;t<this.data.length;t++){let n=r.toSJIS(this.data[t]);if(n>=33088&&n<=40956)n-=33088;else if(n>=57408&&n<=60351)n-=49472;else throw Error(`Invalid SJIS character: `+this.data[t]+`
Make sure your charset is UTF-8`);n=(n>>>8&255)*192+(n&255),e.put(n,13)}},t.exports=i})),V=t(((e,t)=>{var n={single_source_shortest_paths:function(e,t,r){var i={},a={};a[t]=0;var o=n.PriorityQueue.make();o.push(t,0);for(var s,c,l,u,d,f,p,m,h;!o.empty();)for(l in s=o.pop(),c=s.value,u=s.cost,d=e[c]||{},d)d.hasOwnProperty(l)&&(f=d[l],p=u+f,m=a[l],h=a[l]===void 0,(h||m>p)&&(a[l]=p,o.push(l,p),i[l]=c));if(r!==void 0&&a[r]===void 0){var g=[`Could not find a path from `,t,` to `,r,`.`].join(``);throw Error(g)}return i},extract_shortest_path_from_predecessor_list:function(e,t){for(var n=[],r=t;r;)n.push(r),e[r],r=e[r];return n.reverse(),n},find_path:function(e,t,r){var i=n.single_source_shortest_paths(e,t,r);return n.extract_shortest_path_from_predecessor_list(i,r)},PriorityQueue:{make:function(e){var t=n.PriorityQueue,r={},i;for(i in e||={},t)t.hasOwnProperty(i)&&(r[i]=t[i]);return r.queue=[],r.sorter=e.sorter||t.default_sorter,r},default_sorter:function(e,t){return e.cost-t.cost},push:function(e,t){var n={value:e,cost:t};this.queue.push(n),this.queue.sort(this.sorter)},pop:function(){return this.queue.shift()},empty:function(){return this.queue.length===0}}};t!==void 0&&(t.exports=n)})),H=t((e=>{var t=P(),n=L(),r=R(),i=z(),a=B(),o=N(),s=C(),c=V();function l(e){return unescape(encodeURIComponent(e)).length}function u(e,t,n){let r=[],i;for(;(i=e.exec(n))!==null;)r.push({data:i[0],index:i.index,mode:t,length:i[0].length});return r}function d(e){let n=u(o.NUMERIC,t.NUMERIC,e),r=u(o.ALPHANUMERIC,t.ALPHANUMERIC,e),i,a;return s.isKanjiModeEnabled()?(i=u(o.BYTE,t.BYTE,e),a=u(o.KANJI,t.KANJI,e)):(i=u(o.BYTE_KANJI,t.BYTE,e),a=[]),n.concat(r,i,a).sort(function(e,t){return e.index-t.index}).map(function(e){return{data:e.data,mode:e.mode,length:e.length}})}function f(e,o){switch(o){case t.NUMERIC:return n.getBitsLength(e);case t.ALPHANUMERIC:return r.getBitsLength(e);case t.KANJI:return a.getBitsLength(e);case t.BYTE:return i.getBitsLength(e)}}function p(e){return e.reduce(function(e,t){let n=e.length-1>=0?e[e.length-1]:null;return n&&n.mode===t.mode?(e[e.length-1].data+=t.data,e):(e.push(t),e)},[])}function m(e){let n=[];for(let r=0;r<e.length;r++){let i=e[r];switch(i.mode){case t.NUMERIC:n.push([i,{data:i.data,mode:t.ALPHANUMERIC,length:i.length},{data:i.data,mode:t.BYTE,length:i.length}]);break;case t.ALPHANUMERIC:n.push([i,{data:i.data,mode:t.BYTE,length:i.length}]);break;case t.KANJI:n.push([i,{data:i.data,mode:t.BYTE,length:l(i.data)}]);break;case t.BYTE:n.push([{data:i.data,mode:t.BYTE,length:l(i.data)}])}}return n}function h(e,n){let r={},i={start:{}},a=[`start`];for(let o=0;o<e.length;o++){let s=e[o],c=[];for(let e=0;e<s.length;e++){let l=s[e],u=``+o+e;c.push(u),r[u]={node:l,lastCount:0},i[u]={};for(let e=0;e<a.length;e++){let o=a[e];r[o]&&r[o].node.mode===l.mode?(i[o][u]=f(r[o].lastCount+l.length,l.mode)-f(r[o].lastCount,l.mode),r[o].lastCount+=l.length):(r[o]&&(r[o].lastCount=l.length),i[o][u]=f(l.length,l.mode)+4+t.getCharCountIndicator(l.mode,n))}}a=c}for(let e=0;e<a.length;e++)i[a[e]].end=0;return{map:i,table:r}}function g(e,o){let c,l=t.getBestModeForData(e);if(c=t.from(o,l),c!==t.BYTE&&c.bit<l.bit)throw Error(`"`+e+`" cannot be encoded with mode `+t.toString(c)+`.
 Suggested mode is: `+t.toString(l));switch(c===t.KANJI&&!s.isKanjiModeEnabled()&&(c=t.BYTE),c){case t.NUMERIC:return new n(e);case t.ALPHANUMERIC:return new r(e);case t.KANJI:return new a(e);case t.BYTE:return new i(e)}}e.fromArray=function(e){return e.reduce(function(e,t){return typeof t==`string`?e.push(g(t,null)):t.data&&e.push(g(t.data,t.mode)),e},[])},e.fromString=function(t,n){let r=h(m(d(t,s.isKanjiModeEnabled())),n),i=c.find_path(r.map,`start`,`end`),a=[];for(let e=1;e<i.length-1;e++)a.push(r.table[i[e]].node);return e.fromArray(p(a))},e.rawSplit=function(t){return e.fromArray(d(t,s.isKanjiModeEnabled()))}})),U=t((e=>{var t=C(),n=w(),r=T(),i=E(),a=D(),o=O(),s=k(),c=A(),l=te(),u=F(),d=I(),f=P(),p=H();function m(e,t){let n=e.size,r=o.getPositions(t);for(let t=0;t<r.length;t++){let i=r[t][0],a=r[t][1];for(let t=-1;t<=7;t++)if(!(i+t<=-1||n<=i+t))for(let r=-1;r<=7;r++)a+r<=-1||n<=a+r||(t>=0&&t<=6&&(r===0||r===6)||r>=0&&r<=6&&(t===0||t===6)||t>=2&&t<=4&&r>=2&&r<=4?e.set(i+t,a+r,!0,!0):e.set(i+t,a+r,!1,!0))}}function h(e){let t=e.size;for(let n=8;n<t-8;n++){let t=n%2==0;e.set(n,6,t,!0),e.set(6,n,t,!0)}}function g(e,t){let n=a.getPositions(t);for(let t=0;t<n.length;t++){let r=n[t][0],i=n[t][1];for(let t=-2;t<=2;t++)for(let n=-2;n<=2;n++)t===-2||t===2||n===-2||n===2||t===0&&n===0?e.set(r+t,i+n,!0,!0):e.set(r+t,i+n,!1,!0)}}function _(e,t){let n=e.size,r=u.getEncodedBits(t),i,a,o;for(let t=0;t<18;t++)i=Math.floor(t/3),a=t%3+n-8-3,o=(r>>t&1)==1,e.set(i,a,o,!0),e.set(a,i,o,!0)}function v(e,t,n){let r=e.size,i=d.getEncodedBits(t,n),a,o;for(a=0;a<15;a++)o=(i>>a&1)==1,a<6?e.set(a,8,o,!0):a<8?e.set(a+1,8,o,!0):e.set(r-15+a,8,o,!0),a<8?e.set(8,r-a-1,o,!0):a<9?e.set(8,15-a-1+1,o,!0):e.set(8,15-a-1,o,!0);e.set(r-8,8,1,!0)}function y(e,t){let n=e.size,r=-1,i=n-1,a=7,o=0;for(let s=n-1;s>0;s-=2)for(s===6&&s--;;){for(let n=0;n<2;n++)if(!e.isReserved(i,s-n)){let r=!1;o<t.length&&(r=(t[o]>>>a&1)==1),e.set(i,s-n,r),a--,a===-1&&(o++,a=7)}if(i+=r,i<0||n<=i){i-=r,r=-r;break}}}function b(e,n,i){let a=new r;i.forEach(function(t){a.put(t.mode.bit,4),a.put(t.getLength(),f.getCharCountIndicator(t.mode,e)),t.write(a)});let o=(t.getSymbolTotalCodewords(e)-c.getTotalCodewordsCount(e,n))*8;for(a.getLengthInBits()+4<=o&&a.put(0,4);a.getLengthInBits()%8!=0;)a.putBit(0);let s=(o-a.getLengthInBits())/8;for(let e=0;e<s;e++)a.put(e%2?17:236,8);return x(a,e,n)}function x(e,n,r){let i=t.getSymbolTotalCodewords(n),a=i-c.getTotalCodewordsCount(n,r),o=c.getBlocksCount(n,r),s=o-i%o,u=Math.floor(i/o),d=Math.floor(a/o),f=d+1,p=u-d,m=new l(p),h=0,g=Array(o),_=Array(o),v=0,y=new Uint8Array(e.buffer);for(let e=0;e<o;e++){let t=e<s?d:f;g[e]=y.slice(h,h+t),_[e]=m.encode(g[e]),h+=t,v=Math.max(v,t)}let b=new Uint8Array(i),x=0,S,C;for(S=0;S<v;S++)for(C=0;C<o;C++)S<g[C].length&&(b[x++]=g[C][S]);for(S=0;S<p;S++)for(C=0;C<o;C++)b[x++]=_[C][S];return b}function S(e,n,r,a){let o;if(Array.isArray(e))o=p.fromArray(e);else if(typeof e==`string`){let t=n;if(!t){let n=p.rawSplit(e);t=u.getBestVersionForData(n,r)}o=p.fromString(e,t||40)}else throw Error(`Invalid data`);let c=u.getBestVersionForData(o,r);if(!c)throw Error(`The amount of data is too big to be stored in a QR Code`);if(!n)n=c;else if(n<c)throw Error(`
The chosen QR Code version cannot contain this amount of data.
Minimum version required to store current data is: `+c+`.
`);let l=b(n,r,o),d=new i(t.getSymbolSize(n));return m(d,n),h(d),g(d,n),v(d,r,0),n>=7&&_(d,n),y(d,l),isNaN(a)&&(a=s.getBestMask(d,v.bind(null,d,r))),s.applyMask(a,d),v(d,r,a),{modules:d,version:n,errorCorrectionLevel:r,maskPattern:a,segments:o}}e.create=function(e,r){if(e===void 0||e===``)throw Error(`No input text`);let i=n.M,a,o;return r!==void 0&&(i=n.from(r.errorCorrectionLevel,n.M),a=u.from(r.version),o=s.from(r.maskPattern),r.toSJISFunc&&t.setToSJISFunction(r.toSJISFunc)),S(e,a,i,o)}})),W=t((e=>{function t(e){if(typeof e==`number`&&(e=e.toString()),typeof e!=`string`)throw Error(`Color should be defined as hex string`);let t=e.slice().replace(`#`,``).split(``);if(t.length<3||t.length===5||t.length>8)throw Error(`Invalid hex color: `+e);(t.length===3||t.length===4)&&(t=Array.prototype.concat.apply([],t.map(function(e){return[e,e]}))),t.length===6&&t.push(`F`,`F`);let n=parseInt(t.join(``),16);return{r:n>>24&255,g:n>>16&255,b:n>>8&255,a:n&255,hex:`#`+t.slice(0,6).join(``)}}e.getOptions=function(e){e||={},e.color||(e.color={});let n=e.margin===void 0||e.margin===null||e.margin<0?4:e.margin,r=e.width&&e.width>=21?e.width:void 0,i=e.scale||4;return{width:r,scale:r?4:i,margin:n,color:{dark:t(e.color.dark||`#000000ff`),light:t(e.color.light||`#ffffffff`)},type:e.type,rendererOpts:e.rendererOpts||{}}},e.getScale=function(e,t){return t.width&&t.width>=e+t.margin*2?t.width/(e+t.margin*2):t.scale},e.getImageWidth=function(t,n){let r=e.getScale(t,n);return Math.floor((t+n.margin*2)*r)},e.qrToImageData=function(t,n,r){let i=n.modules.size,a=n.modules.data,o=e.getScale(i,r),s=Math.floor((i+r.margin*2)*o),c=r.margin*o,l=[r.color.light,r.color.dark];for(let e=0;e<s;e++)for(let n=0;n<s;n++){let u=(e*s+n)*4,d=r.color.light;if(e>=c&&n>=c&&e<s-c&&n<s-c){let t=Math.floor((e-c)/o),r=Math.floor((n-c)/o);d=l[+!!a[t*i+r]]}t[u++]=d.r,t[u++]=d.g,t[u++]=d.b,t[u]=d.a}}})),G=t((e=>{var t=W();function n(e,t,n){e.clearRect(0,0,t.width,t.height),t.style||={},t.height=n,t.width=n,t.style.height=n+`px`,t.style.width=n+`px`}function r(){try{return document.createElement(`canvas`)}catch{throw Error(`You need to specify a canvas element`)}}e.render=function(e,i,a){let o=a,s=i;o!==void 0||i&&i.getContext||(o=i,i=void 0),i||(s=r()),o=t.getOptions(o);let c=t.getImageWidth(e.modules.size,o),l=s.getContext(`2d`),u=l.createImageData(c,c);return t.qrToImageData(u.data,e,o),n(l,s,c),l.putImageData(u,0,0),s},e.renderToDataURL=function(t,n,r){let i=r;i!==void 0||n&&n.getContext||(i=n,n=void 0),i||={};let a=e.render(t,n,i),o=i.type||`image/png`,s=i.rendererOpts||{};return a.toDataURL(o,s.quality)}})),K=t((e=>{var t=W();function n(e,t){let n=e.a/255,r=t+`="`+e.hex+`"`;return n<1?r+` `+t+`-opacity="`+n.toFixed(2).slice(1)+`"`:r}function r(e,t,n){let r=e+t;return n!==void 0&&(r+=` `+n),r}function i(e,t,n){let i=``,a=0,o=!1,s=0;for(let c=0;c<e.length;c++){let l=Math.floor(c%t),u=Math.floor(c/t);!l&&!o&&(o=!0),e[c]?(s++,c>0&&l>0&&e[c-1]||(i+=o?r(`M`,l+n,.5+u+n):r(`m`,a,0),a=0,o=!1),l+1<t&&e[c+1]||(i+=r(`h`,s),s=0)):a++}return i}e.render=function(e,r,a){let o=t.getOptions(r),s=e.modules.size,c=e.modules.data,l=s+o.margin*2,u=o.color.light.a?`<path `+n(o.color.light,`fill`)+` d="M0 0h`+l+`v`+l+`H0z"/>`:``,d=`<path `+n(o.color.dark,`stroke`)+` d="`+i(c,s,o.margin)+`"/>`,f=`viewBox="0 0 `+l+` `+l+`"`,p=`<svg xmlns="http://www.w3.org/2000/svg" `+(o.width?`width="`+o.width+`" height="`+o.width+`" `:``)+f+` shape-rendering="crispEdges">`+u+d+`</svg>
`;return typeof a==`function`&&a(null,p),p}})),q=e(t((e=>{var t=S(),n=U(),r=G(),i=K();function a(e,r,i,a,o){let s=[].slice.call(arguments,1),c=s.length,l=typeof s[c-1]==`function`;if(!l&&!t())throw Error(`Callback required as last argument`);if(l){if(c<2)throw Error(`Too few arguments provided`);c===2?(o=i,i=r,r=a=void 0):c===3&&(r.getContext&&o===void 0?(o=a,a=void 0):(o=a,a=i,i=r,r=void 0))}else{if(c<1)throw Error(`Too few arguments provided`);return c===1?(i=r,r=a=void 0):c===2&&!r.getContext&&(a=i,i=r,r=void 0),new Promise(function(t,o){try{t(e(n.create(i,a),r,a))}catch(e){o(e)}})}try{let t=n.create(i,a);o(null,e(t,r,a))}catch(e){o(e)}}e.create=n.create,e.toCanvas=a.bind(null,r.render),e.toDataURL=a.bind(null,r.renderToDataURL),e.toString=a.bind(null,function(e,t,n){return i.render(e,n)})}))(),1);async function J(e){let t=await q.toString(e,{type:`svg`,margin:1,errorCorrectionLevel:`M`});return`data:image/svg+xml;charset=utf-8,${encodeURIComponent(t)}`}var Y=class extends n{static properties={data:{attribute:!1},qr:{state:!0}};constructor(){super(),this.data=null,this.qr=new Map}static styles=c`
    :host { display: block; font-family: 'Noto Sans JP', 'Hiragino Sans', sans-serif; color: #000; }
    .page { width: 210mm; height: 297mm; box-sizing: border-box; padding: 22mm 22mm 18mm; break-after: page; position: relative; background: #fff; }
    .page:last-child { break-after: auto; }
    .school { font-size: 11pt; margin: 0; }
    h1 { font-size: 20pt; margin: 10mm 0 6mm; }
    .to { font-size: 14pt; margin: 0 0 8mm; border-bottom: 1px solid #000; padding-bottom: 2mm; }
    .body { display: flex; gap: 12mm; align-items: flex-start; }
    .qr img { width: 55mm; height: 55mm; }
    .qr p { font-size: 9pt; text-align: center; margin: 1mm 0 0; }
    ol { font-size: 12pt; line-height: 1.7; padding-left: 6mm; margin: 0; }
    .code { margin: 10mm 0 0; border: 2px solid #000; border-radius: 3mm; padding: 5mm; text-align: center; }
    .code b { display: block; font-family: ui-monospace, 'Noto Sans Mono', monospace; font-size: 24pt; letter-spacing: 0.12em; }
    .code span { font-size: 10pt; }
    .note { font-size: 10pt; margin-top: 10mm; line-height: 1.6; }
    .foot { position: absolute; bottom: 14mm; left: 22mm; right: 22mm; font-size: 9pt; color: #333; display: flex; justify-content: space-between; }
  `;async prepare(e){this.data=e;let t=await Promise.all(e.letters.map(async e=>[e.codeId,await J(this.link(e.code))]));this.qr=new Map(t),await this.updateComplete}link(e){return`${location.origin}${this.data.registerPath}?code=${encodeURIComponent(e)}`}render(){if(!this.data)return i``;let e=this.data.schoolName;return this.data.letters.map(t=>i`
        <article class="page">
          <p class="school">${e}</p>
          <h1>欠席連絡サービス「朝顔」登録のお願い</h1>
          <p class="to">${t.classLabel} ${t.number}番 ${t.pupilName} さんの保護者様${t.guardianName?`(${t.guardianName} 様)`:``}</p>
          <div class="body">
            <div class="qr"><img alt="登録用QRコード" src=${this.qr.get(t.codeId)??``} /><p>スマートフォンで読み取ってください</p></div>
            <ol>
              <li>左のQRコードをスマートフォンのカメラで読み取ります。</li>
              <li>お子さまの名前を確かめます。</li>
              <li>保護者のお名前とパスワードを決めて登録します(メールアドレスは任意です)。</li>
              <li>きょうだいがいる場合は、登録後に「お子さまを追加」からそれぞれの用紙のコードを入力してください。</li>
            </ol>
          </div>
          <div class="code"><span>QRコードが読み取れない場合は、${location.host}${this.data.registerPath} を開いて次のコードを入力してください</span><b>${t.code}</b></div>
          <p class="note">登録コードは ${b(t.expiresAt.slice(0,10))} まで有効です。このコードはお子さま1人につき保護者1名が使えます。お二人目の保護者の登録や、用紙をなくした場合は学校へお申し出ください。</p>
          <div class="foot"><span>${e}</span><span>${t.classLabel} ${t.number}番</span></div>
        </article>
      `)}};customElements.define(`asg-admin-letters`,Y);var X=(e,t)=>t===0?0:Math.round(e/t*100),Z=class extends n{static properties={data:{state:!0},error:{state:!0},notice:{state:!0},busy:{state:!0},detail:{state:!0},detailPupil:{state:!0}};constructor(){super(),this.data=null,this.error=``,this.notice=``,this.busy=!1,this.detail=null,this.detailPupil=null}static styles=[u,d,y,c`
      .bar { background: #eee; border-radius: 4px; height: 12px; width: 180px; overflow: hidden; display: inline-block; vertical-align: middle; }
      .bar i { display: block; height: 100%; background: var(--asg-ok); }
      .rate { font-size: 1.6rem; font-weight: 700; }
    `];connectedCallback(){super.connectedCallback(),this.load()}async load(){try{this.data=await s(`GET`,`/api/admin/registration/dashboard`)}catch(e){this.error=_(e)}}render(){let e=this.data;return e?i`
      <section>
        <h2>保護者の登録状況(${e.fiscalYear}年度)</h2>
        <p>学校全体 <span class="rate" data-testid="school-rate">${X(e.total.registered,e.total.pupils)}%</span>
          <span class="muted">(${e.total.registered} / ${e.total.pupils}人)</span></p>
        <div class="row">
          <button class="primary" ?disabled=${this.busy||e.unregistered.length===0} @click=${()=>this.print({onlyUnregistered:!0,validDays:30})}>未登録の児童の案内だけ印刷(${e.unregistered.length}枚)</button>
          <button @click=${()=>this.load()}>更新</button>
        </div>
        ${this.error?i`<p class="error" role="alert">${this.error}</p>`:r}
        <table>
          <thead><tr><th>組</th><th>登録率</th><th>登録済み</th><th></th></tr></thead>
          <tbody>
            ${e.classes.map(e=>i`<tr>
              <td>${e.classLabel}</td>
              <td><span class="bar"><i style="width:${X(e.registered,e.pupils)}%"></i></span> ${X(e.registered,e.pupils)}%</td>
              <td>${e.registered} / ${e.pupils}人</td>
              <td><button ?disabled=${this.busy||e.pupils===0} @click=${()=>this.print({classId:e.classId,onlyUnregistered:!1,validDays:30})}>${e.classLabel}の案内を印刷</button></td>
            </tr>`)}
          </tbody>
        </table>
      </section>
      <section>
        <h2>保護者が未登録の児童(${e.unregistered.length}人)</h2>
        <table>
          <thead><tr><th>組</th><th>番</th><th>氏名</th><th>登録コード</th><th></th></tr></thead>
          <tbody>
            ${e.unregistered.map(e=>i`<tr>
              <td>${e.classLabel}</td><td>${e.number}</td><td>${e.name}</td>
              <td class="muted">${e.activeCodeExpiresAt?`${e.activeCodeExpiresAt.slice(5,10).replace(`-`,`/`)}まで有効`:`未発行`}</td>
              <td><button @click=${()=>this.print({pupilIds:[e.pupilId],onlyUnregistered:!1,validDays:30})}>印刷</button>
                  <button @click=${()=>this.showPupil(e.pupilId,e.name)}>保護者・コード</button></td>
            </tr>`)}
          </tbody>
        </table>
      </section>
      ${this.detail&&this.detailPupil?this.renderDetail(this.detail,this.detailPupil):r}
    `:i`${this.error?i`<p class="error">${this.error}</p>`:i`<p>読み込み中…</p>`}`}renderDetail(e,t){return i`<section>
      <h2>${t.name} さんの保護者と登録コード</h2>
      <table><tbody>
        ${e.guardians.map(e=>i`<tr><td>${e.name}</td><td><button @click=${()=>this.unlink(t,e.guardianId)}>登録を解除</button>
          <button @click=${()=>this.resetCode(e.guardianId,e.name)}>パスワード再設定コード</button></td></tr>`)}
      </tbody></table>
      <h3>登録コード</h3>
      <table><tbody>
        ${e.codes.map(e=>i`<tr><td class="code">${e.code}</td><td>${e.usedAt?`使用済み`:e.revokedAt?`無効`:`${e.expiresAt.slice(0,10)}まで`}</td>
          <td>${!e.usedAt&&!e.revokedAt?i`<button @click=${()=>this.revoke(t,e.codeId)}>無効にする</button>`:r}</td></tr>`)}
      </tbody></table>
      <div class="row"><button @click=${()=>this.reissue(t)}>コードを再発行して印刷</button></div>
      ${this.notice?i`<p class="ok" role="status">${this.notice}</p>`:r}
    </section>`}async showPupil(e,t){this.detailPupil={pupilId:e,name:t},this.detail=await s(`GET`,`/api/admin/registration/pupils/${e}/guardians`).catch(e=>(this.error=_(e),null))}async resetCode(e,t){try{let n=await s(`POST`,`/api/admin/guardians/${e}/reset-code`);this.notice=`${t} さんの再設定コード:${n.code}(24時間有効・1回限り)。${location.host}/join/#reset で使います。`}catch(e){this.error=_(e)}}async unlink(e,t){confirm(`この保護者の登録を解除しますか?`)&&(await s(`POST`,`/api/admin/registration/pupils/${e.pupilId}/guardians/${t}/unlink`).catch(e=>this.error=_(e)),await Promise.all([this.showPupil(e.pupilId,e.name),this.load()]))}async revoke(e,t){await s(`POST`,`/api/admin/registration/codes/${t}/revoke`).catch(e=>this.error=_(e)),await Promise.all([this.showPupil(e.pupilId,e.name),this.load()])}async reissue(e){try{await this.printLetters(await s(`POST`,`/api/admin/registration/pupils/${e.pupilId}/reissue`)),await this.showPupil(e.pupilId,e.name)}catch(e){this.error=_(e)}}async print(e){this.busy=!0,this.error=``;try{await this.printLetters(await s(`POST`,`/api/admin/registration/letters`,e)),await this.load()}catch(e){this.error=_(e)}finally{this.busy=!1}}async printLetters(e){document.querySelector(`asg-admin-letters`)?.remove();let t=document.createElement(`asg-admin-letters`);document.body.append(t),await t.prepare(e),window.print()}};customElements.define(`asg-admin-registration`,Z);var ne=class extends n{static properties={years:{state:!0},yearId:{state:!0},file:{state:!0},createClasses:{state:!0},mapping:{state:!0},preview:{state:!0},applied:{state:!0},error:{state:!0},busy:{state:!0}};constructor(){super(),this.years=[],this.yearId=null,this.file=null,this.createClasses=!1,this.mapping=null,this.preview=null,this.applied=null,this.error=``,this.busy=!1}static styles=[u,d,y];connectedCallback(){super.connectedCallback(),this.loadYears()}async loadYears(){try{this.years=(await s(`GET`,`/api/admin/years`)).years,this.yearId??=this.years.find(e=>e.classes.length>0)?.id??this.years[0]?.id??null}catch(e){this.error=_(e)}}query(e=``){let t=new URLSearchParams;return this.yearId&&t.set(`yearId`,String(this.yearId)),this.createClasses&&t.set(`createClasses`,`1`),this.mapping&&t.set(`mapping`,JSON.stringify(this.mapping)),`?${t}${e}`}render(){let e=this.years.find(e=>e.id===this.yearId);return i`
      <section>
        <h2>名簿の取り込み</h2>
        <p class="muted">校務支援システムから書き出したCSV(UTF-8 または Shift_JIS)を選んでください。ファイルにない児童は「転出」として残り、削除はされません。</p>
        <div class="row">
          <label>年度
            <select @change=${e=>this.choose({yearId:Number(e.target.value)})}>
              ${this.years.map(e=>i`<option value=${e.id} ?selected=${e.id===this.yearId}>${e.fiscalYear}年度(${e.classes.length}組)</option>`)}
            </select>
          </label>
          <button @click=${this.newYear} ?disabled=${this.busy}>新しい年度を作る(進級)</button>
          ${e?i`<a href="/api/admin/roster/export?yearId=${e.id}" download>この年度の名簿をCSVで書き出す</a>`:r}
        </div>
        <div class="row">
          <input type="file" accept=".csv,text/csv" aria-label="名簿ファイル" @change=${e=>this.choose({file:e.target.files?.[0]??null,mapping:null})} />
          <label><input type="checkbox" .checked=${this.createClasses} @change=${e=>this.choose({createClasses:e.target.checked})} /> ファイルにある組がなければ作る</label>
          <button class="primary" ?disabled=${!this.file||this.busy} @click=${this.runPreview}>内容を確認</button>
        </div>
        ${this.error?i`<p class="error" role="alert">${this.error}</p>`:r}
        ${this.applied?i`<p class="ok" role="status">取り込みました:追加 ${this.applied.added}人、組・番号の変更 ${this.applied.moved}人、情報の更新 ${this.applied.updated}人、変更なし ${this.applied.unchanged}人、転出・卒業 ${this.applied.left}人、新しい組 ${this.applied.classesCreated}</p>`:r}
      </section>
      ${this.preview?this.renderPreview(this.preview):r}
    `}renderPreview(e){let t=e.problems.length===0;return i`
      <section aria-label="確認">
        <h2>確認(${e.fiscalYear}年度・${e.rows}行・${e.encoding===`shift_jis`?`Shift_JIS`:`UTF-8`})</h2>
        <h3>列の対応</h3>
        <div class="row">
          ${l.map(t=>i`<label>${f[t]}
            <select data-field=${t} @change=${e=>this.mapField(t,e.target.value)}>
              <option value="">(なし)</option>
              ${e.headers.map(n=>i`<option ?selected=${e.mapping[t]===n}>${n}</option>`)}
            </select></label>`)}
        </div>
        ${t?i`<p class="ok">問題はありません。</p>`:i`
          <h3 class="error">問題 ${e.problems.length}件(直してから取り込んでください)</h3>
          <table><tbody>${e.problems.map(e=>i`<tr><td>${e.line}行目</td><td>${e.message}</td></tr>`)}</tbody></table>`}
        <h3>取り込むと</h3>
        <ul>
          <li>追加:${e.added.length}人 ${this.names(e.added)}</li>
          <li>組・番号の変更:${e.moved.length}人 ${this.names(e.moved)}</li>
          <li>情報の更新:${e.updated.length}人</li>
          <li>変更なし:${e.unchanged}人</li>
          <li>転出・卒業として残す:${e.leaving.length}人 ${this.names(e.leaving.map(e=>`${e.name}(${e.reason===`graduated`?`卒業`:`転出`})`))}</li>
          ${e.newClasses.length?i`<li>新しく作る組:${e.newClasses.join(`、`)}</li>`:r}
        </ul>
        <button class="primary" ?disabled=${!t||this.busy} @click=${this.apply}>この内容で取り込む</button>
      </section>
    `}names(e){return e.length?i`<span class="muted">— ${e.slice(0,8).join(`、`)}${e.length>8?` ほか${e.length-8}人`:``}</span>`:r}choose(e){Object.assign(this,e),this.preview=null,this.applied=null,this.error=``}mapField(e,t){let n={...this.mapping??this.preview?.mapping??{}};t?n[e]=t:delete n[e],this.mapping=n,this.runPreview()}async runPreview(){if(this.file){this.busy=!0,this.error=``,this.applied=null;try{this.preview=await g(`/api/admin/roster/preview${this.query()}`,this.file)}catch(e){this.error=_(e)}finally{this.busy=!1}}}async apply(){if(this.file&&this.preview){this.busy=!0;try{this.applied=await g(`/api/admin/roster/apply${this.query(`&digest=${this.preview.digest}`)}`,this.file),this.preview=null,await this.loadYears()}catch(e){this.error=_(e)}finally{this.busy=!1}}}async newYear(){let e=Math.max(...this.years.map(e=>e.fiscalYear),new Date().getFullYear()-1)+1;if(confirm(`${e}年度を作りますか?新しい名簿を取り込むと、児童が進級し、最上級生は卒業になります。`))try{let t=await s(`POST`,`/api/admin/years`,{fiscalYear:e});this.yearId=t.id,this.createClasses=!0,await this.loadYears()}catch(e){this.error=_(e)}}};customElements.define(`asg-admin-roster`,ne);var Q={absent:{label:`欠席として数える`,flags:{onSite:!1,countsAbsent:!0,excused:!1,isLate:!1,isEarlyLeave:!1}},excused:{label:`出席停止・忌引等(出席しなければならない日数から除く)`,flags:{onSite:!1,countsAbsent:!1,excused:!0,isLate:!1,isEarlyLeave:!1}},deemed:{label:`出席扱い(登校しないが出席)`,flags:{onSite:!1,countsAbsent:!1,excused:!1,isLate:!1,isEarlyLeave:!1}},present:{label:`出席(登校)`,flags:{onSite:!0,countsAbsent:!1,excused:!1,isLate:!1,isEarlyLeave:!1}}},re=class extends n{static properties={error:{state:!0},busy:{state:!0}};constructor(){super(),this.error=``,this.busy=!1}static styles=[u,d,y,c`.row { display: flex; flex-wrap: wrap; gap: 0.6em; align-items: center; }`];render(){return i`<form @submit=${this.submit}>
      <h3>出欠の区分を追加</h3>
      <div class="row">
        <label>名前 <input name="label" required maxlength="30" placeholder="欠席(自然災害)" /></label>
        <label>略号 <input name="shortLabel" required maxlength="2" size="3" placeholder="災" /></label>
        <label>記号 <input name="code" required pattern="[a-z][a-z0-9_]{1,30}" placeholder="absent_weather" /></label>
        <label>数え方 <select name="meaning">${Object.entries(Q).map(([e,t])=>i`<option value=${e}>${t.label}</option>`)}</select></label>
        <label><input type="checkbox" name="guardianSelectable" /> 保護者が選べる</label>
        <button type="submit" ?disabled=${this.busy}>追加する</button>
      </div>
      ${this.error?i`<p class="error" role="alert">${this.error}</p>`:r}
    </form>`}async submit(e){e.preventDefault();let t=e.target,n=new FormData(t),r={code:String(n.get(`code`)),label:String(n.get(`label`)),shortLabel:String(n.get(`shortLabel`)),guardianSelectable:n.has(`guardianSelectable`),...Q[String(n.get(`meaning`))].flags};this.busy=!0;try{let e=await s(`POST`,`/api/admin/codes`,r);this.error=``,t.reset(),this.dispatchEvent(new CustomEvent(`asg-codes-changed`,{detail:e,bubbles:!0,composed:!0}))}catch(e){this.error=_(e)}finally{this.busy=!1}}};customElements.define(`asg-admin-code-form`,re);var ie={illness:`病気`,injury:`けが`,family:`家庭の事情`,suspension:`出席停止`,bereavement:`忌引`,appointment:`通院・用事`,other:`その他`},ae=class extends n{static properties={view:{state:!0},reasons:{state:!0},error:{state:!0},notice:{state:!0}};constructor(){super(),this.view=null,this.reasons=[],this.error=``,this.notice=``}static styles=[u,d,y];connectedCallback(){super.connectedCallback(),s(`GET`,`/api/admin/settings`).then(e=>this.show(e),e=>this.error=_(e))}show(e){this.view=e,this.reasons=e.reasons.map(e=>({...e}))}render(){let e=this.view;if(!e)return i`${this.error?i`<p class="error">${this.error}</p>`:i`<p>読み込み中…</p>`}`;let t=e.settings;return i`<form @submit=${this.save}>
      <section>
        <h2>学校</h2>
        <label class="block">学校名</label><input name="name" .value=${e.name} size="30" required />
        <label class="block">タイムゾーン</label><input name="timeZone" .value=${e.timeZone} />
      </section>
      <section>
        <h2>朝の時刻と連絡の受付</h2>
        <div class="row"><label>出欠確認の時刻 <input name="rollCallTime" .value=${t.rollCallTime} size="5" /></label>
          <label>当日連絡の締切 <input name="sameDayCutoff" .value=${t.sameDayCutoff} size="5" /></label>
          <label><input type="checkbox" name="acceptLateReports" .checked=${t.acceptLateReports} /> 締切後も連絡を受け付ける</label></div>
        <label class="block">締切後に保護者に表示する文</label>
        <textarea name="cutoffMessage" rows="2" cols="60" maxlength="200" .value=${t.cutoffMessage}></textarea>
      </section>
      <section>
        <h2>表示とバッジ</h2>
        <div class="row"><label><input type="checkbox" name="boardShowsMessages" .checked=${t.boardShowsMessages} /> 職員室の表示端末に保護者のメッセージを表示する</label></div>
        <div class="row"><label>連続欠席のバッジ <input name="consecutiveAbsenceBadge" type="number" min="1" max="30" .value=${String(t.consecutiveAbsenceBadge)} />日</label>
          <label>累計欠席のバッジ <input name="cumulativeAbsenceBadges" .value=${t.cumulativeAbsenceBadges.join(`,`)} size="12" />日(カンマ区切り)</label></div>
        <h3>健康に関するメモを読める役割</h3>
        <div class="row">${p.options.map(e=>i`<label><input type="checkbox" name="healthNoteRoles" value=${e} .checked=${t.healthNoteRoles.includes(e)} /> ${a[e]}</label>`)}</div>
      </section>
      <section>
        <h2>欠席・遅刻の理由</h2>
        <table><thead><tr><th>理由</th><th>分類</th><th>出欠の区分</th><th>使う</th></tr></thead><tbody>
          ${this.reasons.map((t,n)=>i`<tr>
            <td><input .value=${t.label} @input=${e=>this.editReason(n,{label:e.target.value})} /></td>
            <td><select @change=${e=>this.editReason(n,{category:e.target.value})}>
              ${o.options.map(e=>i`<option value=${e} ?selected=${e===t.category}>${ie[e]}</option>`)}</select></td>
            <td><select @change=${e=>this.editReason(n,{suggestedCodeId:Number(e.target.value)})}>
              ${e.codes.map(e=>i`<option value=${e.id} ?selected=${e.id===t.suggestedCodeId}>${e.label}</option>`)}</select></td>
            <td><input type="checkbox" .checked=${t.active} @change=${e=>this.editReason(n,{active:e.target.checked})} /></td>
          </tr>`)}
        </tbody></table>
        <div class="row"><button type="button" @click=${this.addReason}>理由を追加</button></div>
      </section>
      <section>
        <asg-admin-code-form @asg-codes-changed=${e=>this.codesChanged(e.detail)}></asg-admin-code-form>
      </section>
      ${this.error?i`<p class="error" role="alert">${this.error}</p>`:r}
      ${this.notice?i`<p class="ok" role="status">${this.notice}</p>`:r}
      <button class="primary" type="submit">保存する</button>
    </form>`}codesChanged(e){this.view&&={...this.view,codes:e.codes},this.notice=`出欠の区分を追加しました`}editReason(e,t){this.reasons=this.reasons.map((n,r)=>r===e?{...n,...t}:n)}addReason(){this.reasons=[...this.reasons,{label:``,category:`other`,suggestedCodeId:this.view.codes[0].id,active:!0}]}async save(e){e.preventDefault();let t=new FormData(e.target),n={...this.view.settings,rollCallTime:String(t.get(`rollCallTime`)),sameDayCutoff:String(t.get(`sameDayCutoff`)),acceptLateReports:t.has(`acceptLateReports`),cutoffMessage:String(t.get(`cutoffMessage`)??``),boardShowsMessages:t.has(`boardShowsMessages`),consecutiveAbsenceBadge:Number(t.get(`consecutiveAbsenceBadge`)),cumulativeAbsenceBadges:String(t.get(`cumulativeAbsenceBadges`)).split(/[,、]/).map(e=>Number(e.trim())).filter(e=>e>0),healthNoteRoles:t.getAll(`healthNoteRoles`)};try{this.show(await v(`/api/admin/settings`,{name:t.get(`name`),timeZone:t.get(`timeZone`),settings:n,reasons:this.reasons.filter(e=>e.label.trim())})),this.notice=`保存しました`,this.error=``}catch(e){this.error=_(e),this.notice=``}}};customElements.define(`asg-admin-settings`,ae);var oe=class extends n{static properties={staff:{state:!0},classes:{state:!0},error:{state:!0},notice:{state:!0}};constructor(){super(),this.staff=[],this.classes=[],this.error=``,this.notice=``}static styles=[u,d,y];connectedCallback(){super.connectedCallback(),this.load()}async load(){try{let[e,t]=await Promise.all([s(`GET`,`/api/admin/staff`),s(`GET`,`/api/admin/years`)]);this.staff=e.staff,this.classes=t.years.flatMap(e=>e.classes).length?t.years.find(e=>e.classes.length)?.classes??[]:[]}catch(e){this.error=_(e)}}render(){return i`
      <section>
        <h2>職員アカウント</h2>
        ${this.error?i`<p class="error" role="alert">${this.error}</p>`:r}
        ${this.notice?i`<p class="ok" role="status">${this.notice}</p>`:r}
        <table>
          <thead><tr><th>氏名</th><th>ログインID</th><th>役割</th><th>担任</th><th></th></tr></thead>
          <tbody>${this.staff.map(e=>this.row(e))}</tbody>
        </table>
      </section>
      <section>
        <h2>職員を追加</h2>
        <form @submit=${this.create}>
          <div class="row">
            <label>姓 <input name="familyName" required size="8" /></label>
            <label>名 <input name="givenName" required size="8" /></label>
            <label>ログインID <input name="loginId" required autocomplete="off" /></label>
            <label>初期パスワード <input name="password" type="password" required minlength="8" autocomplete="new-password" /></label>
          </div>
          <div class="row">${p.options.map(e=>i`<label><input type="checkbox" name="roles" value=${e} ?checked=${e===`teacher`} /> ${a[e]}</label>`)}</div>
          <div class="row"><label>担任 <select name="homeroom"><option value="">なし</option>${this.classes.map(e=>i`<option value=${e.id}>${e.label}</option>`)}</select></label>
            <button class="primary" type="submit">追加</button></div>
        </form>
      </section>
    `}row(e){return i`<tr>
      <td>${e.familyName} ${e.givenName}${e.disabled?i` <span class="muted">(無効)</span>`:r}</td>
      <td>${e.loginId}</td>
      <td>${p.options.map(t=>i`<label><input type="checkbox" .checked=${e.roles.includes(t)} @change=${n=>this.toggleRole(e,t,n.target.checked)} />${a[t]}</label>`)}</td>
      <td><select @change=${t=>this.setHomeroom(e,t.target.value)}>
        <option value="">なし</option>${this.classes.map(t=>i`<option value=${t.id} ?selected=${e.homeroomClassIds.includes(t.id)}>${t.label}</option>`)}</select></td>
      <td>
        ${e.disabled?i`<button @click=${()=>this.act(e,`enable`,`有効にしました`)}>有効にする</button>`:i`<button @click=${()=>this.act(e,`disable`,`アカウントを無効にし、開いている画面を閉じました`)}>無効にする</button>`}
        <button @click=${()=>this.resetCode(e)}>再設定コード</button>
      </td>
    </tr>`}async save(e,t){let n={...e,...t};try{await v(`/api/admin/staff/`+e.id,{familyName:n.familyName,givenName:n.givenName,roles:n.roles,homeroomClassIds:n.homeroomClassIds}),this.notice=`${e.familyName} ${e.givenName} さんを更新しました`}catch(e){this.error=_(e)}await this.load()}toggleRole(e,t,n){return this.save(e,{roles:n?[...e.roles,t]:e.roles.filter(e=>e!==t)})}setHomeroom(e,t){return this.save(e,{homeroomClassIds:t?[Number(t)]:[]})}async act(e,t,n){this.error=``;try{await s(`POST`,`/api/admin/staff/${e.id}/${t}`),this.notice=n}catch(e){this.error=_(e)}await this.load()}async resetCode(e){try{let t=await s(`POST`,`/api/admin/staff/${e.id}/reset-code`);this.notice=`${e.familyName} さんの再設定コード:${t.code}(24時間有効・1回限り)。/join/#reset の「パスワードの再設定」で使います。`}catch(e){this.error=_(e)}}async create(e){e.preventDefault();let t=e.target,n=new FormData(t),r=String(n.get(`homeroom`)??``);try{await s(`POST`,`/api/admin/staff`,{familyName:n.get(`familyName`),givenName:n.get(`givenName`),loginId:n.get(`loginId`),password:n.get(`password`),roles:n.getAll(`roles`),homeroomClassIds:r?[Number(r)]:[]}),this.notice=`職員を追加しました`,this.error=``,t.reset(),await this.load()}catch(e){this.error=_(e)}}};customElements.define(`asg-admin-staff`,oe);var $=[[`roster`,`名簿`],[`registration`,`保護者の登録`],[`staff`,`職員`],[`settings`,`学校の設定`],[`devices`,`表示端末`],[`account`,`アカウント`]],se=[`admin`,`principal`,`vice_principal`],ce=class extends n{static properties={me:{state:!0},checked:{state:!0},tab:{state:!0}};constructor(){super(),this.me=null,this.checked=!1;let e=location.hash.slice(1);this.tab=$.find(([t])=>t===e)?.[0]??`roster`}static styles=[u,d,c`
      :host { display: block; min-height: 100vh; background: var(--asg-bg); }
      header { display: flex; align-items: center; gap: 16px; padding: 10px 20px; background: var(--asg-accent); color: #fff; }
      header h1 { font-size: 1.1rem; margin: 0; flex: 1; }
      header button { min-height: 36px; padding: 0.3em 0.8em; }
      nav { display: flex; gap: 4px; padding: 10px 20px 0; flex-wrap: wrap; }
      nav button { border-radius: var(--asg-radius) var(--asg-radius) 0 0; border-bottom: none; min-height: 40px; }
      nav button[aria-selected='true'] { background: var(--asg-surface); font-weight: 700; border-color: var(--asg-accent); border-top-width: 3px; }
      main { padding: 16px 20px 40px; max-width: 1100px; }
      .denied { padding: 40px; }
    `];async connectedCallback(){super.connectedCallback(),this.me=await h().catch(()=>null),this.checked=!0}render(){return this.checked?this.me?this.me.kind!==`staff`||!this.me.roles.some(e=>se.includes(e))?i`<p class="denied">このページは管理者・校長・教頭のみ使えます。 <button @click=${this.signOut}>ログアウト</button></p>`:i`
      <header><h1>朝顔 学校の管理 — ${this.me.schoolName}</h1><span>${this.me.name}</span><button @click=${this.signOut}>ログアウト</button></header>
      <nav role="tablist">
        ${$.map(([e,t])=>i`<button role="tab" aria-selected=${this.tab===e} @click=${()=>this.select(e)}>${t}</button>`)}
      </nav>
      <main>${this.panel()}</main>
    `:i`<asg-login heading="学校の管理 ログイン" @asg-logged-in=${e=>this.me=e.detail}></asg-login>`:i``}panel(){switch(this.tab){case`roster`:return i`<asg-admin-roster></asg-admin-roster>`;case`registration`:return i`<asg-admin-registration></asg-admin-registration>`;case`staff`:return i`<asg-admin-staff></asg-admin-staff>`;case`settings`:return i`<asg-admin-settings></asg-admin-settings>`;case`devices`:return i`<asg-admin-devices></asg-admin-devices>`;case`account`:return i`<asg-account></asg-account>`}}select(e){this.tab=e,history.replaceState(null,``,`#${e}`)}async signOut(){await m().catch(()=>{}),this.me=null}};customElements.define(`asg-admin-app`,ce);