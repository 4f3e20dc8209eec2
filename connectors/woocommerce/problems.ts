// Turns what went wrong talking to a store (a WooCommerce error body, a web page where data was
// expected, a refused connection) into a SourceError whose message tells the merchant what to do.
import { z } from 'zod';
import { SourceError } from '../source-connector.ts';

const WooErrorBody = z.object({ code: z.string(), message: z.string() });

/** The parts of an axios error we read; anything else counts as a network failure. */
const HttpFailure = z.object({
  code: z.string().optional(),
  message: z.string().optional(),
  response: z.object({ status: z.number(), data: z.unknown() }).optional(),
});

const KEYS_HELP =
  'In WordPress, open WooCommerce → Settings → Advanced → REST API, add a key with Read access for an Administrator or Shop Manager, and paste its consumer key and secret here.';

function pageTitle(body: string): string | null {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1]?.trim();
  return title ? title.replace(/\s+/g, ' ').slice(0, 120) : null;
}

function plain(message: string): string {
  return message.replace(/<[^>]+>/g, '').trim();
}

/** A store answer that is not WooCommerce JSON: a security plugin's page, a theme's 404, a gateway error. */
export function webPageProblem(status: number, body: string, host: string): SourceError {
  const title = pageTitle(body);
  const named = title ? ` (“${title}”)` : '';
  if (status >= 500)
    return new SourceError(
      'server-error',
      `${host} answered with a server error page${named}, HTTP ${status}. This is usually temporary: try again in a few minutes. If it keeps happening, the store’s host can see why in its error log.`,
    );
  if (status === 404)
    return new SourceError(
      'not-the-platform',
      `${host} answered, but not as a WooCommerce store: its page${named} says the API address does not exist. Check the store address: it is the address of your WordPress site, such as https://shop.example.com.`,
    );
  return new SourceError(
    'not-the-platform',
    `${host} answered with a web page${named} instead of WooCommerce data (HTTP ${status}). A security plugin or firewall (Wordfence, Cloudflare, your host’s) is probably blocking API requests: allow requests to ${host}/wp-json/ and try again.`,
  );
}

function wooProblem(status: number, code: string, message: string, host: string): SourceError {
  const said = `WooCommerce said: “${plain(message)}”`;
  if (code === 'rest_no_route')
    return new SourceError(
      'api-disabled',
      `${host} runs WordPress, but WooCommerce’s REST API is not there (${said}). Check that WooCommerce is active and up to date (3.5 or later) and that no plugin switches the REST API off.`,
    );
  if (['rest_cannot_access', 'rest_disabled', 'rest_login_required', 'rest_not_logged_in'].includes(code))
    return new SourceError(
      'api-disabled',
      `A plugin on ${host} lets only logged-in users use the REST API (${said}). Allow REST API access for WooCommerce in that plugin’s settings, then try again.`,
    );
  if (code === 'woocommerce_rest_authentication_error' && /read permission/i.test(message))
    return new SourceError(
      'forbidden',
      `This API key may only write, not read (${said}). Edit the key in WooCommerce → Settings → Advanced → REST API and give it Read access.`,
    );
  if (status === 401 && code === 'woocommerce_rest_cannot_view')
    return new SourceError(
      'wrong-credentials',
      `WooCommerce did not recognise the API key (${said}). If your store uses https://, enter its address with https://. Otherwise: ${KEYS_HELP}`,
    );
  if (status === 401)
    return new SourceError('wrong-credentials', `WooCommerce did not accept these API keys (${said}). ${KEYS_HELP}`);
  if (status === 403)
    return new SourceError(
      'forbidden',
      `The API key works, but its WordPress user may not read the store (${said}). ${KEYS_HELP}`,
    );
  if (status === 404)
    return new SourceError(
      'not-the-platform',
      `${host} answered, but not with the WooCommerce data Shipyard asked for (${said}). Check the store address.`,
    );
  if (status === 429)
    return new SourceError(
      'server-error',
      `${host} asks Shipyard to slow down (HTTP 429). Shipyard will try again shortly.`,
    );
  return new SourceError(
    'server-error',
    `${host} answered with an error, HTTP ${status} (${said}). This is usually temporary: try again in a few minutes.`,
  );
}

const NETWORK_WORDS: Record<string, string> = {
  ENOTFOUND: 'the address could not be found. Check the spelling of the store address',
  EAI_AGAIN: 'the address could not be looked up right now. Check the store address, then try again',
  ECONNREFUSED: 'it refused the connection. Check the store address and that the site is online',
  ECONNRESET: 'the connection was cut off. Try again in a few minutes',
  ECONNABORTED: 'it did not answer in time. Try again in a few minutes',
  ETIMEDOUT: 'it did not answer in time. Try again in a few minutes',
  CERT_HAS_EXPIRED: 'its HTTPS certificate has expired. Renew the certificate with your host',
  DEPTH_ZERO_SELF_SIGNED_CERT:
    'its HTTPS certificate is self-signed, so the connection cannot be trusted. Install a certificate from your host (Let’s Encrypt is free)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its HTTPS certificate is for another address. Check the store address',
};

/** Classifies a failed request made through the WooCommerce client. */
export function requestProblem(error: unknown, host: string): SourceError {
  if (error instanceof SourceError) return error;
  const parsed = HttpFailure.safeParse(error);
  const failure = parsed.success ? parsed.data : {};
  if (failure.response) {
    const { status, data } = failure.response;
    const body = WooErrorBody.safeParse(data);
    if (body.success) return wooProblem(status, body.data.code, body.data.message, host);
    if (typeof data === 'string' && data.trim() !== '') return webPageProblem(status, data, host);
    return wooProblem(status, 'unknown', `HTTP ${status} without an explanation`, host);
  }
  const words =
    (failure.code && NETWORK_WORDS[failure.code]) ?? `the connection failed (${failure.message ?? String(error)})`;
  return new SourceError('unreachable', `Shipyard could not reach ${host}: ${words}.`, { cause: error });
}
