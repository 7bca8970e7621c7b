import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BlueprintSchema,
  CodedError,
  collectAssetHashes,
  describeZodError,
  flattenRanges,
  type Blueprint,
  type CandidatePaper,
  type TheoryLevelCode,
} from '@skillexam/shared';
import {
  assemblePapers,
  buildPackagePaper,
  cjkFontPath,
  pinnedContents,
  createAssemblyRepository,
  createHighsSolver,
  DEFAULT_MAX_OVERLAP,
  diagnoseSupply,
  generateSigningKeyPair,
  keyIdOf,
  publicKeyFromPem,
  recordPapers,
  renderAnswerKeyPdf,
  renderPaperPdf,
  resolveBlueprint,
  standardId,
  toPaperRecord,
  writeExamPackage,
  type AssemblyProblem,
  type AssemblySource,
  type Bank,
  type ConstraintCheck,
  type MipSolver,
  type PaperRecord,
} from '@skillexam/item-bank';
import { feasibleDefault, usualBlueprint, type Relaxation } from './default-blueprint';

/*
 * Blueprints, assembly, paper preview, PDFs and exam packages for the workbench
 * (docs/decisions/0553-workbench-assembly.md). Assembled papers stay in memory until they are
 * packaged; packaging records the paper in the bank (exposure), as `qbank package` does.
 * The bank's signing key pair lives beside the bank files (signing.key.pem / signing.pub.pem).
 */

export interface PaperContext {
  readonly bank: Bank;
  readonly actor: string;
  readonly dir: string;
}

export interface BlueprintCheck {
  readonly valid: boolean;
  /** Schema problems (field: message). */
  readonly issues: string[];
  /** Supply problems against this bank (zh-CN, with the numbers). */
  readonly problems: AssemblyProblem[];
  readonly eligible: number;
  readonly itemCount: number;
}

export interface AssembledSummary {
  readonly label: string;
  readonly paperId: string;
  readonly meanP: number;
  readonly items: number;
  readonly checks: ConstraintCheck[];
  readonly solver: {
    solver: string;
    status: string;
    timeMs: number;
    variables: number;
    constraints: number;
  };
}

/** The assembly's counting diagnosis of `blueprint` against the bank's supply (no solve). */
function supplyProblems(
  blueprint: Blueprint,
  source: AssemblySource,
  forms: number,
  resolved = resolveBlueprint(blueprint, source),
): AssemblyProblem[] {
  const n = resolved.requirements.itemCount;
  return diagnoseSupply(resolved, {
    forms,
    maxOverlapItems: Math.floor(DEFAULT_MAX_OVERLAP * n + 1e-9),
  });
}

function parseBlueprint(raw: unknown): { blueprint?: Blueprint; issues: string[] } {
  const parsed = BlueprintSchema.safeParse(raw);
  if (parsed.success) return { blueprint: parsed.data, issues: [] };
  return { issues: describeZodError(parsed.error).split('; ') };
}

export class PaperService {
  readonly #context: (roles?: ('writer' | 'reviewer' | 'admin')[]) => PaperContext;
  readonly #papers = new Map<string, PaperRecord>();
  #solver: Promise<MipSolver> | undefined;

  constructor(context: (roles?: ('writer' | 'reviewer' | 'admin')[]) => PaperContext) {
    this.#context = context;
  }

  /**
   * A starting blueprint for a standard and level: the level's usual paper over its weight table,
   * relaxed in a fixed order until this bank can fill it (default-blueprint.ts).
   */
  draftBlueprint(
    standard: string,
    level: TheoryLevelCode,
  ): {
    blueprint: Blueprint;
    weights: { path: string; name: string; weight: number }[];
    feasible: boolean;
    relaxed: Relaxation[];
  } {
    const { bank } = this.#context();
    const doc = bank.standards.getStandardDocument(standard);
    if (doc === undefined) throw new CodedError('NOT_FOUND', `题库中没有标准 ${standard}`);
    const names = new Map(flattenRanges(doc.ranges).map(({ path, range }) => [path, range.name]));
    const table = doc.standard.theoryWeights.find((entry) => entry.level === level);
    const weights = Object.entries(table?.weights ?? {}).map(([path, weight]) => ({
      path,
      name: names.get(path) ?? path,
      weight,
    }));
    const ref = { occupationCode: doc.standard.occupationCode, version: doc.standard.version };
    const source = createAssemblyRepository(bank.db, bank.standards).loadSource(ref, level, 0);
    const chosen = feasibleDefault(
      usualBlueprint({ standard: ref, occupationName: doc.occupation.name, level }),
      (candidate) => supplyProblems(candidate, source, 1).length === 0,
    );
    return { ...chosen, weights };
  }

