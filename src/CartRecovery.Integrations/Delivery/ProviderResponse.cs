using System.Net.Http.Headers;

namespace CartRecovery.Integrations.Delivery;

/// <summary>A successful (2xx) provider answer, read in full so the connection is released before the caller parses it.</summary>
public sealed record ProviderResponse(int Status, HttpResponseHeaders Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
