/** The HTML frame shared by Strata's webviews: a strict CSP that admits only our own nonce-tagged script. */

export interface PageShellInput {
  title: string;
  cspSource: string;
  nonce: string;
  style: string;
  body: string;
  /** A bundled script's webview URI, or inline code; both run only with the nonce. */
  scriptUri?: string;
  inlineScript?: string;
}

export function pageShell(input: PageShellInput): string {
  const csp = [
    "default-src 'none'",
    `style-src ${input.cspSource} 'unsafe-inline'`,
    `script-src 'nonce-${input.nonce}'`,
    `img-src ${input.cspSource} data:`,
  ].join('; ');
  const script = input.scriptUri
    ? `<script nonce="${input.nonce}" src="${escapeHtml(input.scriptUri)}"></script>`
    : `<script nonce="${input.nonce}">${input.inlineScript ?? ''}</script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(input.title)}</title>
<style>${input.style}</style>
</head>
<body>
${input.body}
${script}
</body>
</html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function makeNonce(random: () => number = Math.random): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 32 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
}
