import type { IpcInvokeMap } from '@skillexam/shared';
import type { BankOperations } from './bank-operations';
import type { BankService } from './bank-service';
import { PaperService } from './paper-service';

type BankChannel = Extract<keyof IpcInvokeMap, `bank:${string}`>;

function bytesOf(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** The `bank:*` host handlers over one BankService; long operations run through `operations`. */
export function createBankHandlers(
  bank: BankService,
  operations: BankOperations,
): Pick<IpcInvokeMap, BankChannel> {
  const papers = new PaperService(() => bank.paperContext(), bank.workerBootstrap);
  const file = (result: { fileName: string; bytes: Uint8Array }) => ({
    fileName: result.fileName,
    data: Buffer.from(result.bytes).toString('base64'),
  });
  return {
    'bank:draft-blueprint': async ({ standardId, level }) =>
      papers.draftBlueprint(standardId, level),
    'bank:check-blueprint': async ({ blueprint, forms }) => papers.check(blueprint, forms),
    'bank:assemble': ({ blueprint, seed, forms, operationId }) =>
      operations.run(operationId, 'assembly', (control) =>
        papers.assemble(blueprint, seed, forms, control),
      ),
    'bank:cancel-operation': async ({ operationId }) => ({
      cancelled: operations.cancel(operationId),
    }),
    'bank:paper-preview': async ({ paperId }) => papers.preview(paperId),
    'bank:paper-pdf': async ({ paperId, kind }) => file(await papers.pdf(paperId, kind)),
    'bank:signing-key': async () => papers.signingKey(),
    'bank:export-package': async ({ paperId, sitePublicKeyPem }) =>
      file(await papers.exportPackage(paperId, sitePublicKeyPem)),
    'bank:session': async () => bank.session(),
    'bank:list-files': async () => ({ files: bank.listFiles() }),
    'bank:open': async ({ name, create }) => bank.open(name, create === true),
    'bank:close': async () => bank.close(),
    'bank:set-user': async (user) => bank.setUser(user),
    'bank:standards': async () => ({ standards: bank.standards() }),
    'bank:standard-tree': async ({ standardId }) => ({ nodes: bank.standardTree(standardId) }),
    'bank:import-standard': ({ fileName, data }) => bank.importStandard(fileName, bytesOf(data)),
    'bank:search': async ({ query, filter, offset, limit }) =>
      bank.search(query, filter, offset, limit),
    'bank:get-item': async ({ id }) => bank.getItem(id),
    'bank:save-item': async ({ id, content, tags, note }) =>
      bank.saveItem({
        content,
        ...(id === undefined ? {} : { id }),
        ...(tags === undefined ? {} : { tags }),
        ...(note === undefined ? {} : { note }),
      }),
    'bank:put-asset': async ({ mime, data }) => ({ hash: bank.putAsset(mime, bytesOf(data)) }),
    'bank:assets': async ({ hashes }) => ({ assets: bank.assets(hashes) }),
    'bank:review': async ({ ids, action, comment }) => ({
      results: bank.review(ids, action, comment),
    }),
    'bank:tag': async ({ ids, tags }) => ({ results: bank.tag(ids, tags) }),
    'bank:history': async ({ id }) => bank.history(id),
    'bank:item-statistics': async ({ id }) => bank.itemStatistics(id),
    'bank:diff': async ({ id, from, to }) => bank.diff(id, from, to),
    'bank:dashboard': async ({ standardId }) => bank.dashboard(standardId),
    'bank:classification-queue': async ({ standardId, offset, limit }) =>
      bank.classificationQueue(standardId, offset, limit),
    // The input schema allows exactly one of pointId and acceptTopSuggestion.
    'bank:classify': async ({ ids, pointId }) => ({
      results: bank.classify(
        ids,
        pointId === undefined ? { acceptTopSuggestion: true } : { pointId },
      ),
    }),
    'bank:inspect-import': ({ fileName, data }) => bank.inspectImport(fileName, bytesOf(data)),
    'bank:import-items': ({
      fileName,
      data,
      format,
      mapping,
      dryRun,
      validOnly,
      defaultPointCode,
      standardId,
      operationId,
    }) =>
      operations.run(operationId, 'import', (control) =>
        bank.importItems(
          {
            fileName,
            bytes: bytesOf(data),
            dryRun,
            validOnly,
            ...(format === undefined ? {} : { format }),
            ...(mapping === undefined ? {} : { mapping }),
            ...(defaultPointCode === undefined ? {} : { defaultPointCode }),
            ...(standardId === undefined ? {} : { standardId }),
          },
          control,
        ),
      ),
    'bank:preview-import': ({ fileName, data, format, mapping }) =>
      bank.previewImport({
        fileName,
        bytes: bytesOf(data),
        ...(format === undefined ? {} : { format }),
        ...(mapping === undefined ? {} : { mapping }),
      }),
    'bank:export-items': async ({ format, query, filter }) => {
      const result = await bank.exportItems(format, query, filter);
      return {
        fileName: result.fileName,
        data: Buffer.from(result.bytes).toString('base64'),
        count: result.count,
      };
    },
  };
}
