namespace CartRecovery.Integrations.Acs;

/// <summary>An Azure Communication Services connection string: <c>endpoint=https://res.communication.azure.com/;accesskey=base64</c>.</summary>
public sealed record AcsConnectionString(Uri Endpoint, byte[] AccessKey)
{
    public static AcsConnectionString Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("The ACS connection string is not configured.");
        }

        var parts = connectionString
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("endpoint", out var endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException("The ACS connection string has no valid 'endpoint='.");
        }

        if (!parts.TryGetValue("accesskey", out var key))
        {
            throw new InvalidOperationException("The ACS connection string has no 'accesskey='.");
        }

        try
        {
            return new AcsConnectionString(uri, Convert.FromBase64String(key));
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("The ACS access key is not base64.");
        }
    }

    /// <summary>An absolute URL on the endpoint; the leading slash keeps <c>emails:send</c> from reading as a URI scheme.</summary>
    public Uri Resolve(string pathAndQuery) => new(Endpoint, "/" + pathAndQuery);
}
