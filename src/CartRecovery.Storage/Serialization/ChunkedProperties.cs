using System.IO.Compression;
using Azure.Data.Tables;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Serialization;

/// <summary>
/// Stores a byte payload (a webhook body, a JSON snapshot) in one entity: Brotli-compressed (JSON shrinks 5-10x) and split
/// into binary properties under the service's 64 KiB property limit, within its 1 MiB entity limit.
/// </summary>
public static class ChunkedProperties
{
    public const int ChunkBytes = 63 * 1024;
    public const int MaxChunks = 15;

    /// <summary>False when even compressed the data does not fit one entity.</summary>
    public static bool TryWrite(TableEntity entity, string prefix, ReadOnlySpan<byte> data)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(data.Length)];
        if (!BrotliEncoder.TryCompress(data, buffer, out var written, quality: 1, window: 22))
        {
            return false;
        }

        var chunks = (written + ChunkBytes - 1) / ChunkBytes;
        if (chunks > MaxChunks)
        {
            return false;
        }

        entity[prefix + "Length"] = data.Length;
        entity[prefix + "Chunks"] = chunks;
        for (var i = 0; i < chunks; i++)
        {
            var start = i * ChunkBytes;
            entity[prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = buffer.AsSpan(start, Math.Min(ChunkBytes, written - start)).ToArray();
        }

        return true;
    }

    public static byte[]? Read(TableEntity entity, string prefix)
    {
        if (entity.GetInt32(prefix + "Length") is not { } length || entity.GetInt32(prefix + "Chunks") is not { } chunks)
        {
            return null;
        }

        using var compressed = new MemoryStream();
        for (var i = 0; i < chunks; i++)
        {
            compressed.Write(entity.GetBinary(prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? throw new InvalidDataException($"Chunk {i} of {prefix} is missing."));
        }

        var data = new byte[length];
        if (!BrotliDecoder.TryDecompress(compressed.GetBuffer().AsSpan(0, (int)compressed.Length), data, out var written) || written != length)
        {
            throw new InvalidDataException($"{prefix} does not decompress to its recorded length.");
        }

        return data;
    }

    /// <summary>The names <see cref="TryWrite"/> may use, so a query can select just them.</summary>
    public static IEnumerable<string> Names(string prefix) =>
        new[] { prefix + "Length", prefix + "Chunks" }.Concat(Enumerable.Range(0, MaxChunks).Select(i => prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
