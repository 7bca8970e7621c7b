import { describe, expect, it } from 'vitest';
import { describeDisplays, remoteTools, vmIndicators } from './detection';

describe('describeDisplays', () => {
  it('is quiet with one display and reports a second one', () => {
    expect(describeDisplays([{ id: 1, width: 1920, height: 1080 }])).toBeUndefined();
    expect(describeDisplays([])).toBeUndefined();
    expect(
      describeDisplays([
        { id: 1, width: 1920, height: 1080 },
        { id: 2, width: 1280, height: 1024 },
      ]),
    ).toBe('检测到 2 个显示器 (1920×1080, 1280×1024)');
  });
});

describe('vmIndicators', () => {
  it('finds nothing on real hardware', () => {
    expect(
      vmIndicators({
        systemStrings: ['LENOVO', 'ThinkCentre M720t', 'Dell Inc.', 'OptiPlex 7090'],
        macAddresses: ['3c:7c:3f:11:22:33', 'F4-8E-38-AA-BB-CC'],
      }),
    ).toEqual([]);
  });

  it.each([
    [{ systemStrings: ['VMware, Inc.', 'VMware7,1'], macAddresses: [] }, ['VMware']],
    [
      { systemStrings: ['innotek GmbH', 'VirtualBox'], macAddresses: ['08:00:27:12:34:56'] },
      ['VirtualBox'],
    ],
    [{ systemStrings: ['QEMU', 'Standard PC (Q35 + ICH9, 2009)'], macAddresses: [] }, ['QEMU/KVM']],
    [
      {
        systemStrings: ['Microsoft Corporation', 'Virtual Machine'],
        macAddresses: ['00-15-5D-01-02-03'],
      },
      ['Hyper-V'],
    ],
    [
      { systemStrings: [], macAddresses: ['52:54:00:ab:cd:ef', '00:1C:42:00:00:01'] },
      ['Parallels', 'QEMU/KVM'],
    ],
  ])('names the product: %j', (facts, expected) => {
    expect(vmIndicators(facts)).toEqual(expected);
  });

  it('does not match words that merely contain a product name', () => {
    expect(
      vmIndicators({ systemStrings: ['Xenon Systems', 'QEMUTECH'], macAddresses: [] }),
    ).toEqual([]);
  });
});

describe('remoteTools', () => {
  it('finds remote-control tools by process name, with or without path and .exe', () => {
    expect(
      remoteTools([
        'explorer.exe',
        'C:\\Program Files\\ToDesk\\ToDesk.exe',
        'SunloginClient.exe',
        'TeamViewer_Service.exe',
        '/usr/bin/x11vnc',
        'chrome.exe',
        'ToDesk_Service.exe',
      ]),
    ).toEqual(['TeamViewer', 'ToDesk', 'VNC', '向日葵 (Sunlogin)']);
  });

  it('ignores look-alikes', () => {
    expect(remoteTools(['notanydesk.exe', 'teamviewerhelper.txt', 'vnc.md'])).toEqual([]);
  });
});
