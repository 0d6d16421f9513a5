namespace CartRecovery.Core.Targeting.Eligibility;

/// <summary>
/// A filter whose pass holds something for the step (the frequency cap reserves the customer's slot). The chain releases
/// the hold when a later filter skips or defers, and the step executor when the message was not sent after all.
/// </summary>
public interface IReservingFilter : IEligibilityFilter
{
    ValueTask ReleaseAsync(EligibilityContext context, CancellationToken cancellationToken);
}
