namespace CartRecovery.Core.Http;

/// <summary>Reading a request body up to a limit, the same way on both hosts (each handler owns its limit as a constant).</summary>
public static class HostBody
{
    /// <summary>The limit of a route whose handler names none.</summary>
    public const long DefaultMaxBytes = 1024 * 1024;

    private const int ChunkBytes = 16 * 1024;

    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/> (read no further than the limit).</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(Stream body, long maxBytes, long? declaredLength, CancellationToken cancellationToken)
    {
        if (declaredLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(declaredLength is { } length ? (int)length : 4096);
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>The answer to a body over the limit: 413, before the handler runs.</summary>
    public static HostResponse TooLarge(long maxBytes) =>
        HostResponse.Problem(413, "Payload too large", $"The body exceeds the limit of {maxBytes} bytes.");
}
