// The setup page's choices as the page holds them, and as the form it saves on every change: shared by
// the page (client) and its loader and action (server).
import { statusField } from './forms.ts';

/** The form as the page holds it: every field, so each change saves the whole draft. */
export interface ChoiceState {
  entities: string[];
  redirects: boolean;
  review: boolean;
  keepOrderNumbers: boolean;
  existingRecords: string;
  inviteCustomers: boolean;
  /** As the merchant writes them: "EUR=1.0850, GBP=1.17". */
  exchangeRates: string;
  cutLongText: boolean;
  broaderCoupons: boolean;
  writePolicies: boolean;
  /** Publication ids; null when the shop's channels could not be read (the form then does not send the choice). */
  channels: string[] | null;
  statuses: Record<string, { financial: string; fulfillment: string }>;
}

/** The fields sent as lists: checkbox groups. */
export const FORM_ARRAYS = ['entities', 'channels'];

export function choicesForm(choices: ChoiceState): FormData {
  const body = new FormData();
  for (const entity of choices.entities) body.append('entities', entity);
  if (choices.channels) for (const channel of ['', ...choices.channels]) body.append('channels', channel);
  for (const name of [
    'redirects',
    'review',
    'keepOrderNumbers',
    'inviteCustomers',
    'cutLongText',
    'broaderCoupons',
    'writePolicies',
  ] as const)
    if (choices[name]) body.set(name, 'on');
  body.set('existingRecords', choices.existingRecords);
  body.set('exchangeRates', choices.exchangeRates);
  for (const [status, mapped] of Object.entries(choices.statuses)) {
    body.set(statusField(status, 'financial'), mapped.financial);
    body.set(statusField(status, 'fulfillment'), mapped.fulfillment);
  }
  return body;
}
