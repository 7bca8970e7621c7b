/*
 * Item rows written from templates, as banks often are: single-choice stems that differ only in
 * their numbers (「某电阻两端电压为 12 V，电流为 3 A，其阻值为」). Every row is unique; all of
 * them fall in one 鉴定点, the worst case for near-duplicate detection.
 */

const TEMPLATES: readonly ((a: number, b: number) => [string, number, string])[] = [
  (a, b) => [`某电阻两端电压为 ${a} V，电流为 ${b} A，其阻值为`, a / b, 'Ω'],
  (a, b) => [`某电阻阻值为 ${a} Ω，通过电流 ${b} A，其两端电压为`, a * b, 'V'],
  (a, b) => [`一台电动机额定功率为 ${a} kW，运行 ${b} h，消耗的电能为`, a * b, 'kW·h'],
  (a, b) => [`某导线截面积为 ${a} mm²，长度为 ${b} m，其体积为`, a * b, 'cm³'],
  (a, b) => [`变压器一次绕组 ${a} 匝，二次绕组 ${b} 匝，其变比为`, a / b, ''],
  (a, b) => [`某照明电路共有 ${a} 盏灯，每盏 ${b} W，总功率为`, a * b, 'W'],
  (a, b) => [`电容器电容为 ${a} μF，两端电压为 ${b} V，其所带电荷量为`, a * b, 'μC'],
  (a, b) => [
    `某三相负载每相阻抗为 ${a} Ω，线电压为 ${b} V，星形联结时相电流为`,
    b / 1.732 / a,
    'A',
  ],
];

function fmt(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** CSV text of `count` templated single-choice rows, all in `point`. */
export function templatedItemsCsv(count: number, point: string): string {
  const lines = ['题型,题干,选项A,选项B,选项C,选项D,答案,鉴定点代码,难度'];
  for (let n = 0; n < count; n += 1) {
    const template = TEMPLATES[n % TEMPLATES.length] ?? TEMPLATES[0];
    if (template === undefined) break;
    const k = Math.floor(n / TEMPLATES.length);
    const a = 2 + (k % 997);
    const b = 1 + (Math.floor(k / 997) % 89);
    const [stem, answer, unit] = template(a, b);
    const options = [answer, answer * 2, answer / 2, answer + 1].map((v) => `${fmt(v)} ${unit}`);
    lines.push(`单选,${stem},${options.join(',')},A,${point},${1 + (n % 5)}`);
  }
  return lines.join('\n');
}
