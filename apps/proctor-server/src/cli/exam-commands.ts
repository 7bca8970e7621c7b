import { InvalidInputError } from '@skillexam/shared';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { transaction } from '@skillexam/shared/sql';
import { openStore } from '../db/store';
import { importExamPackage } from '../exams/package-import';
import { sitePackageKey, trustSigningKey } from '../exams/package-keys';
import { exportResults } from '../export/results-export';
import { commandProgress } from './cli-progress';
import { addResultsReceiptsCommand, addResultsVerifyCommand } from './results-commands';
import { addResultsPushCommand } from './results-push';
import { renderAdmissionSlips } from '../pdf/index';
import { siteFingerprintIfPresent } from '../tls/site-tls';
import { getSession } from '../sessions/session-repository';
import { importRosterFile } from '../sessions/roster-import';
import { createSessionWithProctors } from '../sessions/create-session-with-proctors';
import { recordKeyRelease } from '../console/key-release';
import { cliActor, output } from './cli-io';
import { addSessionStaffCommands, parseUsernames } from './session-staff-commands';

/** `package`, `exam import`, `session create|assign-proctors`, `roster import`, `results export`. */
export function addExamCommands(program: Command): void {
  const pkg = program.command('package').description('考试包密钥 (exam package keys)');
  pkg
    .command('key')
    .description('显示本考点的考试包公钥 (X25519), 交给题库管理员用于加密考试包')
    .requiredOption('--data <dir>', 'data directory')
    .option('--json', 'print JSON')
    .action((opts: { data: string; json?: boolean }) => {
      const store = openStore(opts.data);
      try {
        const key = transaction(store.db, () => sitePackageKey(store.db, Date.now()));
        output(opts.json === true, { keyId: key.keyId, publicKeyPem: key.publicKeyPem }, () => [
          `key id ${key.keyId}`,
          key.publicKeyPem.trim(),
        ]);
      } finally {
        store.close();
      }
    });
  pkg
    .command('trust <publicKeyPem>')
    .description('信任一个签名公钥 (Ed25519 SPKI PEM file)')
    .requiredOption('--data <dir>', 'data directory')
    .requiredOption('--label <label>', 'who owns the key, e.g. 省职业技能鉴定指导中心')
    .option('--json', 'print JSON')
    .action((file: string, opts: { data: string; label: string; json?: boolean }) => {
      const store = openStore(opts.data);
      try {
        const keyId = trustSigningKey(
          store.db,
          store.audit,
          readFileSync(file, 'utf8'),
          opts.label,
          cliActor(),
          Date.now(),
        );
        output(opts.json === true, { keyId }, () => [`已信任签名公钥 ${keyId} (${opts.label})`]);
      } finally {
        store.close();
      }
    });

  program
    .command('exam')
    .description('考试 (exams)')
    .command('import <package>')
    .description('导入 .exampkg (签名校验，篡改即拒绝)')
    .requiredOption('--data <dir>', 'data directory')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { data: string; json?: boolean }) => {
      const store = openStore(opts.data);
      try {
        const imported = await importExamPackage(store, readFileSync(file), cliActor(), Date.now());
        output(opts.json === true, imported, () => [
          `已导入 ${imported.title} (${imported.examId}): ${imported.items} 题`,
        ]);
      } finally {
        store.close();
      }
    });

  const session = program.command('session').description('考试场次 (sessions)');
  addSessionStaffCommands(session);
  session
    .command('create <id>')
    .requiredOption('--data <dir>', 'data directory')
    .requiredOption('--exam <examId>', 'imported exam id')
    .requiredOption('--name <name>', 'session name')
    .requiredOption('--start <iso>', 'scheduled start, e.g. 2026-12-01T09:00:00+08:00')
    .requiredOption('--duration <minutes>', 'exam minutes')
    .requiredOption('--room <id:name:seats...>', 'rooms, e.g. r1:第一考场:40')
    .option('--check-in <minutes>', '开考前多少分钟开放登录 (default 30)')
    .option('--late-entry <minutes>', '开考后多少分钟内允许入场 (default 30)')
    .option('--earliest-submission <minutes>', '开考后多少分钟才能交卷 (default 30)')
    .option('--allow-practice-clients', '允许网页客户端参加本场考试 (practice/web clients)')
    .option('--check-in-at <iso>', '到此时间自动开始检录 (opens check-in by itself)')
    .option('--occupation-name <name>', '职业名称, shown on the kiosk identity screen, e.g. 电工')
    .option('--proctors <usernames>', '指派监考员, e.g. proctor1,proctor2 (see assign-proctors)')
    .option('--json', 'print JSON')
    .action(
      (
        id: string,
        opts: {
          data: string;
          exam: string;
          name: string;
          start: string;
          duration: string;
          room: string[];
          checkIn?: string;
          lateEntry?: string;
          earliestSubmission?: string;
          allowPracticeClients?: boolean;
          checkInAt?: string;
          occupationName?: string;
          proctors?: string;
          json?: boolean;
        },
      ) => {
        const proctors = opts.proctors === undefined ? undefined : parseUsernames(opts.proctors);
        const minutes = (flag: string, value: string | undefined) => {
          if (value === undefined) return undefined;
          const n = Number(value);
          if (!Number.isInteger(n) || n < 0)
            throw new InvalidInputError(`${flag}: 应为非负整数分钟，收到 "${value}"`);
          return n;
        };
        const ruleValues = {
          checkInOpensMinutesBefore: minutes('--check-in', opts.checkIn),
          lateEntryCutoffMinutes: minutes('--late-entry', opts.lateEntry),
          earliestSubmissionMinutes: minutes('--earliest-submission', opts.earliestSubmission),
          allowPracticeClients: opts.allowPracticeClients === true ? true : undefined,
        };
        const rules = Object.fromEntries(
          Object.entries(ruleValues).filter(([, value]) => value !== undefined),
        );
        const start = Date.parse(opts.start);
        if (Number.isNaN(start))
          throw new InvalidInputError(`--start: 不是有效的时间 "${opts.start}"`);
        const checkInAt = opts.checkInAt === undefined ? undefined : Date.parse(opts.checkInAt);
        if (checkInAt !== undefined && Number.isNaN(checkInAt))
          throw new InvalidInputError(`--check-in-at: 不是有效的时间 "${opts.checkInAt ?? ''}"`);
        const rooms = opts.room.map((spec) => {
          const [roomId, name, seats] = spec.split(':');
          if (roomId === undefined || name === undefined || seats === undefined)
            throw new InvalidInputError(`--room: 应为 id:名称:座位数，收到 "${spec}"`);
          return { id: roomId, name, seatCount: Number(seats) };
        });
        const store = openStore(opts.data);
        try {
          const assigned = createSessionWithProctors(
            store.db,
            store.audit,
            {
              id,
              name: opts.name,
              examId: opts.exam,
              scheduledStart: start,
              durationMinutes: Number(opts.duration),
              rules,
              rooms,
              ...(checkInAt === undefined ? {} : { checkInAt }),
              ...(opts.occupationName === undefined ? {} : { occupationName: opts.occupationName }),
            },
            proctors,
            cliActor(),
            Date.now(),
          );
          output(opts.json === true, { sessionId: id, proctors: assigned }, () => [
            `已创建考试场次 ${id}`,
            ...(assigned.length === 0
              ? [
                  `尚未指派监考员 (no proctors): proctor-server session assign-proctors ${id} <用户名…>`,
                ]
              : [`监考员: ${assigned.join(', ')}`]),
          ]);
        } finally {
          store.close();
        }
      },
    );

  program
    .command('roster')
    .description('考生名单 (rosters)')
    .command('import <file>')
    .description(
      '导入考生名单 (.xlsx/.csv), 全部成功或全部不导入; 打印一次性考试码。' +
        '座位号可留空或不设此列: 按准考证号顺序排在考场的空座位上 (an empty seat number is filled from the free seats of the room)',
    )
    .requiredOption('--data <dir>', 'data directory')
    .requiredOption('--session <id>', 'session id')
    .option('--photos <dir>', 'folder with the photo files named in the roster')
    .option('--slips <pdf>', 'write admission slips (准考证, with exam codes) to this PDF')
    .option('--site <name>', 'exam site name for the slips', '考点')
    .option(
      '--occupation <text>',
      'occupation and level for the slips, e.g. 电工（四级）',
      '职业技能等级认定',
    )
    .option('--json', 'print JSON (includes the exam codes)')
    .action(
      async (
        file: string,
        opts: {
          data: string;
          session: string;
          photos?: string;
          slips?: string;
          site: string;
          occupation: string;
          json?: boolean;
        },
      ) => {
        const photos =
          opts.photos === undefined
            ? undefined
            : new Map(
                readdirSync(opts.photos).map((name) => [
                  name,
                  readFileSync(join(opts.photos ?? '', name)),
                ]),
              );
        const store = openStore(opts.data);
        try {
          const result = await importRosterFile(
            store,
            opts.session,
            readFileSync(file),
            { fileName: basename(file), ...(photos === undefined ? {} : { photos }) },
            cliActor(),
            Date.now(),
          );
          if (opts.slips !== undefined) {
            const session = getSession(store.db, opts.session);
            const rowByTicket = new Map(result.rows.map((r) => [r.admissionTicketNumber, r]));
            const pdf = await renderAdmissionSlips(
              result.issued.map((c) => {
                const row = rowByTicket.get(c.admissionTicketNumber);
                return {
                  admissionTicketNumber: c.admissionTicketNumber,
                  name: c.name,
                  idNumber: row?.idNumber ?? '',
                  roomName: row?.room ?? c.roomId,
                  seat: c.seat,
                  examCode: c.examCode,
                  ...(row?.photo === undefined ? {} : { photo: row.photo.bytes }),
                };
              }),
              {
                examName: session.name,
                occupationAndLevel: opts.occupation,
                siteName: opts.site,
                startsAt: session.scheduledStart,
                durationMinutes: Math.round(session.durationMs / 60_000),
                rules: session.rules,
                printedAt: new Date(),
                siteCertFingerprint: siteFingerprintIfPresent(opts.data),
              },
            );
            writeFileSync(opts.slips, pdf);
          }
          output(
            opts.json === true,
            {
              imported: result.issued.length,
              autoSeated: result.autoSeated,
              candidates: result.issued,
            },
            () => [
              `已导入 ${result.issued.length} 名考生` +
                (result.autoSeated === 0
                  ? ''
                  : `，其中 ${result.autoSeated} 名自动排座 (seated automatically)`),
              ...result.issued.map(
                (c) =>
                  `${c.admissionTicketNumber}\t${c.name}\t${c.roomId}-${c.seat}\t${c.examCode}`,
              ),
            ],
          );
        } finally {
          store.close();
        }
      },
    );

  const results = program.command('results').description('成绩 (results)');
  addResultsVerifyCommand(results);
  addResultsPushCommand(results);
  addResultsReceiptsCommand(results);
  results
    .command('export')
    .description('导出成绩汇总表、签名成绩包、答卷、考场情况记录与题目统计')
    .requiredOption('--data <dir>', 'data directory')
    .requiredOption('--session <id>', 'session id')
    .requiredOption('--out <dir>', 'output directory')
    .option('--site <name>', 'exam site name', '考点')
    .option('--occupation <text>', 'occupation and level, e.g. 电工（四级）', '职业技能等级认定')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        data: string;
        session: string;
        out: string;
        site: string;
        occupation: string;
        json?: boolean;
      }) => {
        const store = openStore(opts.data);
        const { progress, close } = commandProgress({ json: opts.json === true });
        try {
          // the export writes the answer sheets, the package and the statistics: the key is out
          // (recorded first, so the package pins its own release; docs/decisions/0220)
          recordKeyRelease(
            store.db,
            store.audit,
            opts.session,
            'results-export',
            cliActor(),
            Date.now(),
          );
          const files = await exportResults(store, {
            sessionId: opts.session,
            outDir: opts.out,
            siteName: opts.site,
            occupationAndLevel: opts.occupation,
            now: new Date(),
            progress,
          });
          close();
          output(opts.json === true, files, () =>
            Object.entries(files).map(([k, v]) => `${k}: ${String(v)}`),
          );
        } finally {
          close();
          store.close();
        }
      },
    );
}
