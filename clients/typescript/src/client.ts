import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";

/** The records the API answers, as the document describes them (Odoo's false for empty, [id, "name"] for a related record). */
export type Product = components["schemas"]["Product"];
export type ManufacturingOrder = components["schemas"]["ManufacturingOrder"];
export type Partner = components["schemas"]["Partner"];
export type StockQuant = components["schemas"]["StockQuant"];
export type SyncRun = components["schemas"]["SyncRun"];
export type Many2One = components["schemas"]["Many2One"];
export type ApiErrorEnvelope = components["schemas"]["ErrorEnvelope"];

/** The dashboard's JWT: a token, or a function asked before every request (so a refreshed token is picked up). */
export type TokenSource = string | (() => string | Promise<string>);

export interface OdooFunctionsClientOptions {
  /** The app's origin, e.g. `https://odoofunctions.azurewebsites.net`: the document's paths start with `/api`. */
  baseUrl: string;
  token: TokenSource;
  /** Another fetch (tests, server-side rendering); the global one by default. */
  fetch?: typeof globalThis.fetch;
}

/** The typed client: `GET`, `POST`, `PUT`… take the document's paths, parameters and bodies, and return its answers. */
export type OdooFunctionsClient = Client<paths>;

export function createOdooFunctionsClient(options: OdooFunctionsClientOptions): OdooFunctionsClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const bearer: Middleware = {
    async onRequest({ request }) {
      const token = typeof options.token === "function" ? await options.token() : options.token;
      request.headers.set("Authorization", `Bearer ${token}`);
      return request;
    },
  };
  client.use(bearer);
  return client;
}
