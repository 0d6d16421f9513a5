namespace CartRecovery.Storage.Tests.Tables;

internal sealed record RecordedAttempt(string Method, Uri Uri, string? Date, string? Authorization, DateTimeOffset At);
