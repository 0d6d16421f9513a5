using System.Collections;
using Azure;

namespace CartRecovery.Storage.Tables;

/// <summary>
/// A schemaless entity: keys plus a dictionary of typed properties (string, int, long, double, bool, DateTimeOffset, Guid, byte[]),
/// shaped like Azure.Data.Tables' <c>TableEntity</c> so the official client can replace this one with small changes.
/// </summary>
public sealed class TableEntity : ITableEntity, IDictionary<string, object?>
{
    private readonly Dictionary<string, object?> properties = new(StringComparer.Ordinal);

    public TableEntity()
    {
    }

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public ICollection<string> Keys => properties.Keys;

    public ICollection<object?> Values => properties.Values;

    public int Count => properties.Count;

    bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => false;

    public object? this[string key]
    {
        get => properties.TryGetValue(key, out var value) ? value : null;
        set => properties[key] = value;
    }

    public string? GetString(string key) => this[key] switch
    {
        null => null,
        string s => s,
        var other => throw WrongType(key, other, typeof(string)),
    };

    public int? GetInt32(string key) => this[key] switch
    {
        null => null,
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        var other => throw WrongType(key, other, typeof(int)),
    };

    public long? GetInt64(string key) => this[key] switch
    {
        null => null,
        long l => l,
        int i => i,
        var other => throw WrongType(key, other, typeof(long)),
    };

    public double? GetDouble(string key) => this[key] switch
    {
        null => null,
        double d => d,
        int i => i,
        long l => l,
        var other => throw WrongType(key, other, typeof(double)),
    };

    public bool? GetBoolean(string key) => Get<bool>(key);

    public DateTimeOffset? GetDateTimeOffset(string key) => this[key] switch
    {
        null => null,
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        var other => throw WrongType(key, other, typeof(DateTimeOffset)),
    };

    public Guid? GetGuid(string key) => Get<Guid>(key);

    public byte[]? GetBinary(string key) => this[key] switch
    {
        null => null,
        byte[] b => b,
        BinaryData b => b.ToArray(),
        var other => throw WrongType(key, other, typeof(byte[])),
    };

    public void Add(string key, object? value) => properties.Add(key, value);

    public bool ContainsKey(string key) => properties.ContainsKey(key);

    public bool Remove(string key) => properties.Remove(key);

    public bool TryGetValue(string key, out object? value) => properties.TryGetValue(key, out value);

    public void Add(KeyValuePair<string, object?> item) => properties.Add(item.Key, item.Value);

    public void Clear() => properties.Clear();

    public bool Contains(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)properties).Contains(item);

    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)properties).CopyTo(array, arrayIndex);

    public bool Remove(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)properties).Remove(item);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private T? Get<T>(string key)
        where T : struct => this[key] switch
    {
        null => null,
        T value => value,
        var other => throw WrongType(key, other, typeof(T)),
    };

    private static InvalidOperationException WrongType(string key, object value, Type wanted) =>
        new($"Property '{key}' holds a {value.GetType().Name}, not a {wanted.Name}.");
}
