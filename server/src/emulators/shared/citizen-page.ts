/**
 * The page at `/` where a person plays the citizen: write as a Messenger or Zalo user, comment on a Page post,
 * and see what the city sent back. It talks only to the emulator's `/_emulator/*` control API.
 * Vietnamese first (STYLE §13); the emulator is a developer tool, so the strings live here, not in web/ui.
 */
export function renderCitizenPage(provider: 'facebook' | 'zalo'): string {
  const title = provider === 'facebook' ? 'Giả lập Facebook Messenger' : 'Giả lập Zalo OA';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} — Gần Dân</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;background:#f2f4f7;color:#1c1e21}
header{background:${provider === 'facebook' ? '#1877f2' : '#0068ff'};color:#fff;padding:10px 16px}
main{display:grid;grid-template-columns:minmax(280px,1fr) minmax(280px,1fr);gap:12px;padding:12px;max-width:1100px;margin:auto}
section{background:#fff;border-radius:8px;padding:12px;box-shadow:0 1px 2px #0002}
.thread{height:320px;overflow:auto;border:1px solid #ddd;border-radius:6px;padding:6px;background:#fafafa}
.msg{margin:4px 0;padding:6px 10px;border-radius:14px;max-width:80%;white-space:pre-wrap}
.in{background:#e4e6eb;margin-right:auto}.out{background:${provider === 'facebook' ? '#0084ff' : '#0068ff'};color:#fff;margin-left:auto}
.row{display:flex;gap:6px;margin:6px 0;flex-wrap:wrap}input,textarea,select{flex:1;padding:6px;font:inherit}
button{padding:6px 10px;cursor:pointer}small{color:#666}.post{border-top:1px solid #eee;padding:6px 0}
.c{margin-left:16px;font-size:.95em}.reply{margin-left:32px}.page{color:#1877f2;font-weight:600}pre{font-size:.8em;overflow:auto}
</style></head><body>
<header><b>${title}</b> · <small style="color:#fff">Nhập vai người dân (citizen) để thử kênh của thành phố</small></header>
<main>
<section><h3>Tin nhắn / Messages</h3>
<div class="row"><input id="name" placeholder="Tên của bạn (your name)" value="Nguyễn Văn A"><button onclick="refresh()">Chọn</button></div>
<div class="thread" id="thread"></div>
<div class="row"><textarea id="text" rows="2" placeholder="Viết tin nhắn… (write a message)"></textarea></div>
<div class="row"><button onclick="send()">Gửi / Send</button>
<button onclick="sendImage()">Gửi ảnh</button><button onclick="sendLocation()">Gửi vị trí</button>
<button onclick="post('/_emulator/reads',who())">Đã xem</button>
${provider === 'facebook' ? '' : '<button onclick="sendSticker()">Sticker</button><button onclick="follow(true)">Quan tâm</button><button onclick="follow(false)">Bỏ quan tâm</button><button onclick="shareInfo()">Chia sẻ thông tin</button>'}
</div><small id="status"></small></section>
${provider === 'facebook' ? `<section><h3>Bài viết của Trang / Page posts</h3>
<div class="row"><input id="postText" placeholder="(Trang) đăng bài mới… (page posts)"><button onclick="newPost()">Đăng</button></div>
<div id="posts"></div></section>` : '<section><h3>Trạng thái / State</h3><pre id="info"></pre></section>'}
<section><h3>Giả lập sự cố / Fault knobs</h3>
<div class="row"><button onclick="fault('server-error')">Lỗi máy chủ (5xx)</button><button onclick="fault('rate-limit')">Vượt giới hạn gọi</button><button onclick="fault('timeout')">Không phản hồi</button><button onclick="del('/_emulator/faults')">Hết sự cố</button></div>
<div class="row"><button onclick="post('/_emulator/tokens/expire',{})">Làm hết hạn token</button><button onclick="post('/_emulator/clock/advance',{ms:25*3600e3})">Tua +25 giờ</button><button onclick="post('/_emulator/clock/advance',{ms:8*86400e3})">Tua +8 ngày</button></div>
<div class="row">${provider === 'facebook' ? '<button onclick="verify()">Xác minh webhook (GET)</button>' : ''}<button onclick="post('/_emulator/webhook/retry-now',{})">Gửi lại webhook ngay</button></div></section>
<section><h3>Webhook đã gửi / Deliveries</h3><pre id="deliveries"></pre></section>
</main>
<script>
const $=id=>document.getElementById(id);
const who=()=>({name:$('name').value.trim()});
async function call(method,url,body){const r=await fetch(url,{method,headers:body?{'content-type':'application/json'}:{},body:body?JSON.stringify(body):undefined});const j=await r.json().catch(()=>({}));$('status').textContent=r.ok?'':'Lỗi: '+(j.error||r.status);refresh();return j;}
const post=(u,b)=>call('POST',u,b),del=u=>call('DELETE',u);
function send(){const t=$('text').value.trim();if(!t)return;$('text').value='';post('/_emulator/messages',{...who(),text:t});}
function sendImage(){const u=prompt('Địa chỉ ảnh (image URL)','https://example.com/o-ga.jpg');if(u)post('/_emulator/messages',{...who(),text:$('text').value.trim()||undefined,attachments:[{type:'image',url:u}]});}
function sendLocation(){post('/_emulator/messages',{...who(),attachments:[{type:'location',lat:10.7769,lng:106.7009}]});}
function sendSticker(){post('/_emulator/messages',{...who(),attachments:[{type:'sticker',url:'https://stickers.example/1.png',id:'sticker1'}]});}
function follow(f){post('/_emulator/follows',{...who(),followed:f});}
function shareInfo(){post('/_emulator/submit-info',{...who(),phone:'84912345678',address:'12 Lê Lợi',ward:'Phường Bến Thành',district:'Quận 1',city:'Hồ Chí Minh'});}
function fault(kind){const n=prompt('Số yêu cầu bị lỗi (count)','3');post('/_emulator/faults',{kind,count:Number(n)||undefined});}
async function verify(){const r=await post('/_emulator/webhook/verify',{});alert(r.ok?'Webhook đã xác minh ✔':'Xác minh thất bại: '+(r.error||r.status));}
function newPost(){const t=$('postText').value.trim();if(t){$('postText').value='';post('/_emulator/posts',{message:t});}}
function comment(postId,parentId){const t=prompt('Bình luận của bạn (your comment)');if(t)post('/_emulator/comments',{...who(),postId,parentId,text:t});}
const esc=s=>String(s??'').replace(/[&<>"]/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
async function refresh(){
  const v=await (await fetch('/_emulator/view?name='+encodeURIComponent($('name').value.trim()))).json();
  $('thread').innerHTML=v.thread.map(m=>'<div class="msg '+(m.direction==='inbound'?'in':'out')+'">'+esc(m.text)+(m.note?' <small>('+esc(m.note)+')</small>':'')+'<br><small>'+new Date(m.atMs).toLocaleString('vi-VN')+'</small></div>').join('')||'<small>Chưa có tin nhắn</small>';
  if($('posts'))$('posts').innerHTML=v.posts.map(p=>'<div class="post"><b>'+esc(p.message)+'</b> <button onclick="comment(\\''+p.id+'\\')">Bình luận</button>'+p.comments.map(c=>'<div class="c '+(c.parentId!==p.id?'reply':'')+'"><span class="'+(c.byPage?'page':'')+'">'+esc(c.fromName)+'</span>: '+esc(c.message)+(c.isHidden?' <small>(đã ẩn)</small>':'')+(c.byPage?'':' <button onclick="comment(\\''+p.id+'\\',\\''+c.id+'\\')">Trả lời</button>')+'</div>').join('')+'</div>').join('')||'<small>Chưa có bài viết</small>';
  if($('info'))$('info').textContent=JSON.stringify(v.me,null,1);
  $('deliveries').textContent=v.deliveries.map(d=>'#'+d.id+' '+d.state+' ['+d.attempts.join(', ')+'] '+d.bytes+' B').join('\\n')||'—';
}
refresh();setInterval(refresh,1500);
</script></body></html>`;
}
