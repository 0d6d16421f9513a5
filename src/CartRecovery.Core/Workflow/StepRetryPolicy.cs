using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Core.Workflow;

/// <summary>
/// How a step is retried: the one retry layer, applied the same way by both engines (the embedded runner's Polly retry and the
/// Durable orchestrator's retry handler both ask this policy). At most <see cref="MaxAttempts"/> attempts in all, each cut off
/// after <see cref="AttemptTimeout"/> (<see cref="StepAttempt"/>); between them exponential backoff from
/// <see cref="FirstRetryDelay"/> (doubling) up to <see cref="MaxRetryDelay"/>, with jitter. Providers make one call per
/// attempt, so a step that always fails costs exactly <see cref="MaxAttempts"/> provider calls.
/// </summary>
/// <remarks>
/// The jitter is derived from the step's idempotency key and the attempt number, not drawn at random: an orchestrator must be
/// deterministic on replay, and the same rule then holds for the embedded runner. Different steps still spread out.
/// A provider's Retry-After is not honoured: the Durable retry handler sees only the failure's type and message, and a rule
/// one engine cannot apply is applied by neither (docs/workflow.md, "One retry layer").
/// </remarks>
public sealed record StepRetryPolicy(int MaxAttempts, TimeSpan FirstRetryDelay, TimeSpan MaxRetryDelay, TimeSpan AttemptTimeout)
{
    public const double BackoffCoefficient = 2.0;

    /// <summary>Each wait is the computed backoff times a factor between 1 − this and 1 + this.</summary>
    public const double JitterSpread = 0.25;

    public static StepRetryPolicy From(RecoveryOptions options) =>
        new(options.StepMaxAttempts, options.StepFirstRetryDelay, options.StepMaxRetryDelay, options.StepAttemptTimeout);

    /// <summary>Whether another attempt follows attempt <paramref name="failedAttempt"/> (1 for the first) that failed.</summary>
    public bool RetriesAfter(int failedAttempt) => failedAttempt < MaxAttempts;

    /// <summary>The wait after attempt <paramref name="failedAttempt"/> (1 for the first) failed, before the next one.</summary>
    public TimeSpan DelayAfter(int failedAttempt, string stepKey)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempt, 1);
        var exponent = Math.Min(failedAttempt - 1, 30);
        var backoff = FirstRetryDelay.TotalMilliseconds * Math.Pow(BackoffCoefficient, exponent);
        var jittered = Math.Min(backoff, MaxRetryDelay.TotalMilliseconds) * (1 + (JitterSpread * ((2 * Fraction(stepKey, failedAttempt)) - 1)));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, MaxRetryDelay.TotalMilliseconds));
    }

    /// <summary>Null when the values make sense, else what is wrong, naming the setting.</summary>
    public string? Problem() =>
        MaxAttempts < 1 ? $"{RecoveryOptions.Section}:StepMaxAttempts must be at least 1 (was {MaxAttempts})."
        : FirstRetryDelay <= TimeSpan.Zero ? $"{RecoveryOptions.Section}:StepFirstRetryDelay must be positive (was {FirstRetryDelay})."
        : MaxRetryDelay < FirstRetryDelay ? $"{RecoveryOptions.Section}:StepMaxRetryDelay must not be below StepFirstRetryDelay (was {MaxRetryDelay})."
        : AttemptTimeout <= TimeSpan.Zero ? $"{RecoveryOptions.Section}:StepAttemptTimeout must be positive (was {AttemptTimeout})."
        : null;

    /// <summary>A number in [0, 1) that depends only on the step and the attempt.</summary>
    private static double Fraction(string stepKey, int attempt)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{stepKey}#{attempt}"), hash);
        return BinaryPrimitives.ReadUInt32BigEndian(hash) / (uint.MaxValue + 1.0);
    }
}
