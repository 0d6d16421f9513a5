using System.Globalization;

namespace CartRecovery.Integrations.Messaging;

/// <summary>A readable store name from its permanent domain (<c>demo-store.myshopify.com</c> is "Demo Store"), for SMS sender lines.</summary>
public static class StoreNames
{
    public static string FromShopDomain(string shop)
    {
        var handle = shop.Split('.')[0];
        var words = handle.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(word.ToLowerInvariant()));
        var name = string.Join(' ', words);
        return name.Length == 0 ? shop : name;
    }
}
