import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CodedError,
  createProgress,
  flattenRanges,
  type Blueprint,
  type CandidatePaper,
  type TheoryLevelCode,
} from '@skillexam/shared';
import {
  buildPackagePaper,
  checkBlueprint,
  cjkFontPath,
  pinnedContents,
  createAssemblyRepository,
  createHighsSolver,
  generateSigningKeyPair,
  keyIdOf,
  packageForSite,
  publicKeyFromPem,
  renderAnswerKeyPdf,
  renderPaperPdf,
  supplyProblems,
  type Actor,
  type Bank,
  type BlueprintCheck,
  type ConstraintCheck,
  type MipSolver,
  type PaperRecord,
} from '@skillexam/item-bank';
import { UNWATCHED, type OperationControl } from './bank-operations';
import { AssemblyWorker } from './assembly-runner';
import {
  paperDeps,
  runAssemblyTask,
  type AssemblyOutcome,
  type AssemblyTask,
} from './assembly-task';
import { feasibleDefault, usualBlueprint, type Relaxation } from './default-blueprint';

/*
 * Blueprints, assembly, paper preview, PDFs and exam packages for the workbench
 * (docs/decisions/0553-workbench-editor-and-assembly.md), over item-bank's workflows (which hold
 * assembling and packaging once, with their role checks). Assembled papers stay in memory until
 * they are packaged; packaging records the paper in the bank (exposure), as `qbank package` does.
 * The bank's signing key pair lives beside the bank files (signing.key.pem / signing.pub.pem).
 */

export interface PaperContext {
  readonly bank: Bank;
  /** The signed-in user; each workflow checks the roles it needs. */
  readonly actor: Actor;
  readonly dir: string;
}

export type { BlueprintCheck };

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

export class PaperService {
  readonly #context: () => PaperContext;
  readonly #papers = new Map<string, PaperRecord>();
  /** Assembles in a worker thread (assembly-runner.ts), when one can be started. */
  readonly #worker: AssemblyWorker | undefined;
  #solver: Promise<MipSolver> | undefined;

  constructor(context: () => PaperContext, workerBootstrap?: string) {
    this.#context = context;
    this.#worker = workerBootstrap === undefined ? undefined : new AssemblyWorker(workerBootstrap);
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
    this.#worker?.warm(); // the 组卷 page opened: load the solver before the first 组卷
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
    return checkBlueprint(paperDeps(this.#context().bank).papers, raw, forms);
  }

  /** Assembles `forms` parallel forms, reporting to `control`; kept here until packaged. */
  async assemble(raw: unknown, seed: number, forms: number, control: OperationControl = UNWATCHED) {
    const assembled = await this.#runAssembly(raw, seed, forms, control);
    if (!assembled.ok) {
      return {
        ok: false as const,
        stage: assembled.stage,
        problems: [...assembled.problems],
        forms: [],
        totalMs: assembled.totalMs,
      };
    }
    const summaries: AssembledSummary[] = assembled.records.map((record, index) => {
      this.#papers.set(record.paper.id, record);
      return {
        label: record.form,
        paperId: record.paper.id,
        meanP: record.meanP,
        items: assembled.itemCounts[index] ?? 0,
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
    return {
      ok: true as const,
      problems: [],
      forms: summaries,
      totalMs: assembled.totalMs,
    };
  }

  async #runAssembly(
    raw: unknown,
    seed: number,
    forms: number,
    control: OperationControl,
  ): Promise<AssemblyOutcome> {
    const { bank, actor } = this.#context();
    const task: AssemblyTask = { kind: 'assembly', actor, blueprint: raw, seed, forms };
    if (this.#worker !== undefined) return this.#worker.run(bank.path, task, control);
    this.#solver ??= createHighsSolver();
    const progress = createProgress(control.listener, { signal: control.signal });
    return runAssemblyTask(bank, task, progress, await this.#solver);
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
    const { bank, actor, dir } = this.#context();
    const record = this.#record(paperId);
    const { bytes } = await packageForSite(paperDeps(bank), actor, {
      record,
      // Read (made on first use) only once the user may package.
      readSigningKey: () => this.#signingPair(dir).privateKeyPem,
      recipientPublicKeyPem: sitePublicKeyPem,
    });
    return { fileName: `${record.paper.id}.exampkg`, bytes };
  }
}
