import { shell, type Session, type WebContents } from 'electron';

/** The CSP of `src-renderer/index.html`, also sent as a header on http loads. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob: shotdesk-media:; font-src 'self' data:; connect-src 'self'; media-src 'self' blob: shotdesk-media:; " +
  "base-uri 'none'; form-action 'none'; object-src 'none'";

/** Every permission request (camera, notifications, geolocation…) is refused. */
export function hardenSession(session: Session, devServerUrl: string | null): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Vite's dev server injects an inline preamble that a strict header would block.
  if (devServerUrl) return;
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] },
    });
  });
}

/** No navigation away from the app, no new windows; web and mailto links go to the OS. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

export function openExternally(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  // Studios link intranet pages over plain http too; never file:, javascript: or app schemes.
  if (['https:', 'http:', 'mailto:'].includes(parsed.protocol)) {
    void shell.openExternal(parsed.toString());
  }
}
