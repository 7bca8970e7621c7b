/* Writes the streaming fixtures from support/streaming-banks.ts (run with npx tsx). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { anquanCsvBytes, hangongXlsxBytes } from './streaming-banks';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

writeFileSync(fixture('anquan-shengchan-gbk.csv'), anquanCsvBytes());
writeFileSync(fixture('hangong-merged.xlsx'), await hangongXlsxBytes());
