// The learner's digits to and from a file (store.js's format): export
// downloads them, import reads the file the learner chose.
import { downloadText } from '../common/download.js';
import { toFileText, fromFileText } from './store.js';

export const FILE_NAME = 'weightlab-digits.json';

export function exportExamples(list) {
  downloadText(toFileText(list), FILE_NAME);
}

// The examples in a chosen File; throws an Error naming what is wrong with it.
export async function importExamples(file) {
  return fromFileText(await file.text());
}
