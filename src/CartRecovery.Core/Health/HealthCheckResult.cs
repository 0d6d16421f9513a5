namespace CartRecovery.Core.Health;

public sealed record HealthCheckResult(string Name, bool Healthy, string? Error, long ElapsedMs);
