// The integration guide's three usage examples, rewritten with the typed client. Compiled with the client (tsc
// --strict in CI), so they keep to the document; README.md shows them. `api` stands for the dashboard's own backend.
import { createOdooFunctionsClient } from "../src/client.js";

/** The dashboard's own API client (axios-like), as in the guide. */
export interface DashboardApi {
  get(path: string): Promise<{ data: DashboardOrder[] }>;
  post(path: string, body: object): Promise<{ data: { _id: string; order_number: string } }>;
  patch(path: string, body: object): Promise<unknown>;
}

export interface DashboardOrder {
  _id: string;
  status: string;
  odoo_mo_id: number;
}

export const odoo = createOdooFunctionsClient({
  baseUrl: "https://odoofunctions.example.net",
  token: () => sessionStorage.getItem("jwt") ?? "",
});

// Example 1: sync products from Odoo.
export async function syncProducts(api: DashboardApi): Promise<void> {
  const { data, error } = await odoo.GET("/api/odoo/products", { params: { query: { limit: 50 } } });
  if (error) throw new Error(error.message);
  for (const product of data.data) {
    await api.post("/products", {
      name: product.name || undefined,
      reference: product.default_code || undefined,
      unit: product.uom_id ? product.uom_id[1] : undefined,
      description: product.description || undefined,
      odoo_id: product.id, // keep Odoo's id for the sync
    });
  }
}

// Example 2: create a manufacturing order in Odoo.
export async function createOrder(api: DashboardApi, odooProductId: number): Promise<void> {
  const localOrder = await api.post("/orders", { order_number: "ORD-001", product_id: "p-1", quantity: 100, deadline: "2025-11-15" });

  // The same key on a retry answers the order the first call made (200, duplicate: true) instead of a second one.
  const { data, error, response } = await odoo.POST("/api/odoo/manufacturing-orders", {
    params: { header: { "Idempotency-Key": `dashboard-order-${localOrder.data._id}` } },
    body: {
      product_id: odooProductId,
      product_qty: 100,
      date_deadline: "2025-11-15 17:00:00",
      origin: `Dashboard Order ${localOrder.data.order_number}`,
    },
  });
  if (error) throw new Error(`${response.status}: ${error.message}`);
  const order = data.data;
  await api.patch(`/orders/${localOrder.data._id}`, { odoo_mo_id: order.id, odoo_mo_name: order.name });
}

// Example 3: sync order states from Odoo. The app already does this every 5 minutes in a few batched calls (and
// within a second when Odoo pushes): POST /api/sync/run runs it now, GET /api/sync/status shows the last runs.
// Reading one order, as the guide's loop did:
const statusMap = {
  draft: "pending",
  confirmed: "pending",
  progress: "in_progress",
  to_close: "in_progress",
  done: "completed",
  cancel: "cancelled",
} as const;

export async function syncOrderStatus(api: DashboardApi): Promise<void> {
  const localOrders = await api.get("/orders?has_odoo_mo=true");
  for (const local of localOrders.data) {
    const { data, error } = await odoo.GET("/api/odoo/manufacturing-orders/{id}", { params: { path: { id: local.odoo_mo_id } } });
    if (error) continue; // e.g. 404: the order is gone from Odoo
    const order = data.data;
    const status = statusMap[order.state];
    if (local.status !== status) {
      await api.patch(`/orders/${local._id}`, { status, qty_produced: order.qty_produced });
    }
  }
}

export async function runSyncNow(): Promise<void> {
  const { data, error } = await odoo.POST("/api/sync/run");
  if (error) throw new Error(error.message);
  console.log(data.message);
}
