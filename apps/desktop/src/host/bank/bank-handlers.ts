import type { IpcInvokeMap } from '@skillexam/shared';
import type { BankService } from './bank-service';
import { PaperService } from './paper-service';

type BankChannel = Extract<keyof IpcInvokeMap, `bank:${string}`>;

function bytesOf(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** The `bank:*` host handlers over one BankService. */
export function createBankHandlers(bank: BankService): Pick<IpcInvokeMap, BankChannel> {
  const papers = new PaperService(() => bank.paperContext());
  const file = (result: { fileName: string; bytes: Uint8Array }) => ({
    fileName: result.fileName,
    data: Buffer.from(result.bytes).toString('base64'),
  });
  return {
    'bank:draftBlueprint': async ({ standardId, level }) =>
      papers.draftBlueprint(standardId, level),
    'bank:checkBlueprint': async ({ blueprint, forms }) => papers.check(blueprint, forms),
    'bank:assemble': ({ blueprint, seed, forms }) => papers.assemble(blueprint, seed, forms),
    'bank:paperPreview': async ({ paperId }) => papers.preview(paperId),
    'bank:paperPdf': async ({ paperId, kind }) => file(await papers.pdf(paperId, kind)),
    'bank:signingKey': async () => papers.signingKey(),
    'bank:exportPackage': async ({ paperId, sitePublicKeyPem }) =>
      file(await papers.exportPackage(paperId, sitePublicKeyPem)),
    'bank:session': async () => bank.session(),
    'bank:listFiles': async () => ({ files: bank.listFiles() }),
    'bank:open': async ({ name, create }) => bank.open(name, create === true),
    'bank:close': async () => bank.close(),
    'bank:setUser': async (user) => bank.setUser(user),
    'bank:standards': async () => ({ standards: bank.standards() }),
    'bank:standardTree': async ({ standardId }) => ({ nodes: bank.standardTree(standardId) }),
    'bank:importStandard': ({ fileName, data }) => bank.importStandard(fileName, bytesOf(data)),
    'bank:search': async ({ query, filter, offset, limit }) =>
      bank.search(query, filter, offset, limit),
    'bank:getItem': async ({ id }) => bank.getItem(id),
    'bank:saveItem': async ({ id, content, tags, note }) =>
      bank.saveItem({
        content,
        ...(id === undefined ? {} : { id }),
        ...(tags === undefined ? {} : { tags }),
        ...(note === undefined ? {} : { note }),
      }),
    'bank:putAsset': async ({ mime, data }) => ({ hash: bank.putAsset(mime, bytesOf(data)) }),
    'bank:assets': async ({ hashes }) => ({ assets: bank.assets(hashes) }),
    'bank:review': async ({ ids, action, comment }) => ({
      results: bank.review(ids, action, comment),
    }),
    'bank:tag': async ({ ids, tags }) => ({ results: bank.tag(ids, tags) }),
    'bank:history': async ({ id }) => bank.history(id),
    'bank:diff': async ({ id, from, to }) => bank.diff(id, from, to),
    'bank:dashboard': async ({ standardId }) => bank.dashboard(standardId),
    'bank:classificationQueue': async ({ standardId, offset, limit }) =>
      bank.classificationQueue(standardId, offset, limit),
    // The input schema allows exactly one of pointId and acceptTopSuggestion.
    'bank:classify': async ({ ids, pointId }) => ({
      results: bank.classify(
        ids,
        pointId === undefined ? { acceptTopSuggestion: true } : { pointId },
      ),
    }),
    'bank:inspectImport': ({ fileName, data }) => bank.inspectImport(fileName, bytesOf(data)),
    'bank:importItems': ({
      fileName,
      data,
      format,
      mapping,
      dryRun,
      validOnly,
      defaultPointCode,
      standardId,
    }) =>
      bank.importItems({
        fileName,
        bytes: bytesOf(data),
        dryRun,
        validOnly,
        ...(format === undefined ? {} : { format }),
        ...(mapping === undefined ? {} : { mapping }),
        ...(defaultPointCode === undefined ? {} : { defaultPointCode }),
        ...(standardId === undefined ? {} : { standardId }),
      }),
    'bank:exportItems': async ({ format, query, filter }) => {
      const result = await bank.exportItems(format, query, filter);
      return {
        fileName: result.fileName,
        data: Buffer.from(result.bytes).toString('base64'),
        count: result.count,
      };
    },
  };
}
