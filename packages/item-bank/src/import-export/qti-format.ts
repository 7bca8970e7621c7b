/*
 * Names shared by the QTI reader and writer: namespaces, our metadata extension, the
 * QTI 2.x → 3.0 element-name mapping.
 */

export const QTI3_ITEM_NS = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';
export const QTI3_MANIFEST_NS = 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1';
/** Our metadata extension inside a manifest resource (id, version, 鉴定点, level, …). */
export const SKILLEXAM_QTI_NS = 'urn:skillexam:qti-metadata:1';
export const QTI_MANIFEST = 'imsmanifest.xml';
export const TRUE_FALSE_IDS = { true: 'true', false: 'false' } as const;
export const BLANK_RESPONSE_PREFIX = 'RESPONSE_';

const QTI2_ELEMENTS = new Set([
  'assessmentItem',
  'responseDeclaration',
  'outcomeDeclaration',
  'templateDeclaration',
  'correctResponse',
  'defaultValue',
  'value',
  'mapping',
  'mapEntry',
  'itemBody',
  'choiceInteraction',
  'simpleChoice',
  'prompt',
  'textEntryInteraction',
  'extendedTextInteraction',
  'rubricBlock',
  'modalFeedback',
  'feedbackBlock',
  'feedbackInline',
  'responseProcessing',
  'stylesheet',
  // response processing: read to find tolerances, rounding and rules we cannot represent
  'responseCondition',
  'responseIf',
  'responseElseIf',
  'responseElse',
  'setOutcomeValue',
  'equal',
  'equalRounded',
  'variable',
  'correct',
  'baseValue',
  'mapResponse',
  'mapResponsePoint',
  'areaMapping',
  'areaMapEntry',
  'patternMatch',
  'stringMatch',
  'substring',
  'match',
  'member',
  'contains',
  'isNull',
  'lt',
  'lte',
  'gt',
  'gte',
  'customOperator',
  'sum',
  'and',
  'or',
  'not',
]);

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (char) => `-${char.toLowerCase()}`);
}

/** QTI 2.x element names (`choiceInteraction`) as their QTI 3 names (`qti-choice-interaction`). */
export function qtiElementName(name: string): string {
  return QTI2_ELEMENTS.has(name) || /^[a-z]+[A-Za-z]*Interaction$/.test(name)
    ? `qti-${kebab(name)}`
    : name;
}

/** QTI 2.x attribute names (`responseIdentifier`) as QTI 3 ones (`response-identifier`). */
export function qtiAttributeName(name: string): string {
  return kebab(name);
}

export const IMAGE_EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
  'image/webp': 'webp',
};

export function mimeOfPath(path: string): string {
  const extension = path.toLowerCase().split('.').pop() ?? '';
  const found = Object.entries(IMAGE_EXTENSIONS).find(([, ext]) => ext === extension);
  if (extension === 'jpeg') return 'image/jpeg';
  return found?.[0] ?? 'application/octet-stream';
}
