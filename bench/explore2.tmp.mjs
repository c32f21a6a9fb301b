import { createBackend } from '@access-requests/mock-server';
import { SubstringIndex } from '../packages/mock-server/src/backend/substring-index.ts';
const backend = createBackend({ catalogSize: 100_000, speed: 0 });
const alice = backend.authenticate('demo-alice');
const keys=[]; for (let cursor;;){ const p=backend.resources(alice,{limit:'500',...(cursor?{cursor}:{})}); keys.push(...p.items.map(r=>r.path.toLowerCase())); if(!p.next_cursor)break; cursor=p.next_cursor;}
for (let r=0;r<5;r++){ const t=performance.now(); const ix=new SubstringIndex(keys); console.log('index build', (performance.now()-t).toFixed(1), 'ms', ix.size); }
