// What the JSON-file source needs: the path of a file of canonical-model records on the server. It
// stands in for an upload (the admin would store the file and keep its path), for tests and development.
import { z } from 'zod';

export const JsonFileCredentials = z.object({
  file: z.string().trim().min(1, 'Enter the path of a JSON file of Shipyard records'),
});
export type JsonFileCredentials = z.infer<typeof JsonFileCredentials>;
