using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace OdooFunctions.Functions.ManufacturingOrders.Creating;

/// <summary>
/// The storage row that one create request owns while it creates: one per Idempotency-Key, or one per origin
/// and product (a partition per origin). Keys and origins are hashed: any text is a valid key, and none is stored.
/// </summary>
public sealed record CreateClaim(ClaimKind Kind, string PartitionKey, string RowKey, string RequestHash)
{
    public static CreateClaim ForKey(string idempotencyKey, ManufacturingOrderCreate request) =>
        new(ClaimKind.IdempotencyKey, "key-" + Hash(idempotencyKey), "mrp.production.create", RequestHashOf(request));

    public static CreateClaim ForOrigin(string origin, long productId, ManufacturingOrderCreate request) =>
        new(ClaimKind.Origin, "origin-" + Hash(origin), "product-" + productId, RequestHashOf(request));

    /// <summary>The validated request's values (dates already in Odoo's UTC form), so equivalent bodies hash alike.</summary>
    private static string RequestHashOf(ManufacturingOrderCreate request) => Hash(new JsonArray(
        request.ProductId, request.ProductQty.ToString("G29", System.Globalization.CultureInfo.InvariantCulture),
        request.DatePlannedStart, request.DateDeadline, request.Origin, request.Priority).ToJsonString());

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
