// The protected customer data notice for the terminal: the same words as the migration page.
import { type CustomerDataNotice, customerDataWords } from '../app/pipeline/analysis/customer-data-notice.ts';

export function customerDataLines(notice: CustomerDataNotice): string[] {
  const words = customerDataWords(notice);
  return [`! ${words.title}.`, `  ${words.meaning}`, `  What to do: ${words.whatToDo}`];
}
