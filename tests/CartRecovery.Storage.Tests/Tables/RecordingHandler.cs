using System.Collections.Concurrent;

namespace CartRecovery.Storage.Tests.Tables;

/// <summary>Sits in front of a real <see cref="SocketsHttpHandler"/> and records what the client sends, to check URLs and attempts.</summary>
internal sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentQueue<RecordedAttempt> attempts = new();

    public IReadOnlyList<RecordedAttempt> Attempts => attempts.ToArray();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        attempts.Enqueue(new RecordedAttempt(
            request.Method.Method,
            request.RequestUri!,
            request.Headers.TryGetValues("x-ms-date", out var date) ? date.Single() : null,
            request.Headers.TryGetValues("Authorization", out var auth) ? auth.Single() : null,
            DateTimeOffset.UtcNow));
        return base.SendAsync(request, cancellationToken);
    }
}
