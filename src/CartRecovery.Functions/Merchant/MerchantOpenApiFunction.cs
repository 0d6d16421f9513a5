using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CartRecovery.Functions.Merchant;

/// <summary>
/// <c>GET /api/openapi.json</c>: the merchant API's OpenAPI document. The worker has no ASP.NET Core endpoints to generate it
/// from, so this serves the server's document, committed as <c>Merchant/openapi.json</c> and kept equal to the server's by a
/// test (<c>MerchantOpenApiTests</c> in the server's tests).
/// </summary>
public sealed class MerchantOpenApiFunction
{
    private static readonly Lazy<byte[]> Document = new(() =>
    {
        using var stream = typeof(MerchantOpenApiFunction).Assembly.GetManifestResourceStream("CartRecovery.Functions.Merchant.openapi.json")
            ?? throw new InvalidOperationException("The OpenAPI document is not embedded in this build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });

    [Function("MerchantOpenApi")]
    public async Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequestData request,
        FunctionContext context)
    {
        var response = request.CreateResponse(HttpStatusCode.OK);
        response.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        await response.Body.WriteAsync(Document.Value, context.CancellationToken);
        return response;
    }
}
