import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatchIpc } from '@skillexam/shared';
import { createHostHandlers } from '../host-handlers.ts';

const N = Number(process.argv[2] ?? 5000);
const dir = mkdtempSync(join(tmpdir(), 'f-bench-'));
const h = createHostHandlers({ runtime: 'node', version: 'b', journalDir: join(dir, 'j'), bankDir: join(dir, 'b') });
const call = async (c: string, i: unknown) => {
  const r = await dispatchIpc(h, 'author', c, i);
  if (!r.ok) throw new Error(`${c}: ${r.error.message}`);
  return r.data as Record<string, unknown>;
};
await call('bank:setUser', { id: 'admin', name: '管理员', roles: ['admin'] });
await call('bank:open', { name: 'bench', create: true });
await call('bank:importStandard', { fileName: 'standard.json', data: readFileSync('/work/main/samples/electrician/standard.json').toString('base64') });
const tree = (await call('bank:standardTree', { standardId: '6-31-01-03:2018' })).nodes as { kind: string; path: string }[];
const points = tree.filter((n) => n.kind === 'point').map((n) => n.path);
const words = '电缆 接地 绝缘 电压 电流 电阻 功率 变压器 断路器 熔断器 继电器 电动机 照明 漏电 保护 导线 开关 仪表 测量 安全'.split(' ');
const rows = ['题型,题干,选项A,选项B,选项C,选项D,答案,鉴定点代码,难度'];
for (let i = 0; i < N; i += 1) {
  const w = (k: number) => words[(i * 7 + k * 13 + Math.floor(i / 20)) % words.length];
  rows.push(`单选,第${i}题 关于${w(1)}与${w(2)}的${w(3)}要求（编号${i * 7919 % 100003}）是什么？,${w(4)}${i},${w(5)}${i},${w(6)}${i},${w(7)}${i},A,${points[i % points.length]},${(i % 5) + 1}`);
}
let t = performance.now();
const header = rows[0] ?? '';
const body = rows.slice(1);
let imported = 0;
for (let at = 0; at < body.length; at += 20000) {
  const rep = await call('bank:importItems', { fileName: 'bench.csv', data: Buffer.from([header, ...body.slice(at, at + 20000)].join('\n')).toString('base64'), dryRun: false, validOnly: true });
  imported += Number(rep['imported']);
}
console.log(`import ${N}: ${(performance.now() - t).toFixed(0)} ms, imported ${imported}`);
const time = async (label: string, input: unknown) => {
  const samples: number[] = [];
  for (let k = 0; k < 5; k += 1) {
    t = performance.now();
    const page = await call('bank:search', input);
    samples.push(performance.now() - t);
    if (k === 0) console.log(`${label}: total ${String(page['total'])}`);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label}: median ${samples[2]?.toFixed(1)} ms`);
};
await time('list page 1 (100)', { query: '', filter: {}, offset: 0, limit: 100 });
await time(`list last page (100)`, { query: '', filter: {}, offset: N - 100, limit: 100 });
await time('full text 继电器', { query: '继电器', filter: {}, offset: 0, limit: 100 });
await time('full text + filter', { query: '接地', filter: { difficulty: 3, status: 'draft' }, offset: 0, limit: 100 });
await call('bank:close', {});
