const fs=require("fs");const dir=process.argv[2];const f=fs.readdirSync(dir)[0];const p=JSON.parse(fs.readFileSync(dir+"/"+f));
const byId=new Map(p.nodes.map(n=>[n.id,n]));const counts=new Map();for(const s of p.samples)counts.set(s,(counts.get(s)||0)+1);
let total=0;const self=new Map();const lines=new Map();
for(const n of p.nodes){const c=counts.get(n.id)||0;total+=c;const k=n.callFrame.functionName||'(anon)';self.set(k,(self.get(k)||0)+c);
 for(const t of n.positionTicks||[]){const lk=k+":"+t.line;lines.set(lk,(lines.get(lk)||0)+t.ticks);}}
console.log('-- self by function');for(const [k,v] of [...self].sort((a,b)=>b[1]-a[1]).slice(0,12))console.log((v/total*100).toFixed(1)+"%",k);
console.log('-- hottest lines');for(const [k,v] of [...lines].sort((a,b)=>b[1]-a[1]).slice(0,15))console.log((v/total*100).toFixed(1)+"%",k);
