/** The part of the WebSocket API the SDK uses: the browser's `WebSocket` and the `ws` package both have it. */
export interface WebSocketLike {
  readonly readyState: number;
  readonly protocol: string;
  binaryType: string;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string | Uint8Array): void;
  close(code?: number, reason?: string): void;
}
export type WebSocketConstructor = new (url: string, protocols?: string[]) => WebSocketLike;

export const OPEN = 1;

/**
 * The platform's WebSocket, or the `ws` package in Node before 22 (a dependency of this package;
 * loaded only there, so browser bundles skip it).
 */
export async function resolveWebSocket(): Promise<WebSocketConstructor> {
  const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (global) return global;
  const name = 'ws';
  try {
    const module = (await import(/* webpackIgnore: true */ /* @vite-ignore */ name)) as {
      default: WebSocketConstructor | { default: WebSocketConstructor };
    };
    // ESM gives the constructor as `default`; some CommonJS interop wraps it once more.
    return typeof module.default === 'function' ? module.default : module.default.default;
  } catch (error) {
    throw new Error(
      `no WebSocket implementation: this runtime has no global WebSocket and the "ws" package could not be loaded ` +
        `(${(error as Error).message}); run "npm install ws" or pass { WebSocket } in the GameClient options`,
    );
  }
}

/** `url` with `param` added to its query string (before any fragment). */
export function withQuery(url: string, param: string): string {
  const hash = url.indexOf('#');
  const [base, fragment] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  return `${base}${base.includes('?') ? '&' : '?'}${param}${fragment}`;
}

/**
 * Calls `onHide` when the page is being unloaded (tab closed, navigation); returns the function
 * that stops listening. Outside a browser it does nothing.
 */
export function onPageHide(onHide: () => void): () => void {
  const target = (globalThis as { addEventListener?: EventTarget['addEventListener']; removeEventListener?: EventTarget['removeEventListener'] });
  if (typeof target.addEventListener !== 'function' || typeof (globalThis as { document?: unknown }).document === 'undefined') return () => {};
  const listener = () => onHide();
  target.addEventListener('pagehide', listener);
  return () => target.removeEventListener?.('pagehide', listener);
}
