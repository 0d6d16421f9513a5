using System.Collections.Concurrent;

namespace CartRecovery.Storage.Tests.Tables;

/// <summary>
/// In front of a real <see cref="SocketsHttpHandler"/>: for each attempt, <see cref="Fault"/> may answer instead of the
/// network (a scripted 503, a hang, a thrown exception); returning null lets the request through to Azurite.
/// </summary>
internal sealed class FaultInjectingHandler(Func<int, HttpRequestMessage, CancellationToken, Task<HttpResponseMessage?>> fault)
    : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentQueue<RecordedAttempt> attempts = new();
    private int count;

    public Func<int, HttpRequestMessage, CancellationToken, Task<HttpResponseMessage?>> Fault { get; } = fault;

    public IReadOnlyList<RecordedAttempt> Attempts => attempts.ToArray();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref count);
        attempts.Enqueue(new RecordedAttempt(
            request.Method.Method,
            request.RequestUri!,
            request.Headers.TryGetValues("x-ms-date", out var date) ? date.Single() : null,
            request.Headers.TryGetValues("Authorization", out var auth) ? auth.Single() : null,
            DateTimeOffset.UtcNow));
        return await Fault(attempt, request, cancellationToken) ?? await base.SendAsync(request, cancellationToken);
    }
}
