/**
 * Command-line arguments of the editor commands, read by Node's own parseArgs; its English
 * errors are told in French, since editors read them.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class ArgumentError extends Error {}

export function readArguments<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = message.match(/'(-[^']*)'/)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new ArgumentError(`option inconnue ${option}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new ArgumentError(`l'option ${option.split(' ')[0]} attend une valeur`);
    throw new ArgumentError(message);
  }
}
