using System.Text.RegularExpressions;

namespace CartRecovery.Storage.Tables;

/// <summary>The Table service's rules for table names and keys, checked before any request is sent.</summary>
internal static partial class TableKeys
{
    public static void ValidateTableName(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (!TableNamePattern().IsMatch(tableName) || tableName.Equals("tables", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"'{tableName}' is not a valid table name: 3 to 63 letters and digits, starting with a letter (and not 'tables').",
                nameof(tableName));
        }
    }

    public static void ValidateKeys(string partitionKey, string rowKey)
    {
        ValidateKey(partitionKey, "PartitionKey");
        ValidateKey(rowKey, "RowKey");
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the rule a key breaks (the key itself is not echoed: it may be personal data).</summary>
    public static void ValidateKey(string? key, string name)
    {
        if (key is null)
        {
            throw new ArgumentNullException(name, $"{name} is required.");
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?')
            {
                throw new ArgumentException($"{name} may not contain '{c}' (the Table service forbids / \\ # ?).", name);
            }

            if (c is <= '\u001F' or (>= '\u007F' and <= '\u009F'))
            {
                throw new ArgumentException($"{name} may not contain the control character U+{(int)c:X4}.", name);
            }
        }

        // The service stores keys as UTF-16, so 1 KiB is 512 UTF-16 code units.
        if (key.Length * sizeof(char) > TableProtocol.MaxKeyBytes)
        {
            throw new ArgumentException($"{name} is longer than the Table service's limit of 1 KiB.", name);
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableNamePattern();
}