  /** Live feasibility: the blueprint's own rules, then the counting diagnosis against the bank. */
  check(raw: unknown, forms: number): BlueprintCheck {
    const { blueprint, issues } = parseBlueprint(raw);
    if (blueprint === undefined)
      return { valid: false, issues, problems: [], eligible: 0, itemCount: 0 };
    const { bank } = this.#context();
    const repository = createAssemblyRepository(bank.db, bank.standards);
    const source = repository.loadSource(
      blueprint.standard,
      blueprint.level,
      blueprint.exposure.notUsedInLastPapers ?? 0,
    );
    const resolved = resolveBlueprint(blueprint, source);
    const problems = supplyProblems(blueprint, source, forms, resolved);
    const n = resolved.requirements.itemCount;
    return { valid: true, issues: [], problems, eligible: resolved.eligible.length, itemCount: n };
  }

  async assemble(raw: unknown, seed: number, forms: number) {
    const { bank } = this.#context(['admin']);
    const { blueprint, issues } = parseBlueprint(raw);
    if (blueprint === undefined)
      throw new CodedError('BAD_REQUEST', `组卷方案有误：${issues.join('；')}`);
    const repository = createAssemblyRepository(bank.db, bank.standards);
    const source = repository.loadSource(
      blueprint.standard,
      blueprint.level,
      blueprint.exposure.notUsedInLastPapers ?? 0,
    );
    this.#solver ??= createHighsSolver();
    const result = assemblePapers(blueprint, source, await this.#solver, {
      seed,
      forms,
      maxOverlap: DEFAULT_MAX_OVERLAP,
      timeLimitSeconds: 60,
    });
    if (!result.ok) {
      return {
        ok: false as const,
        stage: result.stage,
        problems: [...result.problems],
        forms: [],
        totalMs: result.timings.totalMs,
      };
    }
    const assembledAt = bank.clock();
    const summaries: AssembledSummary[] = result.forms.map((form) => {
      const record = toPaperRecord(form, {
        blueprint,
        seed,
        formCount: forms,
        maxOverlap: DEFAULT_MAX_OVERLAP,
        assembledAt,
      });
      this.#papers.set(record.paper.id, record);
      return {
        label: record.form,
        paperId: record.paper.id,
        meanP: record.meanP,
        items: form.items.length,
        checks: [...record.checks],
        solver: {
          solver: record.solver.solver,
          status: record.solver.status,
          timeMs: record.solver.timeMs,
          variables: record.solver.variables,
          constraints: record.solver.constraints,
        },
      };
    });
    return { ok: true as const, problems: [], forms: summaries, totalMs: result.timings.totalMs };
  }

  #record(paperId: string): PaperRecord {
    const record = this.#papers.get(paperId);
    if (record === undefined)
      throw new CodedError('NOT_FOUND', `试卷 ${paperId} 不存在（请重新组卷）`);
    return record;
  }

  /** The paper exactly as candidates get it (no keys), for the preview. */
  preview(paperId: string): CandidatePaper {
    const { bank } = this.#context();
    const record = this.#record(paperId);
    const contents = pinnedContents(bank.items, record.paper);
    return buildPackagePaper(record.paper, (ref) => {
      const content = contents.get(ref.itemId);
      if (content === undefined) throw new CodedError('NOT_FOUND', `试题 ${ref.itemId} 的内容缺失`);
      return content;
    }).candidatePaper;
  }

  async pdf(
    paperId: string,
    kind: 'paper' | 'key',
  ): Promise<{ fileName: string; bytes: Uint8Array }> {
    const { bank } = this.#context();
    const record = this.#record(paperId);
    const input = {
      paper: record.paper,
      contents: pinnedContents(bank.items, record.paper),
      asset: (hash: string) => bank.items.getAsset(hash)?.bytes,
      fontBytes: new Uint8Array(readFileSync(cjkFontPath(process.env['SKILLEXAM_FONT_DIR']))),
      createdAt: new Date(record.assembledAt),
    };
    const bytes =
      kind === 'paper'
        ? await renderPaperPdf(input)
        : await renderAnswerKeyPdf({ ...input, withExplanations: true });
    return { fileName: `${kind === 'paper' ? 'paper' : 'key'}-${record.paper.id}.pdf`, bytes };
  }

  /** The bank's signing key pair, made on first use; only the public half leaves the host. */
  signingKey(): { publicKeyPem: string; keyId: string } {
    const { dir } = this.#context();
    const { publicKeyPem } = this.#signingPair(dir);
    return { publicKeyPem, keyId: keyIdOf(publicKeyFromPem(publicKeyPem, 'ed25519')) };
  }

  #signingPair(dir: string): { privateKeyPem: string; publicKeyPem: string } {
    const privatePath = join(dir, 'signing.key.pem');
    const publicPath = join(dir, 'signing.pub.pem');
    if (!existsSync(privatePath)) {
      const pair = generateSigningKeyPair();
      writeFileSync(privatePath, pair.privateKeyPem, { mode: 0o600 });
      writeFileSync(publicPath, pair.publicKeyPem);
    }
    return {
      privateKeyPem: readFileSync(privatePath, 'utf8'),
      publicKeyPem: readFileSync(publicPath, 'utf8'),
    };
  }

  /** A signed, encrypted .exampkg for one exam site; records the paper (exposure). */
  async exportPackage(
    paperId: string,
    sitePublicKeyPem: string,
  ): Promise<{ fileName: string; bytes: Uint8Array }> {
    const { bank, actor, dir } = this.#context(['admin']);
    const record = this.#record(paperId);
    try {
      publicKeyFromPem(sitePublicKeyPem, 'x25519');
    } catch {
      throw new CodedError(
        'BAD_REQUEST',
        '考点公钥无效：应为考点服务器的 X25519 公钥 PEM（proctor-server package key 生成）',
      );
    }
    const contents = pinnedContents(bank.items, record.paper);
    const input = buildPackagePaper(record.paper, (ref) => {
      const content = contents.get(ref.itemId);
      if (content === undefined) throw new CodedError('NOT_FOUND', `试题 ${ref.itemId} 的内容缺失`);
      return content;
    });
    const assets = new Map<string, Uint8Array>();
    const bodies = input.candidatePaper.sections.flatMap((section) =>
      section.items.flatMap((item) => [
        item.stem,
        ...('options' in item ? item.options.map((o) => o.content) : []),
      ]),
    );
    for (const hash of new Set(bodies.flatMap(collectAssetHashes))) {
      const asset = bank.items.getAsset(hash);
      if (asset === undefined)
        throw new CodedError('NOT_FOUND', `试卷用到的图片 ${hash} 不在题库中`);
      assets.set(hash, asset.bytes);
    }
    const bytes = await writeExamPackage({
      ...input,
      assets,
      signerPrivateKeyPem: this.#signingPair(dir).privateKeyPem,
      recipientPublicKeyPem: sitePublicKeyPem,
      now: new Date(bank.clock()),
    });
    const repository = createAssemblyRepository(bank.db, bank.standards);
    if (!repository.hasPaper(record.paper.id)) {
      const standard = standardId(
        record.paper.standard.occupationCode,
        record.paper.standard.version,
      );
      recordPapers(repository, bank.items, [record], standard, actor, bank.clock());
    }
    return { fileName: `${record.paper.id}.exampkg`, bytes };
  }
}
