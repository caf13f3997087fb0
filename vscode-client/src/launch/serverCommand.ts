/** The server should die rather than limp on in a broken state; the client notices and can restart it. */
export const EXIT_ON_OUT_OF_MEMORY = '-XX:+ExitOnOutOfMemoryError';

export interface ServerCommandInput {
  javaExecutable: string;
  jarPath: string;
  /** The `strata.server.vmargs` setting, as typed by the user. */
  vmargs?: string | null;
}

export interface ServerCommand {
  command: string;
  args: string[];
}

/** `java <jvm flags> -jar strata.jar lsp`: the user's flags come after ours so that theirs win where both are given. */
export function serverCommand(input: ServerCommandInput): ServerCommand {
  const userArgs = splitVmargs(input.vmargs ?? '');
  const defaults = userArgs.includes(EXIT_ON_OUT_OF_MEMORY) ? [] : [EXIT_ON_OUT_OF_MEMORY];
  return { command: input.javaExecutable, args: [...defaults, ...userArgs, '-jar', input.jarPath, 'lsp'] };
}

/**
 * Splits a command-line fragment the way a shell would for plain words and quotes:
 * `-Xmx1g "-Dname=a b" '-Dx=y z'` gives three arguments, quotes removed. A backslash escapes the next character.
 */
export function splitVmargs(text: string): string[] {
  const args: string[] = [];
  let current = '';
  let inWord = false;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && quote !== "'" && i + 1 < text.length) {
      current += text[++i];
      inWord = true;
    } else if (quote) {
      if (ch === quote) {
        quote = undefined;
      } else {
        current += ch;
      }
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) {
        args.push(current);
      }
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) {
    args.push(current);
  }
  return args;
}
