namespace CartRecovery.Core.Health;

public sealed record HealthReport(string Status, IReadOnlyList<HealthCheckResult> Checks);
