using System.Text.Json;

namespace CartRecovery.Core.Privacy;

/// <summary>Builds the answer to a data request: every <see cref="IPersonalDataHolder"/>'s records about the customer, one section each.</summary>
public static class PrivacyExport
{
    // Names stay readable in the file handed to the customer (still escaping what HTML would interpret).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static async Task<(byte[] Json, int Records)> BuildAsync(
        IEnumerable<IPersonalDataHolder> holders, string shop, string requestId, CustomerRef customer, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        var sections = new SortedDictionary<string, IReadOnlyList<object>>(StringComparer.Ordinal);
        foreach (var holder in holders)
        {
            sections[holder.Name] = await holder.ExportCustomerAsync(shop, customer, cancellationToken).ConfigureAwait(false);
        }

        var document = new { requestId, shop, customer, generatedAt, data = sections };
        return (JsonSerializer.SerializeToUtf8Bytes(document, Json), sections.Values.Sum(s => s.Count));
    }
}
