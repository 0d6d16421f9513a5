using CartRecovery.Core.Workflow;

namespace CartRecovery.Core.Tests.Workflow;

public sealed class StepRetryPolicyTests
{
    private static readonly StepRetryPolicy Policy = new(5, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30));

    [Fact]
    public void Attempts_stop_at_the_configured_number()
    {
        Assert.Equal([true, true, true, true, false, false], Enumerable.Range(1, 6).Select(Policy.RetriesAfter));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(4, 16)]
    public void Waits_double_from_the_first_delay_within_the_jitter(int failedAttempt, double seconds)
    {
        var delay = Policy.DelayAfter(failedAttempt, "shop/cart/step/email").TotalSeconds;

        Assert.InRange(delay, seconds * (1 - StepRetryPolicy.JitterSpread), seconds * (1 + StepRetryPolicy.JitterSpread));
    }

    [Fact]
    public void A_wait_never_exceeds_the_maximum()
    {
        Assert.All(Enumerable.Range(1, 40), attempt => Assert.True(Policy.DelayAfter(attempt, $"key-{attempt}") <= Policy.MaxRetryDelay));
    }

    [Fact]
    public void The_jitter_is_the_same_for_the_same_step_and_attempt_and_spreads_different_steps()
    {
        Assert.Equal(Policy.DelayAfter(2, "a/b/s1/email"), Policy.DelayAfter(2, "a/b/s1/email"));
        var spread = Enumerable.Range(0, 50).Select(i => Policy.DelayAfter(2, $"a/cart-{i}/s1/email")).Distinct().Count();
        Assert.True(spread > 40, $"only {spread} distinct waits for 50 steps");
    }

    [Theory]
    [InlineData(0, 2000, 60000, 30000, "StepMaxAttempts")]
    [InlineData(3, 0, 60000, 30000, "StepFirstRetryDelay")]
    [InlineData(3, 2000, 1000, 30000, "StepMaxRetryDelay")]
    [InlineData(3, 2000, 60000, 0, "StepAttemptTimeout")]
    public void A_bad_setting_is_named(int attempts, int firstMs, int maxMs, int timeoutMs, string setting)
    {
        var policy = new StepRetryPolicy(attempts, TimeSpan.FromMilliseconds(firstMs), TimeSpan.FromMilliseconds(maxMs), TimeSpan.FromMilliseconds(timeoutMs));

        Assert.Contains($"Recovery:{setting}", policy.Problem(), StringComparison.Ordinal);
        Assert.Null(Policy.Problem());
    }
}
