import { EditorError } from '../../src/editor/editions.ts';

/** The refusal an editor command throws, as the command prints it; any other outcome fails the test. */
export function refusal(action: () => unknown): EditorError {
  try {
    action();
  } catch (error) {
    if (error instanceof EditorError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
