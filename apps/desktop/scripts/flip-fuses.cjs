// electron-builder afterPack hook: flips Electron fuses on the packaged binary.
// The list and the reasons: electron-builder.yml and
// docs/deployment.md#packaging-the-desktop-app.
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

/** @param {{ appOutDir: string, electronPlatformName: string, packager: { executableName: string, appInfo: { productFilename: string } } }} context */
exports.default = async function flip(context) {
  const name = context.packager.appInfo.productFilename;
  const exe =
    context.electronPlatformName === 'win32'
      ? path.join(context.appOutDir, `${name}.exe`)
      : context.electronPlatformName === 'darwin'
        ? path.join(context.appOutDir, `${name}.app`)
        : path.join(context.appOutDir, context.packager.executableName);
  await flipFuses(exe, {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  });
};
