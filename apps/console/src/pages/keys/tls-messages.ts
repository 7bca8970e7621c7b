import type { LocaleTables } from '@skillexam/shared';
import { pageTextHook } from '../../i18n/page-text';

/* Strings of the 考点证书 card (docs/decisions/0993), zh-CN first with English. */

const zh = {
  tlsTitle: '考点证书（HTTPS）',
  tlsHint: '考试机登记时固定（pin）下面的考点证书指纹；准考证封面页上印有同一指纹，请核对。',
  caFingerprint: '考点证书指纹（SHA-256，考试机固定此值）',
  serverFingerprint: '服务器证书指纹',
  serverNotAfter: '服务器证书有效期至',
  caNotAfter: '考点证书有效期至',
  names: '主机名',
  ips: 'IP 地址',
  caKey: '证书颁发机构私钥',
  caKeyHere: '在数据目录中',
  caKeyOffline: '离线保存（续期请在服务器上运行 proctor-server tls renew --ca-key <file>）',
  renew: '续期服务器证书',
  renewTitle: '续期服务器证书',
  renewWarning:
    '用同一考点证书颁发机构重新签发服务器证书，保留现有主机名和地址；考点证书指纹不变，考试机无需重新登记。此操作记入审计日志。',
  live: '本服务器以 HTTPS 运行：续期后新连接立即使用新证书，无需重启。',
  nextStart: '本服务器未以 HTTPS 运行（--insecure-http）：续期后的证书在下次以 HTTPS 启动时生效。',
  renewedLive: '已续期，新证书已生效（考点证书指纹不变）',
  renewedNextStart: '已续期，新证书将在下次启动服务器时生效（考点证书指纹不变）',
  replaceNote:
    '更换考点证书颁发机构（怀疑私钥泄露时）会使所有考试机失效并须逐台重新登记，只能在服务器上执行：',
};

type TlsTextKey = keyof typeof zh;

const en: Record<TlsTextKey, string> = {
  tlsTitle: 'Site certificate (HTTPS)',
  tlsHint:
    'Kiosks pin the site CA fingerprint below when they are enrolled; the admission slips’ cover sheet prints the same fingerprint — compare them.',
  caFingerprint: 'Site CA fingerprint (SHA-256, pinned by kiosks)',
  serverFingerprint: 'Server certificate fingerprint',
  serverNotAfter: 'Server certificate valid until',
  caNotAfter: 'Site CA valid until',
  names: 'Host names',
  ips: 'IP addresses',
  caKey: 'Site CA private key',
  caKeyHere: 'In the data directory',
  caKeyOffline: 'Kept offline (renew on the server: proctor-server tls renew --ca-key <file>)',
  renew: 'Renew server certificate',
  renewTitle: 'Renew the server certificate',
  renewWarning:
    'Issues a new server certificate from the same site CA, keeping the current names and addresses; the site CA fingerprint stays, kiosks need nothing. Audited.',
  live: 'This server serves HTTPS: after a renewal new connections get the new certificate at once, no restart.',
  nextStart:
    'This server is not serving HTTPS (--insecure-http): a renewed certificate takes effect at its next HTTPS start.',
  renewedLive: 'Renewed; the new certificate is in use (site CA fingerprint unchanged)',
  renewedNextStart:
    'Renewed; the new certificate takes effect at the next server start (site CA fingerprint unchanged)',
  replaceNote:
    'Replacing the site CA (after a suspected key compromise) invalidates every kiosk, which must each be enrolled again; it is done on the server only:',
};

const TABLES: LocaleTables<TlsTextKey> = { 'zh-CN': zh, en };

export const useTlsText = pageTextHook(TABLES);

export const TLS_TEXT = TABLES;
