// The one way the portal talks to the server: JSON over /api/v1 with the session cookie and,
// on writes, the X-CSRF-Token header. Errors arrive in CONTRACT.md's shape and become an
// ApiError whose field details the forms show next to their fields.
import type { components, paths } from './generated/openapi';

// ---- the API's types, generated from docs/openapi.json (src/generated/openapi.d.ts) ----

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Success<R> = R extends { 200: infer X }
  ? X
  : R extends { 201: infer X }
    ? X
    : R extends { 202: infer X }
      ? X
      : never;
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

// What a successful call answers: ApiResponse<'/api/v1/ledger/checkpoint'>. Where the
// document still says only {"type": "object"} this is Record<string, unknown>, and the
// screens keep a hand-written type marked TODO(schema).
export type ApiResponse<P extends keyof paths, M extends Method = 'get'> = JsonOf<
  Success<Operation<P, M>['responses']>
>;
// The JSON body an operation takes.
export type ApiBody<P extends keyof paths, M extends Method> = JsonOf<NonNullable<Operation<P, M>['requestBody']>>;

export type ErrorBody = components['schemas']['Error'];
export type ErrorDetail = ErrorBody['error']['details'][number];

function isErrorBody(data: unknown): data is ErrorBody {
  if (!data || typeof data !== 'object' || !('error' in data)) return false;
  return !!data.error && typeof data.error === 'object';
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];

  constructor(status: number, code: string, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }

  // field -> reason (the first reason per field); "" collects errors without a field.
  fields(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) {
      const key = d.field || '';
      if (!(key in out)) out[key] = d.reason;
    }
    return out;
  }
}

export interface ListPage<T> {
  items: T[];
  next_cursor: string | null;
}

let csrfToken = '';
export function setCsrfToken(token: string) {
  csrfToken = token;
}
// The CSRF header for a write made with fetch itself (a download answered by a POST).
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

// Fired when a signed-in request comes back 401: the session ended (idle timeout, sign-out
// elsewhere, an administrator's action). The app shows the sign-in screen and comes back.
export const SESSION_EXPIRED = 'accord:session-expired';

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

export interface RequestOptions {
  query?: Query;
  // A raw body (a file upload) instead of JSON.
  raw?: Blob | ArrayBuffer | string;
  contentType?: string;
  signal?: AbortSignal;
  // Do not announce an expired session on 401 (the sign-in calls themselves).
  quiet401?: boolean;
}

export async function request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (opts.raw !== undefined) {
    payload = opts.raw as BodyInit;
    headers['Content-Type'] = opts.contentType || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!res.ok) {
    const err = isErrorBody(data) ? data.error : null;
    const e = new ApiError(
      res.status,
      err?.code || 'http_' + res.status,
      err?.message || `${method} ${path} failed with status ${res.status}`,
      Array.isArray(err?.details) ? err.details : [],
    );
    if (res.status === 401 && !opts.quiet401) window.dispatchEvent(new CustomEvent(SESSION_EXPIRED));
    throw e;
  }
  return data as T;
}

export const get = <T>(path: string, query?: Query, signal?: AbortSignal) =>
  request<T>('GET', path, undefined, { query, signal });
export const post = <T>(path: string, body?: unknown, opts?: RequestOptions) =>
  request<T>('POST', path, body ?? {}, opts);
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body);
export const del = <T>(path: string) => request<T>('DELETE', path);

// Every item of a list, following next_cursor: at most 20 pages of 500.
export async function listAll<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page: ListPage<T> = await get<ListPage<T>>(path, { ...query, limit: 500, cursor }, signal);
    out.push(...page.items);
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  return out;
}

// A message for a person: the server's message, or the field reasons when it has them.
export function describe(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
