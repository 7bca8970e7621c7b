/*
 * The roster template's columns (考生名单): Chinese headers as Chinese exam offices write them,
 * plus English aliases. 照片, 座位号 (left empty, the import seats the candidate:
 * docs/decisions/0990) and the last three (accommodations) are optional. Headers match after
 * NFKC, trimming, removing spaces and lower-casing, so `准考证号 `, `准 考 证 号` and
 * `Admission Ticket Number` all match.
 */

export const ROSTER_FIELDS = [
  'admissionTicketNumber',
  'name',
  'idNumber',
  'photo',
  'room',
  'seat',
  'extraMinutes',
  'largeText',
  'highContrast',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** The Chinese header of each field: the name used in messages and in the template. */
export const ROSTER_FIELD_LABELS: Readonly<Record<RosterField, string>> = {
  admissionTicketNumber: '准考证号',
  name: '姓名',
  idNumber: '身份证号',
  photo: '照片',
  room: '考场',
  seat: '座位号',
  extraMinutes: '延长时间/分钟',
  largeText: '大字体',
  highContrast: '高对比度',
};

export const REQUIRED_ROSTER_FIELDS: readonly RosterField[] = [
  'admissionTicketNumber',
  'name',
  'idNumber',
  'room',
];

const ALIASES: Readonly<Record<RosterField, readonly string[]>> = {
  admissionTicketNumber: [
    '准考证号',
    '准考证号码',
    '准考证',
    '考号',
    'admissionticketnumber',
    'admissionticket',
    'ticketnumber',
    'ticket',
  ],
  name: ['姓名', '考生姓名', 'name', 'candidatename'],
  idNumber: [
    '身份证号',
    '身份证号码',
    '证件号码',
    '公民身份号码',
    'idnumber',
    'idcard',
    'idcardnumber',
    'id',
  ],
  photo: ['照片', '照片文件', '照片文件名', '相片', 'photo', 'photofile', 'photofilename'],
  room: ['考场', '考场号', '考场名称', 'room', 'examroom', 'roomname'],
  seat: ['座位号', '座号', '座位', 'seat', 'seatnumber'],
  // 考生便利措施 (optional): extra time in minutes, the kiosk's largest text, high contrast
  extraMinutes: [
    '延长时间/分钟',
    '延长时间(分钟)',
    '延长时间',
    '延时(分钟)',
    '延时',
    'extratime',
    'extraminutes',
    'extratime(minutes)',
  ],
  largeText: ['大字体', '大字号', 'largetext', 'largefont'],
  highContrast: ['高对比度', 'highcontrast'],
};

export function normalizeHeader(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[*＊:：]/gu, '')
    .toLowerCase();
}

const BY_ALIAS = new Map<string, RosterField>(
  ROSTER_FIELDS.flatMap((field) =>
    ALIASES[field].map((alias) => [normalizeHeader(alias), field] as const),
  ),
);

/** The field a header names, or undefined for a column the roster does not use. */
export function rosterFieldOfHeader(header: string): RosterField | undefined {
  return BY_ALIAS.get(normalizeHeader(header));
}
