namespace CartRecovery.Storage.Tables;

/// <summary>
/// The parts of a storage connection string the Table client needs: the account, its key and the table endpoint.
/// Accepts <c>UseDevelopmentStorage=true</c>, <c>DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…;EndpointSuffix=…</c>
/// and an explicit <c>TableEndpoint=…</c>. Errors name the faulty setting, never the key.
/// </summary>
public sealed record TableConnectionString(string AccountName, byte[] AccountKey, Uri TableEndpoint)
{
    public const string DevelopmentAccountName = "devstoreaccount1";

    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static readonly Uri DevelopmentTableEndpoint = new("http://127.0.0.1:10002/devstoreaccount1");

    /// <summary>Parses <paramref name="connectionString"/>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static TableConnectionString Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var settings = ReadSettings(connectionString);
        if (settings.Count == 0)
        {
            throw new FormatException("The storage connection string is empty.");
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var development))
        {
            return ParseDevelopmentStorage(development, settings);
        }

        if (settings.ContainsKey("SharedAccessSignature"))
        {
            throw new NotSupportedException("Connection strings with a SharedAccessSignature are not supported by this Table client; use an account key or a TableEndpoint with managed identity.");
        }

        var accountName = Required(settings, "AccountName");
        var accountKey = DecodeKey(Required(settings, "AccountKey"));
        var endpoint = settings.TryGetValue("TableEndpoint", out var explicitEndpoint)
            ? ParseEndpoint(explicitEndpoint, "TableEndpoint")
            : DefaultEndpoint(settings, accountName);
        return new TableConnectionString(accountName, accountKey, endpoint);
    }

    /// <summary>The endpoint as an account-qualified URL without a trailing slash (tables are appended as path segments).</summary>
    internal static Uri ParseEndpoint(string value, string settingName)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException($"{settingName} must be an absolute http or https URL.");
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new FormatException($"{settingName} must not carry a query or a fragment.");
        }

        return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
    }

    private static Dictionary<string, string> ReadSettings(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        foreach (var segment in connectionString.Split(';'))
        {
            position++;
            if (string.IsNullOrWhiteSpace(segment))
            {
                continue;
            }

            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                // The segment may be a fragment of a key, so it is never echoed.
                throw new FormatException($"The storage connection string is malformed: segment {position} is not a Name=Value pair.");
            }

            var name = segment[..equals].Trim();
            if (!settings.TryAdd(name, segment[(equals + 1)..].Trim()))
            {
                throw new FormatException($"The storage connection string sets '{name}' more than once.");
            }
        }

        return settings;
    }

    private static TableConnectionString ParseDevelopmentStorage(string value, Dictionary<string, string> settings)
    {
        if (!bool.TryParse(value, out var useDevelopment) || !useDevelopment)
        {
            throw new FormatException("UseDevelopmentStorage must be 'true' (or be left out).");
        }

        if (settings.ContainsKey("DevelopmentStorageProxyUri"))
        {
            throw new NotSupportedException("DevelopmentStorageProxyUri is not supported; set TableEndpoint, AccountName and AccountKey instead.");
        }

        return new TableConnectionString(DevelopmentAccountName, Convert.FromBase64String(DevelopmentAccountKey), DevelopmentTableEndpoint);
    }

    private static Uri DefaultEndpoint(Dictionary<string, string> settings, string accountName)
    {
        var protocol = settings.TryGetValue("DefaultEndpointsProtocol", out var p) ? p.ToLowerInvariant() : "https";
        if (protocol is not ("http" or "https"))
        {
            throw new FormatException("DefaultEndpointsProtocol must be 'http' or 'https'.");
        }

        var suffix = settings.TryGetValue("EndpointSuffix", out var s) ? s.Trim('.') : "core.windows.net";
        if (suffix.Length == 0 || Uri.CheckHostName(suffix) == UriHostNameType.Unknown)
        {
            throw new FormatException("EndpointSuffix must be a host name such as core.windows.net.");
        }

        if (Uri.CheckHostName(accountName) != UriHostNameType.Dns || accountName.Contains('.', StringComparison.Ordinal))
        {
            throw new FormatException("AccountName must be a storage account name (letters and digits).");
        }

        return new Uri($"{protocol}://{accountName}.table.{suffix}");
    }

    private static string Required(Dictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"The storage connection string has no {name}; give UseDevelopmentStorage=true, or AccountName and AccountKey (with TableEndpoint or EndpointSuffix).");

    private static byte[] DecodeKey(string accountKey)
    {
        var buffer = new byte[accountKey.Length];
        return Convert.TryFromBase64String(accountKey, buffer, out var written) && written > 0
            ? buffer[..written]
            : throw new FormatException("AccountKey is not valid base64.");
    }

    // The key stays out of ToString, logs and exception messages.
    public override string ToString() => $"AccountName={AccountName};TableEndpoint={TableEndpoint}";
}
