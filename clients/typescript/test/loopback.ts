// Calls a running OdooFunctions app through the typed client: lists products, reads one manufacturing order, and
// creates one twice with one Idempotency-Key. The C# test ClientOverLoopbackTests starts the app against the Odoo
// double and runs this with ODOOFUNCTIONS_BASE_URL, ODOOFUNCTIONS_TOKEN and ODOOFUNCTIONS_PRODUCT_ID (a product Odoo
// can make) set. Prints one line per check; exits 1 if any failed. Never prints the token.
import { randomUUID } from "node:crypto";
import { createOdooFunctionsClient } from "../src/client.js";

const baseUrl = required("ODOOFUNCTIONS_BASE_URL");
const odoo = createOdooFunctionsClient({ baseUrl, token: required("ODOOFUNCTIONS_TOKEN") });
const productId = Number(required("ODOOFUNCTIONS_PRODUCT_ID"));
let failed = 0;

const products = await odoo.GET("/api/odoo/products", { params: { query: { limit: 50 } } });
const productList = list(products.data, "data");
check(products.response.status === 200 && field(products.data, "success") === true, `GET /api/odoo/products answers 200 with success (${products.response.status})`);
check(field(products.data, "count") === productList.length, `count (${String(field(products.data, "count"))}) is the number of products listed (${productList.length})`);
check(productList.length > 0 && productList.every((p) => typeof field(p, "id") === "number"), `every listed product has a numeric id`);

const orders = await odoo.GET("/api/odoo/manufacturing-orders", { params: { query: { limit: 1 } } });
const firstId = field(list(orders.data, "data")[0], "id");
check(typeof firstId === "number", `GET /api/odoo/manufacturing-orders lists an order (id ${String(firstId)})`);
if (typeof firstId === "number") {
  const order = await odoo.GET("/api/odoo/manufacturing-orders/{id}", { params: { path: { id: firstId } } });
  check(order.response.status === 200 && field(field(order.data, "data"), "id") === firstId, `GET /api/odoo/manufacturing-orders/${firstId} reads that order (${order.response.status})`);
}

{
  const key = randomUUID();
  const create = () =>
    odoo.POST("/api/odoo/manufacturing-orders", {
      params: { header: { "Idempotency-Key": key } },
      body: { product_id: productId, product_qty: 2, origin: `TypeScript client ${key}` },
    });
  const created = await create();
  const id = field(field(created.data, "data"), "id");
  check(created.response.status === 201 && typeof id === "number", `POST /api/odoo/manufacturing-orders creates an order: 201, data.id ${String(id)} (${created.response.status})`);
  check(field(created.data, "duplicate") === false, `the first create has duplicate: false (${String(field(created.data, "duplicate"))})`);
  const again = await create();
  check(again.response.status === 200 && field(field(again.data, "data"), "id") === id, `the same Idempotency-Key again answers 200 with the same data.id (${again.response.status}, ${String(field(field(again.data, "data"), "id"))})`);
  check(field(again.data, "duplicate") === true, `the repeated create has duplicate: true (${String(field(again.data, "duplicate"))})`);
  console.log(`created manufacturing order ${String(id)}`);
}

console.log(failed === 0 ? "all checks passed" : `${failed} checks failed`);
process.exitCode = failed === 0 ? 0 : 1;

function check(ok: boolean, what: string): void {
  console.log(`${ok ? "ok" : "not ok"} - ${what}`);
  failed += ok ? 0 : 1;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

// Read by name: this program must hold for any schema the document gives these answers.
function field(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

function list(value: unknown, name: string): unknown[] {
  const items = field(value, name);
  return Array.isArray(items) ? items : [];
}
