using System.Net;

namespace CartRecovery.Storage.Bench;

/// <summary>Answers every request with the 204 + ETag a write gets, without a network, so only the client's own work is measured.</summary>
internal sealed class CannedResponseHandler : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = new HttpResponseMessage(HttpStatusCode.NoContent) { RequestMessage = request };
        response.Headers.TryAddWithoutValidation("ETag", "W/\"datetime'2026-11-21T20%3A00%3A00.0000000Z'\"");
        return Task.FromResult(response);
    }
}
