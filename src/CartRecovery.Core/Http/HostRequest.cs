namespace CartRecovery.Core.Http;

/// <summary>
/// An HTTP request as the host-neutral handlers see it: both hosts (ASP.NET Core and Azure Functions) map onto this,
/// so every rule about status codes and bodies lives once.
/// Header and route lookups are case-insensitive; <see cref="Body"/> is the raw bytes as received (webhook HMACs are over them).
/// </summary>
public sealed record HostRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Route,
    ReadOnlyMemory<byte> Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;

    public string? RouteValue(string name) => Route.TryGetValue(name, out var value) ? value : null;
}
